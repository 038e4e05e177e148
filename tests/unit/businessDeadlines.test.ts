/** Deadlines of business applications (issue 15): working days over the official calendar, ending at Shanghai midnight. */
import { isOverdue, moveOutDueAt, reviewDueAt } from '../../core/business/deadlines';
import { calendarFrom } from '../../core/time/WorkCalendar';

// 2026-09-25 is a Friday; the National Day holiday runs 10-01..10-08 with 09-28 (Sunday) worked instead, as in a real year's arrangement.
const holidays = Object.fromEntries(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'].map((d) => [d, '国庆节']));
const calendar = calendarFrom({ holidays, adjustedWorkdays: { '2026-09-27': '国庆节' } });

test('the move-out is due at the end of the 5th working day after the permit, holidays and made-up Sundays counted as the calendar says', () => {
  // Friday 10:00 Shanghai → Sun 27 (worked), Mon 28, Tue 29, Wed 30, then the holiday, then Fri 9 Oct.
  expect(moveOutDueAt(new Date('2026-09-25T02:00:00Z'), calendar)).toEqual(new Date('2026-10-09T16:00:00Z'));
  // Issued late on a Friday evening in Shanghai (after 16:00 UTC it is already Saturday there).
  expect(moveOutDueAt(new Date('2026-09-25T17:00:00Z'), calendar)).toEqual(new Date('2026-10-09T16:00:00Z'));
});

test('a review with no promised time has no deadline; overdue from the deadline on, never once done', () => {
  expect(reviewDueAt(new Date('2026-09-25T02:00:00Z'), null, calendar)).toBeUndefined();
  const due = reviewDueAt(new Date('2026-09-25T02:00:00Z'), 1, calendar)!;
  expect(due).toEqual(new Date('2026-09-27T16:00:00Z'));
  expect(isOverdue(due, undefined, new Date(due.getTime() - 1))).toBe(false);
  expect(isOverdue(due, undefined, due)).toBe(true);
  expect(isOverdue(due, new Date(due.getTime() + 1), new Date(due.getTime() + 2))).toBe(false);
  expect(isOverdue(undefined, undefined, due)).toBe(false);
});
