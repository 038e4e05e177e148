/**
 * Contract: the payNotify function's handler (server/payment/payNotifyMain.ts) against its documented
 * interface — CloudBase's HTTP access event in, an integrated response out, WeChat Pay's
 * notification protocol (headers, signed body, encrypted resource; 200/204 taken, 4xx/5xx with
 * { code, message } sent again) — with the applications in the database emulator through the real
 * SDK. Notifications are made as the local WeChat Pay makes them (devcloud/localPayNotifier.ts,
 * the published insecure local keys); WeChat Pay itself is a counting fake.
 */
import { createPublicKey } from 'node:crypto';
import type { OrderState, PaymentGateway } from '../../core/reissue/ports';
import type { ReissueRecord } from '../../core/reissue/ReissueDeps';
import { citizen } from '../../core/reissue/actors';
import { transition } from '../../core/reissue/stateMachine';
import { encryptResource, signedNotification } from '../../devcloud/localPayNotifier';
import { LOCAL_WXPAY_APIV3_KEY, LOCAL_WXPAY_PUBLIC_KEY_ID, LOCAL_WXPAY_PUBLIC_KEY_PEM } from '../../devcloud/localWechatPayKeys';
import { systemClock } from '../../server/clock';
import type { IntegratedResponse } from '../../server/function/httpAccess';
import { setLogSink } from '../../server/log/logLine';
import { createPayNotifyMain } from '../../server/payment/payNotifyMain';
import { CloudbaseReissueStore } from '../../server/reissue/CloudbaseReissueStore';
import { draft, OWNER } from '../unit/support/reissueFixtures';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

const APPID = 'wx00000000000000de';
const MCHID = '1900000000';
// The function's environment is validated as in production: the local values (devcloud/devEnvironment.ts).
Object.assign(process.env, {
  WX_APPID: APPID,
  HUKOU_WXPAY_MCHID: MCHID,
  HUKOU_WXPAY_SERIAL_NO: '00000000000000000000000000000000000000DE',
  HUKOU_WXPAY_PRIVATE_KEY: Buffer.from('-----BEGIN PRIVATE KEY-----\nINSECURE-DEV-ONLY-NOT-A-KEY\n-----END PRIVATE KEY-----\n').toString('base64'),
  HUKOU_WXPAY_NOTIFY_URL: 'https://hukou-local.invalid/wxpay/notify',
  HUKOU_WXPAY_PUBLIC_KEY: Buffer.from(LOCAL_WXPAY_PUBLIC_KEY_PEM).toString('base64'),
  HUKOU_WXPAY_PUBLIC_KEY_ID: LOCAL_WXPAY_PUBLIC_KEY_ID,
  HUKOU_WXPAY_APIV3_KEY: LOCAL_WXPAY_APIV3_KEY,
});

/** WeChat Pay's order states as the fake knows them; every query counted. */
class CountingPayment implements PaymentGateway {
  readonly states = new Map<string, OrderState>();
  queries = 0;
  async createOrder(): Promise<never> {
    throw new Error('not used');
  }
  async queryOrder(orderId: string) {
    this.queries++;
    return this.states.get(orderId) ?? { status: 'notPaid' as const };
  }
  async closeOrder(): Promise<'closed'> {
    return 'closed';
  }
  async refund() {
    return { status: 'success' as const };
  }
  async queryRefund() {
    return { status: 'success' as const };
  }
}

let e: EmulatedDatabase;
let store: CloudbaseReissueStore;
let payment: CountingPayment;
let main: (event: unknown, context: unknown) => Promise<unknown>;
const logs: string[] = [];

