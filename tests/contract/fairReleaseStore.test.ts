/**
 * Contract: the fair release store (issue 17) against the emulator through the real SDK, and the
 * same answers from the in-memory stand-in: one draw per hall-day and one application per id,
 * compare-and-set changes (of two racing on one version exactly one applies, arrays set whole),
 * draws due by window, counts by state; and the booking store's draw mark on slots.
 */
import type { FairReleaseStore } from '../../core/fairRelease/ports';
import type { ReleaseApplicationDoc, ReleaseDraw } from '../../core/fairRelease/ReleaseDraw';
import type { SlotPlan } from '../../core/booking/slots';
import { CloudbaseFairReleaseStore } from '../../server/fairRelease/CloudbaseFairReleaseStore';
import { CloudbaseBookingStore } from '../../server/booking/CloudbaseBookingStore';
import { InMemoryFairReleaseStore } from '../unit/support/InMemoryFairReleaseStore';
import { InMemoryBookingStore } from '../unit/support/bookingInMemoryStore';
import type { BookingStore } from '../../core/booking/ports';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

jest.setTimeout(60_000);

let e: EmulatedDatabase;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
afterEach(() => e.emulator.reset());
afterAll(() => e.close());

const T0 = Date.parse('2026-12-01T02:00:00Z');
const draw = (hallId: string, date: string, closesAfterMin: number): ReleaseDraw => ({
  _id: `${hallId}:${date}`,
  hallId,
  date,
  opensAt: new Date(T0),
  closesAt: new Date(T0 + closesAfterMin * 60_000),
  groups: ['elderly70', 'disabled'],
  commitment: 'c',
  seedEnc: 'enc',
  state: 'open',
  openedBy: 'o-lead',
  createdAt: new Date(T0),
  version: 0,
});
const application = (person: string, state: ReleaseApplicationDoc['state'] = 'applied'): ReleaseApplicationDoc => ({
  _id: `hall-a:2026-12-09:id-card:${person}`,
  drawId: 'hall-a:2026-12-09',
  hallId: 'hall-a',
  date: '2026-12-09',
  business: 'id-card',
  actorOpenid: `o-${person}`,
  subject: { residentId: `r-${person}`, idIndex: person, nameEnc: 'x' },
  preferences: ['hall-a:2026-12-09:0900', 'hall-a:2026-12-09:0930'],
  ticket: `t-${person}`,
  state,
  appliedAt: new Date(T0 + person.length * 1000),
  version: 0,
});

describe.each([
  ['CloudBase (emulator)', () => new CloudbaseFairReleaseStore(e.db) as FairReleaseStore],
  ['in memory', () => new InMemoryFairReleaseStore() as FairReleaseStore],
])('the fair release store: %s', (_name, make) => {
  test('draws: one per hall-day, compare-and-set, due by window, listed by date', async () => {
    const store = make();
    expect(await store.addDraw(draw('hall-a', '2026-12-09', 60))).toBe(true);
    expect(await store.addDraw(draw('hall-a', '2026-12-09', 30))).toBe(false);
    expect(await store.addDraw(draw('hall-b', '2026-12-08', 120))).toBe(true);
    const order = [
      { ticket: 't2', group: 'disabled' as const, applicationId: 'a2' },
      { ticket: 't1', applicationId: 'a1' },
    ];
    const raced = await Promise.all([
      store.changeDraw('hall-a:2026-12-09', 0, { state: 'drawing', seed: 's', order, settled: 0 }),
      store.changeDraw('hall-a:2026-12-09', 0, { runner: 'x' }),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    const a = (await store.draw('hall-a:2026-12-09'))!;
    expect(a.version).toBe(1);
    expect(a.closesAt).toEqual(new Date(T0 + 60 * 60_000));
    expect(a.order ?? order).toEqual(order);
    // A shorter order replaces the longer one whole.
    expect(await store.changeDraw(a._id, 1, { order: [order[1]!] })).toBe(true);
    expect((await store.draw(a._id))!.order).toEqual([order[1]]);
    expect((await store.drawsDue(new Date(T0 + 90 * 60_000), 10)).map((d) => d._id)).toEqual(['hall-a:2026-12-09']);
    expect((await store.draws('2026-12-01', 10)).map((d) => d._id)).toEqual(['hall-b:2026-12-08', 'hall-a:2026-12-09']);
    expect((await store.draws('2026-12-01', 10, 'hall-a')).map((d) => d._id)).toEqual(['hall-a:2026-12-09']);
  });

  test('applications: one per id, compare-and-set, by draw, counted by state, by actor', async () => {
    const store = make();
    expect(await store.addApplication(application('p1'))).toBe(true);
    expect(await store.addApplication(application('p1'))).toBe(false);
    expect(await store.addApplication(application('p22', 'withdrawn'))).toBe(true);
    const id = application('p1')._id;
    const raced = await Promise.all([store.changeApplication(id, 0, { state: 'withdrawn' }), store.changeApplication(id, 0, { preferences: ['hall-a:2026-12-09:1000'] })]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await store.changeApplication(id, 1, { state: 'placed', slotId: 'hall-a:2026-12-09:0900', appointmentId: 'ap' })).toBe(true);
    expect((await store.application(id))!).toMatchObject({ state: 'placed', version: 2, appliedAt: new Date(T0 + 2000) });
    expect((await store.applicationsOf('hall-a:2026-12-09')).map((a) => a.ticket)).toEqual(['t-p1', 't-p22']);
    expect(await store.countsOf('hall-a:2026-12-09')).toMatchObject({ placed: 1, withdrawn: 1 });
    expect((await store.ofActor('o-p1', 5)).map((a) => a.ticket)).toEqual(['t-p1']);
  });
});

const plan = (start: string): SlotPlan => ({ slotId: `hall-a:2026-12-09:${start.replace(':', '')}`, hallId: 'hall-a', date: '2026-12-09', start, end: '10:00', capacity: 1 });

describe.each([
  ['CloudBase (emulator)', () => new CloudbaseBookingStore(e.db, () => T0) as BookingStore],
  ['in memory', () => new InMemoryBookingStore(() => T0) as BookingStore],
])('the booking store’s draw mark: %s', (_name, make) => {
  test('a marked slot takes no first-click place, only the draw’s; cleared, it takes the public again', async () => {
    const store = make();
    await store.takePlace(plan('09:00'), 'early', null);
    await store.markReleaseDraw([plan('09:00'), plan('09:30')]);
    expect((await store.slot(plan('09:30').slotId))?.releaseDraw).toBe(true);
    expect(await store.takePlace(plan('09:30'), 'public', undefined)).toBe(false);
    expect(await store.takePlace(plan('09:30'), 'drawn', undefined, true)).toBe(true);
    expect(await store.takePlace(plan('09:30'), 'drawn', undefined, true)).toBe(true);
    await store.endReleaseDraw('hall-a', '2026-12-09');
    expect((await store.slots('hall-a', '2026-12-09')).filter((s) => s.releaseDraw)).toEqual([]);
    await store.releasePlace(plan('09:30').slotId, 'drawn');
    expect(await store.takePlace(plan('09:30'), 'public', undefined)).toBe(true);
  });
});
