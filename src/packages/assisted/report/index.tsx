import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { mayLeadHall } from '../../../../core/identity/hallLead';
import { officerHalls } from '../../../services/officerHalls';
import { useRemote } from '../../../services/useRemote';
import { assistedApi, type ReportPeriod } from '../assistedApi';
import '../../../components/Choice.scss';
import '../assisted.scss';

/** The halls whose assisted acts the caller may read: those they lead (every hall for an admin). */
async function ledHalls() {
  const { status, halls } = await officerHalls('numbers');
  return halls.filter((h) => mayLeadHall(status, h.id));
}

/** Today in Shanghai, on the device's clock. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const PERIODS: Array<{ id: string; name: string; period: () => ReportPeriod }> = [
  { id: 'week', name: '本周', period: () => ({ kind: 'week', date: today() }) },
  { id: 'month', name: '本月', period: () => ({ kind: 'month', month: today().slice(0, 7) }) },
];

function Report({ hallId, period }: { hallId: string; period: (typeof PERIODS)[number] }) {
  const report = useRemote(() => assistedApi.report(hallId, period.period()), `${hallId}:${period.id}`);
  return (
    <LoadState remote={report}>
      <Section title={`代办情况 ${report.data?.period.label ?? ''}`}>
        {report.data?.officers.length === 0 && <Text className="assisted__text">该时段没有代办记录。</Text>}
        {report.data?.officers.map((o) => (
          <View key={o.officer} className="assisted__done" data-officer={o.officer}>
            <Text>{o.officer}</Text>
            <Text className="assisted__text">{`会话 ${o.opened}（核验通过 ${o.confirmed}，失败 ${o.failed}） · 代办预约 ${o.reserved} · 代办取消 ${o.cancelled} · 代办改约 ${o.rescheduled} · 代办补换领 ${o.reissued} · 材料告知 ${o.materials}`}</Text>
          </View>
        ))}
      </Section>
    </LoadState>
  );
}

/** 代办统计 (issue 18): per officer, the hall's assisted sessions and what was done in them, for its lead and admins. */
export default function AssistedReportPage() {
  const halls = useRemote(ledHalls, 'halls');
  const list = useMemo(() => halls.data ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  const [period, setPeriod] = useState(PERIODS[0]!);
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0]!.id);
  }, [hallId, list]);
  return (
    <PageShell className="assisted-report">
      <LoadState remote={halls}>
        {halls.data && list.length === 0 && <Text className="notice notice--error">仅限大厅负责人和管理员查看。</Text>}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        <View className="chips">
          {PERIODS.map((p) => (
            <Text
              key={p.id}
              className={`chip ${p.id === period.id ? 'chip--on' : ''}`}
              data-period={p.id}
              {...tappable('button', { pressed: p.id === period.id })}
              onClick={() => setPeriod(p)}
            >
              {p.name}
            </Text>
          ))}
        </View>
        {hallId && <Report key={`${hallId}:${period.id}`} hallId={hallId} period={period} />}
      </LoadState>
    </PageShell>
  );
}
