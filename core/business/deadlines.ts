import { addDays, shanghaiDate, shanghaiInstant } from '../time/shanghai';
import type { WorkCalendar } from '../time/WorkCalendar';
import { addWorkingDays } from '../time/workingDays';

/**
 * The deadlines an application runs against (issue 15), each to the end of a working day in
 * Shanghai: the destination's review (the guide's promised working days, counted from
 * submission) and, for a cross-province migration, the origin station's move-out (5 working days
 * from the permit's issue: DOMAIN.md, "Cross-province items").
 */
export const MOVE_OUT_WORKING_DAYS = 5;

/** The instant the `n`th working day after `from`'s Shanghai date ends. */
export function endOfWorkingDays(from: Date, n: number, calendar: WorkCalendar): Date {
  return shanghaiInstant(addDays(addWorkingDays(shanghaiDate(from), n, calendar), 1));
}

export const moveOutDueAt = (permitIssuedAt: Date, calendar: WorkCalendar): Date => endOfWorkingDays(permitIssuedAt, MOVE_OUT_WORKING_DAYS, calendar);

/** When the review is due, or undefined when the guide promises no time (its legal time is told at the window). */
export function reviewDueAt(submittedAt: Date, promisedWorkingDays: number | null, calendar: WorkCalendar): Date | undefined {
  return promisedWorkingDays === null ? undefined : endOfWorkingDays(submittedAt, promisedWorkingDays, calendar);
}

/** Past its deadline and not done: flagged in queues (officers) and on the citizen's progress page. */
export const isOverdue = (dueAt: Date | undefined, doneAt: Date | undefined, now: Date): boolean => dueAt !== undefined && doneAt === undefined && now.getTime() >= dueAt.getTime();

/**
 * The last day a deadline allows (Shanghai date): deadlines end at midnight, so the day before the
 * instant; an instant in the middle of a day (a fixture, an older record) is that day. Shown as
 * "2026-03-09", never as "2026-03-10 00:00", which reads as a day later.
 */
export const lastDayOf = (dueAt: Date): string => shanghaiDate(new Date(dueAt.getTime() - 1));
