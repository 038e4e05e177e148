import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { hallsActedFor, requireActingForAnyHall, requireActingForHall } from '../../identity/hallAccess';
import { FIELD } from '../../identity/fieldNames';
import { requireOpenid } from '../../identity/caller';
import { stableId } from '../../guide/ServiceGuide';
import { maskName } from '../../privacy/mask';
import { shanghaiMinuteText } from '../../time/shanghai';
import { Courier, PAYMENT_STATUSES, PaymentStatus, REISSUE_STATES, ReissueState, TrackingNumber } from '../ReissueApplication';
import type { ReissueDeps } from '../ReissueDeps';
import { PAYMENT_STATUS_NAMES, REASON_NAMES, STATE_NAMES } from '../names';
import { deadlines, reviewOverdue } from '../timeLimits';
import { ApplicationId, ExpectedVersion } from '../applicationInput';
import { DeskReceipt } from '../events';
import { ApplicationView, viewOf } from '../applicationView';
import { configFor } from '../cityConfig';
import { fire, type EventInput } from '../fire';
import { loadApplication } from '../loadApplication';
import { auditOfficer, requireOfficerOf } from '../officerOfHall';
import { settleRefund } from '../refund';
import { lazySchema } from '../../function/lazySchema';

const DAY_MS = 24 * 60 * 60 * 1000;

const QueueItem = lazySchema(() =>
  z.object({
    id: z.string(),
    hallId: z.string(),
    state: z.string(),
    stateName: z.string(),
    reasonName: z.string(),
    subjectNameMasked: z.string(),
    deliveryKind: z.enum(['mail', 'hall']),
    submittedAt: z.string(),
    submittedText: z.string(),
    ageDays: z.int(),
    legalDue: z.optional(z.string()),
    promisedDue: z.optional(z.string()),
    overdue: z.boolean(),
    reviewOverdue: z.boolean(),
    version: z.int(),
    /** The payment's status and its Chinese name (e.g. returnDue, 待当面退费: a fee to hand back at the hall). */
    paymentStatus: z.string(),
    paymentStatusName: z.string(),
    /** 办件编号, when it has one. */
    refNumber: z.optional(z.string()),
  }),
);

