import type { ErrorCode } from '../errors/catalogue';
import type { ActorRole, PaymentStatus, ReissueApplication, ReissueState } from './ReissueApplication';
import { REISSUE_EVENT_TYPES, ReissueEvent, type EventOf, type ReissueEventType } from './events';
import { ACTOR_NAMES, EVENT_NAMES, PAYMENT_STATUS_NAMES, STATE_NAMES } from './names';

/**
 * The only code that changes a reissue application's state (`transition`; `draftApplication`
 * creates one). Use cases call it and store the result with a compare-and-set on the version they
 * read; nothing else writes `state`, `payment.status`, `timeline` or `version`.
 *
 * draft →submit→ submitted →(pay, or paymentCollected by an officer at a desk)→ paid →startReview→ underReview →approve→ approved
 *   →startProduction→ inProduction →ship→ shipped →deliver→ delivered
 *                                                  →markReturned→ returned →reship→ shipped
 *                                                                          →holdAtHall→ heldAtHall
 *                    inProduction (hall collection) →holdAtHall→ heldAtHall →collect→ collected
 * underReview →reject→ rejected; draft|submitted|paid|underReview →cancel→ cancelled;
 * draft|submitted (unpaid, or its payment failed) →expire→ cancelled.
 * A fee an officer collected in person (paymentCollected, issue 18) is payment 'collected': the
 * citizen cannot cancel online; an officer cancels it at the hall (cancelAtHall, from the same
 * states) instead. A rejection or that cancellation makes the fee 'returnDue', to be handed back
 * in person; the officer who does records it (feeReturned → 'returnedByHand').
 * Refunds are the payment's business, not states: cancel or reject of a paid application sets
 * payment.status 'refunding' (then refundSucceeded → 'refunded', or refundFailed → 'refundFailed'
 * → retryRefund). A payment that succeeds after a cancellation is refunded the same way.
 */

/** Who fires an event. A citizen is the applicant (their openid); officers are scoped to halls by the use case. */
export interface Actor {
  role: ActorRole;
  id?: string;
}

export type Refusal = { code: Extract<ErrorCode, 'INVALID_INPUT' | 'FORBIDDEN' | 'REISSUE_STATE_CONFLICT' | 'REISSUE_VERSION_CONFLICT'>; detail: string };
/** Accepted: the application as given (every field it carries travels on) in its next version. */
export type TransitionResult<A extends ReissueApplication = ReissueApplication> = { ok: true; app: A } | { ok: false; reason: Refusal };

interface Outcome {
  state: ReissueState;
  patch?: Partial<ReissueApplication>;
  note?: string;
}

interface Rule<T extends ReissueEventType> {
  by: readonly ActorRole[];
  from: readonly ReissueState[];
  /** Why the application itself does not allow the event now (undefined: it does). */
  when?: (app: ReissueApplication) => string | undefined;
  /** Why this event's payload does not fit the application. */
  check?: (app: ReissueApplication, event: EventOf<T>) => string | undefined;
  apply: (app: ReissueApplication, event: EventOf<T>, now: Date) => Outcome;
}

const same = (app: ReissueApplication): ReissueState => app.state;
const payment = (app: ReissueApplication, status: PaymentStatus) => ({ payment: { ...app.payment, status } });
/**
 * A paid application that ends without a card has its money returned: a WeChat Pay fee through the
 * payment port ('refunding'), a fee collected by hand by hand at the hall ('returnDue').
 */
const refundIfPaid = (app: ReissueApplication) => (app.payment.status === 'paid' ? payment(app, 'refunding') : app.payment.status === 'collected' ? payment(app, 'returnDue') : {});
const paymentIs = (app: ReissueApplication, ...statuses: PaymentStatus[]) =>
  statuses.includes(app.payment.status) ? undefined : `当前缴费状态为“${PAYMENT_STATUS_NAMES[app.payment.status]}”`;
