import * as z from 'zod/mini';
import { stableId } from '../guide/ServiceGuide';
import { Courier, MailAddress, TrackingNumber } from './ReissueApplication';
import { lazySchema } from '../function/lazySchema';

/**
 * What can happen to a reissue application. Every event names the version it was decided on
 * (`expectedVersion`): an event decided on a stale read is refused, so two concurrent actions on
 * one application resolve to one outcome (stateMachine.ts; the store repeats the check as a
 * compare-and-set). Who may fire each event and from which states is in stateMachine.ts.
 */

const at = { expectedVersion: lazySchema(() => z.int().check(z.gte(0))) };
const paymentId = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(64)));
/** The number on the paper receipt an officer gives for a fee collected by hand (非税收入票据号 and the like). */
export const DeskReceipt = lazySchema(() => z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,32}$/, 'letters, digits and dashes, 4–32')));
const note = lazySchema(() => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))));

export const ReissueEvent = lazySchema(() =>
  z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('submit'), ...at }),
      z.object({ type: z.literal('startPayment'), paymentId, ...at }),
      z.object({ type: z.literal('paymentSucceeded'), paymentId, ...at }),
      /** The order was closed unpaid (the phone reported a failure or a cancel, or the payment service closed it); the note says which. A timeout is no failure: the payment stays pending. */
      z.object({ type: z.literal('paymentFailed'), paymentId, note, ...at }),
      z.object({ type: z.literal('paymentWaived'), ...at }),
      /** An officer collected the fee at the desk or on a home visit (issue 18, assisted): the receipt's number and the amount, which must be the fee. */
      z.object({ type: z.literal('paymentCollected'), receipt: DeskReceipt, amountFen: z.int().check(z.gte(0)), ...at }),
      z.object({ type: z.literal('startReview'), ...at }),
      z.object({ type: z.literal('approve'), ...at }),
      z.object({ type: z.literal('reject'), reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)), ...at }),
      z.object({ type: z.literal('startProduction'), ...at }),
      z.object({ type: z.literal('ship'), courier: Courier, trackingNumber: TrackingNumber, ...at }),
      z.object({ type: z.literal('deliver'), ...at }),
      z.object({ type: z.literal('markReturned'), note, ...at }),
      z.object({ type: z.literal('reship'), courier: Courier, trackingNumber: TrackingNumber, ...at }),
      z.object({ type: z.literal('holdAtHall'), hallId: stableId, ...at }),
      z.object({ type: z.literal('collect'), ...at }),
      z.object({ type: z.literal('cancel'), note, ...at }),
      z.object({ type: z.literal('expire'), ...at }),
      z.object({ type: z.literal('changeAddress'), address: MailAddress, ...at }),
      z.object({ type: z.literal('refundSucceeded'), ...at }),
      z.object({ type: z.literal('refundFailed'), note, ...at }),
      z.object({ type: z.literal('retryRefund'), ...at }),
      /** An officer of the hall cancels an application whose fee they collected by hand (the citizen cannot online): why, shown to the citizen. */
      z.object({ type: z.literal('cancelAtHall'), reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)), ...at }),
      /** An officer handed a fee collected by hand back to the citizen: the return voucher's number. */
      z.object({ type: z.literal('feeReturned'), receipt: DeskReceipt, ...at }),
    ],
    // zod/mini has no default messages: what stateMachine.ts shows of an event that is no object at all.
    { error: 'Invalid input: expected an event object' },
  ),
);
export type ReissueEvent = z.infer<typeof ReissueEvent>;
export type ReissueEventType = ReissueEvent['type'];
export type EventOf<T extends ReissueEventType> = Extract<ReissueEvent, { type: T }>;

export const REISSUE_EVENT_TYPES = [
  'submit',
  'startPayment',
  'paymentSucceeded',
  'paymentFailed',
  'paymentWaived',
  'paymentCollected',
  'startReview',
  'approve',
  'reject',
  'startProduction',
  'ship',
  'deliver',
  'markReturned',
  'reship',
  'holdAtHall',
  'collect',
  'cancel',
  'expire',
  'changeAddress',
  'refundSucceeded',
  'refundFailed',
  'retryRefund',
  'cancelAtHall',
  'feeReturned',
] as const satisfies readonly ReissueEventType[];
