import { Text, View } from '@tarojs/components';
import type { FeeView } from '../../../services/reissueApi';
import './reissue.scss';

/** 补领费 40 元 + 邮寄费…, then the total (amounts as the function gives them, in yuan). */
export function FeeList({ fee }: { fee: FeeView }) {
  return (
    <View className="fee-list" data-field="fee">
      {fee.lines.map((l) => (
        <View key={l.label} className="fee-line">
          <View>
            <Text>{l.label}</Text>
            {l.note && <Text className="fee-line__note">{l.note}</Text>}
          </View>
          <Text className="fee-line__amount">¥{l.amount}</Text>
        </View>
      ))}
      <View className="fee-line fee-line--total">
        <Text>合计</Text>
        <Text className="fee-line__amount" data-field="feeTotal">
          ¥{fee.total}
        </Text>
      </View>
    </View>
  );
}
