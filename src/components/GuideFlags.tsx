import { View } from '@tarojs/components';
import { Tag } from './nutui';
import './GuideFlags.scss';

/** The badges a citizen looks for first: 跨省通办, 可网上办理, 可预约. */
export function GuideFlags({ crossProvince, online, bookable }: { crossProvince: boolean; online: boolean; bookable: boolean }) {
  return (
    <View className="guide-flags">
      {crossProvince && (
        <Tag className="guide-flag" background="#1f5fbf" color="#ffffff">
          跨省通办
        </Tag>
      )}
      {online && (
        <Tag className="guide-flag" background="#e5f5eb" color="#137a3a">
          可网上办理
        </Tag>
      )}
      {bookable && (
        <Tag className="guide-flag" background="#fff4dc" color="#8a5a00">
          可预约
        </Tag>
      )}
    </View>
  );
}
