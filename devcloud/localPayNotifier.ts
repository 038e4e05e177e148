import { createCipheriv, createPrivateKey, randomBytes, randomUUID, sign } from 'node:crypto';
import { LOCAL_WXPAY_APIV3_KEY, LOCAL_WXPAY_PRIVATE_KEY_PEM, LOCAL_WXPAY_PUBLIC_KEY_ID } from './localWechatPayKeys';

/**
 * The local WeChat Pay's notifications, made exactly as WeChat Pay makes them (API v3 支付通知 and
 * 退款结果通知): the resource encrypted with the APIv3 key (AEAD_AES_256_GCM, 12-character nonce,
 * the original type as associated data, base64 of ciphertext || tag), the body signed with the
 * private half of the local 微信支付公钥 over `timestamp\nnonce\nbody\n`, the signature and key id in
 * the Wechatpay-* headers, POSTed to the order's notify URL — here the same path on the local cloud,
 * which plays the HTTP access service. The local functions are configured with the public half and
 * the APIv3 key (devEnvironment.ts). WeChat Pay sends again when the answer is not 200/204; the
 * local one sends once (the payment timer and the citizen's confirmation still settle a lost one).
 */

const privateKey = createPrivateKey(LOCAL_WXPAY_PRIVATE_KEY_PEM);

export interface SentNotification {
  event: string;
  orderId: string;
  /** The HTTP status the function answered, or 0 when it could not be reached. */
  status: number;
}

/** RFC 3339 in Beijing time, as WeChat Pay writes times. */
export function beijingTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export function encryptResource(plain: object, originalType: string, apiV3Key = LOCAL_WXPAY_APIV3_KEY) {
  const nonce = randomBytes(9).toString('base64url').slice(0, 12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(originalType, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: originalType, nonce };
}

/** The body and headers of one notification, signed at `nowMs`. */
export function signedNotification(eventType: string, summary: string, resource: object, nowMs: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: beijingTime(nowMs),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource,
  });
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(16).toString('hex').toUpperCase();
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), privateKey).toString('base64');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': LOCAL_WXPAY_PUBLIC_KEY_ID,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    },
  };
}

export interface LocalPayNotifier {
  /** Sends one notification to the local cloud's path of `notifyUrl`; resolves once answered (never rejects). */
  send(notifyUrl: string | undefined, orderId: string, eventType: string, summary: string, resource: object): void;
  sent: SentNotification[];
  /** Off: notifications are lost (to test the polling path). */
  enabled: boolean;
  /** Resolves once every notification under way has been answered. */
  idle(): Promise<void>;
}

export function createLocalPayNotifier(cloudUrl: () => string | undefined, now: () => number, log: (line: string) => void): LocalPayNotifier {
  const pending = new Set<Promise<void>>();
  const notifier: LocalPayNotifier = {
    sent: [],
    enabled: true,
    send(notifyUrl, orderId, eventType, summary, resource) {
      const base = cloudUrl();
      if (!notifier.enabled || !notifyUrl || !base) return;
      let path: string;
      try {
        path = new URL(notifyUrl).pathname;
      } catch {
        return;
      }
      const { body, headers } = signedNotification(eventType, summary, resource, now());
      const delivery = fetch(`${base}${path}`, { method: 'POST', headers, body })
        .then(
          async (res) => {
            await res.arrayBuffer();
            return res.status;
          },
          () => 0,
        )
        .then((status) => {
          notifier.sent.push({ event: eventType, orderId, status });
          log(`[支付] 通知 ${eventType} ${orderId}：${status === 200 || status === 204 ? '已接收' : `未接收（${status || '无法连接'}）`}`);
        });
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
  return notifier;
}
