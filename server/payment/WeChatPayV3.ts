import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { CreatedOrder, NewOrder, OrderState, OrderStatus, PaymentGateway, RefundRequest, RefundState, RefundStatus } from '../../core/reissue/ports';
import { sendRequest } from '../http/httpClient';
import { answerProblem, authorization, nonce, paySignMessage, rsaSign } from './wechatPaySignature';

/**
 * Production payment: WeChat Pay API v3, JSAPI payment for the mini-program (直连商户), against the
 * documented endpoints of api.mch.weixin.qq.com:
 * - POST /v3/pay/transactions/jsapi → prepay_id, then the signed parameters of wx.requestPayment;
 * - GET  /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=… → trade_state;
 * - POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close → 204;
 * - POST /v3/refund/domestic/refunds, GET /v3/refund/domestic/refunds/{out_refund_no} → status.
 * Requests are signed with the merchant API private key (wechatPaySignature.ts); with WeChat Pay's
 * public key configured (always, in the functions), every successful answer's signature is verified
 * before it is believed.
 *
 * Why not CloudBase's own WeChat Pay (微信支付云调用): wx-server-sdk's `cloud.cloudPay` (unifiedOrder,
 * queryOrder, closeOrder, refund …) and @cloudbase/node-sdk's `callWxPayApi` (node_modules/
 * @cloudbase/node-sdk/src/wx/index.ts: a multipart `wx.wxPayApi` call with an apiName and request
 * data, answered as raw bytes, documented only for wx-server-sdk) are the same channel: no keys to
 * keep, but the merchant takes part as a sub-merchant (特约商户, `subMchId`) of the "微信支付"
 * service provider bound to the 云开发 environment in the console, the parameters are API v2's
 * (totalFee, nonceStr, spbillCreateIp), and outcomes come as a call of a cloud function named in
 * the order (returning { errcode, errmsg }), not as WeChat Pay's signed v3 notification. That does
 * not fit a direct merchant (直连商户) on API v3 with its own keys, its notify_url and its refunds
 * under its own merchant number; it cannot be verified like an answer (no signature of WeChat Pay
 * reaches us), and the local cloud could not play it behind the same interface. So this adapter
 * speaks the documented v3 API directly, with node:crypto only.
 *
 * Outcomes: WeChat Pay notifies each payment and refund at HUKOU_WXPAY_NOTIFY_URL, the payNotify
 * function's HTTP access path (server/payment/payNotifyMain.ts verifies, decrypts and settles it);
 * `queryOrder` remains the fallback when a notification is late or lost (the citizen's
 * confirmation, the payment timer) and the judge whenever a notification is in doubt.
 *
 * Environment (declared in config/environment.ts):
 * - WX_APPID                     the mini-program's AppID, the order's appid;
 * - HUKOU_WXPAY_MCHID            merchant id (商户号), digits;
 * - HUKOU_WXPAY_SERIAL_NO        serial number of the merchant API certificate (商户API证书序列号), hex;
 * - HUKOU_WXPAY_PRIVATE_KEY      the merchant API private key, apiclient_key.pem (PEM; "\n"-escaped
 *                                or base64 of the PEM accepted, for one-line environment values) — secret;
 * - HUKOU_WXPAY_NOTIFY_URL       https URL WeChat Pay notifies of payments (payNotify's HTTP access URL);
 * - HUKOU_WXPAY_PUBLIC_KEY       WeChat Pay's public key (微信支付公钥, PEM), `wechatpayPublicKeyPem`;
 * - HUKOU_WXPAY_PUBLIC_KEY_ID    its id (PUB_KEY_ID_…, expected in Wechatpay-Serial), `wechatpayPublicKeyId`.
 * Both functions that use this adapter are built with the public key (reissueAdapters.ts,
 * payNotifyAdapters.ts; a deploy without it stops), so every answer is verified before it is
 * believed: an unsigned or forged answer is an error (ANSWER_NOT_VERIFIED), never an outcome.
 */

export interface WeChatPayConfig {
  appid: string;
  mchid: string;
  serialNo: string;
  /** PEM (PKCS#8 as WeChat issues it, or PKCS#1). */
  privateKeyPem: string;
  notifyUrl: string;
  wechatpayPublicKeyPem?: string;
  wechatpayPublicKeyId?: string;
  /** https://api.mch.weixin.qq.com unless testing. */
  base?: string;
  timeoutMs?: number;
}

/** A refusal or an unusable answer of WeChat Pay: the HTTP status and WeChat's error code. */
export class WeChatPayError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'WeChatPayError';
  }
}

