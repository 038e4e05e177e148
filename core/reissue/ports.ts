/**
 * The reissue use cases' external services: money (WeChat Pay in production, server/payment/) and
 * the carrier's tracking (Kuaidi100 in production, server/courier/). Both have local stand-ins in
 * the local cloud (server/local/LocalPayment.ts, LocalCourier.ts). Amounts are integer fen.
 *
 * How the payment port is meant to be used (what makes a late payment impossible to lose):
 * 1. `startPayment` (state machine) records a new order id, then `createOrder` returns the
 *    parameters the mini-program passes to `wx.requestPayment`.
 * 2. What the phone reports (success, fail, cancel, nothing) is never trusted: the function asks
 *    `queryOrder`. 'paid' → paymentSucceeded.
 * 3. To give up on an order (the phone reported a failure or a cancel, or the citizen cancels the
 *    application), `closeOrder` it first: only once it is closed can it no longer be paid. If it
 *    was paid meanwhile the answer says so ('paid') and the payment succeeded after all;
 *    otherwise → paymentFailed. A timeout gives up nothing: the order stays pending and the
 *    payment timer asks `queryOrder` again.
 * 4. A refund (`refundDue`) asks `refund` with a refund id derived from the application, so asking
 *    again after a crash or a 'processing' answer (the payment timer does) is the same refund,
 *    never a second one. `queryRefund` reads a refund's state; no use case needs it yet.
 */

/** What the mini-program passes to `wx.requestPayment` (all strings, as WeChat requires). */
export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface NewOrder {
  /** Our order number (WeChat Pay's out_trade_no): 6–32 characters of A–Z a–z 0–9 _ - *. */
  orderId: string;
  amountFen: number;
  /** What the citizen sees in their payment record, e.g. 补领居民身份证（邮寄）. */
  description: string;
  /** The payer: the applicant's openid in this mini-program. */
  openid: string;
  /** After this instant the order can no longer be paid (WeChat Pay's time_expire). */
  expiresAt?: Date;
}

export interface CreatedOrder {
  paymentParams: PaymentParams;
  prepayId: string;
}

/**
 * - paid: the money was taken; refunded: it was paid and a refund has been made (WeChat's REFUND);
 * - notPaid: not (yet) paid and still payable, or never created;
 * - closed: can no longer be paid (closed, revoked, expired, failed);
 * - unknown: the payment service answered something this adapter does not know.
 */
export type OrderStatus = 'paid' | 'notPaid' | 'closed' | 'refunded' | 'unknown';

export interface OrderState {
  status: OrderStatus;
  /** When it was paid (paid and refunded orders). */
  paidAt?: Date;
  /** The payment service's own transaction id (paid and refunded orders). */
  transactionId?: string;
}

export interface RefundRequest {
  orderId: string;
  /** Our refund number (out_refund_no): 1–64 characters of A–Z a–z 0–9 _ - | * @. The same id is the same refund. */
  refundId: string;
  amountFen: number;
  /** What the order was paid: the payment service checks it. */
  totalFen: number;
  /** Shown in the citizen's payment record. */
  reason?: string;
}

/** processing: accepted, money on its way (ask again later); failed: closed or abnormal, needs a new attempt or an officer. */
export type RefundStatus = 'processing' | 'success' | 'failed';

export interface RefundState {
  status: RefundStatus;
}

/**
 * Money for an application. Rejects (with a message that names no key and no personal data) when
 * the payment service cannot be reached or refuses the request; answers describe the order.
 */
export interface PaymentGateway {
  createOrder(order: NewOrder): Promise<CreatedOrder>;
  queryOrder(orderId: string): Promise<OrderState>;
  /** Makes the order unpayable: 'closed', or 'paid' when it had been paid before it could be closed. */
  closeOrder(orderId: string): Promise<'closed' | 'paid'>;
  refund(request: RefundRequest): Promise<RefundState>;
  queryRefund(refundId: string): Promise<RefundState>;
}

/**
 * - inTransit: with the carrier and on its way (picked up, moving, out for delivery, or a problem
 *   the carrier is working on);
 * - delivered: signed for (by the recipient, a proxy, a parcel locker or station);
 * - returned: will not reach the recipient: refused, going back or signed for by the sender;
 * - unknown: the carrier has no answer (not yet in its system, wrong number, service refused).
 */
export type ShipmentState = 'inTransit' | 'delivered' | 'returned' | 'unknown';

export interface TrackingEvent {
  at: Date;
  description: string;
  /** Where it happened, when the carrier says (e.g. 海南,海口市). */
  location?: string;
}

export interface Tracking {
  state: ShipmentState;
  /** Oldest first. */
  events: TrackingEvent[];
  /** Why the state is unknown (the carrier's code and message), for logs; never a key. */
  note?: string;
}

/**
 * A carrier's tracking. Rejects only when the tracking service cannot be reached or answers
 * something that is not its protocol; a refusal of the query itself is `state: 'unknown'`.
 */
export interface Courier {
  /**
   * `courierCode` as stored on the shipment (e.g. sf, ems); `phone`: the recipient's phone number
   * (or its last four digits), which some carriers (SF Express) require before they answer.
   */
  track(courierCode: string, trackingNumber: string, phone?: string): Promise<Tracking>;
}
