/**
 * Issue 10, the holes outside the fault matrix, against the real store on the emulator:
 * - a check-in racing a cancel says the appointment is no longer active, not ALREADY_CHECKED_IN;
 * - an officer's day view shows every real booking however many cancelled ones surround it, with
 *   counts from two reads of the day (issue 14: not four counts per business), 100 a page;
 * - a citizen's list pages with a cursor instead of silently stopping at 50;
 * - booking/cancel churn per account is capped (CANCEL_LIMIT).
 */
import type { BookingStore } from '../../core/booking/ports';
import type { Appointment } from '../../core/booking/Appointment';
import { FixedClock } from '../unit/support/InMemoryIdentityPorts';
import { startEmulatedDatabase, type EmulatedDatabase } from '../contract/support/emulatedDatabase';
import { act, at, BUSINESS, DAY, depsFor, HALL, seedSchedule, slotOf, storeOf } from './support/bookingFaultRig';

jest.setTimeout(120_000);

let e: EmulatedDatabase;
let clock: FixedClock;
let store: ReturnType<typeof storeOf>;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
beforeEach(async () => {
  await e.emulator.reset();
  await seedSchedule(e.db);
  clock = new FixedClock(at('2026-12-01', '08:30'));
  store = storeOf(e.db, clock);
});
afterAll(() => e.close());

let n = 0;
const reserve = (who: string, start: string) =>
  act(depsFor(who, store, clock), 'reserve', { hallId: HALL, business: BUSINESS, slotId: slotOf(start), requestId: `request-${n++}` });
const cancel = (who: string, id: string, s: BookingStore = store) => act(depsFor(who, s, clock), 'cancel', { appointmentId: id, requestId: `request-${n++}` });

/** Stored appointments made up directly (what churn or history left behind). */
async function insertAppointments(count: number, fill: (i: number) => Partial<Appointment>): Promise<void> {
  const now = clock.now();
  const base = {
    actorOpenid: 'churner',
    subjectResidentId: 'r',
    subjectIdIndex: 'idx-churner',
    subjectNameEnc: 'enc',
    hallId: HALL,
    business: BUSINESS,
    date: DAY,
    start: '09:00',
    end: '09:30',
    slotId: slotOf('09:00'),
    status: 'cancelled',
    claims: [],
    createdAt: now,
    updatedAt: now,
  };
  // Straight into the emulator's store (one request per document through the SDK takes a while).
  await e.emulator.direct.insert(
    'appointments',
    // Each with a 预约号 of its own (unique in the hall by the index hall_ref).
    Array.from({ length: count }, (_, i) => ({ ...base, _id: `made-${i}`, refNumber: String(90_000_000 + i), ...fill(i) })),
  );
}

test('a check-in that loses the race to a cancel says the appointment is no longer active', async () => {
  const booked = await reserve('citizen-a', '09:00');
  clock.set(at(DAY, '08:50'));
  const { data: ticket } = await act(depsFor('citizen-a', store, clock), 'ticket', { appointmentId: booked.data.id });
  // The cancel lands between the check-in's read of the appointment and its compare-and-set.
  let raced = false;
  const racing = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'changeStatus' || raced) return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<BookingStore['changeStatus']>) => {
        raced = true;
        clock.set(at('2026-12-01', '08:30'));
        expect((await cancel('citizen-a', booked.data.id)).code).toBe('ok');
        clock.set(at(DAY, '08:50'));
        return target.changeStatus(...args);
      };
    },
  });
  const answer = await act(depsFor('officer-a', racing, clock), 'checkIn', { token: ticket.token });
  expect(raced).toBe(true);
  expect(answer.code).toBe('APPOINTMENT_NOT_ACTIVE');
});

test("an officer's day shows every real booking and counts it, however many cancelled ones a citizen churned", async () => {
  await insertAppointments(1_000, () => ({}));
  const real = await reserve('citizen-a', '09:00');
  expect(real.code).toBe('ok');
  const day = await act(depsFor('officer-a', store, clock), 'hallDay', { hallId: HALL, date: DAY });
  expect(day.code).toBe('ok');
  expect(day.data.byBusiness.find((b: { business: string }) => b.business === BUSINESS)).toMatchObject({ booked: 1, cancelled: 1_000 });
  const listed = day.data.slots.flatMap((s: { appointments: Array<{ id: string }> }) => s.appointments.map((a) => a.id));
  expect(listed).toEqual([real.data.id]);
  const week = await act(depsFor('officer-a', store, clock), 'hallWeek', { hallId: HALL });
  expect(week.data.days.find((d: { date: string }) => d.date === DAY).slots[0].booked).toBe(1);
});

