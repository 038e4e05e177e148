import { Text, View } from '@tarojs/components';
import './GuideFlags.scss';

/** The badges a citizen looks for first: 跨省通办, 可网上办理, 可预约 (plain text, not controls). */
export function GuideFlags({ crossProvince, online, bookable }: { crossProvince: boolean; online: boolean; bookable: boolean }) {
  return (
    <View className="guide-flags">
      {crossProvince && <Text className="guide-flag guide-flag--cross">跨省通办</Text>}
      {online && <Text className="guide-flag guide-flag--online">可网上办理</Text>}
      {bookable && <Text className="guide-flag guide-flag--bookable">可预约</Text>}
    </View>
  );
}
