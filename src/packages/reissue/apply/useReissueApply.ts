import { useReducer, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { SELF } from '../../../components/ActingForChips';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { reissueApi, type DeliveryInput } from '../../../services/reissueApi';
import { useRemote } from '../../../services/useRemote';
import { usePayment } from '../components/usePayment';
import { INITIAL_APPLY_STATE, applyReducer, type ApplyState } from './applyState';
import { formProblem } from './checkForm';
import { loadBasics } from './loadBasics';

const goTrack = (id: string) => void Taro.redirectTo({ url: `/packages/reissue/track/index?id=${id}` });

/** The delivery as the function takes it: the address with its typed fields trimmed. */
function deliveryOf({ delivery, address, hallId }: ApplyState): DeliveryInput {
  return delivery === 'mail'
    ? { kind: 'mail', address: { ...address, detail: address.detail.trim(), recipient: address.recipient.trim(), phone: address.phone.trim() } }
    : { kind: 'hall', hallId };
}

/**
 * The state of 身份证补换领 in one place: what the citizen chose (a reducer), the basics and the
 * eligibility as the function answers them for the current choice, and the steps' actions
 * (挂失, to the confirm step, apply → pay → tracking).
 */
export function useReissueApply() {
  // Coming back (e.g. from 实名认证) reads the basics and the eligibility again.
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const basics = useRemote(loadBasics, `basics:${shown > 1 ? shown : 0}`);
  const [state, dispatch] = useReducer(applyReducer, INITIAL_APPLY_STATE);
  const { who, reason, delivery, address, hallId } = state;

  const forMemberId = who === SELF ? undefined : who;
  const previewDelivery = delivery === 'hall' ? ({ kind: 'hall' } as const) : address.districtCode ? ({ kind: 'mail', districtCode: address.districtCode } as const) : undefined;
  const verified = Boolean(basics.data?.status.verified);
  const check = useRemote(
    () => (verified ? reissueApi.eligibility({ forMemberId, reason, ...(previewDelivery ? { delivery: previewDelivery } : {}) }) : Promise.resolve(undefined)),
    `elig:${verified}:${who}:${reason}:${delivery}:${address.districtCode}:${shown}`,
  );

  const payment = usePayment(
    (view) => goTrack(view.id),
    (error) => dispatch({ type: 'failed', error }),
  );

  const data = basics.data;
  const profile = data?.status.profile;
  const member = data?.members.find((m) => m.memberId === who);
  // Collection halls in the city of the hall that takes the application.
  const hallOptions = data?.halls ?? [];
  const defaultCity = hallOptions.find((h) => h.id === check.data?.hall?.id)?.city;
  const halls = defaultCity ? hallOptions.filter((h) => h.city === defaultCity) : hallOptions;
  const hall = halls.find((h) => h.id === hallId);

  const reportLoss = async () => {
    const ok = await Taro.showModal({
      title: '确认挂失',
      content: '挂失后原身份证立即作废，即使之后不再申请补领也不能恢复使用。确定挂失？',
      confirmText: '确认挂失',
    });
    if (!ok.confirm) return;
    dispatch({ type: 'started' });
    try {
      const r = await reissueApi.reportLoss(forMemberId);
      dispatch({ type: 'lossReported', at: r.reportedAt });
    } catch (e) {
      dispatch({ type: 'failed', error: e instanceof ApiError ? e : new ApiError('INTERNAL', '挂失失败，请重试') });
    } finally {
      dispatch({ type: 'finished' });
    }
  };

  const openConfirm = () => {
    const problem = formProblem({ ...state, hallChosen: Boolean(hall) });
    dispatch({ type: 'checked', problem, requestId: problem ? '' : newRequestId() });
  };

  const submit = async () => {
    dispatch({ type: 'started' });
    try {
      const app = state.applied ?? (await reissueApi.apply({ forMemberId, reason, delivery: deliveryOf(state) }, state.requestId));
      dispatch({ type: 'applied', application: app });
      if (app.actions.includes('startPayment')) await payment.start(app.id);
      else goTrack(app.id);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError('INTERNAL', '提交失败，请重试');
      dispatch({ type: 'failed', error, ...(retryWithSameId(error) ? {} : { requestId: newRequestId() }) });
    } finally {
      dispatch({ type: 'finished' });
    }
  };

  return {
    basics,
    check,
    state,
    dispatch,
    profile,
    idMasked: member ? member.idNumberMasked : profile?.idNumberMasked,
    halls,
    hall,
    payment,
    reportLoss,
    openConfirm,
    submit,
    goTrack,
  };
}
