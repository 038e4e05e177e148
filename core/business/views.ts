import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { maskName } from '../privacy/mask';
import { shanghaiMinuteText } from '../time/shanghai';
import { BusinessKind, BusinessState } from './BusinessApplication';
import type { BusinessRecord } from './BusinessDeps';
import { isOverdue, lastDayOf } from './deadlines';
import { BUSINESS_TRACKS, trackOf } from './kinds';
import { BUSINESS_ACTOR_NAMES, BUSINESS_EVENT_NAMES, BUSINESS_NAMES, BUSINESS_STATE_NAMES } from './names';
import { businessProgressOf } from './stages';
import { availableBusinessEvents, type BusinessActor } from './stateMachine';
import { BUSINESS_EVENT_TYPES } from './events';

/** What the citizen and the officer see of an application. Times are Shanghai wall clock. */

const text = shanghaiMinuteText;

const MaterialView = lazySchema(() =>
  z.object({
    key: z.string(),
    name: z.string(),
    required: z.boolean(),
    /** Photos as temporary URLs (short-lived); empty when none is attached yet. */
    photos: z.array(z.object({ fileId: z.string(), url: z.string() })),
    attachedAt: z.optional(z.string()),
    /** What the officer asked to correct about it, while a correction is open. */
    correction: z.optional(z.string()),
  }),
);

const Stage = lazySchema(() =>
  z.object({
    key: z.string(),
    name: z.string(),
    status: z.enum(['done', 'current', 'stopped', 'ahead']),
    atText: z.optional(z.string()),
    detail: z.optional(z.string()),
    deadline: z.optional(z.object({ text: z.string(), overdue: z.boolean() })),
  }),
);

export const BusinessSummaryView = lazySchema(() =>
  z.object({
    id: z.string(),
    /** 办件编号 (eight digits; shown grouped). Absent on applications made before numbers. */
    refNumber: z.optional(z.string()),
    kind: BusinessKind,
    kindName: z.string(),
    state: BusinessState,
    stateName: z.string(),
    hallId: z.string(),
    subjectNameMasked: z.string(),
    createdAt: z.string(),
    submittedAt: z.optional(z.string()),
  }),
);
export type BusinessSummaryView = z.infer<typeof BusinessSummaryView>;

export const BusinessApplicationView = lazySchema(() =>
  z.extend(BusinessSummaryView, {
    version: z.int(),
    track: z.enum(BUSINESS_TRACKS),
    materials: z.array(MaterialView),
    details: z.object({
      purpose: z.optional(z.string()),
      graduatedOn: z.optional(z.string()),
      marriedOn: z.optional(z.string()),
      residenceRegisteredOn: z.optional(z.string()),
      residencePermitIssuedOn: z.optional(z.string()),
    }),
    progress: z.object({ status: z.enum(['going', 'finished', 'stopped']), stages: z.array(Stage), stopReason: z.optional(z.string()) }),
    rejectionReason: z.optional(z.string()),
    correctionRounds: z.int(),
    /** The issued certificate, with what it states (as the public verification shows it: the holder masked). */
    certificate: z.optional(
      z.object({ serial: z.string(), issuedAt: z.string(), validUntil: z.string(), revoked: z.boolean(), holderIdNumberMasked: z.string(), householdPlace: z.string() }),
    ),
    permit: z.optional(z.object({ number: z.string(), validUntil: z.string(), extensions: z.int() })),
    /** `dueAt`, like `reviewDue.dueAt`: the last day allowed (YYYY-MM-DD, Shanghai). */
    moveOut: z.optional(z.object({ dueAt: z.string(), completedAt: z.optional(z.string()), overdue: z.boolean() })),
    reviewDue: z.optional(z.object({ dueAt: z.string(), overdue: z.boolean() })),
    /** What happened, oldest first: when, what, by whom (申请人 / 民警 / 系统 / 快递), the note shown to the citizen. */
    history: z.array(z.object({ at: z.string(), event: z.string(), by: z.string(), note: z.optional(z.string()) })),
    /** How the result is handed over, once chosen: at the hall with that appointment, or by mail to that place (the street is shown to nobody but the shipping officer). */
    handover: z.optional(
      z.discriminatedUnion('kind', [z.object({ kind: z.literal('hall'), appointmentId: z.string() }), z.object({ kind: z.literal('mail'), place: z.string() })]),
    ),
    /** At the hall handover: the originals of the required materials to bring (the officer checks them against the photos). */
    originalsToBring: z.optional(z.array(z.string())),
    /** The photos were deleted after the retention period (docs/PRIVACY.md): the list of what was attached stays. */
    materialsPurgedAt: z.optional(z.string()),
    /** The events this caller could fire now (for buttons), with their names. */
    actions: z.array(z.object({ type: z.enum(BUSINESS_EVENT_TYPES), name: z.string() })),
  }),
);
export type BusinessApplicationView = z.infer<typeof BusinessApplicationView>;

