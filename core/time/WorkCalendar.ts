/**
 * Port: the official Chinese work calendar (国务院办公厅 holiday arrangements), by Asia/Shanghai
 * calendar date (YYYY-MM-DD). Production reads a maintained package
 * (server/time/chineseDaysCalendar.ts); tests use `calendarFrom` with the days they need.
 */
export interface WorkCalendar {
  /** A statutory holiday (法定节假日 and the days joined to it), weekends inside it included. */
  isStatutoryHoliday(date: string): boolean;
  /** A weekend day that is a working day to make up for a holiday (调休上班). */
  isAdjustedWorkday(date: string): boolean;
  /**
   * The Chinese name of the holiday a date belongs to (国庆节, 春节 …): for a statutory holiday,
   * or for an adjusted workday the name of the holiday it makes up for. Undefined otherwise.
   */
  holidayName(date: string): string | undefined;
}

/** The days of a calendar: date → holiday name. */
export interface CalendarDays {
  holidays: Readonly<Record<string, string>>;
  adjustedWorkdays: Readonly<Record<string, string>>;
}

/** A calendar over explicit days; every other date is an ordinary day. */
export function calendarFrom(days: CalendarDays): WorkCalendar {
  const has = (table: Readonly<Record<string, string>>, date: string) => Object.prototype.hasOwnProperty.call(table, date);
  return {
    isStatutoryHoliday: (date) => has(days.holidays, date),
    isAdjustedWorkday: (date) => has(days.adjustedWorkdays, date),
    holidayName: (date) => (has(days.holidays, date) ? days.holidays[date] : has(days.adjustedWorkdays, date) ? days.adjustedWorkdays[date] : undefined),
  };
}

/** A calendar with no holidays and no adjusted workdays: only a hall's own hours count. */
export const NO_HOLIDAYS: WorkCalendar = calendarFrom({ holidays: {}, adjustedWorkdays: {} });