test("an officer's day takes a few database reads however many businesses the hall has (was 1 + 4 counts per business)", async () => {
  await insertAppointments(30, (i) => ({ business: `business-${i % 15}`, status: i % 3 ? 'booked' : 'cancelled', _id: `made-${i}` }));
  const handle = e.emulator.handle;
  let requests = 0;
  e.emulator.handle = (req, res) => {
    requests++;
    handle(req, res);
  };
  let day;
  try {
    day = await act(depsFor('officer-a', store, clock), 'hallDay', { hallId: HALL, date: DAY });
  } finally {
    e.emulator.handle = handle;
  }
  // The schedule (cached per instance after its first read), the day's first page, its counts.
  expect(requests).toBeLessThanOrEqual(4);
  expect(day.code).toBe('ok');
  // A business with cancelled ones only, not in the schedule, is counted too.
  expect(day.data.byBusiness).toHaveLength(15);
  expect(day.data.byBusiness.find((b: { business: string }) => b.business === 'business-0')).toMatchObject({ booked: 0, cancelled: 2 });
  expect(day.data.byBusiness.find((b: { business: string }) => b.business === 'business-1')).toMatchObject({ booked: 2, cancelled: 0 });
});

test("an officer's day pages with a cursor: 100 at most a page, all of them once in time order, counts on the first page (was the whole day in one answer)", async () => {
  // 250 listed over three slots (ids out of time order), beside cancelled ones that are only counted.
  const starts = ['09:00', '09:30', '10:00'];
  await insertAppointments(280, (i) => ({
    _id: `made-${String((i * 37) % 280).padStart(3, '0')}`,
    start: starts[i % 3],
    end: ['09:30', '10:00', '10:30'][i % 3],
    slotId: slotOf(starts[i % 3]),
    status: i < 250 ? (['booked', 'checkedIn', 'noShow'] as const)[i % 3] : 'cancelled',
  }));
  const pages: Array<{ slots: Array<{ start: string; appointments: Array<{ id: string; start: string; status: string }> }>; byBusiness?: unknown[]; next?: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await act(depsFor('officer-a', store, clock), 'hallDay', { hallId: HALL, date: DAY, ...(cursor ? { cursor } : {}) });
    expect(page.code).toBe('ok');
    pages.push(page.data);
    cursor = page.data.next;
  } while (cursor && pages.length < 10);
  expect(pages.map((p) => p.slots.reduce((n, s) => n + s.appointments.length, 0))).toEqual([100, 100, 50]);
  const listed = pages.flatMap((p) => p.slots.flatMap((s) => s.appointments));
  expect(new Set(listed.map((a) => a.id)).size).toBe(250);
  const order = listed.map((a) => `${a.start} ${a.id}`);
  expect(order).toEqual([...order].sort());
  expect(listed.some((a) => a.status === 'cancelled')).toBe(false);
  // Every page's slots hold their own start only.
  for (const p of pages) for (const s of p.slots) expect(new Set(s.appointments.map((a) => a.start))).toEqual(new Set([s.start]));
  expect(pages[0].byBusiness).toEqual([{ business: BUSINESS, title: expect.any(String), booked: 84, checkedIn: 83, noShow: 83, cancelled: 30 }]);
  expect(pages.slice(1).map((p) => p.byBusiness)).toEqual([undefined, undefined]);
});

test("a citizen's appointments page with a cursor: all of them, each once, newest first", async () => {
  const t0 = clock.now().getTime();
  // Some share a creation instant: the cursor must still neither repeat nor skip one.
  await insertAppointments(120, (i) => ({ actorOpenid: 'citizen-a', createdAt: new Date(t0 - Math.floor(i / 3) * 1000) }));
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await act(depsFor('citizen-a', store, clock), 'myAppointments', cursor ? { cursor } : {});
    expect(page.code).toBe('ok');
    seen.push(...page.data.appointments.map((a: { id: string }) => a.id));
    cursor = page.data.next;
    pages++;
  } while (cursor && pages < 10);
  expect(pages).toBe(3);
  expect(new Set(seen).size).toBe(120);
  expect(seen.slice(0, 3).sort()).toEqual(['made-0', 'made-1', 'made-2']);
});

test('booking and cancelling again and again is capped per account and day, with a clear error', async () => {
  for (let i = 0; i < 5; i++) {
    const booked = await reserve('citizen-a', '09:00');
    expect(booked.code).toBe('ok');
    expect((await cancel('citizen-a', booked.data.id)).code).toBe('ok');
  }
  const sixth = await reserve('citizen-a', '09:00');
  expect(sixth.code).toBe('ok');
  expect((await cancel('citizen-a', sixth.data.id)).code).toBe('CANCEL_LIMIT');
  // The booking stands, and another account is not affected.
  const other = await reserve('citizen-b', '09:00');
  expect((await cancel('citizen-b', other.data.id)).code).toBe('ok');
});
