import type { WorkCalendar } from '../time/WorkCalendar';
import { addDays, shanghaiDate } from '../time/shanghai';
import { addWorkingDays, onOrNextWorkingDay } from '../time/workingDays';
import type { ReissueApplication, ReissueState } from './ReissueApplication';
import type { ReissueConfig } from './ReissueConfig';

/**
 * The time limits of an application, as Asia/Shanghai dates (YYYY-MM-DD, the last day allowed):
 * - legal: the card is issued within 60 calendar days of the application (+30 in remote areas),
 *   counted from the day after submission; a last day that is a rest day or holiday moves to the
 *   next working day (config);
 * - promised: the city's own promise in working days, counted from the working day after
 *   submission (weekends and statutory holidays do not count; adjusted workdays 调休上班 do);
 * - review: the officers' target after payment, in working days.
 * The clock stops when the card is issued (shipped or held at a hall); a cancelled or rejected
 * application has no deadline left.
 */

export type DeadlineStatus = 'onTime' | 'pastPromised' | 'pastLegal' | 'met' | 'closed';

export interface Deadlines {
  submittedOn: string;
  legalDue: string;
  /** Calendar days the law allows this application (60, or more for a remote area). */
  legalDays: number;
  promisedDue: string;
  /** Known once paid. */
  reviewDue?: string;
  remote: boolean;
  status(now: Date): DeadlineStatus;
  /** Past the promised or the legal time and the card not issued yet. */
  overdue(now: Date): boolean;
}

export function isRemote(issuerDivisionCode: string, config: Pick<ReissueConfig, 'timeLimits'>): boolean {
  return config.timeLimits.remoteDivisions.some((prefix) => issuerDivisionCode.startsWith(prefix));
}

const ISSUED: readonly ReissueState[] = ['shipped', 'delivered', 'returned', 'heldAtHall', 'collected'];
const ENDED: readonly ReissueState[] = ['cancelled', 'rejected'];

type Timed = Pick<ReissueApplication, 'state' | 'submittedAt' | 'issuerDivisionCode' | 'timeline'>;

/** The deadlines of a submitted application; null for a draft. */
export function deadlines(app: Timed, calendar: WorkCalendar, config: Pick<ReissueConfig, 'timeLimits'>): Deadlines | null {
  if (!app.submittedAt || app.state === 'draft') return null;
  const limits = config.timeLimits;
  const submittedOn = shanghaiDate(app.submittedAt);
  const remote = isRemote(app.issuerDivisionCode, config);
  const legalDays = limits.legalDays + (remote ? limits.remoteExtraDays : 0);
  const bare = addDays(submittedOn, legalDays);
  const legalDue = limits.legalDueMovesToWorkday ? onOrNextWorkingDay(bare, calendar) : bare;
  const promisedDue = addWorkingDays(submittedOn, limits.promisedWorkingDays, calendar);
  const paid = app.timeline.find((t) => t.state === 'paid');
  const reviewDue = paid ? addWorkingDays(shanghaiDate(paid.at), limits.reviewWorkingDays, calendar) : undefined;

  const status = (now: Date): DeadlineStatus => {
    if (ISSUED.includes(app.state)) return 'met';
    if (ENDED.includes(app.state)) return 'closed';
    const today = shanghaiDate(now);
    if (today > legalDue) return 'pastLegal';
    if (today > promisedDue) return 'pastPromised';
    return 'onTime';
  };
  return {
    submittedOn,
    legalDue,
    legalDays,
    promisedDue,
    ...(reviewDue ? { reviewDue } : {}),
    remote,
    status,
    overdue: (now) => status(now) === 'pastPromised' || status(now) === 'pastLegal',
  };
}

/** Submitted and not paid within the days allowed to pay, whatever its payment is doing. */
export function payWindowOver(app: Pick<ReissueApplication, 'state' | 'submittedAt'>, now: Date, config: Pick<ReissueConfig, 'timeLimits'>): boolean {
  if (app.state !== 'submitted' || !app.submittedAt) return false;
  return now.getTime() >= app.submittedAt.getTime() + config.timeLimits.payWithinDays * 24 * 60 * 60 * 1000;
}

/**
 * Submitted, still unpaid (or the payment failed) and past the days allowed to pay: the system may
 * expire it. (A payment still pending must have its order closed first: settlePayment, 'expired'.)
 */
export function paymentOverdue(app: Pick<ReissueApplication, 'state' | 'submittedAt' | 'payment'>, now: Date, config: Pick<ReissueConfig, 'timeLimits'>): boolean {
  if (app.payment.status !== 'unpaid' && app.payment.status !== 'failed') return false;
  return payWindowOver(app, now, config);
}

/** Whether the review is late: paid or under review past the review target. */
export function reviewOverdue(app: Timed, now: Date, calendar: WorkCalendar, config: Pick<ReissueConfig, 'timeLimits'>): boolean {
  if (app.state !== 'paid' && app.state !== 'underReview') return false;
  const due = deadlines(app, calendar, config)?.reviewDue;
  return due !== undefined && shanghaiDate(now) > due;
}
