import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { reissueApi, type CaseFile, type ReissueView } from '../../../services/reissueApi';
import { COURIER_CHOICES, courierName } from '../../../../core/reissue/names';
import { useRemote } from '../../../services/useRemote';
import { Deadlines } from '../components/Deadlines';
import { ShipForm } from '../../../components/ShipForm';
import { SummaryRow } from '../../../components/SummaryRow';
import { StateTag, Timeline } from '../components/Timeline';
import { PersonAndPhoto, Waybill } from './CaseFilePanel';
import '../../../components/Form.scss';
import '../components/reissue.scss';
import { heading, tappable } from '../../../components/tappable';

type Form = 'reject' | 'ship' | 'reship' | undefined;

/** The one-tap steps (no form, no question): event, button, toast, call. Shown in this order where more than one applies. */
const STEPS = [
  ['startReview', '开始审核', '已开始审核', reissueApi.startReview],
  ['startProduction', '开始制证', '已开始制证', reissueApi.startProduction],
  ['deliver', '已送达', '已送达', reissueApi.markDelivered],
  ['markReturned', '被退回', '已记录退回', reissueApi.markReturned],
  ['collect', '已领取', '已领取', reissueApi.collect],
] as const;

/** Asks before a decision, repeating what it is about; true when the officer confirms. */
async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '再看看' });
  return res.confirm;
}

/**
 * Officer: one application, its case file (photo on file, card facts, the waybill's recipient;
 * each load is audited) and the buttons its state allows (the view's `actions`). Approving,
 * rejecting and shipping ask first, repeating the key facts.
 */