export const TRADE_STATES: Record<string, OrderStatus> = {
  SUCCESS: 'paid',
  REFUND: 'refunded',
  NOTPAY: 'notPaid',
  USERPAYING: 'notPaid',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'closed',
};

/** A status this adapter does not know is 'processing': ask again rather than guess an outcome. */
const REFUND_STATES: Record<string, RefundStatus> = { SUCCESS: 'success', PROCESSING: 'processing', CLOSED: 'failed', ABNORMAL: 'failed' };

const OUT_TRADE_NO = /^[A-Za-z0-9_*-]{6,32}$/;
const OUT_REFUND_NO = /^[A-Za-z0-9_|*@-]{1,64}$/;

/** Environment values are one line: accept a PEM with "\n" escapes, or the PEM in base64. */
export function pem(text: string): string {
  const t = text.trim().replace(/\\n/g, '\n');
  if (t.startsWith('-----BEGIN')) return t;
  const decoded = Buffer.from(t, 'base64').toString('utf8').trim();
  return decoded.startsWith('-----BEGIN') ? decoded : t;
}

export function keyOf(kind: 'private' | 'public', text: string): KeyObject {
  try {
    const key = kind === 'private' ? createPrivateKey(pem(text)) : createPublicKey(pem(text));
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return key;
  } catch {
    // Never the value: it is the merchant's secret.
    throw new Error(`WeChat Pay ${kind} key is not an RSA ${kind} key in PEM`);
  }
}

