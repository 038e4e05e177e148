import { useState } from 'react';
import { formatReferenceNumber } from '../../../../core/reference/referenceNumber';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Empty } from '../../../components/nutui';
import { businessApi } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { StateTag } from '../components/StateTag';
import '../../../components/Form.scss';
import '../components/business.scss';
import { tappable } from '../../../components/tappable';

/** What the queue shows: waiting for the hall (the function's default), or the certificates issued (to revoke one). */
const FILTERS = [
  { key: 'open', title: '待处理', states: undefined },
  { key: 'issued', title: '已出具证明', states: ['issued', 'revoked'] },
  { key: 'closed', title: '已结束', states: ['rejected', 'withdrawn', 'lapsed', 'completed'] },
] as const;

/** Officer: the hall's business applications waiting for it, oldest submission first, overdue flagged, correction rounds shown. */
export default function BusinessReview() {
  const halls = useRemote(() => businessApi.reviewHalls(), 'biz-halls');
  const [chosen, setChosen] = useState('');
  const hallId = chosen || halls.data?.halls[0]?.id || '';
  const [filter, setFilter] = useState<(typeof FILTERS)[number]['key']>('open');
  const states = FILTERS.find((f) => f.key === filter)!.states;
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const queue = useRemote(
    () => (hallId ? businessApi.queue(hallId, states ? [...states] : undefined) : Promise.resolve({ applications: [] })),
    `biz-queue:${hallId}:${filter}:${shown}`,
  );
  const apps = queue.data?.applications ?? [];

  return (
    <PageShell className="biz-review">
      <LoadState remote={halls}>
        <HallChips halls={halls.data?.halls ?? []} chosen={hallId} onChoose={setChosen} />
        <Section title="筛选">
          <View className="chips">
            {FILTERS.map((f) => (
              <Text
                key={f.key}
                className={`chip ${f.key === filter ? 'chip--on' : ''}`}
                data-filter={f.key}
                {...tappable('button', { pressed: f.key === filter })}
                onClick={() => setFilter(f.key)}
              >
                {f.title}
              </Text>
            ))}
          </View>
        </Section>
        <LoadState remote={queue}>
          {apps.length === 0 ? (
            <Empty title="没有申请" description={filter === 'open' ? '新提交和补正后重新提交的申请会出现在这里。' : '换个筛选条件看看。'} />
          ) : (
            <Section title={`${halls.data?.halls.find((h) => h.id === hallId)?.name ?? ''} · 共 ${apps.length} 件${filter === 'open' ? ' · 最早提交的在前' : ''}`}>
              {apps.map((a) => (
                <View
                  key={a.id}
                  className="app-row"
                  data-application={a.id}
                  data-state={a.state}
                  {...tappable('link')}
                  onClick={() => Taro.navigateTo({ url: `/packages/business/case/index?id=${a.id}` })}
                >
                  <View className="app-row__head">
                    <Text className="app-row__title">
                      {a.subjectNameMasked} · {a.kindName}
                    </Text>
                    <StateTag state={a.state} name={a.stateName} />
                  </View>
                  {a.refNumber && (
                    <Text className="app-row__line" data-ref-number={a.refNumber}>
                      办件编号 {formatReferenceNumber(a.refNumber)}
                    </Text>
                  )}
                  <Text className="app-row__line">
                    {a.submittedAt ?? a.createdAt} 提交{a.reviewDue ? ` · 审核期限 ${a.reviewDue}` : ''}
                  </Text>
                  {a.correctionRounds > 0 && (
                    <Text className="app-row__line" data-correction-rounds={a.correctionRounds}>
                      已补正 {a.correctionRounds} 次
                    </Text>
                  )}
                  {a.overdue && (
                    <Text className="app-row__overdue" data-overdue="yes">
                      ⚠ 审核已超期
                    </Text>
                  )}
                </View>
              ))}
            </Section>
          )}
        </LoadState>
      </LoadState>
    </PageShell>
  );
}