export default function ReissueReviewDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [version, setVersion] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setVersion((n) => n + 1);
  });
  const remote = useRemote(() => reissueApi.application(id), `officer-app:${id}:${version}`);
  // Loaded with the page (and after a conflict), never after each step: every load is an audited view.
  const file = useRemote<CaseFile>(() => reissueApi.caseFile(id), `officer-case:${id}:${version}`);
  const [latest, setLatest] = useState<ReissueView>();
  const [error, setError] = useState<ApiError>();
  const [form, setForm] = useState<Form>();
  const [reason, setReason] = useState('');
  const [courier, setCourier] = useState<string>(COURIER_CHOICES[0]);
  const [trackingNumber, setTrackingNumber] = useState('');
  const [busy, setBusy] = useState(false);

  const view = latest && remote.data && latest.version >= remote.data.version ? latest : remote.data;

  const act = async (run: (v: ReissueView) => Promise<ReissueView>, done: string) => {
    if (!view) return;
    setError(undefined);
    setBusy(true);
    try {
      setLatest(await run(view));
      setForm(undefined);
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '操作失败，请重试');
      setError(err);
      if (err.code === 'REISSUE_VERSION_CONFLICT' || err.code === 'REISSUE_STATE_CONFLICT') {
        setLatest(undefined);
        setVersion((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };
  const base = (v: ReissueView) => ({ applicationId: v.id, expectedVersion: v.version });
  const who = (v: ReissueView) => `${file.data?.subject.name ?? v.subjectNameMasked}（${v.reasonName}）`;
  const approve = async () => {
    if (!view) return;
    const f = file.data;
    const photo = f ? (f.photo.onFile ? `沿用存档照片（${f.photo.takenOn ?? f.card.photoTakenOn ?? '日期未知'}）` : '无留存照片') : '未能读取存档照片';
    const checks = f ? (f.checks.length ? `预审未通过：${f.checks.map((c) => c.message).join('；')}` : '预审条件均满足') : '';
    if (await confirmed('确认审核通过？', `${who(view)}；${photo}；${checks}；通过后进入制证。`, '确认通过')) void act((v) => reissueApi.approve(base(v)), '审核通过');
  };
  // A fee an officer collected by hand goes back by hand, not to the payment account (issue 18).
  const refundHint = view?.paymentStatus === 'collected' ? '费用系民警当面收取，驳回后请当面退还并记录票据号。' : '驳回后已缴费用将自动原路退回。';
  const rejectNow = async () => {
    if (!view) return;
    const text = reason.trim();
    if (await confirmed('确认驳回？', `${who(view)}；驳回原因：${text}；申请人会看到该原因。${refundHint}`, '确认驳回'))
      void act((v) => reissueApi.reject({ ...base(v), reason: text }), '已驳回');
  };
  const shipNow = async (kind: 'ship' | 'reship') => {
    if (!view) return;
    const number = trackingNumber.trim();
    const to = file.data?.recipient;
    const dest = to ? `寄往：${to.name}（${to.phone}）${to.address}` : `寄往：${view.delivery.kind === 'mail' ? view.delivery.place : view.hallName}`;
    if (await confirmed(kind === 'ship' ? '确认寄出？' : '确认重新寄出？', `${courierName(courier)} 单号 ${number}；${dest}`, '确认寄出')) {
      void act((v) => (kind === 'ship' ? reissueApi.ship : reissueApi.reship)({ ...base(v), courier, trackingNumber: number }), '已发货');
    }
  };
  const can = (event: string) => Boolean(view?.actions.includes(event as never));

  const shipForm = (kind: 'ship' | 'reship') => (
    <ShipForm
      title={kind === 'ship' ? '发货' : '重新发货'}
      courier={courier}
      onCourier={setCourier}
      trackingNumber={trackingNumber}
      onTrackingNumber={setTrackingNumber}
      ready={trackingNumber.trim().length >= 6}
      busy={busy}
      confirmText="确认发货"
      onConfirm={() => void shipNow(kind)}
      onCancel={() => setForm(undefined)}
    />
  );

  return (
    <PageShell className="reissue-review-detail">
      <LoadState remote={remote}>
        {view && (
          <View data-state={view.state} className="reissue-review-detail__root">
            <View className="reissue-head">
              <Text className="reissue-head__title" {...heading(1)}>
                {file.data?.subject.name ?? view.subjectNameMasked} · {view.reasonName}
              </Text>
              <View>
                <StateTag state={view.state} name={view.stateName} />
              </View>
              <Text className="reissue-head__hint">{view.hallName}</Text>
            </View>

            {error && (
              <View className="notice notice--error" role="alert" data-error-code={error.code}>
                <Text>{error.message}</Text>
              </View>
            )}

            {file.data ? (
              <PersonAndPhoto file={file.data} />
            ) : (
              file.error && (
                <View className="notice notice--error" role="alert" data-error-code={file.error.code}>
                  <Text>案卷信息未能读取：{file.error.message}</Text>
                </View>
              )
            )}

            <Section title="申请信息">
              {!file.data && (
                <SummaryRow label="申请人" field="subjectName">
                  {view.subjectNameMasked}
                </SummaryRow>
              )}
              <SummaryRow label="补换原因">{view.reasonName}</SummaryRow>
              <SummaryRow label="领取方式" field="delivery">
                {view.delivery.kind === 'mail' ? `邮寄到 ${view.delivery.place}` : '大厅领取'}
              </SummaryRow>
              <SummaryRow label="缴费" field="paymentStatus">
                {view.paymentStatusName} · ¥{view.fees.total}
              </SummaryRow>
              {view.shipment && (
                <SummaryRow label="快递" field="shipment">
                  {view.shipment.courierName} {view.shipment.trackingNumber}
                </SummaryRow>
              )}
              {view.rejectionReason && <SummaryRow label="驳回原因">{view.rejectionReason}</SummaryRow>}
              {view.deadlines && <Deadlines deadlines={view.deadlines} />}
            </Section>

            {file.data && <Waybill file={file.data} />}

            {form === 'reject' && (
              <Section title="驳回申请">
                <View className="form-field">
                  <Text className="form-field__label">驳回原因（申请人可见）</Text>
                  <Input
                    className="form-field__input"
                    data-field="rejectReason"
                    value={reason}
                    maxlength={200}
                    placeholder="如：存档照片不清晰，请到大厅重新采集"
                    onInput={(e) => setReason(e.detail.value)}
                  />
                </View>
                <Text className="hint">{refundHint}</Text>
                <View className="form-actions">
                  <Button type="danger" loading={busy} disabled={reason.trim().length < 2} onClick={() => void rejectNow()}>
                    确认驳回
                  </Button>
                  <Text className="form-actions__secondary" {...tappable()} onClick={() => setForm(undefined)}>
                    取消
                  </Text>
                </View>
              </Section>
            )}
            {form === 'ship' && shipForm('ship')}
            {form === 'reship' && shipForm('reship')}

            {!form && (
              <View className="form-actions action-buttons">
                {STEPS.map(
                  ([event, label, done, call]) =>
                    can(event) && (
                      <Button key={event} type={event === 'markReturned' ? undefined : 'primary'} loading={busy} onClick={() => act((v) => call(base(v)), done)}>
                        {label}
                      </Button>
                    ),
                )}
                {can('approve') && (
                  <Button type="primary" loading={busy} onClick={() => void approve()}>
                    通过
                  </Button>
                )}
                {can('reject') && <Button onClick={() => setForm('reject')}>驳回</Button>}
                {/* A fee collected by hand (issue 18): cancelled at the hall, handed back (packages/reissueFee). */}
                {(can('cancelAtHall') || can('feeReturned')) && (
                  <Button onClick={() => Taro.navigateTo({ url: `/packages/reissueFee/hand/index?id=${view.id}` })}>{can('feeReturned') ? '当面退费' : '取消申请'}</Button>
                )}
                {can('ship') && (
                  <Button type="primary" onClick={() => setForm('ship')}>
                    发货
                  </Button>
                )}
                {can('reship') && (
                  <Button type="primary" onClick={() => setForm('reship')}>
                    重新发货
                  </Button>
                )}
                {can('holdAtHall') && (
                  <Button loading={busy} onClick={() => act((v) => reissueApi.holdAtHall({ ...base(v), hallId: v.hallId }), '已转大厅待领')}>
                    留大厅待领
                  </Button>
                )}
              </View>
            )}

            <Section title="办理进度">
              <Timeline steps={view.timeline} />
            </Section>
          </View>
        )}
      </LoadState>
    </PageShell>
  );
}
