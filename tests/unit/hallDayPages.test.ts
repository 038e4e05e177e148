/**
 * The officer's day view reads `hallDay` page by page (issue 14: a busy day was one ~100 KB answer)
 * and shows the whole day: every page once in order, a slot split over two pages shown as one, the
 * first page's counts, and never more than HALL_DAY_MAX_PAGES reads.
 */
import type { AppointmentView } from '../../core/booking/views';
import type { HallDayPage } from '../../src/services/bookingApi';
import { HALL_DAY_MAX_PAGES, mergeHallDayPages, readWholeHallDay } from '../../src/services/hallDayPages';

const appt = (id: string, start: string) => ({ id, start }) as AppointmentView;
const COUNTS = [{ business: 'b', title: 'B', booked: 3, checkedIn: 1, noShow: 0, cancelled: 2 }];

const PAGES: HallDayPage[] = [
  {
    hallId: 'h',
    date: '2026-12-09',
    slots: [
      { start: '09:00', end: '09:30', appointments: [appt('a', '09:00')] },
      { start: '09:30', end: '10:00', appointments: [appt('b', '09:30')] },
    ],
    byBusiness: COUNTS,
    next: 'c1',
  },
  { hallId: 'h', date: '2026-12-09', slots: [{ start: '09:30', end: '10:00', appointments: [appt('c', '09:30')] }], next: 'c2' },
  { hallId: 'h', date: '2026-12-09', slots: [{ start: '10:00', end: '10:30', appointments: [appt('d', '10:00')] }] },
];

test('pages merge into the whole day: slots in order, one split over pages joined, the first page’s counts', () => {
  const day = mergeHallDayPages(PAGES);
  expect(day.slots.map((s) => [s.start, s.appointments.map((a) => a.id)])).toEqual([
    ['09:00', ['a']],
    ['09:30', ['b', 'c']],
    ['10:00', ['d']],
  ]);
  expect(day.byBusiness).toEqual(COUNTS);
  // The pages themselves are left as they were.
  expect(PAGES[0].slots[1].appointments.map((a) => a.id)).toEqual(['b']);
});

test('reads the first page, then each next with the first page’s date, until the last', async () => {
  const calls: unknown[][] = [];
  const day = await readWholeHallDay(async (...args) => {
    calls.push(args);
    return PAGES[calls.length - 1];
  }, 'h');
  expect(calls).toEqual([
    ['h', undefined],
    ['h', '2026-12-09', 'c1'],
    ['h', '2026-12-09', 'c2'],
  ]);
  expect(day.slots.flatMap((s) => s.appointments.map((a) => a.id))).toEqual(['a', 'b', 'c', 'd']);
});

test('stops after HALL_DAY_MAX_PAGES pages however many a day claims to have', async () => {
  let reads = 0;
  await readWholeHallDay(async () => {
    reads++;
    return { ...PAGES[1], next: `c${reads}` };
  }, 'h');
  expect(reads).toBe(HALL_DAY_MAX_PAGES);
});
