/**
 * Issue 17's waiting list rests on moving a place between holders in one update of the slot
 * document (docs/WAITLIST.md): a cancelled appointment's place becomes an offer's hold, a hold
 * becomes an accepted booking or the next offer, or goes back to the public. The booking store's
 * moves against the emulator through the real SDK: repeated, and raced.
 */
import type { SlotPlan } from '../../core/booking/slots';
import { CloudbaseBookingStore } from '../../server/booking/CloudbaseBookingStore';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

let e: EmulatedDatabase;
let store: CloudbaseBookingStore;
beforeAll(async () => {
  e = await startEmulatedDatabase();
  store = new CloudbaseBookingStore(e.db);
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

const plan: SlotPlan = { slotId: 'hall-a:2026-12-02:0900', hallId: 'hall-a', date: '2026-12-02', start: '09:00', end: '09:30', capacity: 2 };
const slot = async () => (await e.db.collection('slots').doc(plan.slotId).get()).data[0] as { booked: number; holders: string[]; holds?: Record<string, unknown> };
const hold = (entryId: string) => ({ entryId, until: new Date('2026-12-01T10:00:00Z') });

test('a place moves from an appointment to holds to another appointment, never free in between; a repeated move finds its result', async () => {
  expect(await store.takePlace(plan, 'a1')).toBe(true);
  expect(await store.takePlace(plan, 'a2')).toBe(true);
  expect(await store.offerPlace(plan.slotId, 'a1', 'h1', hold('w1'))).toBe(true);
  expect(await store.offerPlace(plan.slotId, 'a1', 'h1', hold('w1'))).toBe(true);
  expect(await slot()).toMatchObject({ booked: 2, holders: ['a2'], holds: { h1: { entryId: 'w1' } } });
  // The public finds the slot full while the offer runs.
  expect(await store.takePlace(plan, 'a-public')).toBe(false);
  expect(await store.passHold(plan.slotId, 'h1', 'h2', hold('w2'))).toBe(true);
  expect(await store.passHold(plan.slotId, 'h1', 'h2', hold('w2'))).toBe(true);
  expect(Object.keys((await slot()).holds ?? {})).toEqual(['h2']);
  expect(await store.acceptHold(plan.slotId, 'h2', 'a3')).toBe(true);
  expect(await store.acceptHold(plan.slotId, 'h2', 'a3')).toBe(true);
  expect(await slot()).toMatchObject({ booked: 2, holders: ['a2', 'a3'], holds: {} });
  // Nobody waiting: the place goes back to the public, once.
  expect(await store.offerPlace(plan.slotId, 'a2', 'h3', hold('w3'))).toBe(true);
  expect(await store.returnHold(plan.slotId, 'h3')).toBe(true);
  expect(await store.returnHold(plan.slotId, 'h3')).toBe(false);
  expect(await slot()).toMatchObject({ booked: 1, holders: ['a3'], holds: {} });
  expect(await store.takePlace(plan, 'a-public')).toBe(true);
});

test('an acceptance racing the offer passing on and the place going back: exactly one move of the hold is applied, and booked still counts every place', async () => {
  for (let round = 0; round < 10; round++) {
    e.emulator.reset();
    expect(await store.takePlace(plan, 'a1')).toBe(true);
    expect(await store.offerPlace(plan.slotId, 'a1', 'h1', hold('w1'))).toBe(true);
    const [accepted, passed, returned] = await Promise.all([
      store.acceptHold(plan.slotId, 'h1', 'a2'),
      store.passHold(plan.slotId, 'h1', 'h2', hold('w2')),
      store.returnHold(plan.slotId, 'h1'),
    ]);
    expect([accepted, passed, returned].filter(Boolean)).toHaveLength(1);
    const s = await slot();
    expect(s.booked).toBe(s.holders.length + Object.keys(s.holds ?? {}).length);
  }
});