const sameOrder = (app: ReissueApplication, e: { paymentId: string }) => (e.paymentId === app.payment.id ? undefined : '支付单号与申请不符');
const byMail = (app: ReissueApplication) => (app.delivery.kind === 'mail' ? undefined : '本申请为到大厅领取，不需邮寄');
const shipment = (e: { courier: string; trackingNumber: string }, now: Date) => ({ courier: e.courier, trackingNumber: e.trackingNumber, shippedAt: now });

/** Before approval: the citizen may still withdraw and change their mind. */
const CANCELLABLE: readonly ReissueState[] = ['draft', 'submitted', 'paid', 'underReview'];
/** Until the card leaves (and again when it came back): the address may change. */
const ADDRESS_CHANGEABLE: readonly ReissueState[] = ['draft', 'submitted', 'paid', 'underReview', 'approved', 'inProduction', 'returned'];
const ENDED_WITHOUT_CARD: readonly ReissueState[] = ['cancelled', 'rejected'];

export const RULES: { readonly [T in ReissueEventType]: Rule<T> } = {
  submit: { by: ['citizen'], from: ['draft'], apply: (_a, _e, now) => ({ state: 'submitted', patch: { submittedAt: now } }) },
  startPayment: {
    by: ['citizen'],
    from: ['submitted'],
    when: (a) => (a.fees.totalFen === 0 ? '本申请无需缴费' : paymentIs(a, 'unpaid', 'failed')),
    apply: (_a, e) => ({ state: 'submitted', patch: { payment: { id: e.paymentId, status: 'pending' } } }),
  },
  paymentSucceeded: {
    by: ['system'],
    from: ['submitted', 'cancelled'],
    // 'failed' too: the payment service is the judge; should it report a closed order paid after
    // all (a payment that raced the close), the money is recorded, not lost.
    when: (a) => paymentIs(a, 'pending', 'failed'),
    check: sameOrder,
    apply: (a) =>
      a.state === 'submitted' ? { state: 'paid', patch: payment(a, 'paid') } : { state: 'cancelled', patch: payment(a, 'refunding'), note: '申请已取消，款项将原路退回' },
  },
  paymentFailed: {
    by: ['system'],
    from: ['submitted', 'cancelled'],
    when: (a) => paymentIs(a, 'pending'),
    check: sameOrder,
    apply: (a, e) => ({ state: same(a), patch: payment(a, 'failed'), note: e.note }),
  },
  paymentWaived: {
    by: ['system'],
    from: ['submitted'],
    when: (a) => (a.fees.totalFen !== 0 ? '本申请需要缴费' : paymentIs(a, 'unpaid')),
    apply: (a) => ({ state: 'paid', patch: payment(a, 'waived') }),
  },
  paymentCollected: {
    by: ['officer'],
    from: ['submitted'],
    when: (a) => (a.fees.totalFen === 0 ? '本申请无需缴费' : paymentIs(a, 'unpaid')),
    check: (a, e) => (e.amountFen === a.fees.totalFen ? undefined : '收取金额与应缴费用不符'),
    apply: (a, e) => ({ state: 'paid', patch: { payment: { ...a.payment, status: 'collected', receipt: e.receipt } }, note: `民警当面收取费用，票据号${e.receipt}` }),
  },
  startReview: { by: ['officer'], from: ['paid'], apply: () => ({ state: 'underReview' }) },
  approve: { by: ['officer'], from: ['underReview'], apply: () => ({ state: 'approved' }) },
  reject: {
    by: ['officer'],
    from: ['underReview'],
    apply: (a, e) => ({ state: 'rejected', patch: { rejectionReason: e.reason, ...refundIfPaid(a) }, note: e.reason }),
  },
  startProduction: { by: ['officer'], from: ['approved'], apply: () => ({ state: 'inProduction' }) },
  ship: {
    by: ['officer'],
    from: ['inProduction'],
    when: byMail,
    apply: (_a, e, now) => ({ state: 'shipped', patch: { shipment: shipment(e, now) }, note: `${e.courier} ${e.trackingNumber}` }),
  },
  deliver: { by: ['courier', 'system', 'officer'], from: ['shipped'], apply: () => ({ state: 'delivered' }) },
  markReturned: { by: ['courier', 'system', 'officer'], from: ['shipped'], apply: (_a, e) => ({ state: 'returned', note: e.note }) },
  reship: {
    by: ['officer'],
    from: ['returned'],
    when: byMail,
    apply: (_a, e, now) => ({ state: 'shipped', patch: { shipment: shipment(e, now) }, note: `${e.courier} ${e.trackingNumber}` }),
  },
  holdAtHall: {
    by: ['officer'],
    from: ['inProduction', 'returned'],
    when: (a) => (a.state === 'inProduction' && a.delivery.kind === 'mail' ? '邮寄的证件请在制证完成后寄出' : undefined),
    check: (a, e) => (a.delivery.kind === 'hall' && a.delivery.hallId !== e.hallId ? '领取大厅与申请选择的不一致' : undefined),
    apply: (_a, e) => ({ state: 'heldAtHall', patch: { collectionHallId: e.hallId } }),
  },
  collect: { by: ['officer'], from: ['heldAtHall'], apply: () => ({ state: 'collected' }) },
  cancel: {
    by: ['citizen'],
    from: CANCELLABLE,
    // A fee an officer took by hand is given back by hand at the hall: no payment order to refund (issue 18).
    when: (a) => (a.payment.status === 'collected' ? '本申请的费用为民警当面收取，请到受理大厅取消申请并办理退费' : undefined),
    apply: (a, e) => ({ state: 'cancelled', patch: refundIfPaid(a), note: e.note }),
  },
  expire: { by: ['system'], from: ['draft', 'submitted'], when: (a) => paymentIs(a, 'unpaid', 'failed'), apply: () => ({ state: 'cancelled' }) },
  changeAddress: {
    by: ['citizen'],
    from: ADDRESS_CHANGEABLE,
    when: (a) => (a.delivery.kind === 'mail' ? undefined : '本申请为到大厅领取，没有收件地址'),
    apply: (a, e) => ({ state: same(a), patch: { delivery: { kind: 'mail', address: e.address } } }),
  },
  refundSucceeded: { by: ['system'], from: ENDED_WITHOUT_CARD, when: (a) => paymentIs(a, 'refunding'), apply: (a) => ({ state: same(a), patch: payment(a, 'refunded') }) },
  refundFailed: {
    by: ['system'],
    from: ENDED_WITHOUT_CARD,
    when: (a) => paymentIs(a, 'refunding'),
    apply: (a, e) => ({ state: same(a), patch: payment(a, 'refundFailed'), note: e.note }),
  },
  retryRefund: {
    by: ['officer', 'system'],
    from: ENDED_WITHOUT_CARD,
    when: (a) => paymentIs(a, 'refundFailed'),
    apply: (a) => ({ state: same(a), patch: payment(a, 'refunding') }),
  },
  cancelAtHall: {
    by: ['officer'],
    from: CANCELLABLE,
    when: (a) => paymentIs(a, 'collected'),
    apply: (a, e) => ({ state: 'cancelled', patch: refundIfPaid(a), note: e.reason }),
  },
  feeReturned: {
    by: ['officer'],
    from: ENDED_WITHOUT_CARD,
    when: (a) => paymentIs(a, 'returnDue'),
    apply: (a, e) => ({
      state: same(a),
      patch: { payment: { ...a.payment, status: 'returnedByHand', returnReceipt: e.receipt } },
      note: `民警当面退还费用，票据号${e.receipt}`,
    }),
  },
};

