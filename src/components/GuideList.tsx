import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GuideSummaryView } from '../../core/guide/views';
import { GuideFlags } from './GuideFlags';
import './GuideList.scss';
import { tappable } from './tappable';

const MATCHED_IN = { title: '', alias: '俗称', material: '材料含', summary: '' } as const;

/** Tappable guide rows; in search results, says where the keywords were found. */
export function GuideList({ guides }: { guides: readonly GuideSummaryView[] }) {
  return (
    <View className="guide-list">
      {guides.map((g) => (
        <View
          key={g.id}
          className="guide-list__item"
          hoverClass="guide-list__item--pressed"
          data-guide-id={g.id}
          {...tappable('link')}
          onClick={() => Taro.navigateTo({ url: `/pages/guide/index?id=${g.id}` })}
        >
          <View className="guide-list__main">
            <Text className="guide-list__title">{g.title}</Text>
            <Text className="guide-list__summary">{g.summary}</Text>
            {g.matched && MATCHED_IN[g.matched.field] && (
              <Text className="guide-list__matched">
                {MATCHED_IN[g.matched.field]}「{g.matched.text}」
              </Text>
            )}
            <GuideFlags crossProvince={g.crossProvince} online={g.online} bookable={g.bookable} />
          </View>
          <Text className="guide-list__chevron">›</Text>
        </View>
      ))}
    </View>
  );
}
