/**
 * WeChat Pay notifications: decryption (AEAD_AES_256_GCM with the APIv3 key) and signature
 * verification (SHA256-RSA over `timestamp\nnonce\nbody\n`) against fixed vectors. The ciphertext and
 * the signature below were computed once with node:crypto directly (not with the code under test)
 * from the local cloud's published insecure keys (devcloud/localWechatPayKeys.ts).
 */
import { createPublicKey } from 'node:crypto';
import { LOCAL_WXPAY_APIV3_KEY, LOCAL_WXPAY_PUBLIC_KEY_ID, LOCAL_WXPAY_PUBLIC_KEY_PEM } from '../../devcloud/localWechatPayKeys';
import { httpRequestOf } from '../../server/function/httpAccess';
import { decryptResource, readNotification, type NotificationKeys } from '../../server/payment/wechatPayNotification';

const PLAIN =
  '{"mchid":"1900000000","appid":"wx00000000000000de","out_trade_no":"AbCdEfGhIjKlMnOp-p1","transaction_id":"4200000000202612020000000001","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","success_time":"2026-12-02T15:30:00+08:00","payer":{"openid":"o-local"},"amount":{"total":5500,"payer_total":5500,"currency":"CNY","payer_currency":"CNY"}}';
const CIPHERTEXT =
  'nHcdDjDrKdFre4s8yu9nyXv9dLN11K+9ht8qW5Qi0IHsKQXNbAMWIyQfVVGVCePmR/roHO3O4Uz+KjiQzRXVMWqQI7nwn2NDeCKDSmTNaGBw4Woq7G6seDmDv+dtqOQbrXbk4RoiQO531DZONoATzGCgU58UsFwUKoc9dBwPXlYtZtj/+Lahxx5nFlyZ/ltSNSMbmigPwLQX5YCldHukueIUeloJjn1Wp1yzy5BV4C+oGgwIeaBecLPIQPN+UElJ9alGQsBMiJLZ8noRA14eX64U3M4XRuv+5PVTFjzcek6c38sYSXdntiuhF4T1QT+uDGX0Y0c9BCPrKTpYqzXqnbZgHpjTu70NujvdyDsASCfxyey/lTfukySPdxa+rM+DGjI/vhboWaYo+ek+r/aUGfsm/9L6alBDxNhlVq9b4vAzoCAlD20GoOuJ1jCh5BCotmfbGsbKxTgvIUeYhr+bahItORrY+lsVoegerHlNc5aIGXVNI47gijb7HLpwdiRpraw=';
const RESOURCE = { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: CIPHERTEXT, associated_data: 'transaction', nonce: 'fIxEdNoNcE12' };
const BODY = JSON.stringify({
  id: 'EV-2026120215300000001',
  create_time: '2026-12-02T15:30:05+08:00',
  resource_type: 'encrypt-resource',
  event_type: 'TRANSACTION.SUCCESS',
  summary: '支付成功',
  resource: RESOURCE,
});
const TIMESTAMP = 1796196605;
const NONCE = 'FIXEDNONCEFORTHETEST0000000000AB';
const SIGNATURE =
  'tuypReQzraGmOq92nB9THuzvSzd3RQJsdu2c3XX5ruk4fBfMJNAyu00rdEAgNoGOlaGczy1RnaqwpjuNVIWiEGvDtDislRQjJZqiWFtsFP7J5PSjzgcFquZrlF48Xofl2dvx3bqATS0wj4ydvDYtnr5XWc3UM19tgVI66tSHtC8+Mm3aWObe5gEVAY8P05dEulCxcRV4uhdxgaF/ax2mXN1H52CGIJVjHWRwyoNG5El3fjxk9kHKUvH/k53vyQ1D0MVF2YhzopKHpPlYGkkxGdohw/ClhBHBsYE0aC0JufZWJPQxxpv4jVcZCN/gys4RXVG13Iaz9pmII31veUjXjA==';

const keys: NotificationKeys = {
  publicKey: createPublicKey(LOCAL_WXPAY_PUBLIC_KEY_PEM),
  publicKeyId: LOCAL_WXPAY_PUBLIC_KEY_ID,
  apiV3Key: LOCAL_WXPAY_APIV3_KEY,
  mchid: '1900000000',
  appid: 'wx00000000000000de',
};

function request(change: { body?: string; headers?: Record<string, string | undefined>; method?: string; base64?: boolean } = {}) {
  const body = change.body ?? BODY;
  const headers: Record<string, string | undefined> = {
    'Wechatpay-Timestamp': String(TIMESTAMP),
    'Wechatpay-Nonce': NONCE,
    'Wechatpay-Signature': SIGNATURE,
    'Wechatpay-Serial': LOCAL_WXPAY_PUBLIC_KEY_ID,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    'Content-Type': 'application/json',
    ...change.headers,
  };
  const defined = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return httpRequestOf({
    path: '/wxpay/notify',
    httpMethod: change.method ?? 'POST',
    headers: defined,
    queryStringParameters: {},
    requestContext: {},
    body: change.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: !!change.base64,
  })!;
}

