import { ADDRESS_RULES } from '../reissue/addressRules';

/**
 * Door-to-door service (上门服务, issue 17): its fixed lists, limits and names, without zod, so the
 * mini-program's pages import these (and no schema) to build the form and label states.
 */

/**
 * Why a citizen cannot come to the hall: a fixed list (as the queue's green channel,
 * core/queue/greenReasons.ts), so what is reported counts the same things everywhere.
 */
export const HOME_VISIT_REASONS = {
  elderly: '高龄（70周岁以上）行动不便',
  disabled: '残疾',
  bedridden: '重病或长期卧床',
  injured: '伤病康复期行动不便',
  pregnant: '孕晚期或产后',
} as const;
export type HomeVisitReason = keyof typeof HOME_VISIT_REASONS;
export const homeVisitReasons = Object.keys(HOME_VISIT_REASONS) as HomeVisitReason[];
export function isHomeVisitReason(x: string): x is HomeVisitReason {
  return Object.prototype.hasOwnProperty.call(HOME_VISIT_REASONS, x);
}

/**
 * requested: waiting for the hall's lead; assigned: officers and a time proposed, waiting for the
 * citizen to confirm; confirmed: the citizen agreed, the officers will come; done: the visit took
 * place; refused: the hall refused (with a reason); cancelled: the citizen withdrew it.
 */
export const HOME_VISIT_STATES = ['requested', 'assigned', 'confirmed', 'done', 'refused', 'cancelled'] as const;
export type HomeVisitState = (typeof HOME_VISIT_STATES)[number];

/** States that hold one of the person's open places (MAX_OPEN_PER_PERSON). */
export const OPEN_HOME_VISIT_STATES: readonly HomeVisitState[] = ['requested', 'assigned', 'confirmed'];
export const isOpenHomeVisit = (s: HomeVisitState): boolean => OPEN_HOME_VISIT_STATES.includes(s);

export const HOME_VISIT_STATE_NAMES: Record<HomeVisitState, string> = {
  requested: '待安排',
  assigned: '待确认',
  confirmed: '已确认',
  done: '已上门办理',
  refused: '未予受理',
  cancelled: '已取消',
};

/** What the citizen (or the family member acting) does next, by state. */
export const CITIZEN_NEXT_STEP: Record<HomeVisitState, string> = {
  requested: '大厅负责人将安排民警和上门时间，请留意通知',
  assigned: '请确认上门时间；如时间不便，可取消后重新申请或致电大厅',
  confirmed: '请在约定时间在家等候，备好身份证件和相关材料',
  done: '已上门办理完毕',
  refused: '大厅未予受理，原因见下方；可到大厅或致电咨询',
  cancelled: '申请已取消',
};

/** What the hall does next, by state. */
export const HALL_NEXT_STEP: Record<HomeVisitState, string> = {
  requested: '请指派民警并安排上门时间，或说明原因不予受理',
  assigned: '等待群众确认时间；可改期或不予受理',
  confirmed: '按约定时间上门；办理后标记已办理，或改期',
  done: '已办结',
  refused: '已不予受理',
  cancelled: '群众已取消',
};

/** What each side does next when the arranged time is over and the visit still open (assigned or confirmed). */
export const OVERDUE_NEXT_STEP = {
  citizen: '约定的上门时间已过；如民警未上门，请致电大厅',
  hall: '约定的上门时间已过：已上门的请标记办结，未能上门的请改期或说明原因不予受理',
} as const;

/** What an officer of the hall who is not its lead reads on a request not yet arranged. */
export const AWAITING_LEAD = '等待大厅负责人指派民警和上门时间';

/** At most this many open requests per person (the subject: a citizen or the family member acted for). */
export const MAX_OPEN_PER_PERSON = 2;

export const HOME_VISIT_LIMITS = {
  /** Street, building and room, as a delivery address's. */
  detail: ADDRESS_RULES.detail,
  /** What the citizen adds (what is needed, how to find the door). */
  note: { max: 200 },
  /** Officers' display names (警号 or name), 1 to 3 officers. */
  officerName: { min: 2, max: 20 },
  officers: { min: 1, max: 3 },
  /** Why the hall refuses. */
  refusal: { min: 4, max: 200 },
  /** A visit's window: on a day from tomorrow up to this many days ahead … */
  daysAhead: 30,
  /** … between these times (Asia/Shanghai) … */
  earliest: '08:00',
  latest: '20:00',
  /** … lasting at most this many minutes. */
  maxWindowMinutes: 240,
} as const;
