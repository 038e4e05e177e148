import type { CreatedOrder, NewOrder, OrderState, PaymentGateway, RefundRequest, RefundState } from '../../core/reissue/ports';
import { postJson } from '../http/httpClient';

type Answer<T> = T & { error?: string; message?: string };

/**
 * Local stand-in for WeChat Pay: the local cloud's payment service (devcloud/localPayment.ts) keeps
 * the orders; the H5 app plays wx.requestPayment against it (success, fail or timeout).
 */
export interface LocalMerchant {
  appid: string;
  mchid: string;
  /** Where the local WeChat Pay notifies of the order's payment and refunds (as WeChat Pay's notify_url). */
  notifyUrl: string;
}

export class LocalPayment implements PaymentGateway {
  constructor(
    private readonly cloudUrl: string,
    private readonly merchant?: LocalMerchant,
  ) {}

  async createOrder(order: NewOrder): Promise<CreatedOrder> {
    return this.post<CreatedOrder>('orders', {
      orderId: order.orderId,
      amountFen: order.amountFen,
      description: order.description,
      openid: order.openid,
      ...(this.merchant ?? {}),
    });
  }

  async queryOrder(orderId: string): Promise<OrderState> {
    const a = await this.post<{ status: OrderState['status']; paidAt?: string; transactionId?: string }>('query', { orderId });
    return { status: a.status, ...(a.paidAt ? { paidAt: new Date(a.paidAt) } : {}), ...(a.transactionId ? { transactionId: a.transactionId } : {}) };
  }

  async closeOrder(orderId: string): Promise<'closed' | 'paid'> {
    return (await this.post<{ status: 'closed' | 'paid' }>('close', { orderId })).status;
  }

  async refund(r: RefundRequest): Promise<RefundState> {
    const a = await this.post<RefundState>('refunds', { orderId: r.orderId, refundId: r.refundId, amountFen: r.amountFen, totalFen: r.totalFen });
    return { status: a.status };
  }

  async queryRefund(refundId: string): Promise<RefundState> {
    return { status: (await this.post<RefundState>('refunds/query', { refundId })).status };
  }

  private async post<T>(route: string, body: unknown): Promise<T> {
    const answer = await postJson<Answer<T>>(`${this.cloudUrl}/local/pay/${route}`, body);
    if (answer.error) throw new Error(`local payment refused ${route}: ${answer.error} ${answer.message ?? ''}`.trim());
    return answer;
  }
}
