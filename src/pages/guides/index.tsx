import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { GuideList } from '../../components/GuideList';
import { SearchHelp } from '../../components/SearchHelp';
import { LoadState } from '../../components/LoadState';
import { Empty, SearchBar } from '../../components/nutui';
import type { GuideSummaryView } from '../../../core/guide/views';
import { guideApi, type SearchAnswer } from '../../services/guideApi';
import { useRemote } from '../../services/useRemote';
import './index.scss';
import { tappable } from '../../components/tappable';
import { Search } from '@nutui/icons-react-taro';

const CROSS = 'cross-province';

/** Search and browse: category chips (跨省通办 first), or results for typed keywords. */
export default function Guides() {
  const { params } = useRouter();
  const [input, setInput] = useState(params.q ? decodeURIComponent(params.q) : '');
  const [query, setQuery] = useState(input);
  const [tab, setTab] = useState(params.cross === '1' ? CROSS : (params.category ?? CROSS));

  const categories = useRemote(() => guideApi.categories(), 'categories');
  const q = query.trim();
  const listing = useRemote<{ guides: GuideSummaryView[] } & Partial<SearchAnswer>>(
    () => (q ? guideApi.search(q) : tab === CROSS ? guideApi.list({ crossProvince: true }) : guideApi.list({ categoryId: tab })),
    q ? `q:${q}` : `tab:${tab}`,
  );
  // Search answers may carry a pointer to another office and, with no result, the hotline.
  const answer = q ? listing.data : undefined;

  return (
    <PageShell className="guides">
      <View className="guides__search">
        <SearchBar
          value={input}
          shape="round"
          placeholder="搜索事项或材料，如：迁户口、录取通知书"
          // NutUI's autoFocus calls Input.focus() before Taro's H5 input exists (a page error on
          // slow devices); the input's own focus props focus it once it renders, on both platforms.
          inputProps={params.focus === '1' ? { focus: true, autoFocus: true } : undefined}
          maxLength={40}
          // The magnifier is a picture, not a control: hidden from screen readers (and the tap check).
          leftIn={
            <View aria-hidden>
              <Search />
            </View>
          }
          onChange={(v: string) => {
            setInput(v);
            if (!v.trim()) setQuery('');
          }}
          onSearch={(v: string) => setQuery(v)}
          onClear={() => {
            setInput('');
            setQuery('');
          }}
          right={
            <Text className="guides__search-button" {...tappable()} onClick={() => setQuery(input)}>
              搜索
            </Text>
          }
        />
      </View>

      {!q && (
        <ScrollView scrollX className="guides__tabs" enhanced showScrollbar={false}>
          <View className="guides__tabs-inner">
            {[{ id: CROSS, name: '跨省通办' }, ...(categories.data?.categories ?? [])].map((c) => (
              <Text
                key={c.id}
                className={`guides__tab ${tab === c.id ? 'guides__tab--active' : ''}`}
                data-tab={c.id}
                {...tappable('button', { pressed: tab === c.id })}
                onClick={() => setTab(c.id)}
              >
                {c.name}
              </Text>
            ))}
          </View>
        </ScrollView>
      )}

      {q && !listing.loading && listing.data && (
        <Text className="guides__count">
          “{q}” 找到 {listing.data.guides.length} 项
        </Text>
      )}
      <LoadState remote={listing}>
        {answer?.elsewhere && answer.guides.length > 0 && <SearchHelp elsewhere={answer.elsewhere} />}
        {listing.data && listing.data.guides.length === 0 ? (
          <>
            {/* Another office's business: its pointer is the answer, not a "nothing found". */}
            {!answer?.elsewhere && <Empty title="没有找到相关事项" description="换个说法试试，如“户口迁移”“身份证”，或电话、到大厅咨询" />}
            <SearchHelp elsewhere={answer?.elsewhere} hotline={answer?.hotline} />
          </>
        ) : (
          <GuideList guides={listing.data?.guides ?? []} />
        )}
      </LoadState>
    </PageShell>
  );
}
