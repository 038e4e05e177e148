import type { ReissueApplication } from './ReissueApplication';

/**
 * The payment service's order and refund numbers of an application, derived from its id so the
 * answers and notifications of the payment service lead back to it:
 * - an order per payment attempt: `<application id>-p<attempt>` (WeChat Pay: ≤ 32 characters);
 * - one refund per application: `<application id>-refund` (the same id is the same refund).
 */
export function orderIdOf(app: Pick<ReissueApplication, '_id' | 'timeline'>): string {
  const attempts = app.timeline.filter((t) => t.event === 'startPayment').length;
  return `${app._id}-p${attempts + 1}`;
}

export function refundIdOf(app: Pick<ReissueApplication, '_id'>): string {
  return `${app._id}-refund`;
}

const ORDER = /^([A-Za-z0-9_-]{1,40})-p([1-9]\d{0,3})$/;

/** The application an order number belongs to, or undefined when it is not one of ours. */
export function applicationOfOrder(orderId: string): string | undefined {
  return ORDER.exec(orderId)?.[1];
}
