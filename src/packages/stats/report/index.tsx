import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { HallChips } from '../../../components/HallChips';
import { OfficerVerifyFirst } from '../../../components/OfficerVerifyFirst';
import { tappable } from '../../../components/tappable';
import type { ReportPeriod } from '../../../../core/statistics/period';
import { shanghaiDate } from '../../../../core/time/shanghai';
import { officerHalls } from '../../../services/officerHalls';
import { statsApi, type HallReportView } from '../../../services/statsApi';
import { useRemote } from '../../../services/useRemote';
import { exportCsv } from './exportCsv';
import { periodOf, stepped, type StepKind } from '../../../../core/statistics/periodSteps';
import { reportCsv } from './reportCsv';
import './index.scss';

async function myHalls() {
  // An admin reads every hall's numbers; an officer those of the halls they act for.
  const { status, mustVerify, halls } = await officerHalls('numbers');
  return { role: status.role, mustVerify, halls };
}

const KINDS: Array<{ kind: StepKind | 'holiday'; text: string }> = [
  { kind: 'day', text: '日' },
  { kind: 'week', text: '周' },
  { kind: 'month', text: '月' },
  { kind: 'holiday', text: '节假日' },
];

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A bar of a chart: its length against the largest of its chart. */
function Bar({ label, value, max, note }: { label: string; value: number; max: number; note?: string }) {
  return (
    <View className="stats__bar-row" data-label={label}>
      <Text className="stats__bar-label">{label}</Text>
      <View className="stats__bar-track">
        <View className="stats__bar" style={{ width: `${max && value ? Math.max(2, (value / max) * 100) : 0}%` }} />
      </View>
      <Text className="stats__bar-value">{value}</Text>
      {note && <Text className="stats__bar-note">{note}</Text>}
    </View>
  );
}

function Advice({ r }: { r: HallReportView }) {
  const o = r.overbooking;
  if (o.kind === 'tooFewConcluded')
    return (
      <Text className="stats__advice">
        已到期的预约只有 {o.sample} 个，满 {o.needed} 个后给出超额预约建议。
      </Text>
    );
  if (o.bookingsPerSlot === o.capacity)
    return (
      <Text className="stats__advice">
        未到率 {percent(o.noShowRate)}：每个时段 {o.capacity} 个名额不宜超额预约（多约一个，到场人数超过名额的时段将多于二十分之一）。
      </Text>
    );
  return (
    <Text className="stats__advice">
      未到率 {percent(o.noShowRate)}：每个时段 {o.capacity} 个名额可放 {o.bookingsPerSlot} 个预约（系数 {o.factor}），到场人数超过名额的时段不超过二十分之一。
    </Text>
  );
}

/** 大厅现场: the numbers taken and called, the green channel, waits, what each window served, consultations. */
function Floor({ r }: { r: HallReportView }) {
  const f = r.floor;
  const taken = f.bookedArrivals + f.walkIns;
  const maxWindow = Math.max(0, ...f.byWindow.map((w) => w.served));
  return (
    <View className="stats__floor" data-section="floor">
      <Text className="stats__title">大厅现场</Text>
      {taken === 0 ? (
        <Text className="stats__empty">该时段没有取号记录</Text>
      ) : (
        <>
          <Text className="stats__line" data-field="taken">
            取号 {taken}：预约到场 {f.bookedArrivals} · 现场取号 {f.walkIns}（{percent(f.walkIns / taken)}）
          </Text>
          <Text className="stats__line" data-field="served">
            已办结 {f.served} · 过号未到 {f.missed}
          </Text>
          <Text className="stats__line" data-field="times">
            平均等候 {f.meanWaitMinutes ?? '—'} 分钟 · 平均办理 {f.meanServiceMinutes ?? '—'} 分钟
          </Text>
          <Text className="stats__line" data-field="green">
            绿色通道 {f.green}
            {f.greenByReason.length > 0 ? `：${f.greenByReason.map((g) => `${g.title} ${g.count}`).join('，')}` : ''}
          </Text>
          {f.byWindow.length > 0 && <Text className="stats__subtitle">各窗口办结</Text>}
          {f.byWindow.map((w) => (
            <Bar key={w.window} label={`${w.window}号窗口`} value={w.served} max={maxWindow} />
          ))}
        </>
      )}
      <Text className="stats__line" data-field="consultations">
        咨询 {f.consultations.asked} · 已答复 {f.consultations.answered} · 待答复 {f.consultations.open}
        {f.consultations.published > 0 ? ` · 公开到问答 ${f.consultations.published}` : ''}
      </Text>
    </View>
  );
}

