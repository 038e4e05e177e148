/**
 * Payment notices (core/reissue/paymentNotice.ts) on in-memory ports: what each notice means for
 * the application, in any order and any number of times, and that the payment service's word is the
 * only one that marks an application paid. The wire (signature, decryption) is tested in
 * wechatPayNotification.test.ts and, through the function and the emulator, in
 * tests/contract/payNotify.test.ts.
 */
import * as z from 'zod/mini';
import type { Action, ActionSchema } from '../../core/function/action';
import type { ReissueDeps } from '../../core/reissue/ReissueDeps';
import * as applying from '../../core/reissue/actions/apply';
import * as citizens from '../../core/reissue/actions/citizen';
import * as payments from '../../core/reissue/actions/payment';
import { settlePaymentNotice, type PaymentNotice } from '../../core/reissue/paymentNotice';
import { HAIKOU_MAIL, reissueWorld, type Gate, type ReissueWorld } from './support/reissueInMemoryPorts';

const A = { ...applying, ...citizens, ...payments };

function call<In extends ActionSchema, Out extends ActionSchema>(action: Action<ReissueDeps, In, Out>, input: z.input<In>, deps: ReissueDeps) {
  return action.run(z.parse(action.input, input) as z.infer<In>, deps, { requestId: `req-${Math.random().toString(36).slice(2)}` }) as Promise<z.infer<Out>>;
}

let w: ReissueWorld;
/** Runs once before the next store step that matches, when armed (to interleave a second path). */
let before: { label: string; run: () => Promise<void> } | undefined;
const gate: Gate = async (label) => {
  if (before && label === before.label) {
    const { run } = before;
    before = undefined;
    await run();
  }
};
beforeEach(() => {
  w = reissueWorld({ gate, tick: true });
  before = undefined;
});

/** A submitted application of 55.00 with its payment order started. */
async function ordered(openid = 'o-1') {
  w.citizen(openid);
  const view = await call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: HAIKOU_MAIL }, w.as(openid));
  const order = await call(A.pay, { applicationId: view.id }, w.as(openid));
  return { id: view.id, orderId: order.orderId as string };
}

const paidNotice = (orderId: string, amountFen = 5500): PaymentNotice => ({
  kind: 'transaction',
  orderId,
  amountFen,
  state: { status: 'paid', paidAt: new Date('2026-03-02T02:00:00Z'), transactionId: '4200000000000001' },
});
const settle = (notice: PaymentNotice) => settlePaymentNotice(w.as(undefined), notice);
const stored = (id: string) => w.store.apps.get(id)!;
const queries = () => w.payment.requests.filter((r) => r === 'queryOrder').length;

test('a verified payment notice for the pending order, for the amount due: paid on its word, without a query', async () => {
  const a = await ordered();
  w.payment.payByCitizen(a.orderId);
  expect(await settle(paidNotice(a.orderId))).toBe('settled');
  expect(stored(a.id)).toMatchObject({ state: 'paid', payment: { status: 'paid', id: a.orderId } });
  expect(queries()).toBe(0);
});

test('the same notice again (WeChat Pay repeats it) changes nothing', async () => {
  const a = await ordered();
  w.payment.payByCitizen(a.orderId);
  await settle(paidNotice(a.orderId));
  const version = stored(a.id).version;
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
  expect(stored(a.id).version).toBe(version);
  expect(stored(a.id).timeline.filter((t) => t.event === 'paymentSucceeded')).toHaveLength(1);
});

test('a notice for an application the query path already settled changes nothing', async () => {
  const a = await ordered();
  w.payment.payByCitizen(a.orderId);
  await call(A.confirmPayment, { applicationId: a.id, reported: 'ok' }, w.as('o-1'));
  const version = stored(a.id).version;
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
  expect(stored(a.id).version).toBe(version);
});

test('the notice and the citizen’s confirmation at once: both answer paid, one payment recorded (no conflict for the citizen)', async () => {
  const a = await ordered();
  w.payment.payByCitizen(a.orderId);
  // The confirmation has read the pending application and asked WeChat Pay; before it writes, the notice settles it.
  before = { label: 'store.save', run: async () => void (await settle(paidNotice(a.orderId))) };
  const view = await call(A.confirmPayment, { applicationId: a.id, reported: 'ok' }, w.as('o-1'));
  expect(view).toMatchObject({ state: 'paid', paymentStatus: 'paid' });
  expect(stored(a.id).timeline.filter((t) => t.event === 'paymentSucceeded')).toHaveLength(1);
});

