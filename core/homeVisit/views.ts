import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import type { Hall } from '../guide/Hall';
import { FIELD } from '../identity/fieldNames';
import type { Secrets } from '../identity/ports';
import { maskName, maskPhone } from '../privacy/mask';
import { shanghaiMinuteText } from '../time/shanghai';
import type { HomeVisit } from './HomeVisit';
import {
  AWAITING_LEAD,
  CITIZEN_NEXT_STEP,
  HALL_NEXT_STEP,
  HOME_VISIT_REASONS,
  HOME_VISIT_STATE_NAMES,
  HOME_VISIT_STATES,
  homeVisitReasons,
  isOpenHomeVisit,
  OVERDUE_NEXT_STEP,
} from './homeVisitNames';
import { eventsFor, type HomeVisitEvent, type HomeVisitSide } from './homeVisitStates';
import { completeProblem, isOverdue, windowText } from './visitWindow';

const EVENTS = ['assign', 'confirm', 'reschedule', 'complete', 'refuse', 'cancel'] as const satisfies readonly HomeVisitEvent[];

const WindowView = lazySchema(() => z.object({ date: z.string(), from: z.string(), to: z.string(), text: z.string() }));

/**
 * A home visit as the citizen (or the family member acting) or the hall's staff sees it: what to do
 * next and the steps the viewer may take (`actions`), with `version` to send back with a step.
 * The citizen sees their own street in full and the phone masked; the hall sees both in full, and
 * the person's name (its officers call, go there and check who opens the door); the masked name is
 * shown to both. `overdue`: the arranged time is over and the visit still open.
 */
export const HomeVisitView = lazySchema(() =>
  z.object({
    id: z.string(),
    version: z.number(),
    hallId: z.string(),
    hallName: z.string(),
    hallPhone: z.string(),
    business: z.string(),
    businessTitle: z.string(),
    reason: z.enum(homeVisitReasons as [keyof typeof HOME_VISIT_REASONS, ...(keyof typeof HOME_VISIT_REASONS)[]]),
    reasonName: z.string(),
    state: z.enum(HOME_VISIT_STATES),
    stateName: z.string(),
    nextStep: z.string(),
    actions: z.array(z.enum(EVENTS)),
    subjectNameMasked: z.string(),
    /** The hall's side only. */
    subjectName: z.optional(z.string()),
    forFamilyMember: z.boolean(),
    address: z.string(),
    phone: z.string(),
    note: z.optional(z.string()),
    officers: z.optional(z.array(z.string())),
    window: z.optional(WindowView),
    overdue: z.boolean(),
    refusalReason: z.optional(z.string()),
    createdAt: z.string(),
    history: z.array(z.object({ stateName: z.string(), at: z.string(), by: z.enum(['citizen', 'hall']) })),
  }),
);
export type HomeVisitView = z.infer<typeof HomeVisitView>;

export interface ViewNames {
  hall: Pick<Hall, 'name' | 'phone' | 'province' | 'city' | 'district'>;
  businessTitle: string;
}

/** Who looks, and when (Asia/Shanghai): the steps offered and what to do next depend on both. */
export interface Viewer {
  side: HomeVisitSide;
  /** The hall's lead (or an admin bound to it): arranges, moves and refuses visits. */
  lead: boolean;
  today: string;
  clock: string;
}

/** The steps the viewer may take now: their side's, a lead's only to a lead, and marking done only once the day has come. */
function stepsFor(v: HomeVisit, viewer: Viewer): HomeVisitEvent[] {
  return eventsFor(v.state, viewer.side, viewer.lead).filter((e) => e !== 'complete' || !completeProblem(v.window, viewer.today));
}

function nextStepFor(v: HomeVisit, viewer: Viewer, overdue: boolean): string {
  if (overdue) return OVERDUE_NEXT_STEP[viewer.side];
  if (viewer.side === 'hall' && !viewer.lead && v.state === 'requested') return AWAITING_LEAD;
  return (viewer.side === 'hall' ? HALL_NEXT_STEP : CITIZEN_NEXT_STEP)[v.state];
}

export function homeVisitView(v: HomeVisit, viewer: Viewer, names: ViewNames, secrets: Pick<Secrets, 'decrypt'>): HomeVisitView {
  const { side } = viewer;
  const phone = secrets.decrypt(v.phoneEnc, FIELD.phone);
  const name = secrets.decrypt(v.subjectNameEnc, FIELD.name);
  const overdue = isOpenHomeVisit(v.state) && isOverdue(v.window, viewer.today, viewer.clock);
  const { hall } = names;
  return {
    id: v._id,
    version: v.version,
    hallId: v.hallId,
    hallName: hall.name,
    hallPhone: hall.phone,
    business: v.business,
    businessTitle: names.businessTitle,
    reason: v.reason,
    reasonName: HOME_VISIT_REASONS[v.reason],
    state: v.state,
    stateName: HOME_VISIT_STATE_NAMES[v.state],
    nextStep: nextStepFor(v, viewer, overdue),
    actions: stepsFor(v, viewer),
    subjectNameMasked: maskName(name),
    ...(side === 'hall' && { subjectName: name }),
    forFamilyMember: v.actedFor !== undefined,
    address: `${hall.province}${hall.city}${hall.district}${secrets.decrypt(v.detailEnc, FIELD.address)}`,
    phone: side === 'hall' ? phone : maskPhone(phone),
    ...(v.note !== undefined && { note: v.note }),
    ...(v.officers && { officers: v.officers }),
    ...(v.window && { window: { ...v.window, text: windowText(v.window) } }),
    overdue,
    ...(v.refusalReason !== undefined && { refusalReason: v.refusalReason }),
    createdAt: shanghaiMinuteText(v.createdAt),
    history: v.history.map((s) => ({ stateName: HOME_VISIT_STATE_NAMES[s.state], at: shanghaiMinuteText(s.at), by: s.by })),
  };
}
