import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';

/**
 * One request id (the envelope's) promises one request: the same id with the same input answers
 * the first result; with another slot, or on cancel or reschedule, it is refused and does nothing.
 */
jest.setTimeout(90_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
// Tuesday 2026-12-01, 08:30 in Shanghai: the week's dates are released.
const NOW = at('2026-12-01', '08:30');
const DAY = '2026-12-03';
const slot = (start: string) => `${HALL}:${DAY}:${start.replace(':', '')}`;
const CITIZEN = 'local-citizen';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
});
afterAll(async () => {
  await h.close();
});

const send = async (action: string, data: Record<string, unknown>, rid: string) => (await h.call('booking', { action, data, requestId: rid }, CITIZEN)).body;
const bookedOf = async (slotId: string) => (await localDatabase(h.cloud.url).collection('slots').doc(slotId).get()).data[0]?.booked ?? 0;

let first: { ok: true; data: { id: string } };
const rid = requestId();

test('the same request id and input answers the first reservation', async () => {
  first = await send('reserve', { hallId: HALL, business: BUSINESS, slotId: slot('09:00') }, rid);
  expect(first).toMatchObject({ ok: true, data: { status: 'booked', start: '09:00' } });
  expect(await send('reserve', { hallId: HALL, business: BUSINESS, slotId: slot('09:00') }, rid)).toEqual(first);
  expect(await bookedOf(slot('09:00'))).toBe(1);
});

test('the same request id with another slot is refused and books nothing', async () => {
  const other = await send('reserve', { hallId: HALL, business: BUSINESS, slotId: slot('10:00') }, rid);
  expect(other).toEqual({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('请求编号已用于其他请求') } });
  expect(await bookedOf(slot('10:00'))).toBe(0);
  expect(await bookedOf(slot('09:00'))).toBe(1);
});

test('the same request id reused on cancel or reschedule is refused, and the appointment stays as it was', async () => {
  expect((await send('cancel', { appointmentId: first.data.id }, rid)).error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect((await send('reschedule', { appointmentId: first.data.id, slotId: slot('11:00') }, rid)).error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  const mine = (await h.call('booking', { action: 'myAppointments', data: {} }, CITIZEN)).body.data.appointments;
  expect(mine.find((a: { id: string }) => a.id === first.data.id)).toMatchObject({ status: 'booked', start: '09:00' });
  expect(await bookedOf(slot('11:00'))).toBe(0);

  // A new id cancels; its repeat answers the same cancellation.
  const cancelId = requestId();
  const cancelled = await send('cancel', { appointmentId: first.data.id }, cancelId);
  expect(cancelled).toMatchObject({ ok: true, data: { status: 'cancelled' } });
  expect(await send('cancel', { appointmentId: first.data.id }, cancelId)).toEqual(cancelled);
});

test('a repeatable write needs the envelope id, and a client-typed id never reaches the log', async () => {
  const missing = (await h.call('booking', { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: slot('14:00') } }, CITIZEN)).body;
  expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const typed = 'my-own-typed-id-4711';
  await send('reserve', { hallId: HALL, business: 'household-certificate', slotId: slot('14:00') }, typed);
  expect(h.logs.join('\n')).not.toContain(typed);
});