test('a notice in doubt is not trusted: another amount, or an order given up as failed, is asked for — and not paid unless WeChat Pay says so', async () => {
  const a = await ordered();
  // Another amount than the one due: asked; the order is not paid, so nothing changes.
  expect(await settle(paidNotice(a.orderId, 1))).toBe('unchanged');
  expect(queries()).toBe(1);
  expect(stored(a.id).payment.status).toBe('pending');
  // The citizen cancels on the phone: the order is closed, the payment failed.
  await call(A.confirmPayment, { applicationId: a.id, reported: 'cancel' }, w.as('o-1'));
  expect(stored(a.id).payment.status).toBe('failed');
  // A SUCCESS for the closed order (WeChat Pay cannot pay a closed order): asked, and the query decides.
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
  expect(stored(a.id)).toMatchObject({ state: 'submitted', payment: { status: 'failed' } });
});

test('a notice that is not "paid" never marks paid; it makes the order be asked', async () => {
  const a = await ordered();
  expect(await settle({ kind: 'transaction', orderId: a.orderId, state: { status: 'closed' } })).toBe('unchanged');
  expect(queries()).toBe(1);
  expect(stored(a.id).payment.status).toBe('pending');
});

test('a payment notice for an earlier attempt’s order (closed before the new one): asked, nothing changes', async () => {
  const a = await ordered();
  await call(A.confirmPayment, { applicationId: a.id, reported: 'fail' }, w.as('o-1'));
  const second = await call(A.pay, { applicationId: a.id }, w.as('o-1'));
  expect(second.orderId).not.toBe(a.orderId);
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
  expect(stored(a.id).payment).toEqual({ id: second.orderId, status: 'pending' });
});

test('a refund notice before the payment notice (the payment notice late or lost): the payment is settled by asking', async () => {
  const a = await ordered();
  w.payment.payByCitizen(a.orderId);
  expect(await settle({ kind: 'refund', orderId: a.orderId, refundId: `${a.id}-refund`, status: 'success' })).toBe('settled');
  expect(queries()).toBe(1);
  expect(stored(a.id).payment.status).toBe('paid');
  // The payment notice arriving after that changes nothing.
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
});

test('the refund notice for the refund the application waits for: recorded on its word; again: unchanged; another refund id: stray', async () => {
  const a = await ordered();
  w.payment.payByCitizen(a.orderId);
  await settle(paidNotice(a.orderId));
  // The refund request does not get through: the application waits, refunding.
  w.payment.down = true;
  await call(A.cancel, { applicationId: a.id }, w.as('o-1'));
  w.payment.down = false;
  expect(stored(a.id)).toMatchObject({ state: 'cancelled', payment: { status: 'refunding' } });
  expect(await settle({ kind: 'refund', orderId: a.orderId, refundId: 'someone-else-refund', status: 'success' })).toBe('stray');
  const refundCalls = w.payment.requests.filter((r) => r === 'refund').length;
  expect(await settle({ kind: 'refund', orderId: a.orderId, refundId: `${a.id}-refund`, status: 'success' })).toBe('settled');
  expect(stored(a.id).payment.status).toBe('refunded');
  expect(w.payment.requests.filter((r) => r === 'refund').length).toBe(refundCalls);
  expect(await settle({ kind: 'refund', orderId: a.orderId, refundId: `${a.id}-refund`, status: 'success' })).toBe('unchanged');
  // A SUCCESS payment notice after the refund (out of order): nothing changes.
  expect(await settle(paidNotice(a.orderId))).toBe('unchanged');
  expect(stored(a.id).payment.status).toBe('refunded');
});

test('an order no application has: unknownOrder', async () => {
  expect(await settle(paidNotice('no-such-application-p1'))).toBe('unknownOrder');
  expect(await settle(paidNotice('not an order of ours'))).toBe('unknownOrder');
});
