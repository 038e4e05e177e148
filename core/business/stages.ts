import { shanghaiMinuteText } from '../time/shanghai';
import type { BusinessApplication, BusinessState } from './BusinessApplication';
import { isOverdue, lastDayOf } from './deadlines';
import { trackOf, type BusinessTrack } from './kinds';
import { BUSINESS_STATE_NAMES } from './names';
import { courierName } from '../reissue/names';

/**
 * A business application's progress as a stage bar (issue 15: "the citizen sees every step with
 * its legal deadline"):
 *  certificate: 提交 → 审核 → 出具证明
 *  migration:   提交 → 审核 → 签发准迁证 → 迁出地办结迁出 → 落户办结
 *  handover:    提交 → 审核 → 领取或邮寄 → 办结
 *  endorsement: 提交 → 审核 → 办结 (the approval records the endorsement; nothing is handed over)
 * Each stage is done, current, stopped or ahead, with the Shanghai time it was reached; the
 * current stage carries its deadline (review: the guide's promised days; move-out: 5 working days).
 * An application that ended off its path (rejected, withdrawn, lapsed, a certificate revoked) stops
 * the bar at the stage it had reached and says why. Invariants (tests/unit/businessStages.test.ts):
 * the done stages are a prefix; a bar going on has exactly one current stage, a stopped bar exactly
 * one stopped stage, a finished bar all done.
 */

export type BusinessStageKey = 'submitted' | 'review' | 'issued' | 'permit' | 'moveOut' | 'handover' | 'completed';

export interface BusinessStage {
  key: BusinessStageKey;
  name: string;
  status: 'done' | 'current' | 'stopped' | 'ahead';
  /** Shanghai wall clock YYYY-MM-DD HH:mm the stage was reached. */
  atText?: string;
  detail?: string;
  deadline?: { text: string; overdue: boolean };
}

export interface BusinessProgress {
  status: 'going' | 'finished' | 'stopped';
  stages: BusinessStage[];
  stopReason?: string;
}

const PATHS: Record<BusinessTrack, readonly BusinessStageKey[]> = {
  certificate: ['submitted', 'review', 'issued'],
  migration: ['submitted', 'review', 'permit', 'moveOut', 'completed'],
  handover: ['submitted', 'review', 'handover', 'completed'],
  endorsement: ['submitted', 'review', 'completed'],
};

const STAGE_NAMES: Record<BusinessStageKey, string> = {
  submitted: '提交',
  review: '审核',
  issued: '出具证明',
  permit: '签发准迁证',
  moveOut: '迁出地办结迁出',
  handover: '领取或邮寄',
  completed: '办结',
};

/** The stage a state on the path belongs to, per track (a migration's handover is its last stage, 落户). */
function stageOf(state: BusinessState, track: BusinessTrack): BusinessStageKey | undefined {
  switch (state) {
    case 'draft':
    case 'submitted':
      return 'submitted';
    case 'underReview':
    case 'correctionRequested':
      return 'review';
    case 'issued':
      return 'issued';
    case 'permitIssued':
    case 'permitExpired':
      return track === 'migration' ? 'moveOut' : undefined;
    case 'readyForHandover':
    case 'shipped':
      return track === 'migration' ? 'completed' : 'handover';
    case 'completed':
      return 'completed';
    default:
      return undefined;
  }
}

type Entry = BusinessApplication['timeline'][number];
const textOf = shanghaiMinuteText;

/** When a stage was reached: the first entry into it (the permit: the approval; 提交: the first submission, not the draft). */
function reachedAt(timeline: readonly Entry[], stage: BusinessStageKey, track: BusinessTrack): Date | undefined {
  if (stage === 'permit') return timeline.find((e) => e.state === 'permitIssued')?.at;
  return timeline.find((e) => e.state !== 'draft' && stageOf(e.state, track) === stage)?.at;
}

function lastOnPath(timeline: readonly Entry[], track: BusinessTrack): BusinessStageKey {
  for (let i = timeline.length - 1; i >= 0; i -= 1) {
    const stage = stageOf(timeline[i].state, track);
    if (stage) return stage;
  }
  return 'submitted';
}