/**
 * The rule stored under an event type. Indexed with a type parameter the table gives `Rule<T>`
 * (TypeScript's correlated-union pattern, no cast): `transition` looks the rule up under the
 * event's own type and hands it that event.
 */
function ruleOf<T extends ReissueEventType>(type: T): Rule<T> {
  return RULES[type];
}

const refuse = (code: Refusal['code'], detail: string): { ok: false; reason: Refusal } => ({ ok: false, reason: { code, detail } });

/**
 * Applies one event to an application decided on `event.expectedVersion`. Accepted: a new
 * application (the input is never mutated) with the new state, one timeline entry more and the
 * version plus one. Refused: why, and nothing changes. Checks in order: the event's shape, the
 * version, who fires it, the state, then the application's and the payload's conditions.
 */
export function transition<A extends ReissueApplication>(app: A, event: ReissueEvent, actor: Actor, now: Date): TransitionResult<A> {
  const parsed = ReissueEvent.safeParse(event);
  if (!parsed.success) return refuse('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.') || i.message).join('，'));
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return refuse('INVALID_INPUT', 'now');
  const e = parsed.data;
  if (e.expectedVersion !== app.version) return refuse('REISSUE_VERSION_CONFLICT', '申请已被更新');
  const rule = ruleOf(e.type);
  const action = EVENT_NAMES[e.type];
  if (!rule.by.includes(actor.role)) return refuse('FORBIDDEN', `${ACTOR_NAMES[actor.role]}不能${action}`);
  if (actor.role === 'citizen' && actor.id !== app.applicant.actorOpenid) return refuse('FORBIDDEN', '只能办理本人的申请');
  if (!rule.from.includes(app.state)) return refuse('REISSUE_STATE_CONFLICT', `申请${STATE_NAMES[app.state]}，不能${action}`);
  const why = rule.when?.(app) ?? rule.check?.(app, e);
  if (why) return refuse('REISSUE_STATE_CONFLICT', why);
  const { state, patch, note } = rule.apply(app, e, now);
  const entry = { state, event: e.type, at: now, by: actor.role, ...(note ? { note } : {}) };
  return { ok: true, app: { ...app, ...patch, state, timeline: [...app.timeline, entry], updatedAt: now, version: app.version + 1 } };
}

