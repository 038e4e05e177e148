import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrderStatus, RefundStatus } from '../core/reissue/ports';
import { PERSONA_HEADER } from './functionGateway';
import { readJson, sendJson } from './localJson';
import { beijingTime, createLocalPayNotifier, encryptResource } from './localPayNotifier';

/**
 * The local cloud's WeChat Pay: orders in memory, paid when the H5 app plays `wx.requestPayment`.
 * Functions reach it through server/local/LocalPayment.ts; the H5 app confirms payments itself.
 *
 * - POST /local/pay/orders   { orderId, amountFen, description, openid } → { prepayId, paymentParams }
 *   (the same order asked again gets the same prepay id; a different one under the same id is refused);
 * - POST /local/pay/confirm  { orderId | package, outcome: 'success' | 'fail' | 'timeout' } plays
 *   wx.requestPayment and answers its errMsg: success pays the order; fail leaves it unpaid (as a
 *   cancelled or failed payment leaves a WeChat order NOTPAY); timeout answers
 *   'requestPayment:fail timeout' yet the order turns paid `lateSuccessMs` later (read lazily on the
 *   next query, close or refund), unless it is closed first — the late success to test;
 * - POST /local/pay/query    { orderId } → { status, paidAt?, transactionId? } (an unknown order: notPaid);
 * - POST /local/pay/close    { orderId } → { status: 'closed' | 'paid' };
 * - POST /local/pay/refunds  { orderId, refundId, amountFen, totalFen } → { status: 'success' }, or
 *   'failed' when the order id contains `refund-fail` (to test failed refunds); the same refund id
 *   answers the same refund;
 * - POST /local/pay/refunds/query { refundId } → { status };
 * - GET  /local/pay/orders   every order, for a developer.
 * Payments and refunds are notified as WeChat Pay notifies them (localPayNotifier.ts): to the order's
 * notify URL, i.e. the payNotify function's HTTP access path on the local cloud.
 * Refusals answer `{ error: CODE, message }` with a 4xx status, codes as WeChat Pay names them.
 */

export interface LocalOrder {
  orderId: string;
  amountFen: number;
  description: string;
  openid: string;
  prepayId: string;
  createdAt: string;
  status: Exclude<OrderStatus, 'unknown'>;
  /** The merchant's app and number and where to notify (given by the functions' LocalPayment, as in a real order). */
  appid?: string;
  mchid?: string;
  notifyUrl?: string;
  /** Set by a 'timeout' confirmation: from this instant (ms) the order is paid. */
  paysAt?: number;
  paidAt?: string;
  transactionId?: string;
}

export interface LocalRefund {
  refundId: string;
  orderId: string;
  amountFen: number;
  status: RefundStatus;
}

export interface LocalPaymentOptions {
  now?: () => number;
  /** How long after a 'timeout' confirmation the order turns paid (default 5 s). */
  lateSuccessMs?: number;
  log?: (line: string) => void;
  /** Where the local cloud listens (its HTTP access paths receive the notifications); unset: none sent. */
  cloudUrl?: () => string | undefined;
}

const ORDER_ID = /^[A-Za-z0-9_*-]{6,32}$/;
const REFUND_ID = /^[A-Za-z0-9_|*@-]{1,64}$/;
const OUTCOMES = ['success', 'fail', 'timeout'];
/** An order id containing this is refunded with status 'failed'. */
export const REFUND_FAILS = 'refund-fail';