function stopReason(app: BusinessApplication): string | undefined {
  switch (app.state) {
    case 'rejected':
      return `审核未通过${app.rejectionReason ? `：${app.rejectionReason}` : ''}`;
    case 'withdrawn':
      return '申请已撤回';
    case 'lapsed':
      return app.timeline.some((e) => e.state === 'permitExpired') ? '准迁证已过期且未延期，申请已关闭' : '逾期未提交或未补正，申请已关闭';
    case 'revoked':
      return `证明已撤销${app.certificate?.revocation ? `：${app.certificate.revocation.reason}` : ''}`;
    default:
      return undefined;
  }
}

function currentDetail(app: BusinessApplication): string {
  if (app.state === 'correctionRequested' && app.corrections) {
    const names = app.corrections.items.map((i) => `${app.materialList.find((m) => m.key === i.material)?.name ?? i.material}（${i.reason}）`);
    return `请补正材料：${names.join('；')}`;
  }
  if (app.state === 'permitExpired') return `准迁证已于 ${textOf(app.permit!.validUntil)} 过期，请联系受理大厅申请延期`;
  if (app.state === 'shipped' && app.shipment) return `已寄出：${courierName(app.shipment.courier)} ${app.shipment.trackingNumber}`;
  const last = app.timeline.at(-1);
  if (app.state === 'readyForHandover' && last?.event === 'markReturned') return `快件被退回${last.note ? `（${last.note}）` : ''}，请重新选择领取方式或等待重新寄出`;
  // Ready: what the citizen does next depends on the handover chosen (none yet: choose one).
  if (app.state === 'readyForHandover') {
    if (app.handover?.kind === 'hall') return '已选择到大厅领取：请按预约时间携带原件到场';
    if (app.handover?.kind === 'mail') return '已选择邮寄：等待大厅寄出';
    return '请选择领取方式：预约到大厅领取，或邮寄';
  }
  return BUSINESS_STATE_NAMES[app.state];
}

export interface BusinessProgressContext {
  now: Date;
  /** From the guide's promised working days (deadlines.ts reviewDueAt); none when the guide promises none. */
  reviewDueAt?: Date;
}

function deadlineOf(app: BusinessApplication, stage: BusinessStageKey, { now, reviewDueAt }: BusinessProgressContext): BusinessStage['deadline'] {
  // Waiting for the review (submitted) counts against the review's deadline too.
  if ((stage === 'review' || (stage === 'submitted' && app.state === 'submitted')) && reviewDueAt)
    return { text: `审核期限：${lastDayOf(reviewDueAt)}（含当日）`, overdue: isOverdue(reviewDueAt, undefined, now) };
  if (stage === 'moveOut' && app.moveOut)
    return { text: `迁出地办结期限：${lastDayOf(app.moveOut.dueAt)}（含当日，5个工作日）`, overdue: isOverdue(app.moveOut.dueAt, app.moveOut.completedAt, now) };
  return undefined;
}

export function businessProgressOf(app: BusinessApplication, context: BusinessProgressContext): BusinessProgress {
  const track = trackOf(app.kind);
  const path = PATHS[track];
  const reason = stopReason(app);
  const hereIndex = path.indexOf(stageOf(app.state, track) ?? lastOnPath(app.timeline, track));
  const finished = app.state === 'completed' || app.state === 'issued';
  const stages = path.map((key, i): BusinessStage => {
    const status: BusinessStage['status'] = i < hereIndex || (i === hereIndex && finished) ? 'done' : i > hereIndex ? 'ahead' : reason ? 'stopped' : 'current';
    const reached = status === 'ahead' ? undefined : reachedAt(app.timeline, key, track);
    const detail = status === 'stopped' ? reason : status === 'current' ? currentDetail(app) : undefined;
    const deadline = status === 'current' ? deadlineOf(app, key, context) : undefined;
    return { key, name: STAGE_NAMES[key], status, ...(reached ? { atText: textOf(reached) } : {}), ...(detail ? { detail } : {}), ...(deadline ? { deadline } : {}) };
  });
  return { status: reason ? 'stopped' : finished ? 'finished' : 'going', stages, ...(reason ? { stopReason: reason } : {}) };
}