export const reviewQueue = defineAction({
  summary:
    'Officer: applications of their halls by state (default: paid and under review; with paymentStatuses alone, any state), age and payment status (paymentStatuses: e.g. returnDue, the fees collected by hand to hand back), oldest first; overdue ones flagged.',
  input: lazySchema(() =>
    z.strictObject({
      hallId: z.optional(stableId),
      states: z.optional(z.array(ReissueState).check(z.minLength(1), z.maxLength(13))),
      /** Only applications submitted at least this many days ago. */
      minAgeDays: z.optional(z.int().check(z.gte(0), z.lte(365))),
      /** Only applications whose payment is in one of these statuses. */
      paymentStatuses: z.optional(z.array(PaymentStatus).check(z.minLength(1), z.maxLength(PAYMENT_STATUSES.length))),
      limit: z._default(z.int().check(z.gte(1), z.lte(200)), 100),
    }),
  ),
  output: lazySchema(() => z.object({ applications: z.array(QueueItem) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run(input, deps: ReissueDeps) {
    const account = requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    if (input.hallId) requireActingForHall(account, input.hallId);
    const hallIds = input.hallId ? [input.hallId] : [...hallsActedFor(account)];
    const now = deps.clock.now();
    const list = await deps.store.queue({
      hallIds,
      // A payment filter alone looks in every state: a fee due back is on a rejected or cancelled application.
      states: input.states ?? (input.paymentStatuses ? [...REISSUE_STATES] : ['paid', 'underReview']),
      ...(input.minAgeDays !== undefined ? { submittedBefore: new Date(now.getTime() - input.minAgeDays * DAY_MS) } : {}),
      ...(input.paymentStatuses ? { paymentStatuses: input.paymentStatuses } : {}),
      limit: input.limit,
    });
    const applications = await Promise.all(
      list.map(async (app) => {
        const config = await configFor(deps, app);
        const limits = deadlines(app, deps.calendar, config);
        const submitted = app.submittedAt ?? app.createdAt;
        let name = '***';
        try {
          name = maskName(deps.secrets.decrypt(app.subjectNameEnc, FIELD.name));
        } catch {
          // unreadable: fully masked
        }
        const late = reviewOverdue(app, now, deps.calendar, config);
        return {
          id: app._id,
          hallId: app.hallId,
          state: app.state,
          stateName: STATE_NAMES[app.state],
          reasonName: REASON_NAMES[app.reason],
          subjectNameMasked: name,
          deliveryKind: app.delivery.kind,
          submittedAt: submitted.toISOString(),
          submittedText: shanghaiMinuteText(submitted),
          ageDays: Math.floor((now.getTime() - submitted.getTime()) / DAY_MS),
          ...(limits ? { legalDue: limits.legalDue, promisedDue: limits.promisedDue } : {}),
          overdue: late || Boolean(limits?.overdue(now)),
          reviewOverdue: late,
          version: app.version,
          paymentStatus: app.payment.status,
          paymentStatusName: PAYMENT_STATUS_NAMES[app.payment.status],
          ...(app.refNumber ? { refNumber: app.refNumber } : {}),
        };
      }),
    );
    return { applications };
  },
});

const Target = lazySchema(() => z.object({ applicationId: ApplicationId, expectedVersion: ExpectedVersion }));

/**
 * One officer action: the officer of the application's hall fires one event; audited; a refund
 * due follows. Its input is the application (and the version decided on) plus the event's own
 * fields, `payload`, which `event` turns into the event.
 */
function officerAction<Payload extends z.core.$ZodShape>(name: string, summary: string, payload: () => Payload, event: (input: z.infer<z.ZodMiniObject<Payload>>) => EventInput) {
  const fields = lazySchema(() => z.object(payload()));
  return defineAction({
    summary: `Officer: ${summary} Audited; decided on expectedVersion when given (REISSUE_VERSION_CONFLICT: reload).`,
    input: lazySchema(() => z.strictObject({ ...Target.shape, ...fields.shape })),
    output: ApplicationView,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'INVALID_INPUT', 'REISSUE_NOT_FOUND', 'REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT'],
    async run(input, deps: ReissueDeps) {
      // `input` passed Target's fields and the payload's; TypeScript cannot name the fields of a generic
      // extension, so each part is read back through its own schema (the same checks again).
      const { applicationId, expectedVersion } = Target.parse(input);
      const app = await loadApplication(deps, applicationId);
      const account = await requireOfficerOf(deps, app.hallId);
      const actor = { role: 'officer' as const, id: account._id };
      const changed = await fire(deps, app, event(fields.parse(input)), actor, expectedVersion);
      await auditOfficer(deps, account, changed, name);
      return viewOf(deps, await settleRefund(deps, changed), actor);
    },
  });
}

const shipping = () => ({ courier: Courier, trackingNumber: TrackingNumber });

export const startReview = officerAction(
  'startReview',
  'takes a paid application into review.',
  () => ({}),
  () => ({ type: 'startReview' }),
);
export const approve = officerAction(
  'approve',
  'approves an application under review.',
  () => ({}),
  () => ({ type: 'approve' }),
);
export const reject = officerAction(
  'reject',
  'rejects an application under review with a reason the citizen sees; a paid fee is refunded.',
  () => ({ reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }),
  (i) => ({
    type: 'reject',
    reason: i.reason,
  }),
);
export const startProduction = officerAction(
  'startProduction',
  'marks an approved application in production.',
  () => ({}),
  () => ({ type: 'startProduction' }),
);
export const ship = officerAction('ship', 'ships the produced card with a courier and tracking number.', shipping, (i) => ({
  type: 'ship',
  courier: i.courier,
  trackingNumber: i.trackingNumber,
}));
export const markDelivered = officerAction(
  'markDelivered',
  'records a shipped card as delivered.',
  () => ({}),
  () => ({ type: 'deliver' }),
);
export const markReturned = officerAction(
  'markReturned',
  'records a shipped card as returned by the courier.',
  () => ({ note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))) }),
  (i) => ({
    type: 'markReturned',
    ...(i.note ? { note: i.note } : {}),
  }),
);
export const reship = officerAction('reship', 'ships a returned card again with a new tracking number.', shipping, (i) => ({
  type: 'reship',
  courier: i.courier,
  trackingNumber: i.trackingNumber,
}));
export const holdAtHall = officerAction(
  'holdAtHall',
  'holds the card at a hall for collection (hall collection once produced, or a returned card).',
  () => ({ hallId: stableId }),
  (i) => ({
    type: 'holdAtHall',
    hallId: i.hallId,
  }),
);
export const collect = officerAction(
  'collect',
  'records the card collected at the hall.',
  () => ({}),
  () => ({ type: 'collect' }),
);
export const cancelAtHall = officerAction(
  'cancelAtHall',
  'cancels, at the citizen’s request at the hall, an application not yet approved whose fee an officer collected by hand (the citizen cannot cancel it online); the reason is shown to the citizen; the fee is then due back by hand (returnDue).',
  () => ({ reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }),
  (i) => ({
    type: 'cancelAtHall',
    reason: i.reason,
  }),
);
export const returnFee = officerAction(
  'returnFee',
  'records a fee collected by hand as handed back to the citizen (payment returnDue, after a rejection or a cancellation at the hall), with the return voucher’s number.',
  () => ({ receipt: DeskReceipt }),
  (i) => ({
    type: 'feeReturned',
    receipt: i.receipt,
  }),
);
