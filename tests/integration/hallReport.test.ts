/**
 * Issue 16, the numbers a bureau reports: `hallReport` through the booking use case, counted by the
 * database's aggregation (server/statistics/CloudbaseStatisticsStore.ts) on the emulator, checked
 * against fixtures counted by hand; who may read them.
 */
import type { Appointment, AppointmentStatus } from '../../core/booking/Appointment';
import type { QueueTicket } from '../../core/queue/QueueTicket';
import { walkInTicket } from '../../core/queue/newTicket';
import { FixedClock } from '../unit/support/InMemoryIdentityPorts';
import { startEmulatedDatabase, type EmulatedDatabase } from '../contract/support/emulatedDatabase';
import { act, at, depsFor, HALL, seedSchedule, storeOf } from './support/bookingFaultRig';

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
  clock = new FixedClock(at('2026-12-08', '09:00'));
  store = storeOf(e.db, clock);
});
afterAll(() => e.close());

const RENEWAL = 'id-card-renewal';
const CERTIFICATE = 'household-certificate';

let made = 0;
/** Appointments as history left them, straight into the emulator's store. */
async function history(rows: Array<[date: string, start: string, business: string, status: AppointmentStatus, hallId?: string]>): Promise<void> {
  const now = clock.now();
  await e.emulator.direct.insert(
    'appointments',
    rows.map(([date, start, business, status, hallId = HALL]) => {
      const i = made++;
      const a: Appointment = {
        _id: `history-${i}`,
        actorOpenid: `citizen-${i}`,
        subjectResidentId: `r-${i}`,
        subjectIdIndex: `idx-${i}`,
        subjectNameEnc: 'enc',
        hallId,
        business,
        date,
        start,
        end: start.replace(':00', ':30'),
        slotId: `${hallId}:${date}:${start.replace(':', '')}`,
        refNumber: String(80_000_000 + i),
        status,
        claims: [],
        createdAt: now,
        updatedAt: now,
      };
      return a;
    }),
  );
}

const report = (who: string, period: unknown, hallId = HALL) => act(depsFor(who, store, clock), 'hallReport', { hallId, period });

test('a week of a hall, counted by hand: per business, per day, per hour, the no-show rate', async () => {
  await history([
    // Monday 30 November
    ['2026-11-30', '09:00', RENEWAL, 'checkedIn'],
    ['2026-11-30', '09:00', RENEWAL, 'noShow'],
    ['2026-11-30', '14:00', CERTIFICATE, 'checkedIn'],
    // Wednesday 2 December
    ['2026-12-02', '10:00', RENEWAL, 'checkedIn'],
    ['2026-12-02', '10:00', RENEWAL, 'cancelled'],
    ['2026-12-02', '10:30', CERTIFICATE, 'cancelled'],
    // Sunday 6 December
    ['2026-12-06', '09:30', RENEWAL, 'booked'],
    // Outside the week, or another hall's: not counted.
    ['2026-11-29', '09:00', RENEWAL, 'checkedIn'],
    ['2026-12-07', '09:00', RENEWAL, 'noShow'],
    ['2026-12-02', '09:00', RENEWAL, 'checkedIn', 'haikou-meilan'],
  ]);

  const { code, data } = await report('officer-a', { kind: 'week', date: '2026-12-02' });
  expect(code).toBe('ok');
  expect(data.period).toEqual({ from: '2026-11-30', to: '2026-12-06', label: '2026-11-30 至 2026-12-06' });
  // Not cancelled: 5 (3 checked in, 1 no-show, 1 still booked); 2 cancelled.
  expect(data.totals).toEqual({ appointments: 5, booked: 1, checkedIn: 3, noShow: 1, cancelled: 2 });
  expect(data.byBusiness).toEqual([
    { business: RENEWAL, title: '到期换领居民身份证', appointments: 4, booked: 1, checkedIn: 2, noShow: 1, cancelled: 1 },
    { business: CERTIFICATE, title: expect.any(String), appointments: 1, booked: 0, checkedIn: 1, noShow: 0, cancelled: 1 },
  ]);
  expect(data.byDay.map((d: { date: string; appointments: number; cancelled: number }) => [d.date, d.appointments, d.cancelled])).toEqual([
    ['2026-11-30', 3, 0],
    ['2026-12-01', 0, 0],
    ['2026-12-02', 1, 2],
    ['2026-12-03', 0, 0],
    ['2026-12-04', 0, 0],
    ['2026-12-05', 0, 0],
    ['2026-12-06', 1, 0],
  ]);
  // Cancelled ones take no place in an hour.
  expect(data.byHour).toEqual([
    { hour: '09', appointments: 3 },
    { hour: '10', appointments: 1 },
    { hour: '14', appointments: 1 },
  ]);
  // 1 no-show of 4 concluded (checked in or no-show).
  expect(data.noShowRate).toBe(0.25);
  expect(data.overbooking).toEqual({ kind: 'tooFewConcluded', sample: 4, needed: 50 });
});

