import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { useRemote } from '../../../services/useRemote';
import { tappable } from '../../../components/tappable';
import '../../../components/Form.scss';
import { feeApi } from '../feeApi';

/** What each form asks. */
const FORMS = {
  cancelAtHall: {
    title: '大厅取消申请',
    label: '取消原因（申请人可见）',
    placeholder: '如：证件已找到，本人申请撤回',
    hint: '本申请费用为民警当面收取，取消后请当面退还群众并记录退费票据号。',
    confirm: '确认取消申请',
    done: '已取消',
    maxlength: 200,
    minLength: 2,
  },
  feeReturned: {
    title: '当面退费',
    label: '退费票据号',
    placeholder: '退费凭证上的编号',
    hint: '费用当面退还群众后记录，申请人可见。',
    confirm: '确认已退费',
    done: '已记录退费',
    maxlength: 32,
    minLength: 4,
  },
} as const;

/**
 * Officer, from the review detail (issue 18): an application whose fee was collected by hand,
 * cancelled at the hall with a reason, or its fee recorded as handed back with the voucher number.
 * Which form shows is what the function allows now (the view's `actions`); this page only asks and sends.
 */
export default function ReissueFeeByHand() {
  const id = useRouter().params.id ?? '';
  const remote = useRemote(() => feeApi.application(id), `fee-app:${id}`);
  const view = remote.data;
  const kind = view?.actions.includes('feeReturned') ? 'feeReturned' : view?.actions.includes('cancelAtHall') ? 'cancelAtHall' : undefined;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    if (!view || !kind) return;
    const t = text.trim();
    const form = FORMS[kind];
    const res = await Taro.showModal({
      title: `${form.confirm}？`,
      content: `${view.subjectNameMasked}，¥${view.fees.total}；${form.label}：${t}`,
      confirmText: form.confirm,
      cancelText: '再看看',
    });
    if (!res.confirm) return;
    setBusy(true);
    setError(undefined);
    try {
      const target = { applicationId: view.id, expectedVersion: view.version };
      await (kind === 'feeReturned' ? feeApi.returnFee({ ...target, receipt: t }) : feeApi.cancelAtHall({ ...target, reason: t }));
      void Taro.showToast({ title: form.done, icon: 'success' });
      void Taro.navigateBack();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', '操作失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="reissue-fee">
      <LoadState remote={remote}>
        {view && !kind && (
          <View className="notice" data-state={view.state}>
            <Text>
              {view.stateName}，{view.paymentStatusName}：无需办理
            </Text>
          </View>
        )}
        {view && kind && (
          <Section title={FORMS[kind].title}>
            <Text
              className="form-field__hint"
              data-field="summary"
            >{`${view.subjectNameMasked} · 办件编号 ${view.refNumber ?? '—'} · ${view.stateName} · ${view.paymentStatusName} ¥${view.fees.total}`}</Text>
            {error && (
              <View className="notice notice--error" role="alert" data-error-code={error.code}>
                <Text>{error.message}</Text>
              </View>
            )}
            <View className="form-field">
              <Text className="form-field__label">{FORMS[kind].label}</Text>
              <Input
                className="form-field__input"
                data-field={kind}
                value={text}
                maxlength={FORMS[kind].maxlength}
                placeholder={FORMS[kind].placeholder}
                onInput={(e) => setText(e.detail.value)}
              />
            </View>
            <Text className="form-field__hint">{FORMS[kind].hint}</Text>
            <View className="form-actions">
              <Button type="danger" loading={busy} disabled={text.trim().length < FORMS[kind].minLength} onClick={() => void submit()}>
                {FORMS[kind].confirm}
              </Button>
              <Text className="form-actions__secondary" {...tappable()} onClick={() => void Taro.navigateBack()}>
                返回
              </Text>
            </View>
          </Section>
        )}
      </LoadState>
    </PageShell>
  );
}
