import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from './nutui';
import { Section } from './Section';
import './Form.scss';
import './VerifyFirst.scss';

/** A service for verified citizens only: say why (`why`), and lead to 实名认证. */
export function VerifyFirst({ why }: { why: string }) {
  return (
    <Section title="请先实名认证">
      <Text className="verify-first__text" data-need="verification">
        {why}
      </Text>
      <View className="form-actions">
        <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/identity/consent/index' })}>
          去实名认证
        </Button>
      </View>
    </Section>
  );
}
