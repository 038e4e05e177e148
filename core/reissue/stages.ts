import * as z from 'zod/mini';
import type { WorkCalendar } from '../time/WorkCalendar';
import { shanghaiMinuteText, shanghaiDate } from '../time/shanghai';
import type { ReissueApplication, ReissueState } from './ReissueApplication';
import type { ReissueConfig } from './ReissueConfig';
import { PAYMENT_STATUS_NAMES, STATE_NAMES, courierName } from './names';
import { deadlines } from './timeLimits';
import { lazySchema } from '../function/lazySchema';

/**
 * An application's progress as a stage bar: 受理 → 审核 → 制证 → 寄出 → 签收 for a card by mail,
 * 受理 → 审核 → 制证 → 待领取 → 已领取 for one collected at a hall (also a mailed card that came
 * back and waits at a hall). Each stage is done, current or ahead, with the Shanghai time it was
 * reached; the legal deadline goes with the current stage. An application off the path (rejected,
 * cancelled or expired, a parcel returned) stops the bar at the stage it had reached and says why.
 * Invariants (tests/unit/reissueStages.test.ts): the done stages are a prefix; a bar going on has
 * exactly one current stage, a stopped bar exactly one stopped stage, a finished bar all done.
 */

export const STAGE_KEYS = ['accepted', 'review', 'production', 'shipped', 'delivered', 'heldAtHall', 'collected'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const ProgressStage = lazySchema(() =>
  z.object({
    key: z.enum(STAGE_KEYS),
    name: z.string(),
    status: z.enum(['done', 'current', 'stopped', 'ahead']),
    /** ISO instant the stage was reached, and the same as Shanghai wall clock YYYY-MM-DD HH:mm. */
    at: z.optional(z.string()),
    atText: z.optional(z.string()),
    /** Under the stage: where the current stage stands, the courier and number, why the bar stopped. */
    detail: z.optional(z.string()),
    /** With the current stage only: the legal time limit. */
    deadline: z.optional(z.object({ legalDue: z.string(), text: z.string(), overdue: z.boolean() })),
  }),
);
export type ProgressStage = z.infer<typeof ProgressStage>;

export const Progress = lazySchema(() =>
  z.object({
    status: z.enum(['going', 'finished', 'stopped']),
    stages: z.array(ProgressStage),
    /** Why the bar stopped (also the stopped stage's detail). */
    stopReason: z.optional(z.string()),
    /** A turn the path took, e.g. a mailed card returned and now held at a hall. */
    note: z.optional(z.string()),
  }),
);
export type Progress = z.infer<typeof Progress>;

export interface ProgressContext {
  now: Date;
  calendar: WorkCalendar;
  config: Pick<ReissueConfig, 'timeLimits'>;
}

const MAIL_PATH: readonly StageKey[] = ['accepted', 'review', 'production', 'shipped', 'delivered'];
const HALL_PATH: readonly StageKey[] = ['accepted', 'review', 'production', 'heldAtHall', 'collected'];

const STAGE_NAMES: Record<StageKey, string> = {
  accepted: '受理',
  review: '审核',
  production: '制证',
  shipped: '寄出',
  delivered: '签收',
  heldAtHall: '待领取',
  collected: '已领取',
};

/** The stage each state on the path belongs to; states off the path have none. */
const STAGE_OF: Partial<Record<ReissueState, StageKey>> = {
  draft: 'accepted',
  submitted: 'accepted',
  paid: 'review',
  underReview: 'review',
  approved: 'production',
  inProduction: 'production',
  shipped: 'shipped',
  delivered: 'delivered',
  heldAtHall: 'heldAtHall',
  collected: 'collected',
};

/** The card is in the citizen's hands: the last stage is done, nothing is current. */
const FINISHED: readonly ReissueState[] = ['delivered', 'collected'];
/** The card has left production (the legal clock stopped then). */
const ISSUED: readonly ReissueState[] = ['shipped', 'delivered', 'returned', 'heldAtHall', 'collected'];

type Entry = ReissueApplication['timeline'][number];
const timeOf = (e: Entry) => ({ at: e.at.toISOString(), atText: shanghaiMinuteText(e.at) });

/**
 * When each stage was reached: the first entry into one of its states (受理 counts from the
 * submission, not the draft); 寄出 from the latest shipment, which replaced any earlier one.
 */
function reachedAt(timeline: readonly Entry[], stage: StageKey): Entry | undefined {
  const into = timeline.filter((e) => STAGE_OF[e.state] === stage && e.state !== 'draft');
  return stage === 'shipped' ? into.at(-1) : into[0];
}

/** The path stage an application off the path had reached: that of its last state on the path. */
function lastOnPath(timeline: readonly Entry[]): StageKey {
  for (let i = timeline.length - 1; i >= 0; i -= 1) {
    const stage = STAGE_OF[timeline[i].state];
    if (stage) return stage;
  }
  return 'accepted';
}

function refundText(app: ReissueApplication): string {
  const s = app.payment.status;
  return s === 'refunding' || s === 'refunded' || s === 'refundFailed' || s === 'returnDue' || s === 'returnedByHand' ? `；费用${PAYMENT_STATUS_NAMES[s]}` : '';
}

/** Why the bar stops, or undefined while the application is on its path. */
function stopReason(app: ReissueApplication): string | undefined {
  if (app.state === 'rejected') return `审核未通过${app.rejectionReason ? `：${app.rejectionReason}` : ''}${refundText(app)}`;
  if (app.state === 'cancelled') {
    const expired = app.timeline.some((e) => e.event === 'expire');
    return `${expired ? '逾期未缴费，申请已自动取消' : '申请已取消'}${refundText(app)}`;
  }
  if (app.state === 'returned') {
    const note = app.timeline.at(-1)?.event === 'markReturned' ? app.timeline.at(-1)?.note : undefined;
    return `快件被退回${note ? `（${note}）` : ''}，等待重新寄出或改为大厅领取`;
  }
  return undefined;
}

function deadlineOf(app: ReissueApplication, { now, calendar, config }: ProgressContext): ProgressStage['deadline'] {
  const limits = deadlines(app, calendar, config);
  if (!limits) return undefined;
  const days = config.timeLimits.legalDays + (limits.remote ? config.timeLimits.remoteExtraDays : 0);
  const { legalDue, promisedDue } = limits;
  const status = limits.status(now);
  const overdue = limits.overdue(now);
  if (status === 'met') {
    const issued = app.timeline.find((e) => ISSUED.includes(e.state));
    const late = issued !== undefined && shanghaiDate(issued.at) > legalDue;
    return { legalDue, overdue: false, text: late ? `证件在法定时限 ${legalDue} 之后制发` : `证件已在法定时限 ${legalDue} 前制发` };
  }
  if (status === 'pastLegal') return { legalDue, overdue, text: `已超过法定时限 ${legalDue}（${days}日）` };
  if (status === 'pastPromised') return { legalDue, overdue, text: `已超过承诺办结日 ${promisedDue}；法定时限 ${legalDue}（${days}日）` };
  return { legalDue, overdue, text: `法定时限：${legalDue} 前办结（${days}日）` };
}

export function progressOf(app: ReissueApplication, context: ProgressContext): Progress {
  const atHall = app.delivery.kind === 'hall' || app.state === 'heldAtHall' || app.state === 'collected';
  const path = atHall ? HALL_PATH : MAIL_PATH;
  const reason = stopReason(app);
  const here = STAGE_OF[app.state] ?? lastOnPath(app.timeline);
  const hereIndex = path.indexOf(here);
  const finished = FINISHED.includes(app.state);
  const shipment = app.shipment ? `${courierName(app.shipment.courier)} ${app.shipment.trackingNumber}` : undefined;

  const stages = path.map((key, i): ProgressStage => {
    const reached = i <= hereIndex ? reachedAt(app.timeline, key) : undefined;
    const status: ProgressStage['status'] = i < hereIndex || (i === hereIndex && finished) ? 'done' : i > hereIndex ? 'ahead' : reason ? 'stopped' : 'current';
    const detail = status === 'stopped' ? reason : key === 'shipped' && shipment && status !== 'ahead' ? shipment : status === 'current' ? STATE_NAMES[app.state] : undefined;
    const deadline = status === 'current' ? deadlineOf(app, context) : undefined;
    return {
      key,
      name: STAGE_NAMES[key],
      status,
      ...(reached ? timeOf(reached) : {}),
      ...(detail ? { detail } : {}),
      ...(deadline ? { deadline } : {}),
    };
  });
  const returnedThenHeld = app.delivery.kind === 'mail' && path === HALL_PATH;
  return {
    status: reason ? 'stopped' : finished ? 'finished' : 'going',
    stages,
    ...(reason ? { stopReason: reason } : {}),
    ...(returnedThenHeld ? { note: '快件被退回，证件改在大厅领取' } : {}),
  };
}
