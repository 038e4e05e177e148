import { isDomainError } from '../errors/DomainError';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { applicationOfOrder, refundIdOf } from './orderIds';
import type { OrderState, RefundStatus } from './ports';
import { settleRefund } from './refund';
import { settlePayment } from './settlePayment';

/**
 * What the payment service told us on its own (WeChat Pay's payment and refund notifications),
 * already verified as its word (signature, key, time, decryption: server/payment/) and checked to
 * be for our merchant and mini-program.
 */
export type PaymentNotice =
  | {
      kind: 'transaction';
      orderId: string;
      /** The order's state as the notice gives it (WeChat: trade_state SUCCESS → paid). */
      state: OrderState;
      /** What was paid, in fen (amount.total). */
      amountFen?: number;
    }
  | { kind: 'refund'; orderId: string; refundId: string; status: Exclude<RefundStatus, 'processing'> };

/**
 * - settled: the application changed (paid, a refund recorded, a late payment refunded…);
 * - unchanged: nothing to do (a repeat, or the application already knew: idempotent);
 * - stray: a payment service fact about an order or refund that is not the application's current
 *   one (an earlier attempt, a refund made outside this system): nothing changed, an officer should
 *   look (the caller logs it);
 * - unknownOrder: no application has this order.
 */
export type NoticeOutcome = 'settled' | 'unchanged' | 'stray' | 'unknownOrder';

type NoticeDeps = Pick<ReissueDeps, 'store' | 'clock' | 'secrets' | 'payment'>;

/** A lost compare-and-set (the query path or a timer settled it meanwhile): read again and decide again. */
const ATTEMPTS = 3;

/**
 * Settles an application from a payment notice through the same use cases the query path uses
 * (settlePayment, settleRefund), so a notice and a query can arrive in any order, and any number of
 * times, with one outcome:
 * - a payment notice for the current order of an application still pending, for the amount due:
 *   the payment succeeded, on the notice's word (no query);
 * - any other payment notice that could change something (the order had been given up as failed;
 *   a state other than paid; another amount): the order is asked for and the answer decides, as
 *   when the citizen confirms — a notice is never trusted further than that;
 * - paid already (by the query path), refunding, refunded: nothing changes;
 * - a refund notice for the refund the application is waiting for: recorded on the notice's word;
 *   a refund notice for an application still waiting for its payment (the payment notice is late or
 *   lost): the payment is settled by asking;
 * - a payment notice for an earlier attempt's order: that order was closed before a new one was
 *   started, so WeChat Pay cannot have taken money on it; asked, and reported stray if it did.
 */
export async function settlePaymentNotice(deps: NoticeDeps, notice: PaymentNotice): Promise<NoticeOutcome> {
  const id = applicationOfOrder(notice.orderId);
  for (let attempt = 1; ; attempt++) {
    const app = id ? await deps.store.application(id) : null;
    if (!app) return 'unknownOrder';
    try {
      return await settleOnce(deps, app, notice);
    } catch (e) {
      if (!(isDomainError(e) && e.code === 'REISSUE_VERSION_CONFLICT') || attempt >= ATTEMPTS) throw e;
    }
  }
}

async function settleOnce(deps: NoticeDeps, app: ReissueRecord, notice: PaymentNotice): Promise<NoticeOutcome> {
  const changed = (after: ReissueRecord): NoticeOutcome => (after.version !== app.version ? 'settled' : 'unchanged');
  const status = app.payment.status;
  if (notice.orderId !== app.payment.id) {
    if (notice.kind === 'refund') return 'stray';
    const order = await deps.payment.queryOrder(notice.orderId);
    return order.status === 'paid' || order.status === 'refunded' ? 'stray' : 'unchanged';
  }
  if (notice.kind === 'refund') {
    if (status === 'refunding') return notice.refundId === refundIdOf(app) ? changed(await settleRefund(deps, app, { status: notice.status })) : 'stray';
    if (status === 'pending' || status === 'failed') return changed(await settlePayment(deps, app, undefined));
    if (status === 'refunded' || status === 'refundFailed') return 'unchanged';
    // Paid and no refund asked for: a refund made outside this system.
    return 'stray';
  }
  if (status !== 'pending' && status !== 'failed') return 'unchanged';
  const trusted = status === 'pending' && notice.state.status === 'paid' && (notice.amountFen === undefined || notice.amountFen === app.fees.totalFen);
  return changed(await settlePayment(deps, app, undefined, trusted ? notice.state : undefined));
}
