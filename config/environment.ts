import * as z from 'zod/mini';
import { lazySchema } from '../core/function/lazySchema';

/**
 * Every environment variable a cloud function may read: the one schema that functions validate at
 * start, that `.env.example` documents and that the deploy plan lists by name. Secret values come
 * from the environment only, never from the repository.
 */

const base64Key = (minBytes: number) =>
  z.string().check(
    z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    z.refine((v) => Buffer.from(v, 'base64').length >= minBytes, `at least ${minBytes} bytes of base64`),
  );

/** `id:base64key,id:base64key`: ids are 1–8 letters/digits, keys exactly 32 bytes (AES-256). */
const keyRing = lazySchema(() =>
  z.string().check(
    z.minLength(1, 'at least 1 character'),
    z.refine(
      (v) =>
        v.split(',').every((entry) => {
          const [id, key, extra] = entry.split(':');
          return extra === undefined && /^[A-Za-z0-9]{1,8}$/.test(id ?? '') && Buffer.from(key ?? '', 'base64').length === 32;
        }),
      'comma-separated id:base64key entries, each key 32 bytes',
    ),
  ),
);

export interface VariableDeclaration {
  description: string;
  secret: boolean;
  schema: z.ZodMiniType<string>;
  /** An example value for .env.example (never a real secret). */
  example: string;
}

