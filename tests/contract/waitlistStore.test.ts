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

  test("a hall's open entries within dates: waiting and offered ones, not those left, nor another hall's or day's", async () => {
    const store = make();
    await store.add(entry('p1', 1));
    await store.add(entry('p2', 2, 'certificate'));
    await store.add(entry('p3', 3));
    await store.add({ ...entry('p4', 4), _id: waitEntryId('hall-b', '2026-12-09', 'id-card', 'p4'), hallId: 'hall-b' });
    await store.add({ ...entry('p5', 5), _id: waitEntryId('hall-a', '2026-12-20', 'id-card', 'p5'), date: '2026-12-20' });
    await store.change(waitEntryId('hall-a', '2026-12-09', 'id-card', 'p1'), 0, { state: 'offered', offer: { slotId: 's', holdId: 'h', until: new Date(T0) }, offers: 1 });
    await store.change(waitEntryId('hall-a', '2026-12-09', 'id-card', 'p3'), 0, { state: 'left' });
    const open = await store.openOfHall('hall-a', '2026-12-08', '2026-12-10', 10);
    expect(open.map((x) => `${x.subject.idIndex}:${x.state}`).sort()).toEqual(['p1:offered', 'p2:waiting']);
    expect((await store.openOfHall('hall-a', '2026-12-08', '2026-12-20', 10)).map((x) => x.date)).toEqual(['2026-12-09', '2026-12-09', '2026-12-20']);
    expect(await store.openOfHall('hall-a', '2026-12-08', '2026-12-20', 1)).toHaveLength(1);
  });

  test('ahead counts who waits before an entry in its line (earlier, or as early with a smaller id)', async () => {
    const store = make();
    for (const [p, m] of [
      ['p1', 1],
      ['p2', 2],
      ['p0', 2],
      ['p3', 3],
    ] as const)
      await store.add(entry(p, m));
    await store.add(entry('p4', 0, 'certificate'));
    const of = async (p: string) => store.ahead((await store.entry(waitEntryId('hall-a', '2026-12-09', 'id-card', p)))!);
    expect([await of('p1'), await of('p0'), await of('p2'), await of('p3')]).toEqual([0, 1, 2, 3]);
    await store.change(waitEntryId('hall-a', '2026-12-09', 'id-card', 'p1'), 0, { state: 'left' });
    expect(await of('p3')).toBe(2);
  });

  test('open-list places: one per entry (taken again by its entry, renewed), none beyond 3, of racing claims only 3 win; a release is conditional on the place as read', async () => {
    const store = make();
    const at = new Date(T0);
    expect(await store.claimPlace('p1', 'e1', at)).toBe(true);
    expect(await store.claimPlace('p1', 'e1', new Date(T0 + 1000))).toBe(true);
    expect(await store.placesOf('p1')).toHaveLength(1);
    const raced = await Promise.all(['e2', 'e3', 'e4', 'e5'].map((id) => store.claimPlace('p1', id, at)));
    expect(raced.filter(Boolean)).toHaveLength(2);
    const places = await store.placesOf('p1');
    expect(places).toHaveLength(3);
    const mine = places.find((x) => x.entryId === 'e1')!;
    expect(mine.at).toEqual(new Date(T0 + 1000));
    // Read before a renewal: the release leaves the renewed place alone.
    await store.claimPlace('p1', 'e1', new Date(T0 + 2000));
    await store.releasePlace(mine);
    expect(await store.placesOf('p1')).toHaveLength(3);
    await store.releasePlace((await store.placesOf('p1')).find((x) => x.entryId === 'e1')!);
    expect((await store.placesOf('p1')).map((x) => x.entryId)).not.toContain('e1');
    expect(await store.claimPlace('p1', 'e6', at)).toBe(true);
    expect(await store.placesOf('p2')).toEqual([]);
  });
});
