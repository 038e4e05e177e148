import { isDomainError } from '../errors/DomainError';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { SYSTEM } from './actors';
import { fire } from './fire';
import { refundIdOf } from './orderIds';
import type { RefundState } from './ports';

/**
 * Asks the payment port for a refund the state machine made due (payment 'refunding'). The refund
 * id is derived from the application, so asking again is the same refund. A port failure, or a
 * 'processing' answer, leaves it 'refunding' for the refund timer to ask again.
 *
 * `known`: the refund's state as the payment service itself reported it (a verified refund
 * notification), which is then not asked for again.
 */
export async function settleRefund(deps: Pick<ReissueDeps, 'store' | 'clock' | 'secrets' | 'payment'>, app: ReissueRecord, known?: RefundState): Promise<ReissueRecord> {
  if (app.payment.status !== 'refunding' || !app.payment.id) return app;
  try {
    const { status } =
      known ??
      (await deps.payment.refund({
        orderId: app.payment.id,
        refundId: refundIdOf(app),
        amountFen: app.fees.totalFen,
        totalFen: app.fees.totalFen,
        reason: '户政补换领申请未办理，费用原路退回',
      }));
    if (status === 'success') return await fire(deps, app, { type: 'refundSucceeded' }, SYSTEM);
    if (status === 'failed') return await fire(deps, app, { type: 'refundFailed', note: '退款未成功，工作人员将处理' }, SYSTEM);
  } catch (e) {
    if (isDomainError(e)) return (await deps.store.application(app._id)) ?? app;
  }
  return app;
}
