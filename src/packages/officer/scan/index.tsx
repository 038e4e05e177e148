import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actsForAnyHall, mustVerifyToAct } from '../../../../core/identity/hallRights';
import { OfficerVerifyFirst } from '../../../components/OfficerVerifyFirst';
import { formatReferenceNumber, looksLikeReferenceNumber, parseReferenceNumber, referenceProblem } from '../../../../core/reference/referenceNumber';
import { typedEnding } from '../../../../core/reference/windowCheck';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { formatWhen, formatWho } from '../../../components/appointmentFormat';
import { ApiError } from '../../../services/api';
import { bookingApi, type CheckInResult, type FoundByNumber } from '../../../services/bookingApi';
import type { HandoverAtWindowView } from '../../../../core/business/handoverAtWindow';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import '../../../components/Form.scss';
import '../officer.scss';
import './index.scss';
import { heading, tappable } from '../../../components/tappable';

type Outcome = { ok: true; result: CheckInResult } | { ok: false; error: ApiError };

const CAN_SCAN = process.env.TARO_ENV === 'weapp';

function OutcomeCard({ outcome }: { outcome: Outcome }) {
  if (!outcome.ok) {
    return (
      <View className="check-in check-in--refused" role="alert" data-result="refused" data-error-code={outcome.error.code}>
        <Text className="check-in__title" {...heading(1)}>
          未能签到
        </Text>
        <Text className="check-in__reason">{outcome.error.message}</Text>
      </View>
    );
  }
  const a = outcome.result.appointment;
  return (
    <View className="check-in check-in--ok" data-result="ok">
      <Text className="check-in__title" {...heading(1)}>
        签到成功
      </Text>
      <Text className="check-in__label">排队号</Text>
      <Text className="check-in__number" data-queue-number={outcome.result.queueNumber}>
        {outcome.result.queueNumber}
      </Text>
      <View className="check-in__details">
        <Text className="check-in__line">办理人 {formatWho(a)}</Text>
        <Text className="check-in__line">事项 {a.businessTitle}</Text>
        <Text className="check-in__line">预约 {formatWhen(a)}</Text>
      </View>
      {outcome.result.business && <AttachedApplication business={outcome.result.business} />}
    </View>
  );
}

/**
 * The business application this appointment is the hall handover of (issue 15): which one, where
 * it stands, and the originals the citizen was told to bring, to check against the photos on the
 * case page, where the officer also hands the result over.
 */
function AttachedApplication({ business }: { business: HandoverAtWindowView }) {
  const open = () => Taro.navigateTo({ url: `/packages/business/case/index?id=${business.id}` });
  return (
    <View className="attached" data-attached-application={business.id}>
      <Text className="attached__title" {...heading(2)}>
        随预约办理的申请
      </Text>
      <Text className="check-in__line">
        {business.kindName} · <Text data-field="attached-state">{business.stateName}</Text>
      </Text>
      {business.refNumber && (
        <Text className="check-in__line" data-ref-number={business.refNumber}>
          办件编号 {formatReferenceNumber(business.refNumber)}
        </Text>
      )}
      {business.originalsToBring.length > 0 && (
        <>
          <Text className="attached__label">请核对市民带来的原件：</Text>
          <View className="attached__list" data-field="originals">
            {business.originalsToBring.map((name) => (
              <Text key={name} className="attached__item">
                · {name}
              </Text>
            ))}
          </View>
        </>
      )}
      <Text className="attached__hint">
        {business.state === 'readyForHandover' ? '与申请材料照片核对无误后，在申请页点“确认已领取”完成办理。' : '该申请当前不能当面领取，请打开申请查看原因。'}
      </Text>
      <Button type="primary" className="attached__open" data-action="open-attached" onClick={() => void open()}>
        打开申请，核对材料
      </Button>
    </View>
  );
}

/**
 * An appointment found by its 预约号: who and what (name masked, ID number without its last four),
 * and the identity check at the window — the officer types the last four characters of the ID
 * number on the card the citizen hands over; the server compares them.
 */
function ConfirmIdentity({ found, busy, onConfirm, onCancel }: { found: FoundByNumber; busy: boolean; onConfirm: (last4: string) => void; onCancel: () => void }) {
  const [last4, setLast4] = useState('');
  const a = found.appointment;
  const ending = typedEnding(last4);
  return (
    <View className="by-number" data-found={a.id}>
      <Text className="by-number__title">预约号 {formatReferenceNumber(a.refNumber ?? '')}</Text>
      <View className="check-in__details by-number__details">
        <Text className="check-in__line">办理人 {formatWho(a)}</Text>
        <Text className="check-in__line" data-field="id-masked">
          身份证 {found.idNumberMasked}
        </Text>
        <Text className="check-in__line">事项 {a.businessTitle}</Text>
        <Text className="check-in__line">预约 {formatWhen(a)}</Text>
      </View>
      <View className="form-field">
        <Text className="form-field__label">核对身份：请查验市民的身份证原件，输入证件号码最后4位</Text>
        <Input
          className="form-field__input by-number__last4"
          data-field="id-last4"
          type="idcard"
          maxlength={4}
          value={last4}
          placeholder="如 131X"
          onInput={(e) => setLast4(e.detail.value)}
          onConfirm={() => ending && onConfirm(ending)}
        />
        <Text className="form-field__hint">还可核对 {found.identityCheckAttemptsLeft} 次；核对不符时请改为扫码，或请市民现场取号</Text>
      </View>
      <View className="form-actions">
        <Button type="primary" loading={busy} disabled={!ending || found.identityCheckAttemptsLeft <= 0} onClick={() => ending && onConfirm(ending)}>
          核对并签到
        </Button>
        <Text className="form-actions__secondary link" {...tappable()} onClick={onCancel}>
          重新输入
        </Text>
      </View>
    </View>
  );
}