export function businessSummaryOf(app: BusinessRecord, subjectName: string): BusinessSummaryView {
  return {
    id: app._id,
    ...(app.refNumber ? { refNumber: app.refNumber } : {}),
    kind: app.kind,
    kindName: BUSINESS_NAMES[app.kind],
    state: app.state,
    stateName: BUSINESS_STATE_NAMES[app.state],
    hallId: app.hallId,
    subjectNameMasked: maskName(subjectName),
    createdAt: text(app.createdAt),
    ...(app.submittedAt ? { submittedAt: text(app.submittedAt) } : {}),
  };
}

export interface ViewContext {
  now: Date;
  subjectName: string;
  /** Temporary URLs of the application's photos, by file id. */
  urls: ReadonlyMap<string, string>;
  actor: BusinessActor;
  /** 省市区 of the household registration, as a certificate states it. */
  householdPlace: string;
}

export function businessViewOf(app: BusinessRecord, ctx: ViewContext): BusinessApplicationView {
  const asked = app.state === 'correctionRequested' ? (app.corrections?.items ?? []) : [];
  return {
    ...businessSummaryOf(app, ctx.subjectName),
    version: app.version,
    track: trackOf(app.kind),
    materials: app.materialList.map((m) => {
      const attached = app.materials[m.key];
      const correction = asked
        .filter((i) => i.material === m.key)
        .map((i) => i.reason)
        .join('；');
      return {
        key: m.key,
        name: m.name,
        required: m.required,
        photos: (attached?.fileIds ?? []).flatMap((fileId) => {
          const url = ctx.urls.get(fileId);
          return url ? [{ fileId, url }] : [];
        }),
        ...(attached ? { attachedAt: text(attached.attachedAt) } : {}),
        ...(correction ? { correction } : {}),
      };
    }),
    details: app.details,
    progress: businessProgressOf(app, { now: ctx.now, reviewDueAt: app.reviewDueAt }),
    ...(app.rejectionReason ? { rejectionReason: app.rejectionReason } : {}),
    correctionRounds: app.correctionRounds,
    ...(app.certificate
      ? {
          certificate: {
            serial: app.certificate.serial,
            issuedAt: text(app.certificate.issuedAt),
            validUntil: text(app.certificate.validUntil),
            revoked: !!app.certificate.revocation,
            holderIdNumberMasked: app.subjectIdNumberMasked,
            householdPlace: ctx.householdPlace,
          },
        }
      : {}),
    ...(app.permit ? { permit: { number: app.permit.number, validUntil: text(app.permit.validUntil), extensions: app.permit.extensions.length } } : {}),
    ...(app.moveOut
      ? {
          moveOut: {
            dueAt: lastDayOf(app.moveOut.dueAt),
            ...(app.moveOut.completedAt ? { completedAt: text(app.moveOut.completedAt) } : {}),
            overdue: isOverdue(app.moveOut.dueAt, app.moveOut.completedAt, ctx.now),
          },
        }
      : {}),
    ...(app.reviewDueAt && ['submitted', 'underReview'].includes(app.state)
      ? { reviewDue: { dueAt: lastDayOf(app.reviewDueAt), overdue: isOverdue(app.reviewDueAt, undefined, ctx.now) } }
      : {}),
    history: app.timeline.map((e) => ({
      at: text(e.at),
      event: BUSINESS_EVENT_NAMES[e.event as keyof typeof BUSINESS_EVENT_NAMES] ?? e.event,
      by: BUSINESS_ACTOR_NAMES[e.by],
      ...(e.note ? { note: e.note } : {}),
    })),
    ...(app.handover
      ? {
          handover:
            app.handover.kind === 'hall'
              ? { kind: 'hall' as const, appointmentId: app.handover.appointmentId }
              : { kind: 'mail' as const, place: `${app.handover.address.names.province}${app.handover.address.names.city}${app.handover.address.names.district}` },
        }
      : {}),
    ...(app.state === 'readyForHandover' && app.handover?.kind !== 'mail' ? { originalsToBring: app.materialList.filter((m) => m.required).map((m) => m.name) } : {}),
    ...(app.materialsPurgedAt ? { materialsPurgedAt: text(app.materialsPurgedAt) } : {}),
    actions: availableBusinessEvents(app, ctx.actor)
      .filter((t) => t !== 'expire' && t !== 'expirePermit')
      .map((type) => ({ type, name: BUSINESS_EVENT_NAMES[type] })),
  };
}

/** Every photo file id of the application. */
export const photoIdsOf = (app: BusinessRecord): string[] => Object.values(app.materials).flatMap((m) => m.fileIds);
