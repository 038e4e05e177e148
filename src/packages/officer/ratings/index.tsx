import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { pageMessages } from '../../../../core/errors/pageMessages';
import { ApiError } from '../../../services/api';
import { bookingApi } from '../../../services/bookingApi';
import { officerHalls } from '../../../services/officerHalls';
import { useRemote } from '../../../services/useRemote';
import '../officer.scss';
import './index.scss';
import { HallChips } from '../../../components/HallChips';

/** The halls whose ratings the account may read: those it acts for; every hall for an admin. */
async function ratedHalls(): Promise<Array<{ id: string; name: string }>> {
  const { mustVerify, halls } = await officerHalls('numbers');
  if (mustVerify) throw new ApiError('OFFICER_NOT_VERIFIED', pageMessages.OFFICER_NOT_VERIFIED);
  return halls;
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function HallRatingsView({ hallId }: { hallId: string }) {
  const remote = useRemote(() => bookingApi.hallRatings(hallId), `ratings:${hallId}`);
  const r = remote.data;
  return (
    <LoadState remote={remote}>
      {r && (
        <>
          <Section title={`${r.hallName} · 评价汇总`}>
            <View className="ratings__rate" data-field="satisfaction">
              <Text className="ratings__percent">{r.satisfactionPercent === undefined ? '—' : `${r.satisfactionPercent}%`}</Text>
              <Text className="ratings__caption">满意率（共 {r.total} 条评价）</Text>
            </View>
            {r.byLevel.map((l) => (
              <SummaryRow key={l.level} label={l.name} field={`level-${l.level}`}>
                {l.count}
              </SummaryRow>
            ))}
          </Section>
          <Section title={`待回访的差评（${r.poorCount}）`}>
            {r.recentPoor.length === 0 && <Text className="ratings__empty">暂无差评</Text>}
            {r.recentPoor.map((p) => (
              <View key={p.id} className="ratings__poor" data-poor={p.serviceId}>
                <View className="ratings__poor-head">
                  <Text className="ratings__level">{p.levelName}</Text>
                  <Text className="ratings__when">{when(p.createdAt)}</Text>
                </View>
                <Text className="ratings__business">{p.businessTitle}</Text>
                <Text className="ratings__reasons">原因：{p.reasons.map((x) => x.name).join('；')}</Text>
                {p.comment && <Text className="ratings__comment">“{p.comment}”</Text>}
              </View>
            ))}
          </Section>
        </>
      )}
    </LoadState>
  );
}

/** 好差评: a hall's ratings for its officers (every hall for an admin). */
export default function OfficerRatings() {
  const halls = useRemote(ratedHalls, 'halls');
  const list = useMemo(() => halls.data ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0].id);
  }, [hallId, list]);
  return (
    <PageShell className="officer-ratings">
      <LoadState remote={halls}>
        {halls.data && list.length === 0 && <Text className="notice notice--error">仅限大厅民警和管理员查看。</Text>}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        {hallId && <HallRatingsView key={hallId} hallId={hallId} />}
      </LoadState>
    </PageShell>
  );
}