export const environmentVariables = {
  HUKOU_DATA_KEYS: {
    description: 'Key ring for personal data (AES-256-GCM): id:base64key pairs; old keys stay to decrypt older data.',
    secret: true,
    schema: keyRing,
    example: 'k1:<32 random bytes, base64>',
  },
  HUKOU_DATA_KEY_ID: {
    description: 'Id of the key in HUKOU_DATA_KEYS that encrypts new data.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9]{1,8}$/, '1–8 letters or digits'))),
    example: 'k1',
  },
  HUKOU_INDEX_KEY: {
    description: 'HMAC-SHA256 key of the blind indexes that find people by ID or phone number without decrypting.',
    secret: true,
    schema: lazySchema(() => base64Key(32)),
    example: '<32 random bytes, base64>',
  },
  HUKOU_TICKET_KEY: {
    description: 'HMAC-SHA256 key that signs appointment QR tickets and the temporary identity proof QR codes (and derives the proof ids).',
    secret: true,
    schema: lazySchema(() => base64Key(32)),
    example: '<32 random bytes, base64>',
  },
  WX_APPID: {
    description: "The mini-program's AppID, for WeChat server APIs (the face verification result; WeChat Pay orders).",
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^wx[0-9a-f]{16}$/, 'wx followed by 16 hex digits'))),
    example: 'wx0123456789abcdef',
  },
  WX_APPSECRET: {
    description:
      "The mini-program's AppSecret, for the access token of the one WeChat API without 云调用 (the face verification result); the identity function's fixed egress IP must be on the API IP whitelist.",
    secret: true,
    schema: lazySchema(() => z.string().check(z.regex(/^[0-9a-f]{32}$/, '32 hex digits'))),
    example: '<AppSecret from mp.weixin.qq.com>',
  },
  HUKOU_SMS_SDK_APP_ID: {
    description: 'Tencent Cloud SMS application id (SmsSdkAppId) that texts one-time codes.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^\d{10}$/, '10 digits'))),
    example: '1400000000',
  },
  HUKOU_SMS_SIGN_NAME: {
    description: 'Approved SMS signature (签名), e.g. the bureau’s name.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.minLength(2, 'at least 2 characters'), z.maxLength(20, 'at most 20 characters'))),
    example: '某市公安局',
  },
  HUKOU_SMS_TEMPLATE_ID: {
    description: 'Approved SMS template with two parameters: the code and the minutes it is valid.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^\d{4,10}$/, '4–10 digits'))),
    example: '1234567',
  },
  HUKOU_SMS_NOTICE_TEMPLATE_ID: {
    description:
      'Approved SMS template (issue 18) telling a citizen what an officer did for them in an assisted session, four parameters: what was done, the hall, when (or the fee, or the materials), the number with its name (预约号…, 办件编号…).',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^\d{4,10}$/, '4–10 digits'))),
    example: '1234568',
  },
  HUKOU_REMINDER_TEMPLATE_ID: {
    description: 'WeChat subscribe-message template of the day-before appointment reminder (fields thing1 hall, time2 time, thing3 business).',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{10,64}$/, 'a WeChat template id'))),
    example: '<template id from mp.weixin.qq.com>',
  },
  HUKOU_PROGRESS_TEMPLATE_ID: {
    description: 'WeChat subscribe-message template of business progress (办理进度通知; fields thing1 business, phrase2 status, time3 time, thing4 note).',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{10,64}$/, 'a WeChat template id'))),
    example: '<template id from mp.weixin.qq.com>',
  },
  HUKOU_WXPAY_MCHID: {
    description: 'WeChat Pay merchant id (商户号) that collects reissue fees (server/payment/WeChatPayV3.ts).',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^\d{8,12}$/, '8–12 digits'))),
    example: '1900000109',
  },
  HUKOU_WXPAY_SERIAL_NO: {
    description: 'Serial number of the merchant API certificate (商户API证书序列号), for signing WeChat Pay requests.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^[0-9A-Fa-f]{8,64}$/, 'the certificate serial, hex'))),
    example: '<serial from pay.weixin.qq.com>',
  },
  HUKOU_WXPAY_PRIVATE_KEY: {
    description: 'Merchant API private key (apiclient_key.pem): the PEM with \\n escapes, or the PEM in base64, on one line.',
    secret: true,
    schema: lazySchema(() =>
      z.string().check(
        z.minLength(40, 'at least 40 characters'),
        z.refine((v) => {
          const text = v.startsWith('-----BEGIN') ? v.replace(/\\n/g, '\n') : Buffer.from(v, 'base64').toString('utf8');
          return /-----BEGIN (RSA )?PRIVATE KEY-----/.test(text);
        }, 'a PEM private key (\\n-escaped, or base64 of the PEM)'),
      ),
    ),
    example: '<base64 of apiclient_key.pem>',
  },
  HUKOU_WXPAY_NOTIFY_URL: {
    description:
      'https URL WeChat Pay notifies of payments: the HTTP access URL of the payNotify function (the environment’s HTTP access domain + /wxpay/notify). Outcomes are also learnt by querying, should a notification be lost.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^https:\/\/[^\s?#]+$/, 'an https URL without query'))),
    example: 'https://example.gov.cn/wxpay/notify',
  },
  HUKOU_WXPAY_PUBLIC_KEY: {
    description:
      'WeChat Pay public key (微信支付公钥, pub_key.pem from the merchant platform) that verifies WeChat Pay’s answers and notifications: the PEM with \\n escapes, or the PEM in base64, on one line.',
    secret: false,
    schema: lazySchema(() =>
      z.string().check(
        z.minLength(40, 'at least 40 characters'),
        z.refine((v) => {
          const text = v.startsWith('-----BEGIN') ? v.replace(/\\n/g, '\n') : Buffer.from(v, 'base64').toString('utf8');
          return /-----BEGIN PUBLIC KEY-----/.test(text);
        }, 'a PEM public key (\\n-escaped, or base64 of the PEM)'),
      ),
    ),
    example: '<base64 of pub_key.pem>',
  },
  HUKOU_WXPAY_PUBLIC_KEY_ID: {
    description: 'Id of the WeChat Pay public key (公钥ID, PUB_KEY_ID_…): answers and notifications signed with another key are refused.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^PUB_KEY_ID_[0-9A-Za-z]{1,64}$/, 'PUB_KEY_ID_ followed by letters or digits'))),
    example: 'PUB_KEY_ID_0114232134912410000000000000',
  },
  HUKOU_WXPAY_APIV3_KEY: {
    description: 'The merchant’s APIv3 key (APIv3密钥, 32 characters set in the merchant platform) that decrypts WeChat Pay notifications.',
    secret: true,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9]{32}$/, '32 letters or digits'))),
    example: '<APIv3 key from pay.weixin.qq.com>',
  },
  HUKOU_KUAIDI100_CUSTOMER: {
    description: 'Kuaidi100 (快递100) account customer id (授权码 customer) for shipment tracking.',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9]{8,64}$/, '8–64 letters or digits'))),
    example: '<customer from api.kuaidi100.com>',
  },
  HUKOU_KUAIDI100_KEY: {
    description: 'Kuaidi100 account key (授权key) that signs tracking queries.',
    secret: true,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9]{6,64}$/, '6–64 letters or digits'))),
    example: '<key from api.kuaidi100.com>',
  },
  HUKOU_REGISTRY_URL: {
    description:
      "Base URL of the bureau's population-registry gateway (docs/REGISTRY.md): https, no query; a path prefix is kept. Plain http only to this machine (the local stand-in).",
    secret: false,
    schema: lazySchema(() =>
      z.string().check(z.regex(/^(https:\/\/[^\s?#]+|http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?(\/[^\s?#]*)?)$/, 'an https URL without query (http only for 127.0.0.1)')),
    ),
    example: 'https://registry-gateway.example.gov.cn/hukou',
  },
  HUKOU_REGISTRY_KEY_ID: {
    description: 'Key id the bureau issued for this service (sent as X-Registry-Key-Id; lets the gateway rotate secrets).',
    secret: false,
    schema: lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, '1–64 letters, digits, dot, underscore or dash'))),
    example: 'hukou-miniprogram-1',
  },
  HUKOU_REGISTRY_SECRET: {
    description: 'Shared HMAC-SHA256 secret of that key id (base64, at least 32 bytes): signs requests to the gateway and verifies its answers.',
    secret: true,
    schema: lazySchema(() => base64Key(32)),
    example: '<32 random bytes from the bureau, base64>',
  },
} satisfies Record<string, VariableDeclaration>;

export type VariableName = keyof typeof environmentVariables;
export const variableNames = Object.keys(environmentVariables) as VariableName[];
