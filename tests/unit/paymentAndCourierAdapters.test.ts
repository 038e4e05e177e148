/**
 * The reissue journey's payment and courier adapters:
 * - WeChatPayV3 against a fake api.mch.weixin.qq.com (127.0.0.1): the request signatures are
 *   verified here with node:crypto's one-shot `verify` and the public half of a key pair made for
 *   the test, from the documented message layout (not from server/payment/wechatPaySignature.ts);
 * - Kuaidi100Courier against a fake poll.kuaidi100.com: the form is parsed and the sign recomputed;
 * - LocalPayment and LocalCourier through the local cloud's stand-ins (devcloud/localPaymentAndCourier.ts)
 *   on a bare http server.
 */
import { createHash, generateKeyPairSync, sign as rsaSign, verify as rsaVerify, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createLocalPaymentAndCourier } from '../../devcloud/localPaymentAndCourier';
import { Kuaidi100Courier, shipmentState } from '../../server/courier/Kuaidi100Courier';
import { LocalCourier } from '../../server/local/LocalCourier';
import { LocalPayment } from '../../server/local/LocalPayment';
import { WeChatPayError, WeChatPayV3, type WeChatPayConfig } from '../../server/payment/WeChatPayV3';
import { weChatPayConfigFrom } from '../../server/payment/weChatPayConfigFrom';
import { reissueEnvironment } from '../../config/reissueEnvironment';
import { answerJson, fakeServer, handlerServer, rejection, type FakeServer, type Received } from './support/fakeHttpServer';

const servers: FakeServer[] = [];
async function serve(answer: (req: Received, res: ServerResponse) => void): Promise<FakeServer> {
  const s = await fakeServer(answer);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** 00:30 on 23 November in Beijing. */
const NOW = Date.parse('2026-11-22T16:30:00Z');
const SECONDS = String(NOW / 1000);

// ---------------------------------------------------------------------------------------------
// WeChat Pay API v3

const pemPair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const merchant = pemPair();
/** WeChat Pay's own key pair (微信支付公钥), with which the fake signs its answers. */
const platform = pemPair();
const PLATFORM_KEY_ID = 'PUB_KEY_ID_0112345678902026112200000000000001';

const APPID = 'wx0123456789abcdef';
const MCHID = '1900009191';
const SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
/** A run of the private key's base64 that must never appear in a message. */
const KEY_FRAGMENT = merchant.privateKey.split('\n')[5];

function payConfig(server: FakeServer, change: Partial<WeChatPayConfig> = {}): WeChatPayConfig {
  return { appid: APPID, mchid: MCHID, serialNo: SERIAL, privateKeyPem: merchant.privateKey, notifyUrl: 'https://hukou.example.gov.cn/pay/notify', base: server.base, ...change };
}

/** The Authorization header's fields, read as WeChat Pay documents the scheme. */
function authorizationOf(req: Received): Record<string, string> {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(String(req.headers.authorization));
  if (!m) throw new Error(`not a WeChat Pay v3 Authorization: ${String(req.headers.authorization)}`);
  return Object.fromEntries([...m[1].matchAll(/([a-z_]+)="([^"]*)"/g)].map((f) => [f[1], f[2]]));
}

/** Verifies a received request as WeChat Pay would: METHOD\nURL\ntimestamp\nnonce\nbody\n, SHA256withRSA. */
function requestVerifies(req: Received, publicKeyPem: string | KeyObject = merchant.publicKey, body = req.body): boolean {
  const a = authorizationOf(req);
  const message = `${req.method}\n${req.rawUrl}\n${a.timestamp}\n${a.nonce_str}\n${body}\n`;
  return rsaVerify('sha256', Buffer.from(message, 'utf8'), publicKeyPem, Buffer.from(a.signature, 'base64'));
}

interface WxAnswer {
  status: number;
  body?: unknown;
  /** Sign the answer as WeChat Pay does (default true), or break the signature in one way. */
  signed?: boolean | 'tampered' | 'stale' | 'otherSerial';
}

/** A fake WeChat Pay answering `route(req)`; answers are signed with the platform key. */
async function fakeWeChatPay(route: (req: Received) => WxAnswer): Promise<FakeServer> {
  return serve((req, res) => {
    const a = route(req);
    const body = a.body === undefined ? '' : JSON.stringify(a.body);
    const headers: Record<string, string> = { 'request-id': '08F78BB5AF0610D302' };
    if (a.signed !== false) {
      const timestamp = a.signed === 'stale' ? String(NOW / 1000 - 301) : SECONDS;
      const nonce = 'C5A0C7E1F2A34B7A9D1E0F3A6B8C2D4E';
      const signature = rsaSign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), platform.privateKey).toString('base64');
      Object.assign(headers, {
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': a.signed === 'tampered' ? `${nonce}X` : nonce,
        'wechatpay-signature': signature,
        'wechatpay-serial': a.signed === 'otherSerial' ? 'PUB_KEY_ID_OTHER' : PLATFORM_KEY_ID,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      });
    }
    if (a.status === 204) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    answerJson(res, a.status, body, headers);
  });
}

