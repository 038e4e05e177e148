import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { localPaymentStandIn, reissueApi, type PaymentStart, type ReissueView } from '../../../services/reissueApi';
import './reissue.scss';

type Reported = 'ok' | 'fail' | 'cancel' | 'timeout';

function reportedOf(errMsg: string): Reported {
  if (/:ok$/.test(errMsg)) return 'ok';
  if (/cancel/.test(errMsg)) return 'cancel';
  if (/timeout/.test(errMsg)) return 'timeout';
  return 'fail';
}

/**
 * Paying an application: `pay` (one request id per attempt), then on weapp wx.requestPayment; on
 * H5 the local cloud's stand-in, shown as a panel with 模拟支付成功 / 失败. Either way the function
 * asks the payment port (confirmPayment) and `onSettled` gets the application as it is now.
 */
export function usePayment(onSettled: (view: ReissueView) => void, onError: (e: ApiError) => void) {
  const [order, setOrder] = useState<PaymentStart>();
  const [busy, setBusy] = useState(false);
  const requestId = useRef('');

  const settle = async (applicationId: string, reported: Reported) => {
    try {
      onSettled(await reissueApi.confirmPayment(applicationId, reported));
    } catch (e) {
      onError(e instanceof ApiError ? e : new ApiError('INTERNAL', '缴费结果查询失败，请稍后刷新'));
    }
  };

  const start = async (applicationId: string) => {
    setBusy(true);
    if (!requestId.current) requestId.current = newRequestId();
    try {
      const started = await reissueApi.pay(applicationId, requestId.current);
      requestId.current = '';
      if (process.env.TARO_ENV === 'weapp') {
        let errMsg = 'requestPayment:ok';
        try {
          await Taro.requestPayment({ ...started.paymentParams });
        } catch (e) {
          errMsg = (e as { errMsg?: string })?.errMsg ?? 'requestPayment:fail';
        }
        const reported = reportedOf(errMsg);
        // Said where the person looks (a toast outlives the move to the tracking page).
        if (reported === 'cancel') void Taro.showToast({ title: '已取消支付，未扣款', icon: 'none', duration: 3000 });
        await settle(applicationId, reported);
      } else {
        setOrder(started);
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '发起缴费失败，请重试');
      if (!retryWithSameId(err)) requestId.current = '';
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const standInPay = async (outcome: 'success' | 'fail') => {
    if (!order) return;
    setBusy(true);
    try {
      const errMsg = await localPaymentStandIn(order.orderId, outcome);
      setOrder(undefined);
      await settle(order.applicationId, reportedOf(errMsg));
    } catch {
      onError(new ApiError('NETWORK_UNAVAILABLE', '模拟支付未连上本地云，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const standIn = order ? (
    <View className="pay-standin" data-pay-standin={order.orderId}>
      <Text className="pay-standin__title">微信支付（本地模拟）</Text>
      <Text className="pay-standin__line">
        订单 {order.orderId} · 应付 ¥{order.amount}。本地演示环境没有真实支付，请选择支付结果。
      </Text>
      <Button type="primary" loading={busy} onClick={() => standInPay('success')}>
        模拟支付成功
      </Button>
      <Button disabled={busy} onClick={() => standInPay('fail')}>
        模拟支付失败
      </Button>
    </View>
  ) : null;

  return { start, busy, standIn, paying: Boolean(order) };
}