beforeAll(async () => {
  e = await startEmulatedDatabase();
  store = new CloudbaseReissueStore(e.db, () => {
    throw new Error('no personal-data key');
  });
  setLogSink((line) => logs.push(line));
});
beforeEach(() => {
  payment = new CountingPayment();
  main = createPayNotifyMain(() => ({
    keys: { publicKey: createPublicKey(LOCAL_WXPAY_PUBLIC_KEY_PEM), publicKeyId: LOCAL_WXPAY_PUBLIC_KEY_ID, apiV3Key: LOCAL_WXPAY_APIV3_KEY, mchid: MCHID, appid: APPID },
    deps: { store, clock: systemClock, secrets: { encrypt: () => '', decrypt: () => '' }, payment },
  }));
  logs.length = 0;
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

let apps = 0;
/** A submitted application (55.00 by mail) whose payment order `<id>-p1` is pending. */
async function pendingApplication(): Promise<ReissueRecord> {
  const id = `notify-app-${++apps}`;
  const now = new Date();
  let app: ReissueRecord = { ...draft({ id, now }), hallId: 'haikou-longhua', subjectNameEnc: 'sealed' };
  for (const event of [{ type: 'submit' }, { type: 'startPayment', paymentId: `${id}-p1` }] as const) {
    const r = transition(app, { ...event, expectedVersion: app.version }, citizen(OWNER), now);
    if (!r.ok) throw new Error(r.reason.detail);
    app = r.app;
  }
  await store.insert(app);
  return app;
}

function transaction(app: ReissueRecord, change: Record<string, unknown> = {}) {
  return {
    appid: APPID,
    mchid: MCHID,
    out_trade_no: app.payment.id,
    transaction_id: '4200000000202612020000000001',
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    success_time: '2026-12-02T15:30:00+08:00',
    payer: { openid: OWNER },
    amount: { total: app.fees.totalFen, payer_total: app.fees.totalFen, currency: 'CNY', payer_currency: 'CNY' },
    ...change,
  };
}

/** The HTTP access event CloudBase hands the function for WeChat Pay's POST. */
function httpEvent(body: string, headers: Record<string, string>, method = 'POST') {
  return {
    path: '/wxpay/notify',
    httpMethod: method,
    headers: { host: 'hukou.example.gov.cn', 'user-agent': 'Mozilla/4.0', ...headers },
    queryStringParameters: {},
    requestContext: { requestId: 'req-1', envId: 'hukou-test', appId: 0, uin: 0 },
    body,
    isBase64Encoded: false,
  };
}

function notification(resource: object, originalType = 'transaction', event = 'TRANSACTION.SUCCESS', at = Date.now()) {
  return signedNotification(event, '支付成功', encryptResource(resource, originalType), at);
}

async function deliver(n: { body: string; headers: Record<string, string> }, method?: string): Promise<IntegratedResponse> {
  return (await main(httpEvent(n.body, n.headers, method), { request_id: 'notify-1' })) as IntegratedResponse;
}

const stored = async (id: string) => (await store.application(id))!;
const refusal = (res: IntegratedResponse) => ({ status: res.statusCode, ...(JSON.parse(res.body) as { code: string; message: string }) });

test('a valid notification: 204, the application paid on WeChat Pay’s word, no query', async () => {
  const app = await pendingApplication();
  const res = await deliver(notification(transaction(app)));
  expect(res).toEqual({ statusCode: 204, headers: {}, body: '', isBase64Encoded: false });
  expect(await stored(app._id)).toMatchObject({ state: 'paid', payment: { status: 'paid', id: app.payment.id } });
  expect(payment.queries).toBe(0);
  expect(logs.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ fn: 'payNotify', action: 'notify', outcome: 'ok', requestId: 'notify-1' })]);
});

test('the same notification again (a replay within the window, or WeChat Pay repeating it): 204, nothing changes', async () => {
  const app = await pendingApplication();
  const n = notification(transaction(app));
  await deliver(n);
  const version = (await stored(app._id)).version;
  expect((await deliver(n)).statusCode).toBe(204);
  expect((await deliver(notification(transaction(app)))).statusCode).toBe(204);
  expect((await stored(app._id)).version).toBe(version);
  expect((await stored(app._id)).timeline.filter((t) => t.event === 'paymentSucceeded')).toHaveLength(1);
});

