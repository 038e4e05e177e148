import type { Hall, Session, SpecialHours } from './Hall';
import { addDays, isoWeekday, shanghaiWallClock } from '../time/shanghai';
import { openingOn } from '../time/opening';
import { NO_HOLIDAYS, type WorkCalendar } from '../time/WorkCalendar';

export interface DayHours {
  date: string;
  weekday: number;
  /** Empty when closed. */
  sessions: Session[];
  /**
   * What set these hours instead of the week, if anything: a special period's label (春节值班) or,
   * with a work calendar, a statutory holiday's name (国庆节) or an adjusted workday (国庆节调休上班).
   */
  special?: string;
}

export interface WeeklyHoursRow {
  /** e.g. 周一至周五, 周六 */
  days: string;
  sessions: Session[];
}

export interface HoursView {
  today: DayHours & { openNow: boolean };
  weekly: WeeklyHoursRow[];
  /** Special periods that have not ended, soonest first (holiday duty, closures, extended hours). */
  upcomingSpecial: SpecialHours[];
  note?: string;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * Opening hours of a hall on a YYYY-MM-DD date in Asia/Shanghai: special periods win over the
 * week. With a work calendar, statutory holidays close and adjusted workdays open as booking sees
 * them (core/time/opening.ts); without one, only the hall's own hours count.
 */
export function hoursOn(hall: Hall, date: string, calendar: WorkCalendar = NO_HOLIDAYS): DayHours {
  const weekday = isoWeekday(date);
  const { sessions, reason, label } = openingOn(hall, date, calendar);
  return reason === 'regular' || reason === 'closed' ? { date, weekday, sessions } : { date, weekday, sessions, special: label };
}

function sameSessions(a: Session[], b: Session[]): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end);
}

function dayRange(from: number, to: number): string {
  if (from === to) return WEEKDAY_NAMES[from];
  if (to === from + 1) return `${WEEKDAY_NAMES[from]}、${WEEKDAY_NAMES[to]}`;
  return `${WEEKDAY_NAMES[from]}至${WEEKDAY_NAMES[to]}`;
}

/** Groups consecutive weekdays with the same sessions: 周一至周五 09:00–12:00 13:30–17:00. */
export function weeklyRows(hall: Hall): WeeklyHoursRow[] {
  const rows: WeeklyHoursRow[] = [];
  let start = 0;
  let current: Session[] | null = null;
  for (let day = 1; day <= 8; day++) {
    const sessions = day <= 7 ? (hall.weeklyHours.find((w) => w.weekday === day)?.sessions ?? []) : null;
    if (current && (sessions === null || !sameSessions(current, sessions))) {
      rows.push({ days: dayRange(start, day - 1), sessions: current });
      current = null;
    }
    if (sessions && !current) {
      current = sessions;
      start = day;
    }
  }
  return rows.filter((r) => r.sessions.length > 0);
}

/** Everything a citizen needs to know about when to come, as of an instant. */
export function describeHours(hall: Hall, now: Date, horizonDays = 60, calendar?: WorkCalendar): HoursView {
  const { date, clock } = shanghaiWallClock(now);
  const today = hoursOn(hall, date, calendar);
  const openNow = today.sessions.some((s) => s.start <= clock && clock < s.end);
  const horizon = addDays(date, horizonDays);
  const upcomingSpecial = hall.specialHours.filter((s) => s.to >= date && s.from <= horizon).sort((a, b) => a.from.localeCompare(b.from));
  return { today: { ...today, openNow }, weekly: weeklyRows(hall), upcomingSpecial, note: hall.hoursNote };
}
