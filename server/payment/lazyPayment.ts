import type { PaymentGateway } from '../../core/reissue/ports';

/**
 * The payment adapter is made on first use: its keys are parsed then, so a key that cannot be read
 * fails the payment calls (PAYMENT_UNAVAILABLE) rather than every action of the function.
 */
export function lazyPayment(make: () => PaymentGateway): PaymentGateway {
  let made: PaymentGateway | undefined;
  const get = () => (made ??= make());
  return {
    createOrder: (o) => get().createOrder(o),
    queryOrder: (id) => get().queryOrder(id),
    closeOrder: (id) => get().closeOrder(id),
    refund: (r) => get().refund(r),
    queryRefund: (id) => get().queryRefund(id),
  };
}
