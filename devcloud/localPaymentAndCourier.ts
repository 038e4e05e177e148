import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalCourier, type LocalCourierOptions } from './localCourier';
import { createLocalPayment, type LocalPaymentOptions } from './localPayment';

export type LocalPaymentAndCourierOptions = LocalPaymentOptions & LocalCourierOptions;

/**
 * The reissue journey's external services in the local cloud: WeChat Pay (/local/pay/…,
 * localPayment.ts) and the carrier (/local/courier/…, localCourier.ts). `handle` answers their
 * routes and returns false for any other path, so the local cloud can try it before its other
 * local services.
 */
export function createLocalPaymentAndCourier(opts: LocalPaymentAndCourierOptions = {}) {
  const payment = createLocalPayment(opts);
  const courier = createLocalCourier(opts);

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (pathname.startsWith('/local/pay/')) return payment.handle(req, res, pathname);
    if (pathname.startsWith('/local/courier/')) return courier.handle(req, res, pathname);
    return false;
  }

  return { payment, courier, handle };
}
