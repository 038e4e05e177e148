/**
 * Contract: the queue store's guarded writes against the emulator through the real SDK. A
 * ticket's compare-and-set lets one of two racing windows through; the walk-in quota is never
 * exceeded by concurrent desks; a repeated add stores one ticket; instants come back as Dates; the
 * green-channel mark replaces the null it starts as.
 */
import { bookedTicket, walkInTicket } from '../../core/queue/newTicket';
import { call, markGreen } from '../../core/queue/windowMoves';
import { CloudbaseQueueStore, PLACES_CACHE_MS } from '../../server/queue/CloudbaseQueueStore';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

let e: EmulatedDatabase;
let store: CloudbaseQueueStore;
beforeAll(async () => {
  e = await startEmulatedDatabase();
  store = new CloudbaseQueueStore(e.db);
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

const NOW = new Date('2026-12-02T01:05:00Z');
const DAY = '2026-12-02';

test('concurrent desks never give out more walk-in places than the quota', async () => {
  const taken = await Promise.all(Array.from({ length: 8 }, () => store.takeWalkInPlace('hall-a', DAY, 3)));
  expect(taken.filter(Boolean)).toHaveLength(3);
  expect(await store.takeWalkInPlace('hall-a', DAY, 3)).toBe(false);
  expect(await store.takeWalkInPlace('hall-b', DAY, 0)).toBe(false);
});

test('of two windows calling the same ticket at once, one gets it', async () => {
  const t = walkInTicket('w1', 'hall-a', DAY, 1, NOW);
  expect(await store.addTicket(t)).toBe(true);
  expect(await store.addTicket(t)).toBe(false);
  const results = await Promise.all(['1', '2'].map((w) => store.changeTicket(t._id, t.version, call(t, w, NOW))));
  expect(results.filter(Boolean)).toHaveLength(1);
  const stored = (await store.ticket(t._id))!;
  expect(stored).toMatchObject({ status: 'calling', version: 1, calls: 1 });
  expect(stored.lastCalledAt).toEqual(NOW);
  expect(stored.takenAt).toBeInstanceOf(Date);
});

test('the green mark replaces the null it starts as; the board reads the latest calls first', async () => {
  const a = bookedTicket({ _id: 'appt-1', hallId: 'hall-a', date: DAY, start: '09:00', business: 'id-card-renewal' }, 1, NOW);
  const b = walkInTicket('w2', 'hall-a', DAY, 2, NOW);
  await store.addTicket(a);
  await store.addTicket(b);
  expect(await store.changeTicket(b._id, 0, markGreen(b, 'elderly', 'officer-1', NOW)!)).toBe(true);
  expect((await store.ticket(b._id))!.green).toEqual({ reason: 'elderly', by: 'officer-1', at: NOW });
  const later = new Date(NOW.getTime() + 60_000);
  await store.changeTicket(a._id, 0, call(a, '1', NOW));
  const b1 = (await store.ticket(b._id))!;
  await store.changeTicket(b._id, b1.version, call(b1, '2', later));
  expect((await store.latestCalls('hall-a', DAY, 10)).map((t) => t._id)).toEqual([b._id, a._id]);
  expect((await store.ticketsOf('hall-a', DAY)).map((t) => t.number)).toEqual([1, 2]);
});

test("citizens' polls share one read of the hall-day for a couple of seconds; officers always read fresh", async () => {
  let now = 1_000_000;
  const polled = new CloudbaseQueueStore(e.db, () => now);
  await polled.addTicket(walkInTicket('w1', 'hall-a', DAY, 1, NOW));
  expect((await polled.ticketsForPlaces('hall-a', DAY)).map((t) => t._id)).toEqual(['w1']);
  await polled.addTicket(walkInTicket('w2', 'hall-a', DAY, 2, NOW));
  // Within the bound: the same read (the new number is not seen yet); an officer's read sees it.
  now += PLACES_CACHE_MS - 1;
  expect((await polled.ticketsForPlaces('hall-a', DAY)).map((t) => t._id)).toEqual(['w1']);
  expect((await polled.ticketsOf('hall-a', DAY)).map((t) => t._id)).toEqual(['w1', 'w2']);
  // Past it: read again. Another hall-day is a read of its own.
  now += 1;
  expect((await polled.ticketsForPlaces('hall-a', DAY)).map((t) => t._id)).toEqual(['w1', 'w2']);
  expect(await polled.ticketsForPlaces('hall-b', DAY)).toEqual([]);
});
