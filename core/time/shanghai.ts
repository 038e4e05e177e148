import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The zone of every business day, slot and opening hour, whatever the server's own zone. */
export const BUSINESS_ZONE = 'Asia/Shanghai';

/** An instant seen in Asia/Shanghai. */
export function inShanghai(instant: Date | number | string): dayjs.Dayjs {
  return dayjs(instant).tz(BUSINESS_ZONE);
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date | number): string {
  return inShanghai(instant).format('YYYY-MM-DD');
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const d = dayjs(`${date}T12:00:00Z`).utc().day();
  return d === 0 ? 7 : d;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return dayjs(`${date}T12:00:00Z`).utc().add(days, 'day').format('YYYY-MM-DD');
}

export { dayjs };