function Report({ hallName, r }: { hallName: string; r: HallReportView }) {
  const [exported, setExported] = useState('');
  const maxDay = Math.max(0, ...r.byDay.map((d) => d.appointments));
  const maxHour = Math.max(0, ...r.byHour.map((h) => h.appointments));
  const done = { downloaded: '已下载', shared: '已发送', copied: '已复制，可粘贴到表格', cancelled: '' } as const;
  const save = async () => {
    try {
      setExported(done[await exportCsv(`${hallName}-${r.period.from}-${r.period.to}.csv`, reportCsv(hallName, r))]);
    } catch {
      setExported('导出失败，请重试');
    }
  };
  return (
    <View className="stats__report" data-period={`${r.period.from}/${r.period.to}`}>
      <View className="stats__totals">
        {(
          [
            ['预约', r.totals.appointments, 'appointments'],
            ['已签到', r.totals.checkedIn, 'checkedIn'],
            ['未到', r.totals.noShow, 'noShow'],
            ['已取消', r.totals.cancelled, 'cancelled'],
          ] as const
        ).map(([text, n, key]) => (
          <View key={key} className="stats__total" data-total={key}>
            <Text className="stats__total-number">{n}</Text>
            <Text className="stats__total-text">{text}</Text>
          </View>
        ))}
      </View>
      <Text className="stats__rate" data-field="noShowRate">
        未到率：{r.noShowRate === null ? '暂无已到期的预约' : percent(r.noShowRate)}
        {r.totals.booked > 0 ? `；待办理 ${r.totals.booked}` : ''}
      </Text>
      <Advice r={r} />

      <Text className="stats__title">按事项</Text>
      {r.byBusiness.length === 0 && <Text className="stats__empty">该时段没有预约</Text>}
      {r.byBusiness.map((b) => (
        <View key={b.business} className="stats__business" data-business={b.business}>
          <Text className="stats__business-title">{b.title}</Text>
          <Text className="stats__business-counts">
            预约 {b.appointments} · 签到 {b.checkedIn} · 未到 {b.noShow} · 取消 {b.cancelled}
          </Text>
        </View>
      ))}

      {r.byDay.length > 1 && r.totals.appointments > 0 && (
        <>
          <Text className="stats__title">按日期（预约，不含取消）</Text>
          {r.byDay.map((d) => (
            <Bar key={d.date} label={d.date.slice(5)} value={d.appointments} max={maxDay} />
          ))}
        </>
      )}

      {r.byHour.length > 0 && (
        <>
          <Text className="stats__title">按时段（排班参考）</Text>
          {r.byHour.map((h) => (
            <Bar key={h.hour} label={`${h.hour}:00`} value={h.appointments} max={maxHour} />
          ))}
        </>
      )}

      <Floor r={r} />

      <View className="stats__export">
        <Text className="stats__export-button" {...tappable('button')} onClick={() => void save()}>
          导出表格（CSV）
        </Text>
        {exported && <Text className="stats__exported">{exported}</Text>}
      </View>
    </View>
  );
}

/** 统计报表: a hall's numbers for a day, week, month or holiday — for hall leads and admins. */
export default function StatsReport() {
  const halls = useRemote(myHalls, 'halls');
  const list = useMemo(() => halls.data?.halls ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  const today = shanghaiDate(Date.now());
  const [period, setPeriod] = useState<ReportPeriod>({ kind: 'month', month: today.slice(0, 7) });
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0].id);
  }, [hallId, list]);
  const key = `report:${hallId}:${JSON.stringify(period)}`;
  const report = useRemote(() => (hallId ? statsApi.hallReport(hallId, period) : Promise.resolve(undefined)), key);
  const hall = list.find((h) => h.id === hallId);
  const year = period.kind === 'holiday' ? period.year : Number((period.kind === 'month' ? period.month : period.date).slice(0, 4));
  const holidays = report.data?.holidays ?? [];

  const choose = (kind: StepKind | 'holiday') => {
    if (kind !== 'holiday') setPeriod(periodOf(kind, today));
    else setPeriod({ kind: 'holiday', year, holiday: holidays[0]?.holiday ?? '春节' });
  };

  return (
    <PageShell className="stats">
      <LoadState remote={halls}>
        {halls.data && halls.data.role === 'citizen' && <Text className="notice notice--error">仅限大厅负责人和管理员使用。</Text>}
        {halls.data?.mustVerify && <OfficerVerifyFirst />}
        {halls.data && halls.data.role !== 'citizen' && !halls.data.mustVerify && list.length === 0 && (
          <Text className="notice notice--error">您还没有分配工作大厅，请联系管理员。</Text>
        )}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        {hall && (
          <View className="stats__head">
            <Text className="stats__hall">{hall.name}</Text>
            <View className="stats__kinds">
              {KINDS.map((k) => (
                <Text
                  key={k.kind}
                  className={`stats__kind ${period.kind === k.kind ? 'stats__kind--on' : ''}`}
                  data-kind={k.kind}
                  {...tappable('button', { pressed: period.kind === k.kind })}
                  onClick={() => choose(k.kind)}
                >
                  {k.text}
                </Text>
              ))}
            </View>
            <View className="stats__period">
              <Text className="stats__step" data-step="-1" {...tappable('button', { label: '上一时段' })} onClick={() => setPeriod(stepped(period, -1))}>
                ‹
              </Text>
              <Text className="stats__period-label" data-field="period">
                {report.data?.period.label ?? (period.kind === 'holiday' ? `${period.year}年${period.holiday}` : '')}
              </Text>
              <Text className="stats__step" data-step="1" {...tappable('button', { label: '下一时段' })} onClick={() => setPeriod(stepped(period, 1))}>
                ›
              </Text>
            </View>
            {period.kind === 'holiday' && holidays.length > 0 && (
              <View className="stats__holidays">
                {holidays.map((h) => (
                  <Text
                    key={h.holiday + h.from}
                    className={`stats__holiday ${period.holiday === h.holiday ? 'stats__holiday--on' : ''}`}
                    data-holiday={h.holiday}
                    {...tappable('button', { pressed: period.holiday === h.holiday })}
                    onClick={() => setPeriod({ kind: 'holiday', year, holiday: h.holiday })}
                  >
                    {h.holiday}
                  </Text>
                ))}
              </View>
            )}
          </View>
        )}
        {hall && <LoadState remote={report}>{report.data && <Report hallName={hall.name} r={report.data} />}</LoadState>}
        <Text className="stats__link link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/officer/day/index' })}>
          今日预约 ›
        </Text>
      </LoadState>
    </PageShell>
  );
}
