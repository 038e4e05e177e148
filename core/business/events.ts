import * as z from 'zod/mini';
import { Courier, TrackingNumber } from '../reissue/ReissueApplication';
import { CorrectionItem, Handover, MaterialKey } from './BusinessApplication';
import { lazySchema } from '../function/lazySchema';

/**
 * What can happen to a business application. Every event names the version it was decided on
 * (`expectedVersion`), so two concurrent actions on one application resolve to one outcome.
 * Who may fire each event and from which states is in stateMachine.ts.
 */

const at = { expectedVersion: lazySchema(() => z.int().check(z.gte(0))) };
const reason = lazySchema(() => z.string().check(z.trim(), z.minLength(2), z.maxLength(200)));

export const BusinessEvent = lazySchema(() =>
  z.discriminatedUnion(
    'type',
    [
      z.object({
        type: z.literal('attachMaterial'),
        material: MaterialKey,
        fileIds: z.array(z.string().check(z.minLength(1), z.maxLength(256))).check(z.minLength(1), z.maxLength(9)),
        ...at,
      }),
      z.object({ type: z.literal('submit'), ...at }),
      z.object({ type: z.literal('withdraw'), ...at }),
      z.object({ type: z.literal('startReview'), ...at }),
      z.object({ type: z.literal('requestCorrection'), items: z.array(CorrectionItem).check(z.minLength(1), z.maxLength(20)), ...at }),
      z.object({ type: z.literal('resubmit'), ...at }),
      z.object({ type: z.literal('reject'), reason, ...at }),
      /** Certificate: serial and validity; migration: the permit and the origin's move-out task; handover: nothing more. */
      z.object({
        type: z.literal('approve'),
        certificate: z.optional(z.object({ serial: z.string().check(z.regex(/^[A-Z0-9]{12,32}$/)), validUntil: z.date() })),
        permit: z.optional(
          z.object({
            number: z.string().check(z.regex(/^[A-Z0-9]{8,32}$/)),
            validUntil: z.date(),
            originDivisionCode: z.string().check(z.regex(/^\d{6}$/)),
            moveOutDueAt: z.date(),
          }),
        ),
        ...at,
      }),
      z.object({ type: z.literal('revoke'), reason, ...at }),
      z.object({ type: z.literal('completeMoveOut'), ...at }),
      z.object({ type: z.literal('expirePermit'), ...at }),
      z.object({ type: z.literal('extendPermit'), validUntil: z.date(), reason, ...at }),
      z.object({ type: z.literal('chooseHandover'), handover: Handover, ...at }),
      z.object({ type: z.literal('ship'), courier: Courier, trackingNumber: TrackingNumber, ...at }),
      z.object({ type: z.literal('deliver'), ...at }),
      /** The parcel is going back (refused, undeliverable): the result is to be handed over again. `note`: the carrier's last word. */
      z.object({ type: z.literal('markReturned'), note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))), ...at }),
      z.object({ type: z.literal('collect'), ...at }),
      /** A draft or a correction left unanswered too long, or a permit expired and never extended. */
      z.object({ type: z.literal('expire'), ...at }),
    ],
    // The refusal's detail names the field at fault, or says this when the event itself is wrong.
    { error: 'an event object' },
  ),
);
export type BusinessEvent = z.infer<typeof BusinessEvent>;
export type BusinessEventType = BusinessEvent['type'];
export type BusinessEventOf<T extends BusinessEventType> = Extract<BusinessEvent, { type: T }>;

export const BUSINESS_EVENT_TYPES = [
  'attachMaterial',
  'submit',
  'withdraw',
  'startReview',
  'requestCorrection',
  'resubmit',
  'reject',
  'approve',
  'revoke',
  'completeMoveOut',
  'expirePermit',
  'extendPermit',
  'chooseHandover',
  'ship',
  'deliver',
  'markReturned',
  'collect',
  'expire',
] as const satisfies readonly BusinessEventType[];
