/**
 * Contract: the booking store's guarded writes against the emulator through the real SDK, under
 * races and repeats (a write the SDK or the network applied twice, or applied after its caller gave
 * up). Each case is one of the causes of issue 10: a false SLOT_FULL, a false ALREADY_BOOKED /
 * ONE_PER_DAY, a place given back twice, another booking's claim removed.
 */
import type { Appointment } from '../../core/booking/Appointment';
import { NUMBER_TAKEN } from '../../core/booking/ports';
import type { SlotPlan } from '../../core/booking/slots';
import { CloudbaseBookingStore, ORPHAN_CLAIM_AFTER_MS } from '../../server/booking/CloudbaseBookingStore';
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

const plan = (capacity: number): SlotPlan => ({ slotId: 'hall-a:2026-12-02:0900', hallId: 'hall-a', date: '2026-12-02', start: '09:00', end: '09:30', capacity });
const slot = async () => (await e.db.collection('slots').doc(plan(0).slotId).get()).data[0];

test('the first bookers of a slot that does not exist yet all get a place while places remain (no false SLOT_FULL)', async () => {
  const taken = await Promise.all(Array.from({ length: 30 }, (_, i) => store.takePlace(plan(30), `appt-${i}`)));
  expect(taken.filter(Boolean)).toHaveLength(30);
  expect((await slot()).booked).toBe(30);
});

test('bookers who read the slot as not stored yet create it first; all get a place while places remain, none past capacity', async () => {
  const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => store.takePlace(plan(30), `appt-${i}`, null)));
  expect(taken.filter(Boolean)).toHaveLength(30);
  expect((await slot()).booked).toBe(30);
});

test('a place never goes past capacity, and a repeated take of one booking takes one place', async () => {
  const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => store.takePlace(plan(10), `appt-${i % 20}`)));
  expect((await slot()).booked).toBe(10);
  expect(new Set(taken.map((t, i) => (t ? `appt-${i % 20}` : undefined)).filter(Boolean)).size).toBe(10);
  // A retry of a booking that holds a place is told it holds it, even with the slot full.
  const holder = (await slot()).holders[0];
  expect(await store.takePlace(plan(10), holder)).toBe(true);
  expect((await slot()).booked).toBe(10);
});

test('giving a place back twice gives back one place, and only the holder’s', async () => {
  expect(await store.takePlace(plan(5), 'appt-a')).toBe(true);
  expect(await store.takePlace(plan(5), 'appt-b')).toBe(true);
  await store.releasePlace(plan(5).slotId, 'appt-a');
  await store.releasePlace(plan(5).slotId, 'appt-a');
  await store.releasePlace(plan(5).slotId, 'appt-nobody');
  expect((await slot()).booked).toBe(1);
});

test('a claim taken again by the same booking (a retried add) is still that booking’s; another booking is refused', async () => {
  expect(await store.takeClaim('day:p1:2026-12-02', 'appt-a')).toBe(true);
  expect(await store.takeClaim('day:p1:2026-12-02', 'appt-a')).toBe(true);
  expect(await store.takeClaim('day:p1:2026-12-02', 'appt-b')).toBe(false);
});

test('releasing claims removes only those the booking holds, never a newer booking’s', async () => {
  await store.takeClaim('active:p1:renewal', 'appt-new');
  await store.takeClaim('day:p1:2026-12-02', 'appt-old');
  await store.releaseClaims(['active:p1:renewal', 'day:p1:2026-12-02'], 'appt-old');
  expect(await store.takeClaim('active:p1:renewal', 'appt-other')).toBe(false);
  expect(await store.takeClaim('day:p1:2026-12-02', 'appt-other')).toBe(true);
});

