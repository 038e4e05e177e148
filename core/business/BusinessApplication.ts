import * as z from 'zod/mini';
import { stableId } from '../guide/ServiceGuide';
import { Courier, MailAddress, TrackingNumber } from '../reissue/ReissueApplication';
import { BUSINESS_KINDS } from './kinds';
import { lazySchema } from '../function/lazySchema';

/**
 * An online application for household-registration business (issue 15; collection
 * `business_applications`), handled by one destination hall. Its `state`, `timeline` and `version`
 * change only through `transition` in stateMachine.ts (created only by `draftApplication` there);
 * the store writes a new version with a compare-and-set on the version it read.
 */

export const BUSINESS_STATES = [
  'draft',
  'submitted',
  'underReview',
  'correctionRequested',
  'rejected',
  'withdrawn',
  'lapsed',
  'issued',
  'revoked',
  'permitIssued',
  'permitExpired',
  'readyForHandover',
  'shipped',
  'completed',
] as const;
export const BusinessState = lazySchema(() => z.enum(BUSINESS_STATES));
export type BusinessState = z.infer<typeof BusinessState>;

export const BusinessKind = lazySchema(() => z.enum(BUSINESS_KINDS));

/** Who fires an event: the applicant, an officer (scoped to a hall or the origin's station by the use case), the system (timers, automatic approval), the courier. */
export const BusinessActorRole = lazySchema(() => z.enum(['citizen', 'officer', 'system', 'courier']));
export type BusinessActorRole = z.infer<typeof BusinessActorRole>;

/** A material's key: its position in the guide's list, stable for one guide version (`m0`, `m1`, …). */
export const MaterialKey = lazySchema(() => z.string().check(z.regex(/^m\d{1,2}$/)));

export const MaterialSpec = lazySchema(() => z.object({ key: MaterialKey, name: z.string().check(z.minLength(1), z.maxLength(60)), required: z.boolean() }));
export type MaterialSpec = z.infer<typeof MaterialSpec>;

/** Photos of one material, as cloud-storage file ids (private; read through temporary URLs). */
export const AttachedMaterial = lazySchema(() =>
  z.object({
    fileIds: z.array(z.string().check(z.minLength(1), z.maxLength(256))).check(z.minLength(1), z.maxLength(9)),
    attachedAt: z.date(),
  }),
);
export type AttachedMaterial = z.infer<typeof AttachedMaterial>;

/** 补正: which material, and why, in the officer's words shown to the citizen. */
export const CorrectionItem = lazySchema(() => z.object({ material: MaterialKey, reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }));
export type CorrectionItem = z.infer<typeof CorrectionItem>;

export const Corrections = lazySchema(() => z.object({ items: z.array(CorrectionItem).check(z.minLength(1), z.maxLength(20)), requestedAt: z.date() }));

/** The electronic certificate (户籍类证明): its serial is what a verifier scans. */
export const Certificate = lazySchema(() =>
  z.object({
    serial: z.string().check(z.regex(/^[A-Z0-9]{12,32}$/)),
    issuedAt: z.date(),
    validUntil: z.date(),
    revocation: z.optional(z.object({ reason: z.string(), at: z.date() })),
  }),
);
export type Certificate = z.infer<typeof Certificate>;

/** 准迁证: valid until a date the issuing office sets; an officer may extend it with a reason. */
export const Permit = lazySchema(() =>
  z.object({
    number: z.string().check(z.regex(/^[A-Z0-9]{8,32}$/)),
    issuedAt: z.date(),
    validUntil: z.date(),
    extensions: z.array(z.object({ validUntil: z.date(), reason: z.string(), at: z.date() })).check(z.maxLength(10)),
  }),
);
export type Permit = z.infer<typeof Permit>;

/** The origin station's move-out task, due 5 working days after the permit was issued. */
export const MoveOut = lazySchema(() =>
  z.object({
    originDivisionCode: z.string().check(z.regex(/^\d{6}$/)),
    dueAt: z.date(),
    completedAt: z.optional(z.date()),
  }),
);
export type MoveOut = z.infer<typeof MoveOut>;

/** How the result reaches the citizen: at the hall with a booking that carries the application, or by mail. */
export const Handover = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('hall'), hallId: stableId, appointmentId: z.string().check(z.minLength(1), z.maxLength(64)) }),
    z.object({ kind: z.literal('mail'), address: MailAddress }),
  ]),
);
export type Handover = z.infer<typeof Handover>;

export const BusinessShipment = lazySchema(() => z.object({ courier: Courier, trackingNumber: TrackingNumber, shippedAt: z.date() }));

export const BusinessTimelineEntry = lazySchema(() =>
  z.object({
    state: BusinessState,
    event: z.string().check(z.minLength(1)),
    at: z.date(),
    by: BusinessActorRole,
    /** Shown to the citizen (a reason, a permit number, a tracking number). Never personal data. */
    note: z.optional(z.string().check(z.maxLength(300))),
  }),
);
export type BusinessTimelineEntry = z.infer<typeof BusinessTimelineEntry>;

export const BusinessApplication = lazySchema(() =>
  z.object({
    _id: z.string().check(z.minLength(1), z.maxLength(64)),
    kind: BusinessKind,
    /** The destination hall that reviews it. */
    hallId: stableId,
    applicant: z.object({ actorOpenid: z.string().check(z.minLength(1)), subjectResidentId: z.string().check(z.minLength(1)) }),
    /** The guide's materials when the draft was made: submit waits for each required one. */
    materialList: z.array(MaterialSpec).check(z.minLength(1), z.maxLength(30)),
    materials: z.record(MaterialKey, AttachedMaterial),
    corrections: z.optional(Corrections),
    correctionRounds: z.int().check(z.gte(0)),
    rejectionReason: z.optional(z.string()),
    certificate: z.optional(Certificate),
    permit: z.optional(Permit),
    moveOut: z.optional(MoveOut),
    handover: z.optional(Handover),
    shipment: z.optional(BusinessShipment),
    state: BusinessState,
    timeline: z.array(BusinessTimelineEntry).check(z.minLength(1)),
    createdAt: z.date(),
    updatedAt: z.date(),
    submittedAt: z.optional(z.date()),
    version: z.int().check(z.gte(0)),
  }),
);
export type BusinessApplication = z.infer<typeof BusinessApplication>;
