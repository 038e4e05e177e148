/**
 * Request records (booking_requests, reissue_requests) grow by one per repeatable write, refusals
 * included: each function's timer removes those past the idempotency window (issue 14).
 */
import { IDEMPOTENCY_WINDOW_MS } from '../../core/function/requestExpiry';
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';

jest.setTimeout(180_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const DAY = 86_400_000;

test.each([
  ['booking', 'booking_requests'],
  ['reissue', 'reissue_requests'],
])('the %s timer removes request records past the window and keeps newer ones', async (fn, collection) => {
  const db = localDatabase(h.cloud.url);
  const now = Date.now();
  const old = new Date(now - IDEMPOTENCY_WINDOW_MS - DAY);
  await db.collection(collection).add({ _id: `local-citizen:old-${fn}`, state: 'done', createdAt: old, expiresAt: new Date(old.getTime() + IDEMPOTENCY_WINDOW_MS) });
  // Written before records had an expiry: its start says it is past the window.
  await db.collection(collection).add({ _id: `local-citizen:legacy-${fn}`, state: 'done', createdAt: old });
  const recent = new Date(now - IDEMPOTENCY_WINDOW_MS + DAY);
  await db.collection(collection).add({ _id: `local-citizen:recent-${fn}`, state: 'done', createdAt: recent, expiresAt: new Date(recent.getTime() + IDEMPOTENCY_WINDOW_MS) });
  await db.collection(collection).add({ _id: `local-citizen:legacy-recent-${fn}`, state: 'done', createdAt: recent });

  expect((await h.call(fn, { action: 'purgeExpiredRequests', data: {} }, 'local-citizen')).body.error.code).toBe('UNKNOWN_ACTION');
  expect(await h.timer(fn, 'purgeExpiredRequests')).toEqual({ ok: true, data: { removed: 2 } });
  const left = (
    (
      await db
        .collection(collection)
        .where({ _id: db.RegExp({ regexp: `-${fn}$` }) })
        .get()
    ).data as { _id: string }[]
  )
    .map((d) => d._id)
    .sort();
  expect(left).toEqual([`local-citizen:legacy-recent-${fn}`, `local-citizen:recent-${fn}`]);
  // Idempotent: nothing more to remove.
  expect(await h.timer(fn, 'purgeExpiredRequests')).toEqual({ ok: true, data: { removed: 0 } });
});

test('a repeat inside the window still answers the first result after a purge', async () => {
  const db = localDatabase(h.cloud.url);
  const request = { action: 'cancel', data: { appointmentId: 'AAAAAAAAAAAAAAAAAAAAAA' }, requestId: 'expiry-repeat-1' };
  const first = (await h.call('booking', request, 'local-citizen')).body;
  expect(first.ok).toBe(false);
  const stored = (await db.collection('booking_requests').doc('local-citizen:expiry-repeat-1').get()).data[0] as { createdAt: Date; expiresAt: Date };
  expect(new Date(stored.expiresAt).getTime() - new Date(stored.createdAt).getTime()).toBe(IDEMPOTENCY_WINDOW_MS);
  await h.timer('booking', 'purgeExpiredRequests');
  // The stored first result answers, even once what it refused would now go otherwise.
  await db
    .collection('booking_requests')
    .doc('local-citizen:expiry-repeat-1')
    .update({ response: { ok: false, error: { code: first.error.code, message: 'first' } } });
  const repeat = (await h.call('booking', request, 'local-citizen')).body;
  expect(repeat).toEqual({ ok: false, error: { code: first.error.code, message: 'first' } });
});
