import fc from 'fast-check';
import { localDatabase } from '../../devcloud/localDatabase';
import { loadSchedules } from '../../scripts/seed/loadSchedules';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { seedVerifiedCitizens } from '../support/verifiedCitizens';
import { at, requestId } from './support/bookingFlow';

jest.setTimeout(180_000);

/**
 * Hundreds of different verified citizens reserve the same slot at the same moment through the
 * local cloud (gateway → bundled function → SDK → emulator). Exactly the slot's capacity succeeds,
 * everyone else is told it is full, and the slot's count equals the appointments stored.
 */
const HALL = 'shenzhen-futian';
const CITIZENS = 300;
let h: Harness;
let openids: string[];
let business: string;

beforeAll(async () => {
  h = await startHarness();
  h.setNow(at('2026-12-01', '08:30'));
  openids = await seedVerifiedCitizens(h.cloud.url, 'burst', CITIZENS);
  business = loadSchedules().find((s) => s.hallId === HALL)!.businesses[0];
});
afterAll(async () => {
  await h.close();
});

test('a burst on one slot books exactly its capacity, for random capacities, run after run', async () => {
  const db = localDatabase(h.cloud.url);
  const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '14:00'];
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 3 }), async (windows, perWindow) => {
      const capacity = windows * perWindow;
      const start = starts[run % starts.length];
      const date = `2026-12-0${2 + Math.floor(run / starts.length)}`;
      run++;
      // This run's capacity: windows × people per window, nothing kept for walk-ins.
      await db.collection('hall_schedules').doc(HALL).update({ windows, perWindow, walkInShare: 0 });
      const slotId = `${HALL}:${date}:${start.replace(':', '')}`;
      const results = await Promise.all(
        openids.map((openid) => h.call('appointment', { action: 'reserve', data: { hallId: HALL, business, slotId }, requestId: requestId() }, openid)),
      );
      const booked = results.filter((r) => r.body.ok);
      const refused = results.filter((r) => !r.body.ok).map((r) => r.body.error.code);
      expect(booked).toHaveLength(capacity);
      expect(new Set(refused)).toEqual(refused.length ? new Set(['SLOT_FULL']) : new Set());
      const slot = (await db.collection('slots').doc(slotId).get()).data[0];
      const stored = await db.collection('appointments').where({ slotId, status: 'booked' }).count();
      expect(slot.booked).toBe(capacity);
      expect(stored.total).toBe(capacity);
      // Free the citizens' per-day and per-business claims for the next run.
      await db.collection('booking_claims').where({}).remove();
    }),
    { numRuns: 5 },
  );
});
