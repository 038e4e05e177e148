import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { REASON_NAMES } from '../names';
import type { ReissueDeps } from '../ReissueDeps';
import { ApplicationId } from '../applicationInput';
import { ApplicationView, viewOf } from '../applicationView';
import { citizen } from '../actors';
import { fire } from '../fire';
import { ownApplication } from '../loadApplication';
import { settlePayment } from '../settlePayment';
import { orderIdOf } from '../orderIds';
import { lazySchema } from '../../function/lazySchema';
import { requireOpenid } from '../../identity/caller';

const PaymentParams = lazySchema(() => z.object({ timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }));

export const pay = defineAction({
  summary:
    'Starts (or resumes) paying an application: a payment order through the payment port, and the parameters for wx.requestPayment. Idempotent under the envelope requestId.',
  input: lazySchema(() => z.strictObject({ applicationId: ApplicationId })),
  output: lazySchema(() => z.object({ applicationId: z.string(), orderId: z.string(), amount: z.string(), paymentParams: PaymentParams })),
  errors: ['UNAUTHENTICATED', 'REISSUE_NOT_FOUND', 'REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT', 'PAYMENT_UNAVAILABLE', 'REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED'],
  idempotent: 'optional',
  async run({ applicationId }, deps: ReissueDeps) {
    const { app, openid } = await ownApplication(deps, applicationId);
    // An order already pending is resumed (the same order id gets the same prepay id).
    const current = app.payment.status === 'pending' && app.payment.id ? app : await fire(deps, app, { type: 'startPayment', paymentId: orderIdOf(app) }, citizen(openid));
    const orderId = current.payment.id!;
    try {
      const created = await deps.payment.createOrder({
        orderId,
        amountFen: current.fees.totalFen,
        description: `${REASON_NAMES[current.reason]}居民身份证（${current.delivery.kind === 'mail' ? '邮寄' : '大厅领取'}）`,
        // The payer is the caller (the owner differs for an application made in an assisted session).
        openid: requireOpenid(deps),
      });
      return { applicationId: current._id, orderId, amount: (current.fees.totalFen / 100).toFixed(2), paymentParams: created.paymentParams };
    } catch {
      throw new DomainError('PAYMENT_UNAVAILABLE');
    }
  },
});

export const confirmPayment = defineAction({
  summary:
    "After wx.requestPayment: asks the payment port for the order's real state. Paid → the application is paid; failed or cancelled → the order is closed and payment may be retried; timeout → stays pending, confirm again later.",
  input: lazySchema(() => z.strictObject({ applicationId: ApplicationId, reported: z.optional(z.enum(['ok', 'fail', 'cancel', 'timeout'])) })),
  output: ApplicationView,
  errors: ['UNAUTHENTICATED', 'REISSUE_NOT_FOUND', 'REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT', 'PAYMENT_UNAVAILABLE'],
  async run({ applicationId, reported }, deps: ReissueDeps) {
    const { app, openid } = await ownApplication(deps, applicationId);
    return viewOf(deps, await settlePayment(deps, app, reported), citizen(openid));
  },
});
