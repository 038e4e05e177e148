import { HOME_VISIT_LIMITS } from './homeVisitNames';

/** When the officers come: a day and a span of clock times, in Asia/Shanghai. */
export interface VisitWindow {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  from: string;
  /** HH:mm */
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The calendar date `days` after `date` (no dayjs: the pages' subpackage imports this file). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * What is wrong with a proposed window, given today's date and the time now (both Asia/Shanghai);
 * undefined when it may be proposed. Pure, so the lead's form says the same as the function.
 */
export function windowProblem(w: VisitWindow, today: string, nowClock: string): string | undefined {
  if (!DATE.test(w.date) || !CLOCK.test(w.from) || !CLOCK.test(w.to)) return '请选择上门日期和时间';
  if (w.date < today || w.date > addDays(today, HOME_VISIT_LIMITS.daysAhead)) return `上门日期须在今天至${HOME_VISIT_LIMITS.daysAhead}天内`;
  if (w.from >= w.to) return '结束时间须晚于开始时间';
  if (w.from < HOME_VISIT_LIMITS.earliest || w.to > HOME_VISIT_LIMITS.latest) return `上门时间须在${HOME_VISIT_LIMITS.earliest}至${HOME_VISIT_LIMITS.latest}之间`;
  if (minutes(w.to) - minutes(w.from) > HOME_VISIT_LIMITS.maxWindowMinutes) return `上门时段不超过${HOME_VISIT_LIMITS.maxWindowMinutes / 60}小时`;
  if (w.date === today && w.from <= nowClock) return '上门时间须晚于现在';
  return undefined;
}

/** Why a visit cannot be marked done yet: its day has not come (Asia/Shanghai). */
export function completeProblem(w: VisitWindow | undefined, today: string): string | undefined {
  return w && w.date > today ? `约定的上门日期（${w.date}）未到，上门办理后再标记办结` : undefined;
}

/** Whether the arranged time is over (its day past, or today and its end passed) and the visit still open. */
export function isOverdue(w: VisitWindow | undefined, today: string, nowClock: string): boolean {
  return w !== undefined && (w.date < today || (w.date === today && w.to < nowClock));
}

/** '2026-12-05 09:00-11:00' */
export const windowText = (w: VisitWindow): string => `${w.date} ${w.from}-${w.to}`;
