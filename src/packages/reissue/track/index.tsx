import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { reissueApi, type AddressInput, type ReissueView } from '../../../services/reissueApi';
import { useRemote } from '../../../services/useRemote';
import { addressProblem } from '../../../../core/reissue/addressRules';
import { AddressForm, EMPTY_ADDRESS } from '../components/AddressForm';
import { Deadlines } from '../components/Deadlines';
import { FeeList } from '../components/FeeList';
import { SummaryRow } from '../../../components/SummaryRow';
import { StateTag, Timeline } from '../components/Timeline';
import { usePayment } from '../components/usePayment';
import { StageBar } from '../../../components/StageBar';
import { RatingEntry } from '../../../components/RatingSheet';
import { applicationFinished } from '../../../../core/rating/finished';
import type { RatingView } from '../../../../core/rating/Rating';
import { RefNumber } from '../../../components/RefNumber';
import '../../../components/Form.scss';
import '../components/reissue.scss';
import { heading, tappable } from '../../../components/tappable';

/** The applicant's view of one application: the stage bar, state, deadlines, fee, shipment, next steps, the event log. */
export default function ReissueTrack() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [version, setVersion] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setVersion((n) => n + 1);
  });
  const remote = useRemote(() => reissueApi.application(id), `app:${id}:${version}`);
  const [latest, setLatest] = useState<ReissueView>();
  const [error, setError] = useState<ApiError>();
  const [editing, setEditing] = useState(false);
  const [address, setAddress] = useState<AddressInput>(EMPTY_ADDRESS);
  const [formProblem, setFormProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const cancelRequest = useRef('');
  // 好差评 once the card was delivered or collected: the rating given, if any.
  const finished = remote.data ? applicationFinished(remote.data) : false;
  const rated = useRemote(() => (finished ? reissueApi.myRatings([id]) : Promise.resolve({ ratings: [] })), `rated:${id}:${finished}`);
  const [given, setGiven] = useState<RatingView>();

  // The newest answer wins: an action's result until the next reload.
  const view = latest && remote.data && latest.version >= remote.data.version ? latest : remote.data;
  const reload = () => {
    setLatest(undefined);
    setVersion((n) => n + 1);
  };
  const failed = (e: unknown, fallback: string) => {
    const err = e instanceof ApiError ? e : new ApiError('INTERNAL', fallback);
    setError(err);
    if (err.code === 'REISSUE_VERSION_CONFLICT' || err.code === 'REISSUE_STATE_CONFLICT') reload();
    return err;
  };
  const payment = usePayment(
    (v) => {
      setError(undefined);
      setLatest(v);
    },
    (e) => failed(e, '缴费失败，请重试'),
  );

  const cancel = async () => {
    if (!view) return;
    const paid = ['paid', 'pending'].includes(view.paymentStatus);
    const ok = await Taro.showModal({
      title: '取消申请',
      content: paid ? '确定取消本次补领申请？已缴费用将原路退回，一般1-3个工作日到账。挂失的原证件不会恢复。' : '确定取消本次补领申请？挂失的原证件不会恢复。',
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    setError(undefined);
    setBusy(true);
    if (!cancelRequest.current) cancelRequest.current = newRequestId();
    try {
      setLatest(await reissueApi.cancel({ applicationId: view.id, expectedVersion: view.version }, cancelRequest.current));
      cancelRequest.current = '';
    } catch (e) {
      if (!retryWithSameId(failed(e, '取消失败，请重试'))) cancelRequest.current = '';
    } finally {
      setBusy(false);
    }
  };

  const saveAddress = async () => {
    if (!view) return;
    const problem = addressProblem(address);
    setFormProblem(problem ?? '');
    if (problem) return;
    setError(undefined);
    setBusy(true);
    try {
      setLatest(
        await reissueApi.changeAddress({
          applicationId: view.id,
          expectedVersion: view.version,
          address: { ...address, detail: address.detail.trim(), recipient: address.recipient.trim(), phone: address.phone.trim() },
        }),
      );
      setEditing(false);
      void Taro.showToast({ title: '地址已修改', icon: 'success' });
    } catch (e) {
      failed(e, '修改失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="reissue-track">
      <LoadState remote={remote}>
        {view && (
          <View data-state={view.state} data-payment={view.paymentStatus} className="reissue-track__root">
            <View className="reissue-head">
              <Text className="reissue-head__title" {...heading(1)}>
                {view.reasonName}居民身份证 · {view.subjectNameMasked}
              </Text>
              <View>
                <StateTag state={view.state} name={view.stateName} />
              </View>
              <Text className="reissue-head__hint">受理单位：{view.hallName}</Text>
              <RefNumber label="办件编号" number={view.refNumber} note="咨询办理进度时请报出办件编号" />
            </View>

            {error && (
              <View className="notice notice--error" role="alert" data-error-code={error.code}>
                <Text>{error.message}</Text>
              </View>
            )}
            {view.rejectionReason && (
              <View className="notice notice--error" data-field="rejectionReason">
                <Text>审核未通过：{view.rejectionReason}</Text>
              </View>
            )}

            <Section title="办理进度">
              <StageBar progress={view.progress} />
            </Section>

            {applicationFinished(view) && (
              <Section title="服务评价">
                <RatingEntry id={view.id} rating={given ?? rated.data?.ratings[0]} submit={(r) => reissueApi.rateApplication(view.id, r)} onRated={setGiven} />
              </Section>
            )}

            {view.shipment && (
              <Section title="快递信息">
                <SummaryRow label="快递公司" field="courier">
                  {view.shipment.courierName}
                </SummaryRow>
                <SummaryRow label="运单号" field="trackingNumber">
                  {view.shipment.trackingNumber}
                </SummaryRow>
              </Section>
            )}

            <Section title="办理信息">
              <SummaryRow label="状态" field="stateName">
                {view.stateName}
              </SummaryRow>
              <SummaryRow label="领取方式" field="delivery">
                {view.delivery.kind === 'mail' ? `邮寄到 ${view.delivery.place}` : `大厅领取`}
              </SummaryRow>
              {view.collectionHallId && <SummaryRow label="领取大厅">{view.hallName}</SummaryRow>}
              {view.deadlines && <Deadlines deadlines={view.deadlines} />}
            </Section>

            <Section title="费用">
              <FeeList fee={view.fees} />
              <SummaryRow label="缴费状态" field="paymentStatus">
                {view.paymentStatusName}
              </SummaryRow>
            </Section>

            {payment.standIn}

            {editing && (
              <Section title="修改收件地址">
                <AddressForm value={address} onChange={setAddress} />
                <Text className="hint">只能改为同一邮寄区域内的地址（邮费不变）。</Text>
                {formProblem && (
                  <View className="notice notice--error" role="alert">
                    <Text>{formProblem}</Text>
                  </View>
                )}
                <View className="form-actions">
                  <Button type="primary" loading={busy} onClick={saveAddress}>
                    保存新地址
                  </Button>
                  <Text className="form-actions__secondary" {...tappable()} onClick={() => setEditing(false)}>
                    不修改了
                  </Text>
                </View>
              </Section>
            )}

            {!payment.paying && !editing && (
              <View className="form-actions action-buttons">
                {view.actions.includes('startPayment') && (
                  <Button type="primary" loading={payment.busy} onClick={() => payment.start(view.id)}>
                    继续支付 ¥{view.fees.total}
                  </Button>
                )}
                {view.actions.includes('changeAddress') && view.delivery.kind === 'mail' && (
                  <Button
                    onClick={() => {
                      setFormProblem('');
                      setAddress(EMPTY_ADDRESS);
                      setEditing(true);
                    }}
                  >
                    修改地址
                  </Button>
                )}
                {view.actions.includes('cancel') && (
                  <Button disabled={busy} onClick={cancel}>
                    取消申请
                  </Button>
                )}
              </View>
            )}

            <Section title="办理记录">
              <Timeline steps={view.timeline} />
            </Section>
          </View>
        )}
      </LoadState>
    </PageShell>
  );
}
