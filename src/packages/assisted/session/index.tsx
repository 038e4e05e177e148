import { useEffect, useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { RefNumber } from '../../../components/RefNumber';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { ASSISTED_REASON_NAMES } from '../../../../core/assisted/AssistedSession';
import { pageMessages } from '../../../../core/errors/pageMessages';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { officerHalls } from '../../../services/officerHalls';
import { mayLeadHall } from '../../../../core/identity/hallLead';
import { useRemote } from '../../../services/useRemote';
import { assistedApi, type AppointmentView, type AssistedSessionView } from '../assistedApi';
import { OpenForm, type OpenDetails } from './OpenForm';
import { SlotPicker, type PickedSlot } from './SlotPicker';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import '../assisted.scss';

async function myHalls() {
  const { mustVerify, halls, status } = await officerHalls();
  if (mustVerify) throw new ApiError('OFFICER_NOT_VERIFIED', pageMessages.OFFICER_NOT_VERIFIED);
  return { halls, leads: halls.some((h) => mayLeadHall(status, h.id)) };
}

const shown = (e: unknown): ShownError => (e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: pageMessages.INTERNAL });
const clock = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
/** The session is over: the officer starts again (a new session, a new code). */
const OVER = ['ASSISTED_SESSION_EXPIRED', 'ASSISTED_SESSION_NOT_FOUND'];

/** Who the session is for, masked, and until when it holds. */
function Who({ s }: { s: AssistedSessionView }) {
  return (
    <View className="assisted__who" data-session={s.sessionId} data-phase={s.phase}>
      <Text>{`${s.nameMasked}  ${s.idNumberMasked}`}</Text>
      <Text>{`${ASSISTED_REASON_NAMES[s.reason]}代办 · 短信发往 ${s.phoneMasked}`}</Text>
      {(s.phase === 'codeSent' || s.phase === 'confirmed') && <Text className="assisted__text">{`${s.phase === 'codeSent' ? '验证码' : '会话'}有效至 ${clock(s.expiresAt)}`}</Text>}
    </View>
  );
}

/**
 * 代办预约 (issue 18): an officer books for a citizen who cannot use the mini-program. Identify them
 * (name + ID number against the registry), enter the code texted to the phone on file, book or
 * cancel at this hall, text a business's materials, open a reissue (packages/assistedReissue), close. Only masked name, ID number and phone are shown.
 */
