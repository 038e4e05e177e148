import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { recordAudit } from '../../identity/recordAudit';
import { addDays, shanghaiDate } from '../../time/shanghai';
import type { BookingDeps } from '../../booking/BookingDeps';
import { DateInput } from '../../booking/actions/inputs';
import { describeDutyDay } from '../describe';
import { DutyDayFields, dutyBoard, dutyDayId, dutyDayProblems } from '../DutyDay';
import { isCalendarDate } from '../specialHoursRules';
import { requireLead } from './hours';

/** How far ahead a roster is planned and listed. */
export const ROSTER_DAYS_AHEAD = 62;
const LISTED_DAYS = 14;

const RosterView = lazySchema(() => z.object({ hallId: z.string(), hallName: z.string(), hallPhone: z.string(), from: z.string(), to: z.string(), days: z.array(DutyDayFields) }));

export const dutyRoster = defineAction({
  summary: "Admin or the hall's lead: the hall's duty days for 14 days from `from` (today when absent): windows, officers' display names, duty phone.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, from: z.optional(DateInput) })),
  output: RosterView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND'],
  async run({ hallId, from }, deps: BookingDeps) {
    const { hall } = await requireLead(deps, hallId);
    const start = from ?? shanghaiDate(deps.clock.now());
    const to = addDays(start, LISTED_DAYS - 1);
    const days = await deps.hallDuty.dutyDays(hallId, start, to);
    return { hallId, hallName: hall.name, hallPhone: hall.phone, from: start, to, days: days.map(dutyBoard) };
  },
});

/** A duty day may be planned from today up to ROSTER_DAYS_AHEAD days ahead. */
function requirePlannable(deps: BookingDeps, date: string): void {
  const today = shanghaiDate(deps.clock.now());
  if (!isCalendarDate(date) || date < today || date > addDays(today, ROSTER_DAYS_AHEAD)) throw new DomainError('HOURS_INVALID', `值班日期须在今天至${ROSTER_DAYS_AHEAD}天内`);
}

export const saveDutyDay = defineAction({
  summary:
    "Admin or the hall's lead: saves the duty board of one day (replacing it): the duty phone, and per window the officer's display name and what it handles. Citizens see it on the hall page at once. Audited with before and after.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, day: DutyDayFields })),
  output: lazySchema(() => z.object({ day: DutyDayFields })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND', 'HOURS_INVALID'],
  async run({ hallId, day }, deps: BookingDeps) {
    const { account } = await requireLead(deps, hallId);
    requirePlannable(deps, day.date);
    const problems = dutyDayProblems(day);
    if (problems.length) throw new DomainError('HOURS_INVALID', problems.join('；'));
    const [before] = await deps.hallDuty.dutyDays(hallId, day.date, day.date);
    const board = dutyBoard(day);
    await deps.hallDuty.saveDutyDay({ ...board, _id: dutyDayId(hallId, day.date), hallId, updatedAt: deps.clock.now(), updatedBy: account._id });
    await recordAudit(deps, account, {
      action: 'hall.saveDutyDay',
      hallId,
      target: dutyDayId(hallId, day.date),
      change: { before: describeDutyDay(before && dutyBoard(before)), after: describeDutyDay(board) },
    });
    return { day: board };
  },
});

export const deleteDutyDay = defineAction({
  summary: "Admin or the hall's lead: removes one day's duty board. Repeating it is no error (`deleted` says whether this call did). Audited.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, date: DateInput })),
  output: lazySchema(() => z.object({ deleted: z.boolean() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND'],
  async run({ hallId, date }, deps: BookingDeps) {
    const { account } = await requireLead(deps, hallId);
    const [before] = await deps.hallDuty.dutyDays(hallId, date, date);
    if (!before) return { deleted: false };
    const deleted = await deps.hallDuty.deleteDutyDay(hallId, date);
    if (deleted)
      await recordAudit(deps, account, {
        action: 'hall.deleteDutyDay',
        hallId,
        target: dutyDayId(hallId, date),
        change: { before: describeDutyDay(dutyBoard(before)), after: '无' },
      });
    return { deleted };
  },
});