const ORDER = { orderId: 'RA20261123a1b2c3d4', amountFen: 5200, description: '补领居民身份证（邮寄）', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' };

describe('WeChatPayV3: JSAPI order', () => {
  it('posts the documented body to /v3/pay/transactions/jsapi, signed so that WeChat Pay verifies it', async () => {
    const server = await fakeWeChatPay(() => ({ status: 200, body: { prepay_id: 'wx201410272009395522657a690389285100' } }));
    const created = await new WeChatPayV3(payConfig(server), () => NOW).createOrder({ ...ORDER, expiresAt: new Date('2026-11-22T16:45:00Z') });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.rawUrl).toBe('/v3/pay/transactions/jsapi');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['user-agent']).toBeTruthy();
    expect(JSON.parse(req.body)).toEqual({
      appid: APPID,
      mchid: MCHID,
      description: '补领居民身份证（邮寄）',
      out_trade_no: 'RA20261123a1b2c3d4',
      time_expire: '2026-11-23T00:45:00+08:00',
      notify_url: 'https://hukou.example.gov.cn/pay/notify',
      amount: { total: 5200, currency: 'CNY' },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    });
    const auth = authorizationOf(req);
    expect(auth).toMatchObject({ mchid: MCHID, serial_no: SERIAL, timestamp: SECONDS });
    expect(auth.nonce_str).toMatch(/^[0-9A-Za-z]{16,32}$/);
    expect(requestVerifies(req)).toBe(true);

    expect(created.prepayId).toBe('wx201410272009395522657a690389285100');
    const p = created.paymentParams;
    expect(p).toMatchObject({ timeStamp: SECONDS, package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(p.nonceStr).toMatch(/^[0-9A-Za-z]{16,32}$/);
    const paySignMessage = `${APPID}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(rsaVerify('sha256', Buffer.from(paySignMessage), merchant.publicKey, Buffer.from(p.paySign, 'base64'))).toBe(true);
  });

  it('the signature covers method, path, body and key; each order gets a fresh nonce', async () => {
    const server = await fakeWeChatPay(() => ({ status: 200, body: { prepay_id: 'wx-prepay-1' } }));
    const pay = new WeChatPayV3(payConfig(server), () => NOW);
    await pay.createOrder(ORDER);
    await pay.createOrder({ ...ORDER, orderId: 'RA20261123zzzzzzzz' });
    const [first, second] = server.requests;
    expect(first.body).not.toContain('time_expire');
    expect(requestVerifies(first, merchant.publicKey, first.body.replace('5200', '5201'))).toBe(false);
    expect(requestVerifies({ ...first, rawUrl: '/v3/pay/transactions/native' })).toBe(false);
    expect(requestVerifies({ ...first, method: 'PUT' })).toBe(false);
    expect(requestVerifies(first, platform.publicKey)).toBe(false);
    expect(authorizationOf(first).nonce_str).not.toBe(authorizationOf(second).nonce_str);
    expect(requestVerifies(second)).toBe(true);
  });

  it('accepts the private key as one line ("\\n"-escaped or base64), and refuses a bad one without echoing it', async () => {
    const server = await fakeWeChatPay(() => ({ status: 200, body: { prepay_id: 'wx-prepay-1' } }));
    for (const privateKeyPem of [merchant.privateKey.replace(/\n/g, '\\n'), Buffer.from(merchant.privateKey).toString('base64')]) {
      await new WeChatPayV3(payConfig(server, { privateKeyPem }), () => NOW).createOrder(ORDER);
      expect(requestVerifies(server.requests[server.requests.length - 1])).toBe(true);
    }
    // Lines missing in the middle: not a key any more.
    const broken = merchant.privateKey
      .split('\n')
      .filter((_line, i) => i < 3 || i > 8)
      .join('\n');
    let message = '';
    try {
      new WeChatPayV3(payConfig(server, { privateKeyPem: broken }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/private key/);
    expect(message).not.toContain(KEY_FRAGMENT);
    expect(message).not.toContain(broken.split('\n')[2]);
    expect(() => new WeChatPayV3(payConfig(server, { privateKeyPem: platform.publicKey }))).toThrow(/private key/);
    expect(() => new WeChatPayV3(payConfig(server, { mchid: 'mch-1' }))).toThrow(/mchid/);
  });

  it('refuses order ids and amounts WeChat Pay would refuse, before asking', async () => {
    const server = await fakeWeChatPay(() => ({ status: 200, body: { prepay_id: 'x' } }));
    const pay = new WeChatPayV3(payConfig(server), () => NOW);
    expect((await rejection(pay.createOrder({ ...ORDER, orderId: 'short' }))).message).toMatch(/6–32/);
    expect((await rejection(pay.createOrder({ ...ORDER, orderId: 'has space 123' }))).message).toMatch(/6–32/);
    expect((await rejection(pay.createOrder({ ...ORDER, amountFen: 52.5 }))).message).toMatch(/fen/);
    expect((await rejection(pay.createOrder({ ...ORDER, amountFen: 0 }))).message).toMatch(/fen/);
    expect(server.requests).toHaveLength(0);
  });

  it('an answer without prepay_id rejects', async () => {
    const server = await fakeWeChatPay(() => ({ status: 200, body: {} }));
    const e = await rejection(new WeChatPayV3(payConfig(server), () => NOW).createOrder(ORDER));
    expect(e).toBeInstanceOf(WeChatPayError);
    expect(e.message).toMatch(/prepay_id/);
  });
});

describe('WeChatPayV3: order query and close', () => {
  it.each([
    ['SUCCESS', 'paid'],
    ['REFUND', 'refunded'],
    ['NOTPAY', 'notPaid'],
    ['USERPAYING', 'notPaid'],
    ['CLOSED', 'closed'],
    ['REVOKED', 'closed'],
    ['PAYERROR', 'closed'],
    ['SOMETHING_NEW', 'unknown'],
  ])('trade_state %s is %s', async (tradeState, status) => {
    const server = await fakeWeChatPay(() => ({
      status: 200,
      body: {
        appid: APPID,
        mchid: MCHID,
        out_trade_no: ORDER.orderId,
        transaction_id: '4200001234202611230123456789',
        trade_type: 'JSAPI',
        trade_state: tradeState,
        trade_state_desc: '…',
        success_time: '2026-11-23T00:31:05+08:00',
        payer: { openid: ORDER.openid },
        amount: { total: 5200, payer_total: 5200, currency: 'CNY', payer_currency: 'CNY' },
      },
    }));
    const state = await new WeChatPayV3(payConfig(server), () => NOW).queryOrder(ORDER.orderId);
    if (status === 'paid' || status === 'refunded') {
      expect(state).toEqual({ status, paidAt: new Date('2026-11-22T16:31:05Z'), transactionId: '4200001234202611230123456789' });
    } else {
      expect(state).toEqual({ status });
    }
    const req = server.requests[0];
    expect(req.method).toBe('GET');
    expect(req.rawUrl).toBe(`/v3/pay/transactions/out-trade-no/${ORDER.orderId}?mchid=${MCHID}`);
    expect(req.body).toBe('');
    expect(requestVerifies(req)).toBe(true);
  });

  it('an order WeChat Pay never created (404 ORDER_NOT_EXIST) is not paid', async () => {
    const server = await fakeWeChatPay(() => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } }));
    expect(await new WeChatPayV3(payConfig(server), () => NOW).queryOrder(ORDER.orderId)).toEqual({ status: 'notPaid' });
  });

  it('closes an order (204), with the signed body { mchid }', async () => {
    const server = await fakeWeChatPay(() => ({ status: 204 }));
    expect(await new WeChatPayV3(payConfig(server), () => NOW).closeOrder(ORDER.orderId)).toBe('closed');
    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.rawUrl).toBe(`/v3/pay/transactions/out-trade-no/${ORDER.orderId}/close`);
    expect(JSON.parse(req.body)).toEqual({ mchid: MCHID });
    expect(requestVerifies(req)).toBe(true);
  });

  it.each([
    ['paid meanwhile', { code: 'ORDERPAID', message: '订单已支付' }, 'SUCCESS', 'paid'],
    ['already closed', { code: 'ORDER_CLOSED', message: '订单已关闭' }, 'CLOSED', 'closed'],
    ['never created', { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, undefined, 'closed'],
  ])('a refused close of an order %s is settled by asking for the order', async (_what, refusal, tradeState, outcome) => {
    const server = await fakeWeChatPay((req) => {
      if (req.method === 'POST') return { status: 400, body: refusal };
      return tradeState ? { status: 200, body: { trade_state: tradeState, success_time: '2026-11-23T00:31:05+08:00', transaction_id: '42000' } } : { status: 404, body: refusal };
    });
    expect(await new WeChatPayV3(payConfig(server), () => NOW).closeOrder(ORDER.orderId)).toBe(outcome);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('a refused close of an order still payable rejects with the refusal', async () => {
    const server = await fakeWeChatPay((req) =>
      req.method === 'POST' ? { status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' } } : { status: 200, body: { trade_state: 'NOTPAY' } },
    );
    const e = await rejection(new WeChatPayV3(payConfig(server), () => NOW).closeOrder(ORDER.orderId));
    expect(e).toMatchObject({ status: 500, code: 'SYSTEM_ERROR' });
  });
});

describe('WeChatPayV3: refunds', () => {
  it.each([
    ['SUCCESS', 'success'],
    ['PROCESSING', 'processing'],
    ['CLOSED', 'failed'],
    ['ABNORMAL', 'failed'],
    ['SOMETHING_NEW', 'processing'],
  ])('posts /v3/refund/domestic/refunds; status %s is %s', async (wxStatus, status) => {
    const server = await fakeWeChatPay(() => ({
      status: 200,
      body: {
        refund_id: '50000000382019052709732678859',
        out_refund_no: 'RA20261123a1b2c3d4-r1',
        out_trade_no: ORDER.orderId,
        status: wxStatus,
        amount: { refund: 5200, total: 5200 },
      },
    }));
    const pay = new WeChatPayV3(payConfig(server), () => NOW);
    expect(await pay.refund({ orderId: ORDER.orderId, refundId: 'RA20261123a1b2c3d4-r1', amountFen: 5200, totalFen: 5200, reason: '申请已取消' })).toEqual({ status });
    const req = server.requests[0];
    expect(req.rawUrl).toBe('/v3/refund/domestic/refunds');
    expect(JSON.parse(req.body)).toEqual({
      out_trade_no: ORDER.orderId,
      out_refund_no: 'RA20261123a1b2c3d4-r1',
      reason: '申请已取消',
      // The refund's outcome is notified to the same URL as the payment's (payNotify).
      notify_url: 'https://hukou.example.gov.cn/pay/notify',
      amount: { refund: 5200, total: 5200, currency: 'CNY' },
    });
    expect(requestVerifies(req)).toBe(true);

    expect(await pay.queryRefund('RA20261123a1b2c3d4-r1')).toEqual({ status });
    expect(server.requests[1].method).toBe('GET');
    expect(server.requests[1].rawUrl).toBe('/v3/refund/domestic/refunds/RA20261123a1b2c3d4-r1');
    expect(requestVerifies(server.requests[1])).toBe(true);
  });

  it('refuses a refund larger than the payment, or with a malformed id, before asking', async () => {
    const server = await fakeWeChatPay(() => ({ status: 200, body: { status: 'SUCCESS' } }));
    const pay = new WeChatPayV3(payConfig(server), () => NOW);
    expect((await rejection(pay.refund({ orderId: ORDER.orderId, refundId: 'r-1', amountFen: 5201, totalFen: 5200 }))).message).toMatch(/exceed/);
    expect((await rejection(pay.refund({ orderId: ORDER.orderId, refundId: 'r 1', amountFen: 100, totalFen: 5200 }))).message).toMatch(/refund ids/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('WeChatPayV3: refusals, answers and time limits', () => {
  it.each([
    [401, { code: 'SIGN_ERROR', message: '签名错误', detail: { field: 'signature', location: 'authorization' } }, 'SIGN_ERROR'],
    [403, { code: 'NOT_ENOUGH', message: '基本账户余额不足' }, 'NOT_ENOUGH'],
    [429, { code: 'FREQUENCY_LIMITED', message: '频率超限' }, 'FREQUENCY_LIMITED'],
    [502, '<html>Bad Gateway</html>', 'HTTP_502'],
  ])('a %s answer rejects with a WeChatPayError naming status and code, never the key or the headers', async (status, body, code) => {
    const server = await serve((_req, res) => {
      if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'text/html' });
        res.end(body);
      } else answerJson(res, status, body);
    });
    const e = await rejection(new WeChatPayV3(payConfig(server), () => NOW).refund({ orderId: ORDER.orderId, refundId: 'r-1', amountFen: 100, totalFen: 5200 }));
    expect(e).toBeInstanceOf(WeChatPayError);
    expect(e).toMatchObject({ status, code });
    expect(e.message).toContain(String(status));
    expect(e.message).toContain(code);
    expect(e.message).toContain('/v3/refund/domestic/refunds');
    const { signature, nonce_str } = authorizationOf(server.requests[0]);
    for (const secret of [KEY_FRAGMENT, 'PRIVATE KEY', signature, nonce_str, 'WECHATPAY2', 'Authorization', ORDER.openid]) expect(e.message).not.toContain(secret);
  });

  it('with WeChat Pay’s public key configured, signed answers are believed and others refused', async () => {
    const verified = { wechatpayPublicKeyPem: platform.publicKey, wechatpayPublicKeyId: PLATFORM_KEY_ID };
    let signed: WxAnswer['signed'] = true;
    const server = await fakeWeChatPay(() => ({ status: 200, body: { trade_state: 'SUCCESS', success_time: '2026-11-23T00:31:05+08:00', transaction_id: '42000' }, signed }));
    const pay = new WeChatPayV3(payConfig(server, verified), () => NOW);
    expect((await pay.queryOrder(ORDER.orderId)).status).toBe('paid');

    for (const [broken, why] of [
      [false, /not signed/],
      ['tampered', /signature invalid/],
      ['stale', /timestamp/],
      ['otherSerial', /PUB_KEY_ID_OTHER/],
    ] as const) {
      signed = broken;
      const e = await rejection(pay.queryOrder(ORDER.orderId));
      expect(e).toMatchObject({ code: 'ANSWER_NOT_VERIFIED' });
      expect(e.message).toMatch(why);
    }
    // Without the key configured, answers are taken as they come (TLS only).
    signed = false;
    expect((await new WeChatPayV3(payConfig(server), () => NOW).queryOrder(ORDER.orderId)).status).toBe('paid');
  });

  it('the functions build WeChat Pay from their environment with its public key: an unsigned or forged answer is refused (issue 13)', async () => {
    const env = {
      WX_APPID: APPID,
      HUKOU_WXPAY_MCHID: MCHID,
      HUKOU_WXPAY_SERIAL_NO: SERIAL,
      HUKOU_WXPAY_PRIVATE_KEY: Buffer.from(merchant.privateKey).toString('base64'),
      HUKOU_WXPAY_NOTIFY_URL: 'https://hukou.example.gov.cn/wxpay/notify',
      HUKOU_WXPAY_PUBLIC_KEY: Buffer.from(platform.publicKey).toString('base64'),
      HUKOU_WXPAY_PUBLIC_KEY_ID: PLATFORM_KEY_ID,
    };
    for (const name of Object.keys(env)) expect(reissueEnvironment).toContain(name);
    let signed: WxAnswer['signed'] = true;
    const server = await fakeWeChatPay(() => ({ status: 200, body: { trade_state: 'SUCCESS', success_time: '2026-11-23T00:31:05+08:00', transaction_id: '42000' }, signed }));
    const pay = new WeChatPayV3({ ...weChatPayConfigFrom(env), base: server.base }, () => NOW);
    expect((await pay.queryOrder(ORDER.orderId)).status).toBe('paid');
    for (const forged of [false, 'tampered', 'otherSerial'] as const) {
      signed = forged;
      expect(await rejection(pay.queryOrder(ORDER.orderId))).toMatchObject({ code: 'ANSWER_NOT_VERIFIED' });
    }
  });

  it('a server that never answers makes it reject within the configured time', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const e = await rejection(new WeChatPayV3(payConfig(server, { timeoutMs: 150 }), () => NOW).queryOrder(ORDER.orderId));
    expect(e.message).toMatch(/did not answer in 150 ms/);
    expect(e.message).not.toContain(MCHID);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

// ---------------------------------------------------------------------------------------------
// Kuaidi100

const CUSTOMER = 'B7A5E3C1D9F2468A0B1C2D3E4F5A6B7C';
const KEY = 'kd100TestKey9f8e7d';
const md5Upper = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

/** A fake poll.kuaidi100.com: checks the sign as Kuaidi100 does, then answers `answer(param)`. */
async function fakeKuaidi100(answer: (param: Record<string, string>) => unknown): Promise<FakeServer> {
  return serve((req, res) => {
    const form = new URLSearchParams(req.body);
    const param = form.get('param') ?? '';
    if (form.get('customer') !== CUSTOMER || form.get('sign') !== md5Upper(param + KEY + CUSTOMER)) {
      return answerJson(res, 200, { result: false, returnCode: '503', message: '验证签名失败' });
    }
    answerJson(res, 200, answer(JSON.parse(param)));
  });
}

const trackAnswer = (state: string) => ({
  message: 'ok',
  nu: 'SF1234567890123',
  ischeck: state.startsWith('3') ? '1' : '0',
  condition: 'F00',
  com: 'shunfeng',
  status: '200',
  state,
  data: [
    { time: '2026-11-24 09:41:07', ftime: '2026-11-24 09:41:07', context: '快件已签收，签收人：本人', areaName: '海南,海口市,美兰区', status: '签收', statusCode: '301' },
    { time: '2026-11-23 20:02:00', ftime: '2026-11-23 20:02:00', context: '快件到达【海口美兰集散中心】', areaName: null, location: '海口市', status: '在途', statusCode: '1002' },
    { time: '2026-11-23 10:15:00', ftime: '2026-11-23 10:15:00', context: '顺丰速运已收取快件', areaName: '海南,海口市,龙华区', status: '揽收', statusCode: '103' },
  ],
});

describe('Kuaidi100Courier', () => {
  it('posts the documented form with sign = upper-case MD5(param + key + customer), and maps the answer', async () => {
    const server = await fakeKuaidi100(() => trackAnswer('301'));
    const tracking = await new Kuaidi100Courier({ customer: CUSTOMER, key: KEY, url: `${server.base}/poll/query.do` }).track('sf', 'SF1234567890123', '5678');

    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.rawUrl).toBe('/poll/query.do');
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(req.body);
    expect([...form.keys()].sort()).toEqual(['customer', 'param', 'sign']);
    const param = form.get('param') ?? '';
    expect(JSON.parse(param)).toEqual({ com: 'shunfeng', num: 'SF1234567890123', phone: '5678', resultv2: '4' });
    expect(form.get('sign')).toBe(md5Upper(param + KEY + CUSTOMER));
    expect(form.get('sign')).toMatch(/^[0-9A-F]{32}$/);
    expect(req.body).not.toContain(KEY);

    expect(tracking).toEqual({
      state: 'delivered',
      events: [
        { at: new Date('2026-11-23T02:15:00Z'), description: '顺丰速运已收取快件', location: '海南,海口市,龙华区' },
        { at: new Date('2026-11-23T12:02:00Z'), description: '快件到达【海口美兰集散中心】', location: '海口市' },
        { at: new Date('2026-11-24T01:41:07Z'), description: '快件已签收，签收人：本人', location: '海南,海口市,美兰区' },
      ],
    });
  });

  it('passes other company codes through (lower-cased) and leaves the phone out when not given', async () => {
    const server = await fakeKuaidi100(() => trackAnswer('0'));
    await new Kuaidi100Courier({ customer: CUSTOMER, key: KEY, url: server.base }).track('YouZhengGuoNei', '9876543210987');
    expect(JSON.parse(new URLSearchParams(server.requests[0].body).get('param') ?? '')).toEqual({ com: 'youzhengguonei', num: '9876543210987', resultv2: '4' });
  });

  const TABLE: Array<[string, string]> = [
    ...['0', '1001', '1002', '1003', '1', '101', '102', '103', '5', '501', '2', '201', '203', '206', '208', '210', '7', '8', '10', '11', '12', '13'].map((s): [string, string] => [
      s,
      'inTransit',
    ]),
    ...['3', '301', '302', '303', '304'].map((s): [string, string] => [s, 'delivered']),
    ...['4', '401', '6', '14'].map((s): [string, string] => [s, 'returned']),
    ...['', '9', '15', '999', 'abc'].map((s): [string, string] => [s, 'unknown']),
  ];
  it('maps every documented state (basic and resultv2=4 detailed) through the adapter', async () => {
    let state = '';
    const server = await fakeKuaidi100(() => trackAnswer(state));
    const courier = new Kuaidi100Courier({ customer: CUSTOMER, key: KEY, url: server.base });
    for (const [code, expected] of TABLE) {
      state = code;
      const t = await courier.track('ems', 'EMS1234567890');
      expect({ code, state: t.state }).toEqual({ code, state: expected });
      expect(shipmentState(code)).toBe(expected);
      if (expected === 'unknown') expect(t.note).toContain('state');
    }
  });

  it.each([
    ['503', '验证签名失败'],
    ['500', '查询无结果，请隔段时间再查'],
    ['408', '快递公司参数异常：验证码错误'],
    ['601', `POLL:KEY已过期 ${KEY}`],
  ])('a refusal (returnCode %s) is state unknown with the code in the note, never the key', async (returnCode, message) => {
    const server = await serve((_req, res) => answerJson(res, 200, { result: false, returnCode, message }));
    const t = await new Kuaidi100Courier({ customer: CUSTOMER, key: KEY, url: server.base }).track('sf', 'SF1234567890123');
    expect(t.state).toBe('unknown');
    expect(t.events).toEqual([]);
    expect(t.note).toContain(`Kuaidi100 ${returnCode}`);
    expect(t.note).not.toContain(KEY);
  });

  it('a wrong key is refused by the sign check (503): unknown', async () => {
    const server = await fakeKuaidi100(() => trackAnswer('3'));
    const t = await new Kuaidi100Courier({ customer: CUSTOMER, key: 'another-key', url: server.base }).track('sf', 'SF1234567890123');
    expect(t).toMatchObject({ state: 'unknown', note: expect.stringContaining('503') });
  });

  it('an answer that is not JSON, or none in time, rejects without the key', async () => {
    const broken = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>502</html>');
    });
    const e1 = await rejection(new Kuaidi100Courier({ customer: CUSTOMER, key: KEY, url: broken.base }).track('sf', 'SF1234567890123'));
    expect(e1.message).toContain('502');
    expect(e1.message).not.toContain(KEY);

    const silent = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const e2 = await rejection(new Kuaidi100Courier({ customer: CUSTOMER, key: KEY, url: silent.base, timeoutMs: 150 }).track('sf', 'SF1234567890123'));
    expect(e2.message).toMatch(/did not answer in 150 ms/);
    expect(e2.message).not.toContain(KEY);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

// ---------------------------------------------------------------------------------------------
// The local cloud's stand-ins

describe('the local cloud’s payment and courier stand-ins', () => {
  async function localCloud(opts: { lateSuccessMs?: number; autoDeliverAfterTracks?: number } = {}) {
    let now = NOW;
    const log: string[] = [];
    const services = createLocalPaymentAndCourier({ ...opts, now: () => now, log: (line) => log.push(line) });
    const server = await handlerServer(services.handle);
    servers.push(server);
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    return { base: server.base, services, log, post, tick: (ms: number) => (now += ms) };
  }

  const order = (orderId: string) => ({ orderId, amountFen: 5200, description: '补领居民身份证（邮寄）', openid: 'o-local-citizen' });

  it('answers only its own routes', async () => {
    const local = await localCloud();
    expect((await local.post('/local/sms', {})).status).toBe(404);
    expect((await local.post('/local/pay/unknown', {})).status).toBe(404);
    expect((await fetch(`${local.base}/local/pay/orders`)).status).toBe(200);
  });

  it('success: the order is created, the H5 app pays it, the query finds it paid', async () => {
    const local = await localCloud();
    const pay = new LocalPayment(local.base);
    const created = await pay.createOrder(order('RA-local-0001'));
    expect(created.paymentParams).toMatchObject({ package: `prepay_id=${created.prepayId}`, signType: 'RSA' });
    expect(created.paymentParams.timeStamp).toBe(SECONDS);
    expect(await pay.queryOrder('RA-local-0001')).toEqual({ status: 'notPaid' });
    // The same order asked again is the same order; other terms under its id are refused.
    expect((await pay.createOrder(order('RA-local-0001'))).prepayId).toBe(created.prepayId);
    expect((await rejection(pay.createOrder({ ...order('RA-local-0001'), amountFen: 100 }))).message).toMatch(/INVALID_REQUEST/);

    // Another persona cannot pay it; the payer can, by order id or by the package.
    expect((await local.post('/local/pay/confirm', { orderId: 'RA-local-0001', outcome: 'success' }, { 'x-local-openid': 'o-someone-else' })).status).toBe(403);
    const paid = await local.post('/local/pay/confirm', { package: created.paymentParams.package, outcome: 'success' }, { 'x-local-openid': 'o-local-citizen' });
    expect(paid.body).toEqual({ errMsg: 'requestPayment:ok' });
    const state = await pay.queryOrder('RA-local-0001');
    expect(state).toMatchObject({ status: 'paid', paidAt: new Date(NOW) });
    expect(state.transactionId).toMatch(/^4200local/);
    expect(await pay.closeOrder('RA-local-0001')).toBe('paid');
    expect(local.log.join('\n')).toContain('RA-local-0001');
  });

  it('fail: the order stays unpaid until closed, and cannot be paid once closed', async () => {
    const local = await localCloud();
    const pay = new LocalPayment(local.base);
    await pay.createOrder(order('RA-local-0002'));
    expect((await local.post('/local/pay/confirm', { orderId: 'RA-local-0002', outcome: 'fail' })).body).toEqual({ errMsg: 'requestPayment:fail' });
    expect(await pay.queryOrder('RA-local-0002')).toEqual({ status: 'notPaid' });
    expect(await pay.closeOrder('RA-local-0002')).toBe('closed');
    expect(await pay.queryOrder('RA-local-0002')).toEqual({ status: 'closed' });
    expect((await local.post('/local/pay/confirm', { orderId: 'RA-local-0002', outcome: 'success' })).body.errMsg).toMatch(/fail.*closed/);
    expect(await pay.queryOrder('RA-local-0002')).toEqual({ status: 'closed' });
    expect((await local.post('/local/pay/confirm', { orderId: 'RA-local-0002', outcome: 'maybe' })).status).toBe(400);
    expect((await local.post('/local/pay/confirm', { orderId: 'RA-never-made', outcome: 'success' })).status).toBe(404);
  });

  it('timeout: wx.requestPayment reports a timeout, the order is found paid later (a late success)', async () => {
    const local = await localCloud({ lateSuccessMs: 4000 });
    const pay = new LocalPayment(local.base);
    await pay.createOrder(order('RA-local-0003'));
    expect((await local.post('/local/pay/confirm', { orderId: 'RA-local-0003', outcome: 'timeout' })).body).toEqual({ errMsg: 'requestPayment:fail timeout' });
    expect(await pay.queryOrder('RA-local-0003')).toEqual({ status: 'notPaid' });
    local.tick(3999);
    expect(await pay.queryOrder('RA-local-0003')).toEqual({ status: 'notPaid' });
    local.tick(1);
    expect(await pay.queryOrder('RA-local-0003')).toMatchObject({ status: 'paid', paidAt: new Date(NOW + 4000) });

    // Closed before the late success lands: it never lands (closing is what makes giving up safe).
    await pay.createOrder(order('RA-local-0004'));
    await local.post('/local/pay/confirm', { orderId: 'RA-local-0004', outcome: 'timeout' });
    expect(await pay.closeOrder('RA-local-0004')).toBe('closed');
    local.tick(60_000);
    expect(await pay.queryOrder('RA-local-0004')).toEqual({ status: 'closed' });

    // Closed after it landed: the close says it was paid.
    await pay.createOrder(order('RA-local-0005'));
    await local.post('/local/pay/confirm', { orderId: 'RA-local-0005', outcome: 'timeout' });
    local.tick(4000);
    expect(await pay.closeOrder('RA-local-0005')).toBe('paid');
  });

  it('refunds: once per refund id, never more than was paid; an order id with refund-fail fails', async () => {
    const local = await localCloud();
    const pay = new LocalPayment(local.base);
    await pay.createOrder(order('RA-local-0006'));
    expect((await rejection(pay.refund({ orderId: 'RA-local-0006', refundId: 'RA-local-0006-r1', amountFen: 5200, totalFen: 5200 }))).message).toMatch(/notPaid/);
    await local.post('/local/pay/confirm', { orderId: 'RA-local-0006', outcome: 'success' });

    const refund = { orderId: 'RA-local-0006', refundId: 'RA-local-0006-r1', amountFen: 5200, totalFen: 5200 };
    expect(await pay.refund(refund)).toEqual({ status: 'success' });
    expect(await pay.refund(refund)).toEqual({ status: 'success' });
    expect(await pay.queryRefund('RA-local-0006-r1')).toEqual({ status: 'success' });
    expect((await pay.queryOrder('RA-local-0006')).status).toBe('refunded');
    expect((await rejection(pay.refund({ ...refund, refundId: 'RA-local-0006-r2' }))).message).toMatch(/more than/);
    expect((await rejection(pay.refund({ ...refund, refundId: 'RA-local-0006-r3', totalFen: 9999 }))).message).toMatch(/amounts/);
    expect((await rejection(pay.queryRefund('never'))).message).toMatch(/RESOURCE_NOT_EXISTS/);

    await pay.createOrder(order('RA-refund-fail-1'));
    await local.post('/local/pay/confirm', { orderId: 'RA-refund-fail-1', outcome: 'success' });
    expect(await pay.refund({ orderId: 'RA-refund-fail-1', refundId: 'RA-refund-fail-1-r1', amountFen: 5200, totalFen: 5200 })).toEqual({ status: 'failed' });
    expect(await pay.queryRefund('RA-refund-fail-1-r1')).toEqual({ status: 'failed' });
    expect((await pay.queryOrder('RA-refund-fail-1')).status).toBe('paid');
  });

  it('courier: a shipment is in transit until advanced to delivered', async () => {
    const local = await localCloud();
    const courier = new LocalCourier(local.base);
    const first = await courier.track('sf', 'SF0000000001');
    expect(first.state).toBe('inTransit');
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ at: new Date(NOW), description: expect.stringContaining('揽收') });

    local.tick(3_600_000);
    expect((await local.post('/local/courier/advance', { trackingNumber: 'SF0000000001' })).status).toBe(200);
    const delivered = await courier.track('sf', 'SF0000000001');
    expect(delivered.state).toBe('delivered');
    expect(delivered.events.map((e) => e.at)).toEqual([new Date(NOW), new Date(NOW + 3_600_000)]);
    expect(delivered.events[1].description).toContain('签收');
    expect((await local.post('/local/courier/advance', { trackingNumber: 'SF0000000001', to: 'returned' })).status).toBe(409);
  });

  it('courier: a shipment advanced to returned is returned', async () => {
    const local = await localCloud();
    const courier = new LocalCourier(local.base);
    expect((await local.post('/local/courier/shipments', { courierCode: 'ems', trackingNumber: 'EMS000000002' })).status).toBe(200);
    expect((await local.post('/local/courier/advance', { trackingNumber: 'EMS000000002', to: 'returned' })).body.state).toBe('returned');
    const t = await courier.track('ems', 'EMS000000002');
    expect(t.state).toBe('returned');
    expect(t.events[t.events.length - 1].description).toContain('退回');
    expect((await local.post('/local/courier/advance', { trackingNumber: 'EMS000000002', to: 'lost' })).status).toBe(400);
  });

  it('courier: delivered by itself on the configured track call (default, or per shipment)', async () => {
    const local = await localCloud({ autoDeliverAfterTracks: 3 });
    const courier = new LocalCourier(local.base);
    expect((await courier.track('sf', 'SF0000000003')).state).toBe('inTransit');
    expect((await courier.track('sf', 'SF0000000003')).state).toBe('inTransit');
    expect((await courier.track('sf', 'SF0000000003')).state).toBe('delivered');
    expect((await courier.track('sf', 'SF0000000003')).state).toBe('delivered');

    await local.post('/local/courier/shipments', { trackingNumber: 'SF0000000004', deliverAfterTracks: 1 });
    expect((await courier.track('sf', 'SF0000000004')).state).toBe('delivered');
    await local.post('/local/courier/shipments', { trackingNumber: 'SF0000000005', deliverAfterTracks: 0 });
    for (let i = 0; i < 4; i += 1) expect((await courier.track('sf', 'SF0000000005')).state).toBe('inTransit');
    expect((await courier.track('sf', 'bad')).state).toBe('unknown');
  });
});