test('a month with more groups than the 20 rows an aggregation answers without a limit: all counted', async () => {
  const statuses: AppointmentStatus[] = ['booked', 'checkedIn', 'noShow', 'cancelled'];
  const rows: Array<[string, string, string, AppointmentStatus]> = [];
  for (let day = 1; day <= 31; day++) {
    const date = `2026-12-${String(day).padStart(2, '0')}`;
    // Three a day: 93 appointments in 31 × 3 date-and-status groups.
    for (let i = 0; i < 3; i++) rows.push([date, i === 2 ? '15:00' : '09:00', i ? RENEWAL : CERTIFICATE, statuses[(day + i) % 4]]);
  }
  await history(rows);
  const { code, data } = await report('officer-a', { kind: 'month', month: '2026-12' });
  expect(code).toBe('ok');
  expect(data.period.label).toBe('2026年12月');
  expect(data.byDay).toHaveLength(31);
  const count = (s: AppointmentStatus) => rows.filter((r) => r[3] === s).length;
  expect(data.totals).toEqual({
    appointments: 93 - count('cancelled'),
    booked: count('booked'),
    checkedIn: count('checkedIn'),
    noShow: count('noShow'),
    cancelled: count('cancelled'),
  });
  expect(data.byDay.every((d: { appointments: number; cancelled: number }) => d.appointments + d.cancelled === 3)).toBe(true);
  // 46 checked in + no-show: still too few for a factor.
  expect(data.overbooking.kind).toBe('tooFewConcluded');
});

test('enough concluded appointments: a suggested factor for the hall’s slots (5 places: none to spare)', async () => {
  const rows: Array<[string, string, string, AppointmentStatus]> = [];
  for (let i = 0; i < 60; i++) rows.push(['2026-12-03', '09:00', RENEWAL, i < 6 ? 'noShow' : 'checkedIn']);
  await history(rows);
  const { data } = await report('officer-a', { kind: 'day', date: '2026-12-03' });
  expect(data.noShowRate).toBeCloseTo(0.1);
  // haikou-longhua: 4 windows × 2 people, 30% kept for walk-ins = 5 places a slot.
  expect(data.overbooking).toEqual({ kind: 'suggested', factor: 1, bookingsPerSlot: 5, capacity: 5, noShowRate: 0.1, sample: 60 });
});

test('who may read a hall’s numbers: its officers, not a citizen nor another hall’s officer', async () => {
  expect((await report('citizen-a', { kind: 'day', date: '2026-12-02' })).code).toBe('FORBIDDEN');
  expect((await report('officer-other', { kind: 'day', date: '2026-12-02' })).code).toBe('FORBIDDEN');
  expect((await report(undefined as unknown as string, { kind: 'day', date: '2026-12-02' })).code).toBe('UNAUTHENTICATED');
  expect((await report('officer-a', { kind: 'day', date: '2026-12-02' })).code).toBe('ok');
});

