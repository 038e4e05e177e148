/**
 * Contract: the waiting list's store against the emulator through the real SDK, and the same
 * answers from the in-memory stand-in the unit tests use: one entry per person, the line in order,
 * compare-and-set moves (of racing changes on one version exactly one applies), offers due.
 */
import type { WaitlistStore } from '../../core/waitlist/ports';
import { waitEntryId, type WaitEntry } from '../../core/waitlist/WaitEntry';
import { CloudbaseWaitlistStore } from '../../server/waitlist/CloudbaseWaitlistStore';
import { InMemoryWaitlistStore } from '../unit/support/InMemoryWaitlistStore';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

let e: EmulatedDatabase;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

const T0 = Date.parse('2026-12-01T02:00:00Z');
const entry = (person: string, minutes: number, business = 'id-card'): WaitEntry => ({
  _id: waitEntryId('hall-a', '2026-12-09', business, person),
  hallId: 'hall-a',
  date: '2026-12-09',
  business,
  actorOpenid: `o-${person}`,
  subject: { residentId: `r-${person}`, idIndex: person, nameEnc: 'x' },
  joinedAt: new Date(T0 + minutes * 60_000),
  state: 'waiting',
  version: 0,
  offers: 0,
});

describe.each([
  ['CloudBase (emulator)', () => new CloudbaseWaitlistStore(e.db) as WaitlistStore],
  ['in memory', () => new InMemoryWaitlistStore() as WaitlistStore],
])('the waiting list store: %s', (_name, make) => {
  test('one entry per person; the line in join order; compare-and-set moves, one of two racing; offers due by time', async () => {
    const store = make();
    expect(await store.add(entry('p2', 2))).toBe(true);
    expect(await store.add(entry('p1', 1))).toBe(true);
    expect(await store.add(entry('p3', 3, 'certificate'))).toBe(true);
    expect(await store.add(entry('p1', 5))).toBe(false);
    expect((await store.firstWaiting('hall-a', '2026-12-09', 'id-card', 5)).map((x) => x.subject.idIndex)).toEqual(['p1', 'p2']);
    const first = (await store.firstWaiting('hall-a', '2026-12-09', 'id-card', 1))[0]!;
    const offer = { slotId: 's', holdId: 'h', until: new Date(T0 + 30 * 60_000) };
    const raced = await Promise.all([store.change(first._id, 0, { state: 'offered', offer, offers: 1 }), store.change(first._id, 0, { state: 'left' })]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    const now = (await store.entry(first._id))!;
    expect(now.version).toBe(1);
    expect(now.joinedAt).toEqual(new Date(T0 + 60_000));
    if (now.state === 'offered') {
      expect(now.offer?.until).toEqual(offer.until);
      expect(await store.offersDue(new Date(T0 + 29 * 60_000), 10)).toEqual([]);
      expect((await store.offersDue(new Date(T0 + 31 * 60_000), 10)).map((x) => x._id)).toEqual([first._id]);
    }
    expect((await store.firstWaiting('hall-a', '2026-12-09', 'id-card', 5)).map((x) => x.subject.idIndex)).toEqual(['p2']);
  });
});
