import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Section } from '../../../../components/Section';
import { Button } from '../../../../components/nutui';

/** Not verified yet: say why, and lead to 实名认证. */
export function NeedVerification() {
  return (
    <Section title="请先实名认证">
      <Text className="loss-step__text" data-need="verification">
        网上补换领身份证需要先确认您的身份。认证后，可为本人和同户的家人申请。
      </Text>
      <View className="form-actions">
        <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/identity/consent/index' })}>
          去实名认证
        </Button>
      </View>
    </Section>
  );
}
