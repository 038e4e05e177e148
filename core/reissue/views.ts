import * as z from 'zod/mini';
import type { WorkCalendar } from '../time/WorkCalendar';
import { shanghaiMinuteText } from '../time/shanghai';
import type { ReissueApplication } from './ReissueApplication';
import type { ReissueConfig } from './ReissueConfig';
import { REISSUE_EVENT_TYPES } from './events';
import { yuan } from './fees';
import { ACTOR_NAMES, EVENT_NAMES, PAYMENT_STATUS_NAMES, REASON_NAMES, STATE_NAMES, courierName } from './names';
import { Progress, progressOf } from './stages';
import { availableEvents, type Actor } from './stateMachine';
import { deadlines } from './timeLimits';
import { lazySchema } from '../function/lazySchema';

/**
 * What the applicant (or an officer) sees of an application: the timeline with Chinese names and
 * Shanghai times, fees in yuan, the deadlines, the progress as a stage bar (stages.ts), the
 * shipment with the carrier's Chinese name, and what the viewer can do next.
 * No personal data: the address shows as its province/city/district names only.
 */

export const TrackingStep = lazySchema(() =>
  z.object({
    state: z.string(),
    stateName: z.string(),
    event: z.string(),
    eventName: z.string(),
    /** ISO instant, and the same as Shanghai wall clock YYYY-MM-DD HH:mm. */
    at: z.string(),
    atText: z.string(),
    byName: z.string(),
    note: z.optional(z.string()),
  }),
);
export type TrackingStep = z.infer<typeof TrackingStep>;

export const ReissueTrackingView = lazySchema(() =>
  z.object({
    id: z.string(),
    state: z.string(),
    stateName: z.string(),
    reasonName: z.string(),
    paymentStatus: z.string(),
    paymentStatusName: z.string(),
    fees: z.object({ lines: z.array(z.object({ label: z.string(), amount: z.string(), note: z.optional(z.string()) })), total: z.string() }),
    delivery: z.discriminatedUnion('kind', [z.object({ kind: z.literal('mail'), place: z.string() }), z.object({ kind: z.literal('hall'), hallId: z.string() })]),
    /** `courier` is the carrier's code; `courierName` what a person sees (中国邮政EMS, never ems). */
    shipment: z.optional(z.object({ courier: z.string(), courierName: z.string(), trackingNumber: z.string(), shippedAt: z.string() })),
    collectionHallId: z.optional(z.string()),
    rejectionReason: z.optional(z.string()),
    /** The stage bar shown above the timeline. */
    progress: Progress,
    timeline: z.array(TrackingStep),
    deadlines: z.optional(
      z.object({
        legalDue: z.string(),
        /** Calendar days the law allows (60, more in a remote area): shown beside legalDue. */
        legalDays: z.int(),
        promisedDue: z.string(),
        status: z.enum(['onTime', 'pastPromised', 'pastLegal', 'met', 'closed']),
        overdue: z.boolean(),
      }),
    ),
    /** Event types the viewer may fire now (buttons). */
    actions: z.array(z.enum(REISSUE_EVENT_TYPES)),
  }),
);
export type ReissueTrackingView = z.infer<typeof ReissueTrackingView>;

export interface TrackingContext {
  viewer: Actor;
  now: Date;
  calendar: WorkCalendar;
  config: Pick<ReissueConfig, 'timeLimits'>;
}

/** A shipment's note is stored as "<courier code> <tracking number>": shown with the carrier's name. */
function noteOf(t: ReissueApplication['timeline'][number]): string | undefined {
  if (!t.note || (t.event !== 'ship' && t.event !== 'reship')) return t.note;
  const space = t.note.lastIndexOf(' ');
  return space > 0 ? `${courierName(t.note.slice(0, space))} ${t.note.slice(space + 1)}` : t.note;
}

const stepOf = (t: ReissueApplication['timeline'][number]): TrackingStep => ({
  state: t.state,
  stateName: STATE_NAMES[t.state],
  event: t.event,
  eventName: EVENT_NAMES[t.event as keyof typeof EVENT_NAMES] ?? t.event,
  at: t.at.toISOString(),
  atText: shanghaiMinuteText(t.at),
  byName: ACTOR_NAMES[t.by],
  ...(t.note ? { note: noteOf(t) } : {}),
});

/** 海南省海口市龙华区; a municipality's or a grouping's city level (北京市, 市辖区) is not repeated. */
export function placeOf(names: { province: string; city: string; district: string }): string {
  const cityShown = names.city !== names.province && !/^(市辖区|县|.*直辖县级行政区划)$/.test(names.city);
  return `${names.province}${cityShown ? names.city : ''}${names.district}`;
}

export function trackingView(app: ReissueApplication, { viewer, now, calendar, config }: TrackingContext): ReissueTrackingView {
  const limits = deadlines(app, calendar, config);
  const { delivery } = app;
  return {
    id: app._id,
    state: app.state,
    stateName: STATE_NAMES[app.state],
    reasonName: REASON_NAMES[app.reason],
    paymentStatus: app.payment.status,
    paymentStatusName: PAYMENT_STATUS_NAMES[app.payment.status],
    fees: {
      lines: app.fees.lines.map((l) => ({ label: l.label, amount: yuan(l.amountFen), ...(l.note ? { note: l.note } : {}) })),
      total: yuan(app.fees.totalFen),
    },
    delivery: delivery.kind === 'mail' ? { kind: 'mail', place: placeOf(delivery.address.names) } : { kind: 'hall', hallId: delivery.hallId },
    ...(app.shipment
      ? {
          shipment: {
            courier: app.shipment.courier,
            courierName: courierName(app.shipment.courier),
            trackingNumber: app.shipment.trackingNumber,
            shippedAt: app.shipment.shippedAt.toISOString(),
          },
        }
      : {}),
    ...(app.collectionHallId ? { collectionHallId: app.collectionHallId } : {}),
    ...(app.rejectionReason ? { rejectionReason: app.rejectionReason } : {}),
    progress: progressOf(app, { now, calendar, config }),
    timeline: app.timeline.map(stepOf),
    ...(limits
      ? { deadlines: { legalDue: limits.legalDue, legalDays: limits.legalDays, promisedDue: limits.promisedDue, status: limits.status(now), overdue: limits.overdue(now) } }
      : {}),
    actions: availableEvents(app, viewer),
  };
}
