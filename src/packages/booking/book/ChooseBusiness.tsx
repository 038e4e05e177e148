import { Text, View } from '@tarojs/components';
import type { GuideSummaryView } from '../../../../core/guide/views';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { guideApi } from '../../../services/guideApi';
import { useRemote } from '../../../services/useRemote';
import './index.scss';
import { tappable } from '../../../components/tappable';

async function bookableByCategory(): Promise<Array<{ id: string; name: string; guides: GuideSummaryView[] }>> {
  const { categories } = await guideApi.categories();
  const lists = await Promise.all(categories.map((c) => guideApi.list({ categoryId: c.id })));
  return categories.map((c, i) => ({ id: c.id, name: c.name, guides: lists[i].guides.filter((g) => g.bookable) })).filter((c) => c.guides.length > 0);
}

/** Step 0 when the page is opened without a business: the bookable guides, by category. */
export function ChooseBusiness({ onChoose }: { onChoose: (guide: GuideSummaryView) => void }) {
  const groups = useRemote(bookableByCategory, 'bookable');
  return (
    <>
      <Text className="notice">请选择要办理的事项，再选择大厅和时间。</Text>
      <LoadState remote={groups}>
        {groups.data?.map((c) => (
          <Section key={c.id} title={c.name}>
            {c.guides.map((g) => (
              <View key={g.id} className="business-row" hoverClass="business-row--pressed" data-business={g.id} {...tappable()} onClick={() => onChoose(g)}>
                <View className="business-row__main">
                  <Text className="business-row__title">{g.title}</Text>
                  <Text className="business-row__summary">{g.summary}</Text>
                </View>
                <Text className="business-row__chevron">›</Text>
              </View>
            ))}
          </Section>
        ))}
      </LoadState>
    </>
  );
}