/**
 * The events an actor could fire now, judged on the application alone (payloads not yet known):
 * for buttons and for officers' queues. `transition` remains the judge.
 */
export function availableEvents(app: ReissueApplication, actor: Actor): ReissueEventType[] {
  if (actor.role === 'citizen' && actor.id !== app.applicant.actorOpenid) return [];
  return REISSUE_EVENT_TYPES.filter((type) => {
    const rule = ruleOf(type);
    return rule.by.includes(actor.role) && rule.from.includes(app.state) && !rule.when?.(app);
  });
}

/** The card was handed over: nothing more can happen. */
const CARD_HANDED_OVER: readonly ReissueState[] = ['delivered', 'collected'];

/** Still in progress (counts as "another open application" for eligibility). */
export function isOpen(app: Pick<ReissueApplication, 'state'>): boolean {
  return !CARD_HANDED_OVER.includes(app.state) && !ENDED_WITHOUT_CARD.includes(app.state);
}

/** Ended, and no money is owed or in flight (a refund or a payment answer pending is not final). */
export function isFinal(app: Pick<ReissueApplication, 'state' | 'payment'>): boolean {
  if (CARD_HANDED_OVER.includes(app.state)) return true;
  return ENDED_WITHOUT_CARD.includes(app.state) && !['pending', 'refunding', 'refundFailed', 'returnDue'].includes(app.payment.status);
}

/** The payment port must be asked for a refund. */
export function refundDue(app: Pick<ReissueApplication, 'payment'>): boolean {
  return app.payment.status === 'refunding';
}

export type DraftInput = Pick<ReissueApplication, '_id' | 'applicant' | 'reason' | 'delivery' | 'issuerDivisionCode' | 'fees'>;

/** A new application in `draft`, version 0, its timeline's first entry by the citizen. */
export function draftApplication(input: DraftInput, now: Date): ReissueApplication {
  return {
    ...input,
    declaredAppearanceUnchanged: true,
    state: 'draft',
    timeline: [{ state: 'draft', event: 'create', at: now, by: 'citizen' }],
    payment: { status: 'unpaid' },
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}
