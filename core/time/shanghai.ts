import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Every business day, slot and opening hour is Asia/Shanghai's, whatever the server's own zone.
 * Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
 * dayjs's tz() and utcOffset() both read through the process's own zone and come out an hour off
 * when the Shanghai time falls in a local daylight-saving gap (e.g. under TZ=America/New_York), so
 * the wall clock is computed as UTC + 8 h and read in UTC mode.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The Asia/Shanghai wall clock of an instant, as a UTC-mode dayjs whose fields are Shanghai's:
 * format it or read its fields; do not convert it back to an instant (use shanghaiInstant).
 */
export function inShanghai(instant: Date | number | string): dayjs.Dayjs {
  return dayjs.utc(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date | number): string {
  return inShanghai(instant).format('YYYY-MM-DD');
}

/** "YYYY-MM-DD HH:mm" on the Shanghai wall clock: how the pages show a moment. */
export function shanghaiMinuteText(instant: Date | number | string): string {
  return inShanghai(instant).format('YYYY-MM-DD HH:mm');
}

/** Date and HH:mm on the Shanghai wall clock. */
export function shanghaiWallClock(instant: Date | number): { date: string; clock: string } {
  const local = inShanghai(instant);
  return { date: local.format('YYYY-MM-DD'), clock: local.format('HH:mm') };
}

/** The instant of a Shanghai wall-clock date and HH:mm. */
export function shanghaiInstant(date: string, clock = '00:00'): Date {
  return new Date(`${date}T${clock}:00+08:00`);
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