/**
 * 窗口签到: the officer scans the citizen's QR (weapp camera) or enters / pastes the code (H5, or a
 * scanner gun); the function checks signature, expiry, hall, day and time window, and gives the
 * queue number. Every refusal shows why.
 */
export default function Scan() {
  const status = useRemote(() => identityApi.status(), 'status');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [found, setFound] = useState<FoundByNumber>();
  const [numberProblem, setNumberProblem] = useState('');
  const typedNumber = looksLikeReferenceNumber(token);
  // Only an account bound to a hall checks in (an admin without halls does not).
  const isOfficer = actsForAnyHall(status.data);

  const refused = (e: unknown, fallback: string) => setOutcome({ ok: false, error: e instanceof ApiError ? e : new ApiError('INTERNAL', fallback) });

  /** A 预约号: a misheard or mistyped one is refused here (check digit) before any lookup. */
  const lookUp = async (text: string) => {
    const parsed = parseReferenceNumber(text);
    setFound(undefined);
    setOutcome(undefined);
    if (!parsed.ok) {
      setNumberProblem(referenceProblem(parsed.reason, '预约号'));
      return;
    }
    setNumberProblem('');
    setBusy(true);
    try {
      setFound(await bookingApi.appointmentByNumber(parsed.number));
    } catch (e) {
      refused(e, '查询失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (last4: string) => {
    if (!found?.appointment.refNumber) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await bookingApi.checkInByNumber(found.appointment.refNumber, last4);
      setOutcome({ ok: true, result });
      setFound(undefined);
      setToken('');
    } catch (e) {
      refused(e, '签到失败，请重试');
      // Counted: show how many checks are left (or that the number path is closed).
      if (e instanceof ApiError && (e.code === 'IDENTITY_CHECK_FAILED' || e.code === 'IDENTITY_CHECK_LOCKED')) {
        const left = e.code === 'IDENTITY_CHECK_LOCKED' ? 0 : Math.max(0, found.identityCheckAttemptsLeft - 1);
        setFound({ ...found, identityCheckAttemptsLeft: left });
      } else setFound(undefined);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (code: string) => {
    const text = code.trim();
    if (!text) return;
    if (looksLikeReferenceNumber(text)) return lookUp(text);
    setBusy(true);
    setOutcome(undefined);
    setFound(undefined);
    try {
      const result = await bookingApi.checkIn(text);
      setOutcome({ ok: true, result });
      setToken('');
      if (CAN_SCAN) void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined);
    } catch (e) {
      refused(e, '签到失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    let code: string;
    try {
      code = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // closed the camera: nothing to do
    }
    await submit(code);
  };

  return (
    <PageShell className="scan">
      <LoadState remote={status}>
        {status.data && mustVerifyToAct(status.data) && <OfficerVerifyFirst />}
        {status.data && !isOfficer && !mustVerifyToAct(status.data) && <Text className="notice notice--error">仅限窗口民警使用。请在“我的”中绑定民警身份。</Text>}
        {isOfficer && (
          <>
            {CAN_SCAN && (
              <View className="scan__camera">
                <Button type="primary" className="scan__camera-button" loading={busy} onClick={scan}>
                  扫码签到
                </Button>
                <Text className="scan__camera-hint">请市民打开“预约码”页面，对准二维码</Text>
              </View>
            )}

            {outcome && <OutcomeCard outcome={outcome} />}

            {found && <ConfirmIdentity key={found.appointment.id} found={found} busy={busy} onConfirm={(last4) => void confirm(last4)} onCancel={() => setFound(undefined)} />}

            <Section title={CAN_SCAN ? '扫不出来？输入预约号' : '输入预约号或预约码'}>
              <View className="form-field">
                <Text className="form-field__label">市民报出的8位预约号（需核对身份证），或扫码枪录入、粘贴的预约码</Text>
                <Textarea
                  className="scan__input"
                  data-field="token"
                  value={token}
                  maxlength={512}
                  placeholder="预约号如 4827 1933，或 T1.…"
                  onInput={(e) => {
                    setToken(e.detail.value);
                    setNumberProblem('');
                  }}
                  onConfirm={() => void submit(token)}
                />
                {numberProblem && (
                  <View className="form-field__error" role="alert" data-field="number-problem">
                    <Text>{numberProblem}</Text>
                  </View>
                )}
              </View>
              <View className="form-actions">
                <Button type={CAN_SCAN ? 'default' : 'primary'} loading={busy} disabled={!token.trim()} onClick={() => void submit(token)}>
                  {typedNumber ? '查询预约号' : '签到'}
                </Button>
              </View>
            </Section>

            <Text className="officer__link link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/officer/day/index' })}>
              今日预约 ›
            </Text>
            <Text className="officer__link link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/queue/window/index' })}>
              窗口叫号 ›
            </Text>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