test('an appointment insert repeated after it was applied answers the stored one, as it is now; a different appointment under that id is refused', async () => {
  const now = new Date();
  const a = { _id: 'appt-1', actorOpenid: 'o1', slotId: plan(1).slotId, status: 'booked', claims: [], createdAt: now, updatedAt: now } as unknown as Appointment;
  await expect(store.addAppointment(a)).resolves.toBeNull();
  await expect(store.addAppointment(a)).resolves.toMatchObject({ _id: 'appt-1', status: 'booked' });
  await store.changeStatus('appt-1', 'booked', { status: 'cancelled' });
  await expect(store.addAppointment(a)).resolves.toMatchObject({ _id: 'appt-1', status: 'cancelled' });
  await expect(store.addAppointment({ ...a, actorOpenid: 'o2' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
});

test('a 预约号 another appointment of the hall holds is refused by the unique index (NUMBER_TAKEN, nothing stored); another hall may hold it; found by number', async () => {
  const now = new Date();
  const a = (id: string, hallId: string, refNumber: string) =>
    ({
      _id: id,
      actorOpenid: `o-${id}`,
      hallId,
      slotId: `${hallId}:2026-12-02:0900`,
      refNumber,
      status: 'booked',
      claims: [],
      createdAt: now,
      updatedAt: now,
    }) as unknown as Appointment;
  await expect(store.addAppointment(a('appt-1', 'hall-a', '12345674'))).resolves.toBeNull();
  await expect(store.addAppointment(a('appt-2', 'hall-a', '12345674'))).resolves.toBe(NUMBER_TAKEN);
  await expect(store.appointment('appt-2')).resolves.toBeNull();
  await expect(store.addAppointment(a('appt-2', 'hall-a', '12345680'))).resolves.toBeNull();
  await expect(store.addAppointment(a('appt-3', 'hall-b', '12345674'))).resolves.toBeNull();
  // Its own id with a number now free (a retry of a stored booking): the stored one, its number kept.
  await expect(store.addAppointment(a('appt-1', 'hall-a', '99999990'))).resolves.toMatchObject({ _id: 'appt-1', refNumber: '12345674' });
  await expect(store.appointmentByNumber('hall-a', '12345674')).resolves.toMatchObject({ _id: 'appt-1' });
  await expect(store.appointmentByNumber('hall-b', '12345674')).resolves.toMatchObject({ _id: 'appt-3' });
  await expect(store.appointmentByNumber('hall-b', '12345680')).resolves.toBeNull();
  // Concurrent inserts of one number in one hall: exactly one is stored.
  const raced = await Promise.all(Array.from({ length: 8 }, (_, i) => store.addAppointment(a(`race-${i}`, 'hall-c', '55555553'))));
  expect(raced.filter((r) => r === null)).toHaveLength(1);
  expect(raced.filter((r) => r === NUMBER_TAKEN)).toHaveLength(7);
});

test('claims taken in one request: all created, or false when any exists (then the free ones can still be taken one by one)', async () => {
  const ids = ['active:p9:renewal', 'day:p9:2026-12-02', 'week:p9:2026-11-30:1'];
  expect(await store.takeClaims(ids, 'appt-a')).toBe(true);
  for (const id of ids) expect(await store.takeClaim(id, 'appt-a')).toBe(true);
  expect(await store.takeClaims(['active:p9:other', 'day:p9:2026-12-02'], 'appt-b')).toBe(false);
  expect(await store.takeClaim('day:p9:2026-12-02', 'appt-b')).toBe(false);
  expect(await store.takeClaim('active:p9:other', 'appt-b')).toBe(true);
  expect(await store.takeClaims([], 'appt-c')).toBe(true);
});

test('a claim older than any function run whose appointment never came refuses nobody: taken over once; a younger one, or one whose appointment exists, still refuses', async () => {
  let now = Date.parse('2026-12-01T00:30:00Z');
  const timed = new CloudbaseBookingStore(e.db, () => now);
  expect(await timed.takeClaim('active:p1:renewal', 'appt-died')).toBe(true);
  expect(await timed.takeClaim('day:p1:2026-12-02', 'appt-kept')).toBe(true);
  await e.db.collection('appointments').add({ _id: 'appt-kept', status: 'booked' });
  // Within a function's lifetime the first booking may still be on its way.
  expect(await timed.takeClaim('active:p1:renewal', 'appt-new')).toBe(false);
  now += ORPHAN_CLAIM_AFTER_MS + 1;
  const both = await Promise.all([timed.takeClaim('active:p1:renewal', 'appt-new'), timed.takeClaim('active:p1:renewal', 'appt-other')]);
  expect(both.filter(Boolean)).toHaveLength(1);
  expect(await timed.takeClaim('day:p1:2026-12-02', 'appt-new')).toBe(false);
});

test('a cursor the client made up reads as the first page, never as an error', async () => {
  await e.db.collection('appointments').add({ _id: 'appt-1', actorOpenid: 'o1', createdAt: new Date('2026-12-01T00:00:00Z'), status: 'booked' });
  for (const made of ['not-base64-json', Buffer.from('[1e999,"x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
    expect((await store.appointmentsOf('o1', 50, made)).items.map((a) => a._id)).toEqual(['appt-1']);
  }
});

test('openSlots creates the missing slots of a day empty, in one insert; a stored one (with its places) is left alone, and so is a racing creator’s', async () => {
  const day = (capacity: number) => ['0900', '0930', '1000'].map((t) => ({ ...plan(capacity), slotId: `hall-a:2026-12-02:${t}`, start: `${t.slice(0, 2)}:${t.slice(2)}` }));
  expect(await store.takePlace(day(5)[1]!, 'appt-a', null)).toBe(true);
  await expect(store.openSlots(day(5))).resolves.toBe(2);
  await expect(store.openSlots(day(5))).resolves.toBe(0);
  const stored = (await e.db.collection('slots').where({ hallId: 'hall-a' }).get()).data as Array<{ _id: string; booked: number; holders: string[] }>;
  expect(stored.map((s) => [s._id, s.booked, s.holders]).sort()).toEqual([
    ['hall-a:2026-12-02:0900', 0, []],
    ['hall-a:2026-12-02:0930', 1, ['appt-a']],
    ['hall-a:2026-12-02:1000', 0, []],
  ]);
  // Openings racing bookers that create slots too: every slot exists once, every place taken is kept.
  const other = day(5).map((p) => ({ ...p, date: '2026-12-03', slotId: p.slotId.replace('12-02', '12-03') }));
  const [, ...taken] = await Promise.all([store.openSlots(other), ...other.map((p, i) => store.takePlace(p, `appt-${i}`, null))]);
  expect(taken).toEqual([true, true, true]);
  const after = (await e.db.collection('slots').where({ date: '2026-12-03' }).get()).data as Array<{ booked: number }>;
  expect(after.map((s) => s.booked)).toEqual([1, 1, 1]);
});

test('an hours edit closes slots, stored or not, while bookers race it: no place is taken in a closed slot, the places held are counted; reopened, they take places again', async () => {
  const other: SlotPlan = { ...plan(3), slotId: 'hall-a:2026-12-02:0930', start: '09:30', end: '10:00' };
  expect(await store.takePlace(plan(3), 'appt-before')).toBe(true);
  // Closing one stored slot and one not stored, with bookers creating and taking meanwhile.
  const [held, ...taken] = await Promise.all([
    store.closeSlots([plan(3), other]),
    ...Array.from({ length: 6 }, (_, i) => store.takePlace(i % 2 ? other : plan(3), `appt-${i}`, i < 2 ? null : undefined)),
  ]);
  const stored = (await e.db.collection('slots').where({ hallId: 'hall-a' }).get()).data as Array<{ _id: string; booked: number; closed?: boolean }>;
  expect(stored.map((s) => s.closed)).toEqual([true, true]);
  // What the close counted is what the slots hold; after it, nobody took one.
  expect(held).toBe(stored.reduce((n, s) => n + s.booked, 0));
  expect(taken.filter(Boolean).length).toBe(held - 1);
  expect(await store.takePlace(plan(3), 'appt-after')).toBe(false);
  expect(await store.takePlace(other, 'appt-after', null)).toBe(false);
  await store.reopenSlots([plan(3).slotId, other.slotId]);
  // (With room: the racing bookers may have filled its three places before the close.)
  expect(await store.takePlace({ ...other, capacity: 10 }, 'appt-after')).toBe(true);
  expect(((await e.db.collection('slots').doc(other.slotId).get()).data[0] as { closed: boolean }).closed).toBe(false);
});