export default function AssistedSessionPage() {
  const halls = useRemote(myHalls, 'halls');
  const list = useMemo(() => halls.data?.halls ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0]!.id);
  }, [hallId, list]);
  const [session, setSession] = useState<AssistedSessionView>();
  const [code, setCode] = useState('');
  const [picked, setPicked] = useState<PickedSlot>();
  const [done, setDone] = useState<AppointmentView[]>([]);
  /** An appointment being moved to another slot (改约). */
  const [moving, setMoving] = useState<AppointmentView>();
  /** The business chosen, whose materials may be texted; and what was texted. */
  const [business, setBusiness] = useState<{ id: string; title: string }>();
  const [told, setTold] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>();
  const [requestId, setRequestId] = useState(newRequestId);
  const run = async (act: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await act();
      setRequestId(newRequestId());
    } catch (e) {
      // A refusal is final for its request id: the next attempt (another slot) is a new request.
      if (!(e instanceof ApiError && retryWithSameId(e))) setRequestId(newRequestId());
      const err = shown(e);
      setError(err);
      if (OVER.includes(err.code) && session) setSession({ ...session, phase: 'expired' });
    } finally {
      setBusy(false);
    }
  };
  const open = (d: OpenDetails) =>
    void run(async () => {
      setSession(await assistedApi.open({ hallId, ...d }, requestId));
      setDone([]);
      setCode('');
    });
  const confirm = () => void run(async () => setSession(await assistedApi.confirm(session!.sessionId, code.trim())));
  const reserve = () =>
    void run(async () => {
      const a = moving
        ? await assistedApi.reschedule(session!.sessionId, moving.id, picked!.slotId, requestId)
        : await assistedApi.reserve({ sessionId: session!.sessionId, hallId: session!.hallId, business: picked!.business, slotId: picked!.slotId }, requestId);
      setDone((list) => [a, ...list.map((x) => (x.id === moving?.id ? { ...x, status: 'cancelled' as const } : x))]);
      setPicked(undefined);
      setMoving(undefined);
    });
  const move = (a: AppointmentView) => {
    setPicked(undefined);
    setMoving(a);
  };
  const cancel = (a: AppointmentView) =>
    void run(async () => {
      const c = await assistedApi.cancel(session!.sessionId, a.id, requestId);
      setDone((list) => list.map((x) => (x.id === c.id ? c : x)));
    });
  const tellMaterials = () =>
    void run(async () => {
      const t = await assistedApi.materials(session!.sessionId, business!.id, requestId);
      setTold(`已短信告知“${t.title}”：${t.text}`);
    });
  const reissue = () => void Taro.navigateTo({ url: `/packages/assistedReissue/apply/index?sessionId=${session!.sessionId}&name=${encodeURIComponent(session!.nameMasked)}` });
  const close = () => void run(async () => setSession(await assistedApi.close(session!.sessionId)));
  const restart = () => {
    setSession(undefined);
    setError(undefined);
  };
  const phase = session?.phase;

  return (
    <PageShell className="assisted">
      <LoadState remote={halls}>
        {halls.data && list.length === 0 && <Text className="notice notice--error">仅限大厅民警使用。</Text>}
        {!session && <HallChips halls={list} chosen={hallId} onChoose={setHallId} />}
        {!session && halls.data?.leads && (
          <Text className="assisted__link assisted__report-link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/assisted/report/index' })}>
            本厅代办统计（按民警）
          </Text>
        )}
        {!session && hallId && (
          <Section title="核验群众身份">
            <OpenForm busy={busy} error={error} onOpen={open} />
          </Section>
        )}
        {session && (
          <Section title="代办会话">
            <Who s={session} />
            {phase === 'codeSent' && (
              <>
                <Text className="assisted__text">请群众读出收到的6位短信验证码。</Text>
                <View className="form-field">
                  <Text className="form-field__label">验证码</Text>
                  <Input className="form-field__input" data-field="code" type="number" maxlength={6} value={code} placeholder="6位数字" onInput={(e) => setCode(e.detail.value)} />
                </View>
                <View className="form-actions">
                  <ActionError error={error} id="assisted-code-error" />
                  <Button type="primary" loading={busy} disabled={!/^\d{6}$/.test(code.trim())} onClick={confirm}>
                    确认验证码
                  </Button>
                </View>
              </>
            )}
            {phase === 'confirmed' && (
              <>
                {moving && <Text className="assisted__text">{`改约：${moving.businessTitle} · 原 ${moving.date} ${moving.start}，请选择新时段`}</Text>}
                <SlotPicker
                  key={moving?.id ?? 'new'}
                  hallId={session.hallId}
                  picked={picked}
                  onPick={setPicked}
                  onBusiness={(b) => {
                    setBusiness(b);
                    setTold('');
                  }}
                  {...(moving ? { fixed: { id: moving.business, title: moving.businessTitle } } : {})}
                />
                {picked && <Text className="assisted__text">{`${picked.businessTitle} · ${picked.label}`}</Text>}
                <View className="form-actions">
                  <ActionError error={error} id="assisted-act-error" />
                  <Button type="primary" loading={busy} disabled={!picked} onClick={reserve}>
                    {moving ? '改约到该时段' : '为群众预约'}
                  </Button>
                  {moving && (
                    <Text className="form-actions__secondary" {...tappable()} onClick={() => setMoving(undefined)}>
                      不改约了
                    </Text>
                  )}
                  {business && !moving && (
                    <Text className="form-actions__secondary" data-action="materials" {...tappable()} onClick={tellMaterials}>
                      {`短信告知“${business.title}”所需材料`}
                    </Text>
                  )}
                  {told && <Text className="assisted__text">{told}</Text>}
                  <Text className="form-actions__secondary" data-action="reissue" {...tappable()} onClick={reissue}>
                    代办身份证补换领（邮寄，当面收费）
                  </Text>
                  <Text className="form-actions__secondary" data-action="close" {...tappable()} onClick={close}>
                    结束代办会话
                  </Text>
                </View>
              </>
            )}
            {phase !== 'codeSent' && phase !== 'confirmed' && (
              <View className="form-actions">
                <Text className="assisted__text">{phase === 'closed' ? '代办会话已结束。' : '代办会话已结束或已过期。'}</Text>
                <ActionError error={error} id="assisted-over-error" />
                <Button type="primary" onClick={restart}>
                  为其他群众代办
                </Button>
              </View>
            )}
          </Section>
        )}
        {session && done.length > 0 && (
          <Section title="本次办理">
            {done.map((a) => (
              <View key={`${a.id}:${a.status}`} className="assisted__done" data-appointment={a.id} data-status={a.status}>
                <Text>{`${a.businessTitle} · ${a.date} ${a.start}-${a.end} · ${a.status === 'cancelled' ? '已取消' : '已预约'}`}</Text>
                <RefNumber label="预约号" number={a.refNumber} size="inline" note="已短信告知群众" />
                {a.status === 'booked' && phase === 'confirmed' && (
                  <View className="assisted__acts">
                    <Text className="assisted__link" data-action="reschedule" {...tappable()} onClick={() => move(a)}>
                      改约
                    </Text>
                    <Text className="assisted__link" data-action="cancel" {...tappable()} onClick={() => cancel(a)}>
                      取消该预约
                    </Text>
                  </View>
                )}
              </View>
            ))}
          </Section>
        )}
      </LoadState>
    </PageShell>
  );
}
