import { addDays, isoWeekday } from './shanghai';
import type { WorkCalendar } from './WorkCalendar';

/** Working-day arithmetic on Asia/Shanghai calendar dates (YYYY-MM-DD) over the official calendar. */

/** A working day: Monday–Friday outside statutory holidays, or an adjusted workday. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.isAdjustedWorkday(date)) return true;
  if (calendar.isStatutoryHoliday(date)) return false;
  return isoWeekday(date) <= 5;
}

/** The `n`th working day after `date` (`date` itself never counts); n = 0 gives `date`. */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days are a whole number ≥ 0');
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** The first working day on or after `date`. */
export function onOrNextWorkingDay(date: string, calendar: WorkCalendar): string {
  let day = date;
  // A year has far fewer than 60 consecutive days off; the bound only guards a broken calendar.
  for (let i = 0; i < 60 && !isWorkingDay(day, calendar); i += 1) day = addDays(day, 1);
  return day;
}
