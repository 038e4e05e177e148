import type { Harness } from '../../support/localCloudHarness';
import { requestId } from './bookingFlow';
import { functionCaller } from './functionCaller';
import { waitFor } from './waitFor';

export const HAIKOU_ADDRESS = { provinceCode: '460000', cityCode: '460100', districtCode: '460108', detail: '海府路88号2栋301室', recipient: '王建国', phone: '13800138000' };

/** Calls of the reissue function as personas, and the local cloud's payment and courier stand-ins. */
export function reissueFlow(h: Harness) {
  const { call, ok, error } = functionCaller(h, 'reissue');
  const local = async (route: string, body: unknown) => {
    const res = await fetch(`${h.cloud.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  /** Plays wx.requestPayment in the payment stand-in. */
  const payInWeChat = (orderId: string, outcome: 'success' | 'fail' | 'timeout') => local('/local/pay/confirm', { orderId, outcome });
  const courierAdvance = (trackingNumber: string, to: 'delivered' | 'returned' = 'delivered') => local('/local/courier/advance', { trackingNumber, to });
  const timer = (name: string) => h.timer('reissue', name);
  const applyByMail = (openid: string, extra: Record<string, unknown> = {}) =>
    call(openid, 'apply', { reason: 'lost', appearanceUnchanged: true, delivery: { kind: 'mail', address: HAIKOU_ADDRESS }, requestId: requestId(), ...extra });
  /** Applies, pays with success in the stand-in and confirms: a paid application. */
  async function paidApplication(openid: string) {
    const body = await applyByMail(openid);
    if (!body.ok) throw new Error(`apply failed: ${JSON.stringify(body.error)}`);
    const { orderId } = await ok(openid, 'pay', { applicationId: body.data.id });
    await payInWeChat(orderId, 'success');
    return ok(openid, 'confirmPayment', { applicationId: body.data.id, reported: 'ok' });
  }
  /**
   * Applies and pays with success in the stand-in, then waits for WeChat Pay's notification
   * (payNotify) to settle it: a paid application the phone never confirmed, and the number of
   * order queries functions made meanwhile (0 when the notification alone settled it).
   */
  async function paidByNotification(openid: string) {
    const body = await applyByMail(openid);
    if (!body.ok) throw new Error(`apply failed: ${JSON.stringify(body.error)}`);
    const { orderId } = await ok(openid, 'pay', { applicationId: body.data.id });
    const queriesBefore = h.cloud.payment.stats.queries;
    await payInWeChat(orderId, 'success');
    const paid = await waitFor(
      () => ok(openid, 'application', { applicationId: body.data.id }),
      (v) => v.paymentStatus === 'paid',
      'the notification to settle the payment',
    );
    return { paid, orderId, queries: h.cloud.payment.stats.queries - queriesBefore };
  }
  return { call, ok, error, payInWeChat, courierAdvance, timer, applyByMail, paidApplication, paidByNotification, local };
}
