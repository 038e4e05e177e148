import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/nutui';
import { Section } from '../../../components/Section';
import '../../../components/Form.scss';
import './booking.scss';

/** Booking is for verified citizens only: say so, and lead to 实名认证. */
export function VerifyFirst() {
  return (
    <Section title="请先实名认证">
      <Text className="verify-first__text" data-need="verification">
        预约大厅窗口需要先确认您的身份。认证后，可为本人和同户的家人预约。
      </Text>
      <View className="form-actions">
        <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/identity/consent/index' })}>
          去实名认证
        </Button>
      </View>
    </Section>
  );
}
