import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at } from './support/bookingFlow';

/**
 * Issue 17: the reconciliation sweep (reconcileSlots) counts the places held for waiting-list
 * offers (`holds`) as taken: it gives back only places no appointment or offer holds, and never
 * "repairs" `booked` below the holders and holds (nor lowers a count already below them).
 */
jest.setTimeout(60_000);

const HALL = 'haikou-longhua';
const DAY = '2026-03-04';
const NOW = at('2026-03-02', '10:00');
const LONG_AGO = new Date(NOW.getTime() - 60 * 60_000);
const hold = { entryId: 'some-entry', until: new Date(NOW.getTime() + 30 * 60_000) };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
});
afterAll(async () => {
  await h.close();
});

test('a slot with a held offer keeps it: only the place of an appointment never stored goes back', async () => {
  const db = localDatabase(h.cloud.url);
  const base = { hallId: HALL, date: DAY, end: '10:00', capacity: 2, lastTakenAt: LONG_AGO };
  // A place of an appointment never inserted (a crash) beside a place held for an offer.
  await db
    .collection('slots')
    .doc(`${HALL}:${DAY}:0930`)
    .set({ ...base, start: '09:30', booked: 2, holders: ['never-stored'], holds: { h1: hold } });
  // A slot stored before places had holders, whose one place is held for an offer.
  await db
    .collection('slots')
    .doc(`${HALL}:${DAY}:1000`)
    .set({ ...base, start: '10:00', booked: 2, holds: { h2: hold } });
  // A count already below its holders and holds (one ghost holder and an offer, counted once).
  await db
    .collection('slots')
    .doc(`${HALL}:${DAY}:1030`)
    .set({ ...base, start: '10:30', booked: 1, holders: ['never-stored-too'], holds: { h3: hold } });
  expect(await h.cloud.fireTimer('booking', 'reconcileSlots')).toMatchObject({ ok: true });
  const slot = async (hhmm: string) =>
    (await db.collection('slots').doc(`${HALL}:${DAY}:${hhmm}`).get()).data[0] as { booked: number; holders?: string[]; holds?: Record<string, unknown> };
  expect(await slot('0930')).toMatchObject({ booked: 1, holders: [], holds: { h1: expect.anything() } });
  expect(await slot('1000')).toMatchObject({ booked: 1, holds: { h2: expect.anything() } });
  // Not lowered further: a place given back would be taken by the public while the offer holds it.
  expect(await slot('1030')).toMatchObject({ booked: 1, holds: { h3: expect.anything() } });
});
