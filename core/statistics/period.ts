import type { WorkCalendar } from '../time/WorkCalendar';
import { addDays, isoWeekday } from '../time/shanghai';

/**
 * The period a hall's report covers (issue 16): a day, the ISO week (Monday to Sunday) of a date, a
 * calendar month, or a statutory holiday of a year as the State Council arranged it (春节, 国庆节 …:
 * its days off, weekends inside included, from the work calendar).
 */
export type ReportPeriod = { kind: 'day'; date: string } | { kind: 'week'; date: string } | { kind: 'month'; month: string } | { kind: 'holiday'; year: number; holiday: string };

/** The dates a period covers, first to last (Asia/Shanghai calendar dates), and how a page names it. */
export interface PeriodRange {
  from: string;
  to: string;
  /** 2026-12-02 / 2026-11-30 至 2026-12-06 / 2026年12月 / 2027年春节（2027-02-15 至 2027-02-23） */
  label: string;
}

/** The longest period a report covers: a month. */
export const MAX_REPORT_DAYS = 31;

function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Each run of consecutive statutory-holiday days of one name, from December of the year before to the end of `year`, that has a day in `year`. */
export function holidaysOf(year: number, calendar: WorkCalendar): Array<{ holiday: string; from: string; to: string }> {
  const runs: Array<{ holiday: string; from: string; to: string }> = [];
  const last = `${year}-12-31`;
  for (let date = `${year - 1}-12-01`; date <= last; date = addDays(date, 1)) {
    const name = calendar.isStatutoryHoliday(date) ? calendar.holidayName(date) : undefined;
    const open = runs[runs.length - 1];
    if (name && open && open.holiday === name && addDays(open.to, 1) === date) open.to = date;
    else if (name) runs.push({ holiday: name, from: date, to: date });
  }
  return runs.filter((r) => r.to >= `${year}-01-01`);
}

/** The dates of `period`; undefined for a holiday the calendar does not have that year. */
export function periodRange(period: ReportPeriod, calendar: WorkCalendar): PeriodRange | undefined {
  switch (period.kind) {
    case 'day':
      return { from: period.date, to: period.date, label: period.date };
    case 'week': {
      const from = addDays(period.date, 1 - isoWeekday(period.date));
      const to = addDays(from, 6);
      return { from, to, label: `${from} 至 ${to}` };
    }
    case 'month': {
      const [y, m] = period.month.split('-');
      return { from: `${period.month}-01`, to: `${period.month}-${String(daysInMonth(period.month)).padStart(2, '0')}`, label: `${y}年${Number(m)}月` };
    }
    case 'holiday': {
      const run = holidaysOf(period.year, calendar).find((r) => r.holiday === period.holiday);
      return run && { from: run.from, to: run.to, label: `${period.year}年${run.holiday}（${run.from} 至 ${run.to}）` };
    }
  }
}