export function createLocalPayment(opts: LocalPaymentOptions = {}) {
  const now = opts.now ?? Date.now;
  const lateSuccessMs = opts.lateSuccessMs ?? 5000;
  const log = opts.log ?? console.log;
  const orders = new Map<string, LocalOrder>();
  const refunds = new Map<string, LocalRefund>();
  const notifier = createLocalPayNotifier(opts.cloudUrl ?? (() => undefined), now, log);
  /** How many times the functions asked for an order's state (POST /local/pay/query). */
  const stats = { queries: 0 };

  const refuse = (res: ServerResponse, status: number, error: string, message: string) => sendJson(res, status, { error, message });
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

  function pay(order: LocalOrder, at: number): void {
    order.status = 'paid';
    order.paidAt = new Date(at).toISOString();
    order.transactionId = `4200local${randomBytes(8).toString('hex')}`;
    delete order.paysAt;
    // As WeChat Pay does once the money is taken: a payment notification to the order's notify URL.
    notifier.send(order.notifyUrl, order.orderId, 'TRANSACTION.SUCCESS', '支付成功', encryptResource(transactionOf(order), 'transaction'));
  }

  function transactionOf(o: LocalOrder) {
    return {
      appid: o.appid,
      mchid: o.mchid,
      out_trade_no: o.orderId,
      transaction_id: o.transactionId,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      attach: '',
      success_time: beijingTime(Date.parse(o.paidAt ?? new Date(now()).toISOString())),
      payer: { openid: o.openid },
      amount: { total: o.amountFen, payer_total: o.amountFen, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  /** A late success lands once its time has come, as a query at WeChat Pay would then find it. */
  function settled(orderId: string): LocalOrder | undefined {
    const order = orders.get(orderId);
    if (order && order.status === 'notPaid' && order.paysAt !== undefined && now() >= order.paysAt) pay(order, order.paysAt);
    return order;
  }

  const stateOf = (o: LocalOrder) => ({ status: o.status, ...(o.paidAt ? { paidAt: o.paidAt, transactionId: o.transactionId } : {}) });

  async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = await readJson(req);
    const orderId = text(b.orderId);
    const amountFen = Number(b.amountFen);
    const openid = text(b.openid);
    const description = text(b.description);
    if (!ORDER_ID.test(orderId)) return refuse(res, 400, 'PARAM_ERROR', 'orderId: 6–32 characters of A–Z a–z 0–9 _ - *');
    if (!Number.isInteger(amountFen) || amountFen <= 0) return refuse(res, 400, 'PARAM_ERROR', 'amountFen: a positive integer');
    if (!openid || !description) return refuse(res, 400, 'PARAM_ERROR', 'openid and description are required');
    const existing = settled(orderId);
    if (existing && (existing.status !== 'notPaid' || existing.amountFen !== amountFen || existing.openid !== openid)) {
      return refuse(res, 400, 'INVALID_REQUEST', `order ${orderId} exists (${existing.status}) with other terms`);
    }
    const merchant = { appid: text(b.appid) || undefined, mchid: text(b.mchid) || undefined, notifyUrl: text(b.notifyUrl) || undefined };
    const order: LocalOrder = existing ?? {
      orderId,
      amountFen,
      description,
      openid,
      ...merchant,
      prepayId: `wx-local-${randomBytes(12).toString('hex')}`,
      createdAt: new Date(now()).toISOString(),
      status: 'notPaid',
    };
    orders.set(orderId, order);
    if (!existing) log(`[支付] 下单 ${orderId}：${(amountFen / 100).toFixed(2)} 元，${description}`);
    sendJson(res, 200, {
      prepayId: order.prepayId,
      paymentParams: {
        timeStamp: String(Math.floor(now() / 1000)),
        nonceStr: randomBytes(16).toString('hex').toUpperCase(),
        package: `prepay_id=${order.prepayId}`,
        signType: 'RSA',
        paySign: 'local-stand-in-not-signed',
      },
    });
  }

  async function confirm(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = await readJson(req);
    const prepayId = text(b.package).replace(/^prepay_id=/, '');
    const orderId = text(b.orderId) || [...orders.values()].find((o) => prepayId && o.prepayId === prepayId)?.orderId || '';
    const outcome = text(b.outcome);
    if (!OUTCOMES.includes(outcome)) return sendJson(res, 400, { errMsg: 'requestPayment:fail outcome must be success, fail or timeout' });
    const order = settled(orderId);
    if (!order) return sendJson(res, 404, { errMsg: 'requestPayment:fail no such order' });
    const payer = req.headers[PERSONA_HEADER];
    if (typeof payer === 'string' && payer !== order.openid) return sendJson(res, 403, { errMsg: 'requestPayment:fail the order belongs to another payer' });
    if (order.status === 'paid' || order.status === 'refunded')
      return sendJson(res, 200, { errMsg: outcome === 'success' ? 'requestPayment:ok' : 'requestPayment:fail order paid' });
    if (order.status === 'closed') return sendJson(res, 200, { errMsg: 'requestPayment:fail order closed' });
    if (outcome === 'success') {
      pay(order, now());
      log(`[支付] ${orderId} 支付成功`);
      return sendJson(res, 200, { errMsg: 'requestPayment:ok' });
    }
    if (outcome === 'fail') {
      log(`[支付] ${orderId} 支付未成功`);
      return sendJson(res, 200, { errMsg: 'requestPayment:fail' });
    }
    order.paysAt = now() + lateSuccessMs;
    log(`[支付] ${orderId} 支付结果超时，${lateSuccessMs / 1000} 秒后查询将为已支付`);
    sendJson(res, 200, { errMsg: 'requestPayment:fail timeout' });
  }

  async function query(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.queries++;
    const order = settled(text((await readJson(req)).orderId));
    sendJson(res, 200, order ? stateOf(order) : { status: 'notPaid' });
  }

  async function close(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const order = settled(text((await readJson(req)).orderId));
    if (order && (order.status === 'paid' || order.status === 'refunded')) return sendJson(res, 200, { status: 'paid' });
    if (order && order.status !== 'closed') {
      order.status = 'closed';
      delete order.paysAt;
      log(`[支付] ${order.orderId} 已关闭`);
    }
    sendJson(res, 200, { status: 'closed' });
  }

  async function refund(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = await readJson(req);
    const refundId = text(b.refundId);
    const amountFen = Number(b.amountFen);
    if (!REFUND_ID.test(refundId)) return refuse(res, 400, 'PARAM_ERROR', 'refundId: 1–64 characters of A–Z a–z 0–9 _ - | * @');
    const order = settled(text(b.orderId));
    if (!order) return refuse(res, 404, 'ORDER_NOT_EXIST', 'no such order');
    const earlier = refunds.get(refundId);
    if (earlier) {
      if (earlier.orderId !== order.orderId || earlier.amountFen !== amountFen) return refuse(res, 400, 'INVALID_REQUEST', `refund ${refundId} exists with other terms`);
      return sendJson(res, 200, { status: earlier.status });
    }
    if (order.status !== 'paid' && order.status !== 'refunded') return refuse(res, 400, 'INVALID_REQUEST', `order ${order.orderId} is ${order.status}`);
    if (!Number.isInteger(amountFen) || amountFen <= 0 || Number(b.totalFen) !== order.amountFen) return refuse(res, 400, 'PARAM_ERROR', 'amounts do not fit the order');
    const done = [...refunds.values()].filter((r) => r.orderId === order.orderId && r.status === 'success').reduce((sum, r) => sum + r.amountFen, 0);
    if (done + amountFen > order.amountFen) return refuse(res, 400, 'INVALID_REQUEST', 'more than the order has left to refund');
    const status: RefundStatus = order.orderId.includes(REFUND_FAILS) ? 'failed' : 'success';
    refunds.set(refundId, { refundId, orderId: order.orderId, amountFen, status });
    if (status === 'success') order.status = 'refunded';
    log(`[支付] ${order.orderId} 退款 ${(amountFen / 100).toFixed(2)} 元：${status === 'success' ? '成功' : '失败'}`);
    notifier.send(
      order.notifyUrl,
      order.orderId,
      status === 'success' ? 'REFUND.SUCCESS' : 'REFUND.ABNORMAL',
      status === 'success' ? '退款成功' : '退款异常',
      encryptResource(
        {
          mchid: order.mchid,
          out_trade_no: order.orderId,
          transaction_id: order.transactionId,
          out_refund_no: refundId,
          refund_id: `50local${randomBytes(8).toString('hex')}`,
          refund_status: status === 'success' ? 'SUCCESS' : 'ABNORMAL',
          ...(status === 'success' ? { success_time: beijingTime(now()) } : {}),
          user_received_account: '支付用户零钱',
          amount: { total: order.amountFen, refund: amountFen, payer_total: order.amountFen, payer_refund: amountFen },
        },
        'refund',
      ),
    );
    sendJson(res, 200, { status });
  }

  async function refundQuery(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const found = refunds.get(text((await readJson(req)).refundId));
    if (!found) return refuse(res, 404, 'RESOURCE_NOT_EXISTS', 'no such refund');
    sendJson(res, 200, { status: found.status });
  }

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    'POST /local/pay/orders': create,
    'POST /local/pay/confirm': confirm,
    'POST /local/pay/query': query,
    'POST /local/pay/close': close,
    'POST /local/pay/refunds': refund,
    'POST /local/pay/refunds/query': refundQuery,
    'GET /local/pay/orders': async (_req, res) => sendJson(res, 200, { orders: [...orders.keys()].map((id) => settled(id)), refunds: [...refunds.values()] }),
  };

  /** Answers the request and returns true when it is one of this stand-in's routes. */
  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const route = routes[`${req.method} ${pathname}`];
    if (!route) return false;
    await route(req, res);
    return true;
  }

  return { orders, refunds, handle, notifier, stats };
}