/** RFC 3339 in Beijing time, as WeChat Pay writes times: 2026-11-23T00:30:00+08:00. */
function beijingTime(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

function instant(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function fen(n: number, what: string): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${what} must be a positive integer of fen`);
  return n;
}

export class WeChatPayV3 implements PaymentGateway {
  private readonly privateKey: KeyObject;
  private readonly publicKey?: KeyObject;
  private readonly base: string;

  constructor(
    private readonly config: WeChatPayConfig,
    private readonly now: () => number = Date.now,
  ) {
    if (!/^\d{8,12}$/.test(config.mchid)) throw new Error('WeChat Pay mchid must be the merchant number (digits)');
    if (!/^[0-9A-Fa-f]{8,64}$/.test(config.serialNo)) throw new Error('WeChat Pay serial number must be the certificate serial (hex)');
    this.privateKey = keyOf('private', config.privateKeyPem);
    if (config.wechatpayPublicKeyPem) this.publicKey = keyOf('public', config.wechatpayPublicKeyPem);
    this.base = (config.base ?? 'https://api.mch.weixin.qq.com').replace(/\/$/, '');
  }

  async createOrder(order: NewOrder): Promise<CreatedOrder> {
    if (!OUT_TRADE_NO.test(order.orderId)) throw new RangeError('WeChat Pay order ids are 6–32 characters of A–Z a–z 0–9 _ - *');
    const body = {
      appid: this.config.appid,
      mchid: this.config.mchid,
      description: order.description,
      out_trade_no: order.orderId,
      ...(order.expiresAt ? { time_expire: beijingTime(order.expiresAt) } : {}),
      notify_url: this.config.notifyUrl,
      amount: { total: fen(order.amountFen, 'amountFen'), currency: 'CNY' },
      payer: { openid: order.openid },
    };
    const { data, status } = await this.call<{ prepay_id?: string }>('POST', '/v3/pay/transactions/jsapi', body);
    if (typeof data.prepay_id !== 'string' || !data.prepay_id) throw new WeChatPayError('WeChat Pay answered the order without a prepay_id', status, 'NO_PREPAY_ID');
    const timeStamp = String(Math.floor(this.now() / 1000));
    const nonceStr = nonce();
    const packageValue = `prepay_id=${data.prepay_id}`;
    return {
      prepayId: data.prepay_id,
      paymentParams: {
        timeStamp,
        nonceStr,
        package: packageValue,
        signType: 'RSA',
        paySign: rsaSign(this.privateKey, paySignMessage(this.config.appid, timeStamp, nonceStr, packageValue)),
      },
    };
  }

  async queryOrder(orderId: string): Promise<OrderState> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderId)}?mchid=${encodeURIComponent(this.config.mchid)}`;
    let data: { trade_state?: string; success_time?: string; transaction_id?: string };
    try {
      ({ data } = await this.call<typeof data>('GET', path));
    } catch (e) {
      // Never created (e.g. the order request itself failed): nothing can have been paid.
      if (e instanceof WeChatPayError && e.code === 'ORDER_NOT_EXIST') return { status: 'notPaid' };
      throw e;
    }
    const status = TRADE_STATES[String(data.trade_state)] ?? 'unknown';
    if (status !== 'paid' && status !== 'refunded') return { status };
    const paidAt = instant(data.success_time);
    return { status, ...(paidAt ? { paidAt } : {}), ...(data.transaction_id ? { transactionId: data.transaction_id } : {}) };
  }

  async closeOrder(orderId: string): Promise<'closed' | 'paid'> {
    try {
      await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderId)}/close`, { mchid: this.config.mchid });
      return 'closed';
    } catch (e) {
      if (!(e instanceof WeChatPayError)) throw e;
      // WeChat refuses to close a paid order: what the order is now decides.
      const { status } = await this.queryOrder(orderId);
      if (status === 'paid' || status === 'refunded') return 'paid';
      if (status === 'closed' || (status === 'notPaid' && e.code === 'ORDER_NOT_EXIST')) return 'closed';
      throw e;
    }
  }

  async refund(r: RefundRequest): Promise<RefundState> {
    if (!OUT_REFUND_NO.test(r.refundId)) throw new RangeError('WeChat Pay refund ids are 1–64 characters of A–Z a–z 0–9 _ - | * @');
    if (fen(r.amountFen, 'amountFen') > fen(r.totalFen, 'totalFen')) throw new RangeError('a refund cannot exceed what was paid');
    const body = {
      out_trade_no: r.orderId,
      out_refund_no: r.refundId,
      ...(r.reason ? { reason: r.reason.slice(0, 80) } : {}),
      // Without it WeChat Pay notifies refunds only at a URL configured in the merchant platform.
      notify_url: this.config.notifyUrl,
      amount: { refund: r.amountFen, total: r.totalFen, currency: 'CNY' },
    };
    const { data } = await this.call<{ status?: string }>('POST', '/v3/refund/domestic/refunds', body);
    return { status: REFUND_STATES[String(data.status)] ?? 'processing' };
  }

  async queryRefund(refundId: string): Promise<RefundState> {
    const { data } = await this.call<{ status?: string }>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(refundId)}`);
    return { status: REFUND_STATES[String(data.status)] ?? 'processing' };
  }

  /**
   * One signed request. Error answers become WeChatPayError with WeChat's code and message (never
   * our headers or key); a successful answer must verify when WeChat Pay's public key is set.
   */
  private async call<T>(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<{ status: number; data: T }> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const timestamp = Math.floor(this.now() / 1000);
    const headers: Record<string, string> = {
      Authorization: authorization(
        { method, pathAndQuery, body: payload, timestamp, nonce: nonce() },
        { mchid: this.config.mchid, serialNo: this.config.serialNo, privateKey: this.privateKey },
      ),
      Accept: 'application/json',
      // WeChat Pay refuses requests without a User-Agent.
      'User-Agent': 'hukou-services/1.0 (node)',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const where = `${method} ${pathAndQuery.split('?')[0]}`;
    const answer = await sendRequest({ method, url: `${this.base}${pathAndQuery}`, body: body === undefined ? undefined : payload, headers, timeoutMs: this.config.timeoutMs });
    let data: unknown = {};
    let json = true;
    try {
      if (answer.body) data = JSON.parse(answer.body);
    } catch {
      json = false;
    }
    if (answer.status < 200 || answer.status >= 300) {
      const { code, message } = (data ?? {}) as { code?: unknown; message?: unknown };
      const c = typeof code === 'string' && code ? code : `HTTP_${answer.status}`;
      const m = typeof message === 'string' ? ` ${message.slice(0, 200)}` : '';
      throw new WeChatPayError(`WeChat Pay refused ${where}: ${answer.status} ${c}${m}`, answer.status, c);
    }
    if (!json) throw new WeChatPayError(`WeChat Pay ${where}: answered ${answer.status} without JSON`, answer.status, 'NOT_JSON');
    if (this.publicKey) {
      const h = (name: string) => {
        const v = answer.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const problem = answerProblem(
        { timestamp: h('wechatpay-timestamp'), nonce: h('wechatpay-nonce'), signature: h('wechatpay-signature'), serial: h('wechatpay-serial'), body: answer.body },
        this.publicKey,
        this.config.wechatpayPublicKeyId,
        Math.floor(this.now() / 1000),
      );
      if (problem) throw new WeChatPayError(`WeChat Pay ${where}: ${problem}`, answer.status, 'ANSWER_NOT_VERIFIED');
    }
    return { status: answer.status, data: (data ?? {}) as T };
  }
}
