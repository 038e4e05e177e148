/**
 * WeChat Pay notifications end to end in the local cloud: the citizen pays a reissue, the local
 * WeChat Pay notifies the payNotify function on its HTTP access path (/wxpay/notify), and the
 * application becomes paid with no query of the order. The polling path still works when a
 * notification is lost.
 */
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at } from './support/bookingFlow';
import { reissueFlow } from './support/reissueFlow';
import { waitFor } from './support/waitFor';

jest.setTimeout(120_000);

let h: Harness;
let r: ReturnType<typeof reissueFlow>;
const CITIZEN = 'local-citizen';
// Monday 2026-03-02, 10:00 in Shanghai: 王建国's card is within Haikou's 5 years.
const NOW = at('2026-03-02', '10:00');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  r = reissueFlow(h);
});
afterAll(async () => {
  await h.close();
});

const view = (id: string) => r.ok(CITIZEN, 'application', { applicationId: id });

test('the citizen pays: the notification makes the application paid, and nobody had to ask WeChat Pay', async () => {
  const app = (await r.applyByMail(CITIZEN)).data;
  const { orderId } = await r.ok(CITIZEN, 'pay', { applicationId: app.id });
  const queriesBefore = h.cloud.payment.stats.queries;
  expect((await r.payInWeChat(orderId, 'success')).body.errMsg).toBe('requestPayment:ok');

  const paid = await waitFor(
    () => view(app.id),
    (v) => v.paymentStatus === 'paid',
    'the notification to settle the payment',
  );
  expect(paid).toMatchObject({ state: 'paid', paymentStatus: 'paid' });
  expect(h.cloud.payment.stats.queries).toBe(queriesBefore);
  expect(h.cloud.payment.notifier.sent).toContainEqual({ event: 'TRANSACTION.SUCCESS', orderId, status: 204 });
  const line = h.logs.map((l) => JSON.parse(l)).find((l) => l.fn === 'payNotify');
  expect(line).toMatchObject({ action: 'notify', outcome: 'ok' });

  // The phone's confirmation after that answers paid too (it asks, and changes nothing).
  expect(await r.ok(CITIZEN, 'confirmPayment', { applicationId: app.id, reported: 'ok' })).toMatchObject({ paymentStatus: 'paid', version: paid.version });

  // Cancelled: refunded at once by the refund request; the refund notification that follows is taken and changes nothing.
  const cancelled = await r.ok(CITIZEN, 'cancel', { applicationId: app.id });
  expect(cancelled).toMatchObject({ state: 'cancelled', paymentStatus: 'refunded' });
  await waitFor(
    async () => h.cloud.payment.notifier.sent,
    (sent) => sent.some((s) => s.event === 'REFUND.SUCCESS' && s.orderId === orderId),
    'the refund notification',
  );
  expect(h.cloud.payment.notifier.sent).toContainEqual({ event: 'REFUND.SUCCESS', orderId, status: 204 });
  expect((await view(app.id)).version).toBe(cancelled.version);
});

test('a lost notification: the application waits, and the citizen’s confirmation (a query) settles it', async () => {
  h.cloud.payment.notifier.enabled = false;
  try {
    const app = (await r.applyByMail(CITIZEN)).data;
    const { orderId } = await r.ok(CITIZEN, 'pay', { applicationId: app.id });
    await r.payInWeChat(orderId, 'success');
    expect((await view(app.id)).paymentStatus).toBe('pending');
    const queriesBefore = h.cloud.payment.stats.queries;
    expect(await r.ok(CITIZEN, 'confirmPayment', { applicationId: app.id, reported: 'ok' })).toMatchObject({ state: 'paid', paymentStatus: 'paid' });
    expect(h.cloud.payment.stats.queries).toBe(queriesBefore + 1);
    expect(h.cloud.payment.notifier.sent.filter((s) => s.orderId === orderId)).toEqual([]);
  } finally {
    h.cloud.payment.notifier.enabled = true;
  }
});

test('the HTTP access path answers anyone else as WeChat Pay expects: 401 with { code, message } for an unsigned POST, 405 for a GET', async () => {
  const post = await fetch(`${h.cloud.url}/wxpay/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"x","resource":{}}' });
  expect(post.status).toBe(401);
  expect(post.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await post.json()).toEqual({ code: 'SIGN_ERROR', message: '签名验证失败' });
  const get = await fetch(`${h.cloud.url}/wxpay/notify?probe=1`);
  expect(get.status).toBe(405);
  expect(await get.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
});