test('a holiday the calendar does not have that year, or a malformed period: a clear error, not an empty report', async () => {
  // The rig's calendar has no holidays.
  expect((await report('officer-a', { kind: 'holiday', year: 2027, holiday: '春节' })).code).toBe('REPORT_PERIOD_UNKNOWN');
  expect((await report('officer-a', { kind: 'month', month: '2026-13' })).code).toBe('INVALID_INPUT');
  expect((await report('officer-a', { kind: 'year', year: 2026 })).code).toBe('INVALID_INPUT');
  expect((await report('officer-a', { kind: 'day', date: '2026-12-02', hallId: 'x' })).code).toBe('INVALID_INPUT');
});

/** A queue ticket of the hall as a day on the floor left it: a walk-in's fresh ticket, then what happened to it. */
function ticket(i: number, over: Partial<QueueTicket>): QueueTicket {
  return { ...walkInTicket(`ticket-${i}`, HALL, '2026-12-02', i, at('2026-12-02', '09:00')), source: 'booked', ...over };
}

const minutesAfter = (date: Date, m: number) => new Date(date.getTime() + m * 60_000);

test('the floor of a day, counted by hand: walk-ins and booked arrivals, the green channel, waits, windows, consultations', async () => {
  const t0 = at('2026-12-02', '09:00');
  const served = (i: number, window: string, wait: number, service: number, over: Partial<QueueTicket> = {}) =>
    ticket(i, {
      status: 'done',
      window,
      firstCalledAt: minutesAfter(t0, wait),
      lastCalledAt: minutesAfter(t0, wait),
      servedAt: minutesAfter(t0, wait + 1),
      doneAt: minutesAfter(t0, wait + 1 + service),
      handled: RENEWAL,
      ...over,
    });
  await e.emulator.direct.insert('queue_tickets', [
    // Done: waits 10, 20, 30 → 20 min; services 4, 6, 8 → 6 min.
    served(1, '1', 10, 4),
    served(2, '2', 20, 6, { source: 'walkIn', green: { reason: 'elderly', by: 'officer-a', at: t0 } }),
    served(3, '1', 30, 8, { handled: CERTIFICATE }),
    // Missed after three skips; still waiting (a walk-in, green for an exam); another day's; another hall's.
    ticket(4, { status: 'missed', skips: 3 }),
    ticket(5, { source: 'walkIn', green: { reason: 'examinee', by: 'officer-a', at: t0 } }),
    ticket(6, { date: '2026-12-03', status: 'done' }),
    ticket(7, { hallId: 'haikou-meilan', status: 'done', window: '9' }),
  ]);
  const asked = (i: number, state: string, day = '2026-12-02') => ({
    _id: `c-${i}`,
    hallId: HALL,
    business: RENEWAL,
    askerOpenid: `citizen-${i}`,
    question: '需要带什么材料？',
    state,
    createdAt: at(day, '10:00'),
  });
  await e.emulator.direct.insert('consultations', [asked(1, 'open'), asked(2, 'answered'), asked(3, 'published'), asked(4, 'closed'), asked(5, 'answered', '2026-12-03')]);

  const { code, data } = await report('officer-a', { kind: 'day', date: '2026-12-02' });
  expect(code).toBe('ok');
  expect(data.floor).toEqual({
    bookedArrivals: 3,
    walkIns: 2,
    green: 2,
    greenByReason: [
      { reason: 'elderly', title: '老年人（60周岁以上）', count: 1 },
      { reason: 'examinee', title: '考生（急需办证应考）', count: 1 },
    ],
    served: 3,
    missed: 1,
    meanWaitMinutes: 20,
    meanServiceMinutes: 6,
    byWindow: [
      { window: '1', served: 2 },
      { window: '2', served: 1 },
    ],
    handled: [
      { business: RENEWAL, title: '到期换领居民身份证', count: 2 },
      { business: CERTIFICATE, title: expect.any(String), count: 1 },
    ],
    // Asked that day: 4 (one open, one answered, one published, one closed).
    consultations: { asked: 4, answered: 2, published: 1, closed: 1, open: 1 },
  });
});