test.each([
  [
    'a bad signature',
    (n: { body: string; headers: Record<string, string> }) => ({
      ...n,
      headers: { ...n.headers, 'wechatpay-signature': n.headers['wechatpay-signature'].replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    }),
  ],
  ['a body changed after signing', (n: { body: string; headers: Record<string, string> }) => ({ ...n, body: n.body.replace('支付成功', '支付成功!') })],
  [
    'the wrong serial (another key id)',
    (n: { body: string; headers: Record<string, string> }) => ({ ...n, headers: { ...n.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000000000OTHER00' } }),
  ],
  ['no signature headers', (n: { body: string; headers: Record<string, string> }) => ({ ...n, headers: { 'content-type': 'application/json' } })],
])('%s: 401 SIGN_ERROR, nothing changes, WeChat Pay would send it again', async (_what, spoil) => {
  const app = await pendingApplication();
  const res = await deliver(spoil(notification(transaction(app))));
  expect(refusal(res)).toEqual({ status: 401, code: 'SIGN_ERROR', message: '签名验证失败' });
  expect((await stored(app._id)).payment.status).toBe('pending');
  expect(payment.queries).toBe(0);
  const line = JSON.parse(logs[0]);
  expect(line).toMatchObject({ fn: 'payNotify', outcome: 'rejected', errorCode: 'SIGN_ERROR' });
});

test('a stale timestamp (signed more than 5 minutes ago): 401, nothing changes', async () => {
  const app = await pendingApplication();
  const res = await deliver(notification(transaction(app), 'transaction', 'TRANSACTION.SUCCESS', Date.now() - 301_000));
  expect(refusal(res)).toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  expect(JSON.parse(logs[0]).error).toBe('notification timestamp out of range');
  expect((await stored(app._id)).payment.status).toBe('pending');
});

test('a tampered ciphertext under a valid signature (e.g. a wrong APIv3 key): 400 DECRYPT_ERROR, nothing changes', async () => {
  const app = await pendingApplication();
  const resource = encryptResource(transaction(app), 'transaction');
  const bytes = Buffer.from(resource.ciphertext, 'base64');
  bytes[5] ^= 0x20;
  const n = signedNotification('TRANSACTION.SUCCESS', '支付成功', { ...resource, ciphertext: bytes.toString('base64') }, Date.now());
  expect(refusal(await deliver(n))).toEqual({ status: 400, code: 'DECRYPT_ERROR', message: '通知解密失败' });
  expect((await stored(app._id)).payment.status).toBe('pending');
});

test('another merchant or app: 400; an order no application has: 404 ORDER_NOT_FOUND (sent again, for ops to see)', async () => {
  const app = await pendingApplication();
  expect(refusal(await deliver(notification(transaction(app, { mchid: '1900000001' }))))).toMatchObject({ status: 400, code: 'PARAM_ERROR' });
  expect(refusal(await deliver(notification(transaction(app, { appid: 'wx00000000000000ff' }))))).toMatchObject({ status: 400, code: 'PARAM_ERROR' });
  expect(refusal(await deliver(notification(transaction(app, { out_trade_no: 'nobody-here-p1' }))))).toEqual({ status: 404, code: 'ORDER_NOT_FOUND', message: '订单不存在' });
  expect((await stored(app._id)).payment.status).toBe('pending');
});

test('out of order: a payment notification after the query path paid it — 204, unchanged', async () => {
  const app = await pendingApplication();
  payment.states.set(app.payment.id!, { status: 'paid' });
  // The query path (the citizen's confirmation) got there first.
  const paid = transition(app, { type: 'paymentSucceeded', paymentId: app.payment.id!, expectedVersion: app.version }, { role: 'system' }, new Date());
  if (!paid.ok) throw new Error('not paid');
  expect(await store.save(paid.app, app.version)).toBe(true);
  expect((await deliver(notification(transaction(app)))).statusCode).toBe(204);
  expect((await stored(app._id)).version).toBe(paid.app.version);
});

test('out of order: a refund notification before the payment notification — the payment is settled by asking WeChat Pay', async () => {
  const app = await pendingApplication();
  payment.states.set(app.payment.id!, { status: 'paid' });
  const refund = {
    mchid: MCHID,
    out_trade_no: app.payment.id,
    transaction_id: '4200000000202612020000000001',
    out_refund_no: `${app._id}-refund`,
    refund_id: '50000000382019052709732678859',
    refund_status: 'SUCCESS',
    success_time: '2026-12-02T15:40:00+08:00',
    amount: { total: 5500, refund: 5500, payer_total: 5500, payer_refund: 5500 },
  };
  expect((await deliver(signedNotification('REFUND.SUCCESS', '退款成功', encryptResource(refund, 'refund'), Date.now()))).statusCode).toBe(204);
  expect(payment.queries).toBe(1);
  expect((await stored(app._id)).payment.status).toBe('paid');
});

test('a SUCCESS notification for an order that WeChat Pay, asked, reports closed (doubt: the order had failed): never marked paid', async () => {
  const app = await pendingApplication();
  const failed = transition(app, { type: 'paymentFailed', paymentId: app.payment.id!, note: '支付未完成', expectedVersion: app.version }, { role: 'system' }, new Date());
  if (!failed.ok) throw new Error('not failed');
  await store.save(failed.app, app.version);
  payment.states.set(app.payment.id!, { status: 'closed' });
  expect((await deliver(notification(transaction(app)))).statusCode).toBe(204);
  expect(payment.queries).toBe(1);
  expect((await stored(app._id)).payment.status).toBe('failed');
});

// Its `health` (which probes the platform's database) runs in tests/integration/standaloneBundles.test.ts.
test('anything but an HTTP access event is the ordinary envelope, where no action but health exists', async () => {
  expect(await main({ action: 'settle', data: {} }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
});

test('no log line or answer carries the body, the order, the payer or a key', async () => {
  const app = await pendingApplication();
  const answers = [
    await deliver(notification(transaction(app))),
    await deliver(notification(transaction(app, { out_trade_no: 'nobody-here-p1' }))),
    await deliver({ ...notification(transaction(app)), headers: {} }),
  ];
  const text = logs.join('\n') + JSON.stringify(answers);
  for (const secret of [OWNER, app.payment.id!, app._id, LOCAL_WXPAY_APIV3_KEY, 'ciphertext', '4200000000202612020000000001']) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\n\s+at /);
});
