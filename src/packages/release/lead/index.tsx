import { useEffect, useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { OfficerVerifyFirst } from '../../../components/OfficerVerifyFirst';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { mayAdminister, mustVerifyToAct } from '../../../../core/identity/hallRights';
import { hallsLed } from '../../../../core/identity/hallLead';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { Chips } from '../Chips';
import { DrawSummary } from '../DrawSummary';
import { GROUP_CHOICES, releaseApi, shanghaiTime, type LeadDrawView } from '../releaseApi';
import '../../../components/Form.scss';
import '../release.scss';

const WINDOWS = [
  { id: '30', label: '30分钟' },
  { id: '60', label: '1小时' },
  { id: '120', label: '2小时' },
  { id: '1440', label: '1天' },
];

/** The halls the caller leads (every hall for an admin). */
async function ledHalls() {
  const [status, all] = await Promise.all([identityApi.status(), guideApi.halls()]);
  const led = new Set(hallsLed(status));
  const halls = all.halls.filter((h) => mayAdminister(status) || led.has(h.id)).map((h) => ({ id: h.id, name: h.name }));
  return { halls, mustVerify: mustVerifyToAct(status) && !mayAdminister(status) };
}

const failure = (e: unknown): ShownError => {
  const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
  return { code: err.code, message: err.message };
};

function OpenForm({ hallId, onOpened }: { hallId: string; onOpened: () => void }) {
  const [date, setDate] = useState('');
  const [windowMinutes, setWindowMinutes] = useState('60');
  const [groups, setGroups] = useState<string[]>([]);
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await releaseApi.open({ hallId, date, windowMinutes: Number(windowMinutes), groups }, requestId);
      setDate('');
      setRequestId(newRequestId());
      onOpened();
    } catch (e) {
      const shown = failure(e);
      if (!(e instanceof ApiError && retryWithSameId(e))) setRequestId(newRequestId());
      setError(shown);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="设置摇号放号">
      <Text className="rl__hint">尚未放号的日期可改为摇号：申请从现在开始，须在该日放号前截止；截止后系统公开种子摇号，未中签的进入候补，剩余号源在放号时开放预约。</Text>
      <View className="form-field">
        <Text className="form-field__label">日期</Text>
        <Input className="form-field__input" data-field="date" value={date} maxlength={10} placeholder="如 2026-12-10" onInput={(e) => setDate(e.detail.value)} />
      </View>
      <Text className="form-field__label">申请时长</Text>
      <Chips name="window" items={WINDOWS} chosen={[windowMinutes]} onChoose={setWindowMinutes} />
      <Text className="form-field__label">优先群体（按点选先后优先）</Text>
      <Chips name="groups" items={GROUP_CHOICES} chosen={groups} onChoose={(id) => setGroups((g) => (g.includes(id) ? g.filter((x) => x !== id) : [...g, id]))} />
      <ActionError error={error} id="release-open-error" />
      <Button type="primary" loading={busy} disabled={!valid} onClick={() => void send()}>
        开始接受摇号申请
      </Button>
    </Section>
  );
}

function LeadDraw({ d, onRun }: { d: LeadDrawView; onRun: () => void }) {
  const [error, setError] = useState<ShownError>();
  const run = async () => {
    setError(undefined);
    try {
      await releaseApi.run(d.hallId, d.date);
      onRun();
    } catch (e) {
      setError(failure(e));
    }
  };
  const a = d.applications;
  return (
    <View data-lead-draw={d.id}>
      <DrawSummary d={d} />
      <Text className="rl__line" data-field="counts">
        申请 {a.applied + a.placed + a.waiting} 份（撤回 {a.withdrawn}）{d.phase === 'done' ? `：中签 ${a.placed}，候补 ${a.waiting}` : ''}
      </Text>
      <Text className="rl__line">原放号时间：{shanghaiTime(d.releaseAt)}</Text>
      <ActionError error={error} id={`release-run-error-${d.id}`} />
      {(d.phase === 'closed' || d.phase === 'drawing') && (
        <Text className="rl__link" data-action="run" {...tappable('link')} onClick={() => void run()}>
          立即摇号
        </Text>
      )}
    </View>
  );
}

function HallDraws({ hallId }: { hallId: string }) {
  const draws = useRemote(() => releaseApi.hall(hallId), `hall:${hallId}`);
  return (
    <>
      <OpenForm hallId={hallId} onOpened={() => draws.reload()} />
      <LoadState remote={draws}>
        <Section title="本大厅的摇号">
          {draws.data?.draws.length === 0 && <Text className="rl__empty">还没有摇号放号的日期。</Text>}
          {(draws.data?.draws ?? []).map((d) => (
            <LeadDraw key={d.id} d={d} onRun={() => draws.reload()} />
          ))}
        </Section>
      </LoadState>
    </>
  );
}

/** 摇号放号管理: a hall's lead (or an admin) opens a day to a draw and follows its applications and result. */
export default function LeadRelease() {
  const { params } = useRouter();
  const remote = useRemote(ledHalls, 'halls');
  const [hallId, setHallId] = useState(params.hallId ?? '');
  const halls = useMemo(() => remote.data?.halls ?? [], [remote.data]);
  useEffect(() => {
    if (!hallId && halls.length > 0) setHallId(halls[0].id);
  }, [hallId, halls]);
  return (
    <PageShell className="rl-lead">
      <LoadState remote={remote}>
        {remote.data?.mustVerify && <OfficerVerifyFirst />}
        {remote.data && !remote.data.mustVerify && halls.length === 0 && <Text className="notice notice--error">仅限大厅负责人或管理员使用，请联系管理员设置。</Text>}
        <HallChips halls={halls} chosen={hallId} onChoose={setHallId} />
        {hallId && halls.some((h) => h.id === hallId) && <HallDraws key={hallId} hallId={hallId} />}
      </LoadState>
    </PageShell>
  );
}