describe('decryptResource (AEAD_AES_256_GCM with the APIv3 key)', () => {
  it('decrypts the fixed vector to the transaction', () => {
    expect(decryptResource(RESOURCE, LOCAL_WXPAY_APIV3_KEY)).toBe(PLAIN);
  });

  it('refuses a tampered ciphertext, another associated data, nonce or key', () => {
    const bytes = Buffer.from(CIPHERTEXT, 'base64');
    bytes[10] ^= 1;
    expect(() => decryptResource({ ...RESOURCE, ciphertext: bytes.toString('base64') }, LOCAL_WXPAY_APIV3_KEY)).toThrow();
    expect(() => decryptResource({ ...RESOURCE, associated_data: 'refund' }, LOCAL_WXPAY_APIV3_KEY)).toThrow();
    expect(() => decryptResource({ ...RESOURCE, nonce: 'fIxEdNoNcE13' }, LOCAL_WXPAY_APIV3_KEY)).toThrow();
    expect(() => decryptResource(RESOURCE, 'INSECUREDEVONLYAPIV3KEY000000001')).toThrow();
    expect(() => decryptResource({ ...RESOURCE, algorithm: 'AES-CBC' }, LOCAL_WXPAY_APIV3_KEY)).toThrow('unsupported algorithm');
  });
});

describe('readNotification: signature, key id, time, then the resource', () => {
  it('reads the fixed vector: a verified payment of 55.00 on order AbCdEfGhIjKlMnOp-p1', () => {
    const read = readNotification(request(), keys, TIMESTAMP + 10);
    expect(read).toEqual({
      ok: true,
      event: 'TRANSACTION.SUCCESS',
      notice: {
        kind: 'transaction',
        orderId: 'AbCdEfGhIjKlMnOp-p1',
        amountFen: 5500,
        state: { status: 'paid', paidAt: new Date('2026-12-02T07:30:00Z'), transactionId: '4200000000202612020000000001' },
      },
    });
    // A base64 body (binary through HTTP access) is the same bytes.
    expect(readNotification(request({ base64: true }), keys, TIMESTAMP)).toMatchObject({ ok: true });
  });

  it.each([
    ['a body changed by one character', { body: BODY.replace('"summary":"支付成功"', '"summary":"支付成功 "') }],
    ['another nonce', { headers: { 'Wechatpay-Nonce': `${NONCE.slice(0, -1)}C` } }],
    ['another timestamp than the one signed', { headers: { 'Wechatpay-Timestamp': String(TIMESTAMP + 1) } }],
    ['no signature', { headers: { 'Wechatpay-Signature': undefined } }],
    ['a signature of something else', { headers: { 'Wechatpay-Signature': SIGNATURE.replace(/^tuyp/, 'tuyq') } }],
    ['another key id', { headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000OTHER0' } }],
    ['a platform certificate serial instead of the key id', { headers: { 'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' } }],
    ['another signature type', { headers: { 'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-SM2' } }],
  ])('refuses %s: 401 SIGN_ERROR', (_what, change) => {
    const read = readNotification(request(change), keys, TIMESTAMP);
    expect(read).toMatchObject({ ok: false, refusal: { status: 401, code: 'SIGN_ERROR', message: '签名验证失败' } });
  });

  it('refuses a timestamp more than five minutes from now, either way (a replay)', () => {
    expect(readNotification(request(), keys, TIMESTAMP + 300)).toMatchObject({ ok: true });
    expect(readNotification(request(), keys, TIMESTAMP - 300)).toMatchObject({ ok: true });
    expect(readNotification(request(), keys, TIMESTAMP + 301)).toMatchObject({ ok: false, refusal: { status: 401, reason: 'notification timestamp out of range' } });
    expect(readNotification(request(), keys, TIMESTAMP - 301)).toMatchObject({ ok: false, refusal: { status: 401 } });
  });

  it('refuses, after a good signature, a resource another key encrypted, another merchant or another app', () => {
    expect(readNotification(request(), { ...keys, apiV3Key: 'INSECUREDEVONLYAPIV3KEY000000001' }, TIMESTAMP)).toMatchObject({
      ok: false,
      refusal: { status: 400, code: 'DECRYPT_ERROR' },
    });
    expect(readNotification(request(), { ...keys, mchid: '1900000001' }, TIMESTAMP)).toMatchObject({ ok: false, refusal: { status: 400, code: 'PARAM_ERROR' } });
    expect(readNotification(request(), { ...keys, appid: 'wx00000000000000ff' }, TIMESTAMP)).toMatchObject({ ok: false, refusal: { status: 400, code: 'PARAM_ERROR' } });
  });

  it('refuses anything but POST', () => {
    expect(readNotification(request({ method: 'GET' }), keys, TIMESTAMP)).toMatchObject({ ok: false, refusal: { status: 405 } });
  });
});
