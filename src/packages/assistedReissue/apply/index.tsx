import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { RefNumber } from '../../../components/RefNumber';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { REASON_NAMES } from '../../../../core/reissue/names';
import { pageMessages } from '../../../../core/errors/pageMessages';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { useRemote } from '../../../services/useRemote';
import { assistedReissueApi, type ApplicationView, type ReissueReason } from '../assistedReissueApi';
import { DivisionList, type Chosen } from './DivisionList';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import './index.scss';

const REASONS: ReissueReason[] = ['lost', 'damaged'];
const shown = (e: unknown): ShownError => (e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: pageMessages.INTERNAL });

/** A labelled input; the placeholder names it for screen readers too. */
function Field({
  label,
  field,
  value,
  onInput,
  ...rest
}: {
  label: string;
  field: string;
  value: string;
  onInput: (v: string) => void;
  maxlength: number;
  placeholder: string;
  type?: 'number';
}) {
  return (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      <Input className="form-field__input" data-field={field} value={value} onInput={(e) => onInput(e.detail.value)} {...rest} />
    </View>
  );
}

/**
 * 代办补换领 (issue 18), opened from an assisted session at the desk or on a home visit: the reason,
 * the mailing address, the fee the function computes, the receipt of the fee the officer collected,
 * then the 办件编号. The function decides everything (by phone it refuses: nobody can take the fee).
 */
export default function AssistedReissuePage() {
  const { params } = useRouter();
  const sessionId = params.sessionId ?? '';
  const [reason, setReason] = useState<ReissueReason>('lost');
  const [place, setPlace] = useState<Chosen>();
  const [detail, setDetail] = useState('');
  const [recipient, setRecipient] = useState('');
  const [phone, setPhone] = useState('');
  const [receipt, setReceipt] = useState('');
  const [done, setDone] = useState<ApplicationView>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>();
  const [requestId, setRequestId] = useState(newRequestId);
  const district = place?.district.code ?? '';
  const quote = useRemote(async () => (district ? assistedReissueApi.fee(sessionId, reason, district) : undefined), `${reason}:${district}`);
  const fee = quote.data?.eligible ? quote.data.fee : undefined;
  const ready = Boolean(fee && detail.trim() && recipient.trim() && phone.trim() && receipt.trim());

  const apply = async () => {
    if (!fee || !place) return;
    setBusy(true);
    setError(undefined);
    try {
      const address = { provinceCode: place.province.code, cityCode: place.city.code, districtCode: district, detail, recipient, phone };
      setDone(await assistedReissueApi.apply({ sessionId, reason, address, receipt: receipt.trim(), amount: fee.total }, requestId));
    } catch (e) {
      // A refusal is final for its request id; a timeout is retried with the same one.
      if (!(e instanceof ApiError && retryWithSameId(e))) setRequestId(newRequestId());
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };

  if (!sessionId) {
    // Opened without a session (a link kept from an earlier visit): nothing here works without one.
    return (
      <PageShell className="assisted-reissue">
        <Section title="代办补换领">
          <Text className="assisted-reissue__text">请先在代办会话中核验群众身份，再从会话页进入代办补换领。</Text>
          <Button className="assisted-reissue__next" type="primary" onClick={() => void Taro.redirectTo({ url: '/packages/assisted/session/index' })}>
            前往代办会话
          </Button>
        </Section>
      </PageShell>
    );
  }
  if (done) {
    return (
      <PageShell className="assisted-reissue">
        <Section title="已代为申请">
          <Text className="assisted-reissue__text" data-state={done.state}>{`${done.subjectNameMasked} · ${REASON_NAMES[reason]}居民身份证 · ${done.stateName}`}</Text>
          <RefNumber label="办件编号" number={done.refNumber} note="已短信告知群众，制证后邮寄" />
          <Button className="assisted-reissue__next" type="primary" onClick={() => void Taro.navigateBack()}>
            返回代办会话
          </Button>
        </Section>
      </PageShell>
    );
  }
  return (
    <PageShell className="assisted-reissue">
      <Section title={`为 ${params.name ? decodeURIComponent(params.name) : '群众'} 代办补换领（邮寄）`}>
        <Text className="form-field__label">1. 申请原因</Text>
        <View className="chips">
          {REASONS.map((r) => (
            <Text key={r} className={`chip ${r === reason ? 'chip--on' : ''}`} data-reason={r} {...tappable('button', { pressed: r === reason })} onClick={() => setReason(r)}>
              {REASON_NAMES[r]}
            </Text>
          ))}
        </View>
        <Text className="form-field__label">2. 邮寄地址</Text>
        <DivisionList sessionId={sessionId} chosen={place} onChoose={setPlace} />
        <Field label="详细地址" field="detail" value={detail} onInput={setDetail} maxlength={120} placeholder="街道、门牌号、楼栋房号" />
        <Field label="收件人" field="recipient" value={recipient} onInput={setRecipient} maxlength={30} placeholder="收件人姓名" />
        <Field label="收件手机" field="phone" value={phone} onInput={setPhone} maxlength={11} type="number" placeholder="收件人11位手机号码" />
        {district && (
          <LoadState remote={quote}>
            <Text className="form-field__label">{`3. 费用（${quote.data?.hallName ?? ''}受理）`}</Text>
            {quote.data?.reasons.map((r) => (
              <Text key={r.code} className="notice notice--error" data-reason-code={r.code}>
                {r.message}
              </Text>
            ))}
            {fee && (
              <View data-field="fee">
                {fee.lines.map((l) => (
                  <Text key={l.label} className="assisted-reissue__text">{`${l.label} ¥${l.amount}`}</Text>
                ))}
                <Text className="assisted-reissue__total" data-field="feeTotal">{`合计 ¥${fee.total}`}</Text>
              </View>
            )}
          </LoadState>
        )}
        {fee && <Field label="4. 收费票据号" field="receipt" value={receipt} onInput={setReceipt} maxlength={32} placeholder="收费票据上的号码" />}
        <View className="form-actions">
          <ActionError error={error} id="assisted-reissue-error" />
          <Button type="primary" loading={busy} disabled={!ready} onClick={() => void apply()}>
            {fee ? `已当面收取 ¥${fee.total}，提交申请` : '提交申请'}
          </Button>
        </View>
      </Section>
    </PageShell>
  );
}
