import { createDecipheriv, type KeyObject } from 'node:crypto';
import type { PaymentNotice } from '../../core/reissue/paymentNotice';
import type { OrderState } from '../../core/reissue/ports';
import type { HttpRequest } from '../function/httpAccess';
import { TRADE_STATES } from './WeChatPayV3';
import { answerProblem } from './wechatPaySignature';

/**
 * WeChat Pay API v3 notifications (支付通知, 退款结果通知), as documented for direct merchants:
 * POST to the order's notify_url with a JSON body
 *   { id, create_time, event_type: TRANSACTION.SUCCESS | REFUND.SUCCESS | REFUND.ABNORMAL | REFUND.CLOSED,
 *     resource_type: 'encrypt-resource', summary,
 *     resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data, nonce, original_type } }
 * signed like an answer (Wechatpay-Timestamp, -Nonce, -Signature, -Serial over
 * `timestamp\nnonce\nbody\n`, SHA256-RSA with WeChat Pay's public key). The resource is encrypted
 * with the merchant's APIv3 key (32 bytes): AES-256-GCM, 12-byte nonce, the associated data as
 * AAD, base64 of ciphertext || 16-byte tag. Decrypted: a transaction (appid, mchid, out_trade_no,
 * transaction_id, trade_state, success_time, amount.total …) or a refund (mchid, out_trade_no,
 * out_refund_no, refund_status …).
 *
 * The merchant answers 200/204 when it took the notification, or 4xx/5xx with `{ code, message }`
 * and WeChat Pay sends it again (15 s, 15 s, 30 s, 3 min … over 24 h).
 */

export interface NotificationKeys {
  /** 微信支付公钥. */
  publicKey: KeyObject;
  /** Its id (PUB_KEY_ID_…), which must be the notification's Wechatpay-Serial. */
  publicKeyId: string;
  /** The APIv3 key (32 characters) set in the merchant platform. */
  apiV3Key: string;
  mchid: string;
  appid: string;
}

export interface EncryptedResource {
  algorithm?: unknown;
  ciphertext?: unknown;
  associated_data?: unknown;
  nonce?: unknown;
  original_type?: unknown;
}

const TAG_BYTES = 16;

/** AEAD_AES_256_GCM as WeChat Pay uses it; throws when the key, nonce, associated data or ciphertext do not fit. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error('unsupported algorithm');
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key is not 32 bytes');
  if (typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') throw new Error('resource without ciphertext or nonce');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(typeof resource.associated_data === 'string' ? resource.associated_data : '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** A notification refused: the HTTP status and the `{ code, message }` WeChat Pay expects; `reason` is for our log. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  reason: string;
}

export type NotificationResult = { ok: true; notice: PaymentNotice | undefined; event: string } | { ok: false; refusal: Refusal };

const refuse = (status: number, code: string, message: string, reason: string): NotificationResult => ({ ok: false, refusal: { status, code, message, reason } });

const REFUND_STATUS: Record<string, 'success' | 'failed'> = { SUCCESS: 'success', CLOSED: 'failed', ABNORMAL: 'failed' };

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= 128 ? v : undefined;
}

function instant(v: unknown): Date | undefined {
  if (typeof v !== 'string') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * Verifies, decrypts and reads one notification. `notice` is undefined for an event this system
 * has nothing to do with (taken, not acted on). Refusals never echo the body or a key.
 */
export function readNotification(request: HttpRequest, keys: NotificationKeys, nowSeconds: number): NotificationResult {
  if (request.method !== 'POST') return refuse(405, 'METHOD_NOT_ALLOWED', '仅接受 POST', `method ${request.method}`);
  const problem = answerProblem(
    {
      timestamp: request.header('wechatpay-timestamp'),
      nonce: request.header('wechatpay-nonce'),
      signature: request.header('wechatpay-signature'),
      serial: request.header('wechatpay-serial'),
      body: request.body,
    },
    keys.publicKey,
    keys.publicKeyId,
    nowSeconds,
  );
  if (problem) return refuse(401, 'SIGN_ERROR', '签名验证失败', problem.replace(/^answer/, 'notification'));
  const type = request.header('wechatpay-signature-type');
  if (type !== undefined && type !== 'WECHATPAY2-SHA256-RSA2048') return refuse(401, 'SIGN_ERROR', '签名验证失败', 'unknown signature type');

  let body: { event_type?: unknown; resource_type?: unknown; resource?: EncryptedResource };
  try {
    body = JSON.parse(request.body) as typeof body;
  } catch {
    return refuse(400, 'PARAM_ERROR', '通知格式有误', 'body is not JSON');
  }
  if (!body || typeof body !== 'object' || !body.resource || typeof body.resource !== 'object') return refuse(400, 'PARAM_ERROR', '通知格式有误', 'no resource');
  const event = text(body.event_type) ?? '';
  let plain: string;
  try {
    plain = decryptResource(body.resource, keys.apiV3Key);
  } catch (e) {
    return refuse(400, 'DECRYPT_ERROR', '通知解密失败', `resource not decrypted: ${e instanceof Error ? e.message : 'error'}`);
  }
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(plain) as Record<string, unknown>;
    if (!r || typeof r !== 'object') throw new Error('not an object');
  } catch {
    return refuse(400, 'PARAM_ERROR', '通知格式有误', 'resource is not a JSON object');
  }
  if (r.mchid !== keys.mchid) return refuse(400, 'PARAM_ERROR', '商户号不符', 'another merchant');
  const orderId = text(r.out_trade_no);
  if (!orderId) return refuse(400, 'PARAM_ERROR', '通知格式有误', 'no out_trade_no');

  if (body.resource.original_type === 'transaction' || event.startsWith('TRANSACTION.')) {
    if (r.appid !== keys.appid) return refuse(400, 'PARAM_ERROR', '应用不符', 'another appid');
    const status = TRADE_STATES[String(r.trade_state)] ?? 'unknown';
    const paidAt = instant(r.success_time);
    const transactionId = text(r.transaction_id);
    const state: OrderState = status === 'paid' || status === 'refunded' ? { status, ...(paidAt ? { paidAt } : {}), ...(transactionId ? { transactionId } : {}) } : { status };
    const total = (r.amount as { total?: unknown } | undefined)?.total;
    return { ok: true, event, notice: { kind: 'transaction', orderId, state, ...(Number.isInteger(total) ? { amountFen: total as number } : {}) } };
  }
  if (body.resource.original_type === 'refund' || event.startsWith('REFUND.')) {
    const refundId = text(r.out_refund_no);
    if (!refundId) return refuse(400, 'PARAM_ERROR', '通知格式有误', 'no out_refund_no');
    const status = REFUND_STATUS[String(r.refund_status)];
    // A status this system does not know (none is documented besides these): taken, not acted on.
    return { ok: true, event, notice: status ? { kind: 'refund', orderId, refundId, status } : undefined };
  }
  return { ok: true, event, notice: undefined };
}
