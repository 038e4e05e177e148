import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Section } from '../../../../components/Section';
import { Button } from '../../../../components/nutui';
import type { EligibilityView } from '../../../../services/reissueApi';
import { REISSUE_BUSINESS } from '../loadBasics';
import { tappable } from '../../../../components/tappable';

/** Not online: the function's reasons, each with its way on (book the hall, or the open application). */
export function Ineligible({ eligibility }: { eligibility: EligibilityView }) {
  return (
    <Section title="暂不能网上办理">
      <View className="reason-list" data-eligible="no">
        {eligibility.reasons.map((r) => (
          <View key={r.code} className="reason-list__item" data-reason-code={r.code}>
            <Text className="reason-list__message">{r.message}</Text>
            {r.next === 'bookHall' && (
              <Button className="reason-list__button" onClick={() => Taro.navigateTo({ url: `/packages/booking/book/index?business=${REISSUE_BUSINESS}` })}>
                预约到大厅办理
              </Button>
            )}
            {r.next === 'viewApplication' && eligibility.openApplicationId && (
              <Text
                className="reason-list__link"
                {...tappable('link')}
                onClick={() => Taro.navigateTo({ url: `/packages/reissue/track/index?id=${eligibility.openApplicationId}` })}
              >
                查看正在办理的申请 ›
              </Text>
            )}
          </View>
        ))}
      </View>
    </Section>
  );
}
