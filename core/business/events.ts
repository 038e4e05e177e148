import * as z from 'zod';
import { Courier, TrackingNumber } from '../reissue/ReissueApplication';
import { CorrectionItem, Handover, MaterialKey } from './BusinessApplication';
import { lazySchema } from '../function/lazySchema';

/**
 * What can happen to a business application. Every event names the version it was decided on
 * (`expectedVersion`), so two concurrent actions on one application resolve to one outcome.
 * Who may fire each event and from which states is in stateMachine.ts.
 */

const at = { expectedVersion: lazySchema(() => z.number().int().min(0)) };
const reason = lazySchema(() => z.string().trim().min(2).max(200));

export const BusinessEvent = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('attachMaterial'), material: MaterialKey, fileIds: z.array(z.string().min(1).max(256)).min(1).max(9), ...at }),
    z.object({ type: z.literal('submit'), ...at }),
    z.object({ type: z.literal('withdraw'), ...at }),
    z.object({ type: z.literal('startReview'), ...at }),
    z.object({ type: z.literal('requestCorrection'), items: z.array(CorrectionItem).min(1).max(20), ...at }),
    z.object({ type: z.literal('resubmit'), ...at }),
    z.object({ type: z.literal('reject'), reason, ...at }),
    /** Certificate: serial and validity; migration: the permit and the origin's move-out task; handover: nothing more. */
    z.object({
      type: z.literal('approve'),
      certificate: z.object({ serial: z.string().regex(/^[A-Z0-9]{12,32}$/), validUntil: z.date() }).optional(),
      permit: z.object({ number: z.string().regex(/^[A-Z0-9]{8,32}$/), validUntil: z.date(), originDivisionCode: z.string().regex(/^\d{6}$/), moveOutDueAt: z.date() }).optional(),
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
    z.object({ type: z.literal('markReturned'), note: z.string().trim().min(1).max(200).optional(), ...at }),
    z.object({ type: z.literal('collect'), ...at }),
    /** A draft or a correction left unanswered too long, or a permit expired and never extended. */
    z.object({ type: z.literal('expire'), ...at }),
  ]),
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
