import { createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto';

/**
 * WeChat Pay API v3 signatures (SHA256 with RSA, PKCS#1 v1.5, base64), as documented in 微信支付
 * APIv3 「签名生成」「签名验证」 and 「JSAPI调起支付」:
 * - a request carries `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",
 *   signature="…",timestamp="…",serial_no="…"`, signed with the merchant's API private key over
 *   `METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n` (body empty for GET);
 * - the mini-program's `paySign` is signed with the same key over `appid\ntimeStamp\nnonceStr\npackage\n`;
 * - an answer is signed by WeChat Pay over `Wechatpay-Timestamp\nWechatpay-Nonce\nbody\n`, verified
 *   with WeChat Pay's public key (微信支付公钥) whose id comes in `Wechatpay-Serial`.
 */

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** 32 upper-case hex characters, as WeChat's examples use. */
export function nonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export function rsaSign(privateKey: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export interface SignedRequest {
  method: 'GET' | 'POST';
  /** Absolute path and query exactly as sent, e.g. /v3/pay/transactions/out-trade-no/X?mchid=1. */
  pathAndQuery: string;
  /** The exact body bytes sent ('' for GET). */
  body: string;
  timestamp: number;
  nonce: string;
}

export function requestMessage(r: SignedRequest): string {
  return `${r.method}\n${r.pathAndQuery}\n${r.timestamp}\n${r.nonce}\n${r.body}\n`;
}

export function authorization(r: SignedRequest, merchant: { mchid: string; serialNo: string; privateKey: KeyObject }): string {
  const signature = rsaSign(merchant.privateKey, requestMessage(r));
  return `${AUTH_SCHEME} mchid="${merchant.mchid}",nonce_str="${r.nonce}",signature="${signature}",timestamp="${r.timestamp}",serial_no="${merchant.serialNo}"`;
}

export function paySignMessage(appid: string, timeStamp: string, nonceStr: string, packageValue: string): string {
  return `${appid}\n${timeStamp}\n${nonceStr}\n${packageValue}\n`;
}

export interface SignedAnswer {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  serial: string | undefined;
  body: string;
}

/**
 * Why an answer's signature cannot be trusted (undefined: it verifies): wrong key id, missing
 * headers, a timestamp more than five minutes from now (a replay), or a bad signature.
 */
export function answerProblem(a: SignedAnswer, publicKey: KeyObject, publicKeyId: string | undefined, nowSeconds: number): string | undefined {
  if (!a.timestamp || !a.nonce || !a.signature || !a.serial) return 'answer not signed';
  if (publicKeyId && a.serial !== publicKeyId) return `answer signed with key ${a.serial}, expected ${publicKeyId}`;
  const at = Number(a.timestamp);
  if (!Number.isInteger(at) || Math.abs(nowSeconds - at) > 300) return 'answer timestamp out of range';
  const ok = createVerify('RSA-SHA256').update(`${a.timestamp}\n${a.nonce}\n${a.body}\n`, 'utf8').verify(publicKey, a.signature, 'base64');
  return ok ? undefined : 'answer signature invalid';
}
