import { CloudbaseRequestLog, PENDING_LEASE_MS } from '../../server/function/CloudbaseRequestLog';
import { emulatedDatabase, type EmulatedDatabase } from './support/emulatorSnapshot';

/**
 * A request whose first write landed but whose answer was lost stays 'pending': within the lease a
 * repeat is told to wait (the first call may still run); past it, the same request takes it over
 * once, and another request under that id never does.
 */
let e: EmulatedDatabase;
beforeAll(async () => {
  e = await emulatedDatabase();
});
afterAll(async () => {
  await e.close();
});

const binding = { fn: 'booking', action: 'reserve', fingerprint: 'f1' };

test('a pending request is taken over only after the lease, by the same request, once', async () => {
  let now = new Date('2026-12-01T00:00:00Z');
  const log = new CloudbaseRequestLog(e.db, 'booking_requests', () => now);
  expect(await log.beginRequest('o:lost-answer', binding)).toEqual({ state: 'new' });
  // The first call's answer was lost; the client retries at once.
  expect((await log.beginRequest('o:lost-answer', binding)).state).toBe('pending');

  now = new Date(now.getTime() + PENDING_LEASE_MS + 1);
  // Another request under the same id never takes it over: the core refuses it as reused.
  expect(await log.beginRequest('o:lost-answer', { ...binding, fingerprint: 'f2' })).toMatchObject({ state: 'pending', binding });
  const [a, b] = await Promise.all([log.beginRequest('o:lost-answer', binding), log.beginRequest('o:lost-answer', binding)]);
  expect([a.state, b.state].sort()).toEqual(['new', 'pending']);

  await log.finishRequest('o:lost-answer', { ok: true, data: { id: 'x' } });
  expect(await log.beginRequest('o:lost-answer', binding)).toMatchObject({ state: 'done', response: { ok: true, data: { id: 'x' } } });
});

test('an answer found without writing is recorded in one insert; a key with a record keeps its first answer; a lapsed pending one is finished with it', async () => {
  let now = new Date('2026-12-01T00:00:00Z');
  const log = new CloudbaseRequestLog(e.db, 'booking_requests', () => now);
  const full = { ok: false as const, error: { code: 'SLOT_FULL' as const, message: '该时段已约满' } };
  expect(await log.recordAnswer('o:read-only', binding, full)).toEqual({ state: 'new' });
  expect(await log.beginRequest('o:read-only', binding)).toMatchObject({ state: 'done', response: full });
  // A later answer under the same key is not recorded: the first one is returned.
  expect(await log.recordAnswer('o:read-only', binding, { ok: true, data: { id: 'y' } })).toMatchObject({ state: 'done', binding, response: full });

  expect(await log.beginRequest('o:lapsed', binding)).toEqual({ state: 'new' });
  expect(await log.recordAnswer('o:lapsed', binding, full)).toMatchObject({ state: 'pending' });
  now = new Date(now.getTime() + PENDING_LEASE_MS + 1);
  expect(await log.recordAnswer('o:lapsed', { ...binding, fingerprint: 'f2' }, full)).toMatchObject({ state: 'pending', binding });
  expect(await log.recordAnswer('o:lapsed', binding, full)).toEqual({ state: 'new' });
  expect(await log.beginRequest('o:lapsed', binding)).toMatchObject({ state: 'done', response: full });
});
