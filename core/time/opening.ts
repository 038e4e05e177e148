import type { Hall, Session, SpecialHours } from '../guide/Hall';
import { isoWeekday } from './shanghai';
import type { WorkCalendar } from './WorkCalendar';

/** Why a hall has the sessions it has on a date. */
export type OpeningReason = 'special' | 'holiday' | 'adjustedWorkday' | 'regular' | 'closed';

export interface Opening {
  /** Empty when closed. The hall's own arrays, not copies. */
  sessions: Session[];
  reason: OpeningReason;
  /** The special period's label, the holiday's name (国庆节) or 国庆节调休上班. */
  label?: string;
}

/** The first of a hall's special periods covering a date (YYYY-MM-DD, inclusive range). */
export function specialOn(hall: Hall, date: string): SpecialHours | undefined {
  return hall.specialHours.find((s) => s.from <= date && date <= s.to);
}

/** Hours of an ordinary working day: Monday's, else those of the first day of the week with hours. */
export function workdaySessions(hall: Hall): Session[] {
  const byDay = [...hall.weeklyHours].filter((w) => w.sessions.length > 0).sort((a, b) => a.weekday - b.weekday);
  return byDay[0]?.sessions ?? [];
}

/**
 * When a hall is open on a Shanghai calendar date, in order of precedence:
 * 1. a special period of the hall (holiday duty, closure, extended hours);
 * 2. a statutory holiday closes it;
 * 3. an adjusted workday (调休上班, a weekend working day) opens it with its working-day hours;
 * 4. its weekly hours ('closed' when that weekday has none).
 */
export function openingOn(hall: Hall, date: string, calendar: WorkCalendar): Opening {
  const special = specialOn(hall, date);
  if (special) return { sessions: special.sessions, reason: 'special', label: special.label };
  if (calendar.isStatutoryHoliday(date)) {
    return { sessions: [], reason: 'holiday', label: calendar.holidayName(date) || '法定节假日' };
  }
  if (calendar.isAdjustedWorkday(date)) {
    const sessions = workdaySessions(hall);
    if (sessions.length > 0) return { sessions, reason: 'adjustedWorkday', label: `${calendar.holidayName(date) ?? ''}调休上班` };
  }
  const weekday = isoWeekday(date);
  const regular = hall.weeklyHours.find((w) => w.weekday === weekday);
  if (!regular) return { sessions: [], reason: 'closed' };
  return { sessions: regular.sessions, reason: regular.sessions.length > 0 ? 'regular' : 'closed' };
}
