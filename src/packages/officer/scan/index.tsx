import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actsForAnyHall } from '../../../../core/identity/hallAccess';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { formatWhen, formatWho } from '../../../components/appointmentFormat';
import { ApiError } from '../../../services/api';
import { bookingApi, type CheckInResult } from '../../../services/bookingApi';
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
  // Only an account bound to a hall checks in (an admin without halls does not).
  const isOfficer = actsForAnyHall(status.data);

  const submit = async (code: string) => {
    const text = code.trim();
    if (!text) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await bookingApi.checkIn(text);
      setOutcome({ ok: true, result });
      setToken('');
      if (CAN_SCAN) void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined);
    } catch (e) {
      setOutcome({ ok: false, error: e instanceof ApiError ? e : new ApiError('INTERNAL', '签到失败，请重试') });
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
        {status.data && !isOfficer && <Text className="notice notice--error">仅限窗口民警使用。请在“我的”中绑定民警身份。</Text>}
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

            <Section title={CAN_SCAN ? '扫不出来？输入预约码' : '输入预约码'}>
              <View className="form-field">
                <Text className="form-field__label">扫码枪录入，或粘贴市民的预约码</Text>
                <Textarea
                  className="scan__input"
                  data-field="token"
                  value={token}
                  maxlength={512}
                  placeholder="T1.…"
                  onInput={(e) => setToken(e.detail.value)}
                  onConfirm={() => void submit(token)}
                />
              </View>
              <View className="form-actions">
                <Button type={CAN_SCAN ? 'default' : 'primary'} loading={busy} disabled={!token.trim()} onClick={() => void submit(token)}>
                  签到
                </Button>
              </View>
            </Section>

            <Text className="officer__link link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/officer/day/index' })}>
              今日预约 ›
            </Text>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
