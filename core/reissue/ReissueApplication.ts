import * as z from 'zod/mini';
import { stableId } from '../guide/ServiceGuide';
import { FeeBreakdown } from './fees';
import { lazySchema } from '../function/lazySchema';

/**
 * An online application to reissue (补领, lost) or replace (换领, damaged) a resident ID card,
 * delivered by mail or collected at a hall (collection `reissue_applications`). Its `state`,
 * `payment.status`, `timeline` and `version` are changed only by `transition` in stateMachine.ts
 * (created only by `draftApplication` there); the store writes a new version with a
 * compare-and-set on the version it read.
 */

export const REISSUE_STATES = [
  'draft',
  'submitted',
  'paid',
  'underReview',
  'approved',
  'rejected',
  'inProduction',
  'shipped',
  'delivered',
  'returned',
  'heldAtHall',
  'collected',
  'cancelled',
] as const;
export const ReissueState = lazySchema(() => z.enum(REISSUE_STATES));
export type ReissueState = z.infer<typeof ReissueState>;

export const ReissueReason = lazySchema(() => z.enum(['lost', 'damaged']));
export type ReissueReason = z.infer<typeof ReissueReason>;

/** Who fires an event: the applicant, an officer, the system (timers, payment callbacks), the courier. */
export const ActorRole = lazySchema(() => z.enum(['citizen', 'officer', 'system', 'courier']));
export type ActorRole = z.infer<typeof ActorRole>;

/**
 * Money, separately from the application's progress. Refunds live here rather than in states of
 * their own: a cancelled or rejected application stays cancelled or rejected (what the citizen
 * needs to know) while its payment goes refunding → refunded (or refundFailed → refunding again).
 * 'collected': an officer took the fee in person and gave a receipt (issue 18, `receipt`). Such a fee
 * is handed back in person, not through the payment port: a rejection or a cancellation at the hall
 * makes it 'returnDue' (待当面退费), and the officer who hands it back records it, 'returnedByHand'
 * (with the return voucher's number, `returnReceipt`).
 */
export const PAYMENT_STATUSES = ['unpaid', 'pending', 'paid', 'failed', 'waived', 'collected', 'refunding', 'refundFailed', 'refunded', 'returnDue', 'returnedByHand'] as const;
export const PaymentStatus = lazySchema(() => z.enum(PAYMENT_STATUSES));
export type PaymentStatus = z.infer<typeof PaymentStatus>;

const divisionCode = lazySchema(() => z.string().check(z.regex(/^\d{6}$/, 'GB/T 2260 code, 6 digits')));

/**
 * A delivery address in mainland China. What identifies a person is stored encrypted (street,
 * building and room; recipient; phone: AES-256-GCM through the Secrets port); only the division
 * codes and names stay in clear, for postage zones, the hall's district and the place shown.
 */
export const MailAddress = lazySchema(() =>
  z
    .object({
      provinceCode: divisionCode,
      cityCode: divisionCode,
      districtCode: divisionCode,
      /** Names as the division data gives them, e.g. 海南省 / 海口市 / 龙华区. */
      names: z.object({
        province: z.string().check(z.trim(), z.minLength(2), z.maxLength(20)),
        city: z.string().check(z.trim(), z.minLength(2), z.maxLength(30)),
        district: z.string().check(z.trim(), z.minLength(2), z.maxLength(30)),
      }),
      /** Street, building, room, encrypted (context `address`). */
      detailEnc: z.string().check(z.minLength(1)),
      recipientEnc: z.string().check(z.minLength(1)),
      phoneEnc: z.string().check(z.minLength(1)),
    })
    .check(
      z.refine((a) => a.provinceCode.endsWith('0000') && a.cityCode.startsWith(a.provinceCode.slice(0, 2)), {
        error: 'the city lies in the province',
        path: ['cityCode'],
      }),
      z.refine((a) => a.districtCode.startsWith(a.cityCode.slice(0, 4)), { error: 'the district lies in the city', path: ['districtCode'] }),
    ),
);
export type MailAddress = z.infer<typeof MailAddress>;

export const Delivery = lazySchema(() =>
  z.discriminatedUnion('kind', [z.object({ kind: z.literal('mail'), address: MailAddress }), z.object({ kind: z.literal('hall'), hallId: stableId })]),
);
export type Delivery = z.infer<typeof Delivery>;

/** Who applies (the WeChat account) for whom (a registry resident: the same person, face-verified). */
export const Applicant = lazySchema(() =>
  z.object({
    actorOpenid: z.string().check(z.minLength(1)),
    subjectResidentId: z.string().check(z.minLength(1)),
    subjectIdIndex: z.string().check(z.minLength(1)),
  }),
);
export type Applicant = z.infer<typeof Applicant>;

/** One accepted event: the state after it, what happened, when and by whom. */
export const TimelineEntry = lazySchema(() =>
  z.object({
    state: ReissueState,
    /** The event type (stateMachine.ts), or 'create' for the first entry. */
    event: z.string().check(z.minLength(1)),
    at: z.date(),
    by: ActorRole,
    /** Shown to the citizen: a rejection reason, a courier and tracking number. Never personal data. */
    note: z.optional(z.string().check(z.maxLength(200))),
  }),
);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Payment = lazySchema(() =>
  z.object({
    /** The payment order's id once one was started (a new one for each attempt). */
    id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    status: PaymentStatus,
    /** A fee an officer collected by hand (issue 18, assisted): the receipt's number; no payment order then. */
    receipt: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
    /** That fee handed back by an officer: the number of the voucher the citizen signed for it. */
    returnReceipt: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
  }),
);
export type Payment = z.infer<typeof Payment>;

export const Courier = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(32)));
export const TrackingNumber = lazySchema(() => z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{6,40}$/, 'letters, digits and dashes, 6–40')));

export const Shipment = lazySchema(() =>
  z.object({
    /** Carrier code as the courier port knows it, e.g. sf, ems. */
    courier: Courier,
    trackingNumber: TrackingNumber,
    shippedAt: z.date(),
  }),
);
export type Shipment = z.infer<typeof Shipment>;

export const ReissueApplication = lazySchema(() =>
  z.object({
    _id: z.string().check(z.minLength(1), z.maxLength(64)),
    applicant: Applicant,
    reason: ReissueReason,
    delivery: Delivery,
    /** The public-security authority that produces and posts the card: the postage zone's origin. */
    issuerDivisionCode: divisionCode,
    /** The citizen declared their appearance unchanged since the photo on file was taken. */
    declaredAppearanceUnchanged: z.literal(true),
    /** As charged when the draft was made (a later address change keeps it). */
    fees: FeeBreakdown,
    state: ReissueState,
    timeline: z.array(TimelineEntry).check(z.minLength(1)),
    payment: Payment,
    /** The latest shipment (a re-shipment replaces it; the timeline keeps both). */
    shipment: z.optional(Shipment),
    /** Where the card waits when held for collection. */
    collectionHallId: z.optional(stableId),
    /** Why an officer rejected it, shown to the citizen. */
    rejectionReason: z.optional(z.string()),
    createdAt: z.date(),
    submittedAt: z.optional(z.date()),
    updatedAt: z.date(),
    /** Starts at 0; each accepted event adds exactly 1 (compare-and-set in the store). */
    version: z.int().check(z.gte(0)),
  }),
);
export type ReissueApplication = z.infer<typeof ReissueApplication>;
