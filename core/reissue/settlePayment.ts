import { DomainError, isDomainError } from '../errors/DomainError';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { SYSTEM } from './actors';
import { fire } from './fire';
import { settleRefund } from './refund';
import type { OrderState } from './ports';

const FAILED_NOTE = { fail: '支付未成功', cancel: '已取消支付', expired: '超过缴费期限未支付' } as const;

/**
 * Settles the payment of an application by asking the payment port (what the phone reported is
 * only a hint): paid → paymentSucceeded; closed → paymentFailed; not paid yet after a failure or
 * cancel reported by the phone, or when the days allowed to pay ran out ('expired', the payment
 * timer) → the order is closed first (it may have been paid meanwhile), then paymentFailed; after a
 * timeout (or no report) it stays pending and a later confirm settles it.
 *
 * `known`: the order's state as the payment service itself reported it (a verified payment
 * notification, paymentNotice.ts), which is then not asked for again. Only the payment service's
 * word counts; a notice in any doubt is settled without it, by asking.
 */
export async function settlePayment(
  deps: Pick<ReissueDeps, 'store' | 'clock' | 'secrets' | 'payment'>,
  app: ReissueRecord,
  reported: 'ok' | 'fail' | 'cancel' | 'timeout' | 'expired' | undefined,
  known?: OrderState,
): Promise<ReissueRecord> {
  const orderId = app.payment.id;
  if (!orderId || !['pending', 'failed'].includes(app.payment.status)) return app;
  let order: OrderState;
  try {
    order = known ?? (await deps.payment.queryOrder(orderId));
  } catch {
    throw new DomainError('PAYMENT_UNAVAILABLE');
  }
  if (order.status === 'paid' || order.status === 'refunded') {
    const paid = await settledMeanwhile(deps, app, () => fire(deps, app, { type: 'paymentSucceeded', paymentId: orderId }, SYSTEM));
    return settleRefund(deps, paid);
  }
  if (app.payment.status !== 'pending') return app;
  if (order.status === 'closed') return settledMeanwhile(deps, app, () => fire(deps, app, { type: 'paymentFailed', paymentId: orderId, note: '支付未完成' }, SYSTEM));
  if (reported === 'fail' || reported === 'cancel' || reported === 'expired') {
    let closed: 'closed' | 'paid';
    try {
      closed = await deps.payment.closeOrder(orderId);
    } catch {
      throw new DomainError('PAYMENT_UNAVAILABLE');
    }
    if (closed === 'paid') return settleRefund(deps, await settledMeanwhile(deps, app, () => fire(deps, app, { type: 'paymentSucceeded', paymentId: orderId }, SYSTEM)));
    return settledMeanwhile(deps, app, () => fire(deps, app, { type: 'paymentFailed', paymentId: orderId, note: FAILED_NOTE[reported] }, SYSTEM));
  }
  return app;
}

/**
 * The settlement, or the application as another path settled the same order meanwhile: a payment
 * notification, the payment timer and the citizen's confirmation may all settle one payment at once,
 * and the one that loses the compare-and-set answers what the winner recorded instead of a conflict.
 */
async function settledMeanwhile(deps: Pick<ReissueDeps, 'store'>, app: ReissueRecord, settle: () => Promise<ReissueRecord>): Promise<ReissueRecord> {
  try {
    return await settle();
  } catch (e) {
    if (!(isDomainError(e) && e.code === 'REISSUE_VERSION_CONFLICT')) throw e;
    const now = await deps.store.application(app._id);
    if (now && now.payment.id === app.payment.id && now.payment.status !== app.payment.status) return now;
    throw e;
  }
}
