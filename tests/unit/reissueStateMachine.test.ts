/**
 * The reissue state machine against a table written out here, independently of core/reissue:
 * random event sequences (by every kind of actor, with right and wrong payloads and versions)
 * are accepted exactly when the table says so; every reachable state is final or can still reach
 * a final state; versions and timelines grow by one per accepted event; refusals change nothing;
 * two actions decided on one version resolve to one outcome.
 */
import fc from 'fast-check';
import type { ActorRole, PaymentStatus, ReissueApplication, ReissueState } from '../../core/reissue/ReissueApplication';
import { REISSUE_STATES } from '../../core/reissue/ReissueApplication';
import { REISSUE_EVENT_TYPES, type ReissueEvent, type ReissueEventType } from '../../core/reissue/events';
import { availableEvents, isFinal, isOpen, refundDue, transition, type Actor } from '../../core/reissue/stateMachine';
import { address, draft, HALL, OWNER, T0 } from './support/reissueFixtures';
import { nodesThatCanFinish } from './support/reachability';

// ---- The table: event, who, from state, payment statuses allowed ('*': any), delivery/fee
// condition, to state, payment status after ('=' unchanged).
type Cond = 'mail' | 'hall' | 'fee>0' | 'fee=0' | null;
type Row = [ReissueEventType, string, ReissueState, PaymentStatus[] | '*', Cond, ReissueState, PaymentStatus | '='];
const C = 'c',
  O = 'o',
  S = 's'; // citizen, officer, system ('k': courier, in multi-role strings)
const ROWS: Row[] = [
  ['submit', C, 'draft', '*', null, 'submitted', '='],
  ['startPayment', C, 'submitted', ['unpaid', 'failed'], 'fee>0', 'submitted', 'pending'],
  ['paymentSucceeded', S, 'submitted', ['pending', 'failed'], null, 'paid', 'paid'],
  ['paymentSucceeded', S, 'cancelled', ['pending', 'failed'], null, 'cancelled', 'refunding'],
  ['paymentFailed', S, 'submitted', ['pending'], null, 'submitted', 'failed'],
  ['paymentFailed', S, 'cancelled', ['pending'], null, 'cancelled', 'failed'],
  ['paymentWaived', S, 'submitted', ['unpaid'], 'fee=0', 'paid', 'waived'],
  // Issue 18: an officer collected the fee in person (assisted session at a desk or home visit).
  ['paymentCollected', O, 'submitted', ['unpaid'], 'fee>0', 'paid', 'collected'],
  ['startReview', O, 'paid', '*', null, 'underReview', '='],
  ['approve', O, 'underReview', '*', null, 'approved', '='],
  ['reject', O, 'underReview', ['paid'], null, 'rejected', 'refunding'],
  ['reject', O, 'underReview', ['waived'], null, 'rejected', '='],
  // A fee collected by hand is returned by hand at the hall: no refund through the payment port.
  ['reject', O, 'underReview', ['collected'], null, 'rejected', 'returnDue'],
  ['startProduction', O, 'approved', '*', null, 'inProduction', '='],
  ['ship', O, 'inProduction', '*', 'mail', 'shipped', '='],
  ['holdAtHall', O, 'inProduction', '*', 'hall', 'heldAtHall', '='],
  ['deliver', 'kso', 'shipped', '*', null, 'delivered', '='],
  ['markReturned', 'kso', 'shipped', '*', null, 'returned', '='],
  ['reship', O, 'returned', '*', null, 'shipped', '='],
  ['holdAtHall', O, 'returned', '*', null, 'heldAtHall', '='],
  ['collect', O, 'heldAtHall', '*', null, 'collected', '='],
  ['cancel', C, 'draft', '*', null, 'cancelled', '='],
  ['cancel', C, 'submitted', '*', null, 'cancelled', '='],
  ['cancel', C, 'paid', ['paid'], null, 'cancelled', 'refunding'],
  ['cancel', C, 'paid', ['waived'], null, 'cancelled', '='],
  ['cancel', C, 'underReview', ['paid'], null, 'cancelled', 'refunding'],
  ['cancel', C, 'underReview', ['waived'], null, 'cancelled', '='],
  ['expire', S, 'draft', ['unpaid', 'failed'], null, 'cancelled', '='],
  ['expire', S, 'submitted', ['unpaid', 'failed'], null, 'cancelled', '='],
  ...(['draft', 'submitted', 'paid', 'underReview', 'approved', 'inProduction', 'returned'] as const).map((from): Row => ['changeAddress', C, from, '*', 'mail', from, '=']),
  ...(['cancelled', 'rejected'] as const).flatMap((from): Row[] => [
    ['refundSucceeded', S, from, ['refunding'], null, from, 'refunded'],
    ['refundFailed', S, from, ['refunding'], null, from, 'refundFailed'],
    ['retryRefund', 'os', from, ['refundFailed'], null, from, 'refunding'],
    // Issue 18: the officer records a fee collected by hand as handed back.
    ['feeReturned', O, from, ['returnDue'], null, from, 'returnedByHand'],
  ]),
  // Issue 18: the citizen cannot cancel a fee collected by hand online; an officer of the hall does.
  ...(['draft', 'submitted', 'paid', 'underReview'] as const).map((from): Row => ['cancelAtHall', O, from, ['collected'], null, 'cancelled', 'returnDue']),
];
const ROLE: Record<string, ActorRole> = { c: 'citizen', o: 'officer', s: 'system', k: 'courier' };
const ROLES: ActorRole[] = ['citizen', 'officer', 'system', 'courier'];
/** Final: the card handed over, or ended without a card and no money owed or in flight (a fee collected by hand must be handed back first). */
const modelFinal = (state: ReissueState, pay: PaymentStatus) =>
  state === 'delivered' || state === 'collected' || ((state === 'cancelled' || state === 'rejected') && ['unpaid', 'failed', 'waived', 'refunded', 'returnedByHand'].includes(pay));

function rowFor(app: ReissueApplication, type: ReissueEventType, role: ActorRole): Row | undefined {
  return ROWS.find(([ev, by, from, pays, cond]) => {
    if (ev !== type || from !== app.state || ![...by].some((r) => ROLE[r] === role)) return false;
    if (pays !== '*' && !pays.includes(app.payment.status)) return false;
    if (cond === 'mail' || cond === 'hall') return app.delivery.kind === cond;
    if (cond === 'fee>0') return app.fees.totalFen > 0;
    if (cond === 'fee=0') return app.fees.totalFen === 0;
    return true;
  });
}

// ---- Events with right or wrong payloads.
interface Step {
  type: ReissueEventType;
  role: ActorRole;
  guided: number | null;
  foreignCitizen: boolean;
  stale: boolean;
  wrongPayment: boolean;
  wrongHall: boolean;
}

function eventFor(app: ReissueApplication, s: Step, n: number): ReissueEvent {
  const v = !s.stale ? app.version : app.version === 0 || n % 2 === 0 ? app.version + 1 : app.version - 1;
  const paymentId = s.wrongPayment ? 'pay-other' : (app.payment.id ?? `pay-${n}`);
  const hallId = s.wrongHall ? 'other-hall' : app.delivery.kind === 'hall' ? app.delivery.hallId : HALL;
  const base = { expectedVersion: v };
  switch (s.type) {
    case 'startPayment':
      return { type: s.type, paymentId: `pay-${n}`, ...base };
    case 'paymentSucceeded':
      return { type: s.type, paymentId, ...base };
    case 'paymentFailed':
      return { type: s.type, paymentId, note: '支付超时', ...base };
    case 'paymentCollected':
      return { type: s.type, receipt: `R-${1000 + n}`, amountFen: app.fees.totalFen + (s.wrongPayment ? 100 : 0), ...base };
    case 'reject':
      return { type: s.type, reason: '存档照片不清晰', ...base };
    case 'ship':
    case 'reship':
      return { type: s.type, courier: 'sf', trackingNumber: `SF${100000 + n}`, ...base };
    case 'markReturned':
      return { type: s.type, note: '收件人拒收', ...base };
    case 'holdAtHall':
      return { type: s.type, hallId, ...base };
    case 'cancel':
      return { type: s.type, ...base };
    case 'cancelAtHall':
      return { type: s.type, reason: '群众到大厅申请撤回', ...base };
    case 'feeReturned':
      return { type: s.type, receipt: `T-${2000 + n}`, ...base };
    case 'changeAddress':
      return { type: s.type, address: address('460107', { province: '海南省', city: '海口市', district: '琼山区' }), ...base };
    default:
      return { type: s.type, ...base } as ReissueEvent;
  }
}

const actorOf = (s: Step): Actor =>
  s.role === 'citizen' ? { role: 'citizen', id: s.foreignCitizen ? 'openid-someone-else' : OWNER } : { role: s.role, id: s.role === 'officer' ? 'officer-1' : undefined };

/** Guided steps pick one of the events the table accepts now, so random runs get deep. */
function resolve(app: ReissueApplication, s: Step): Step {
  if (s.guided === null) return s;
  const options = REISSUE_EVENT_TYPES.flatMap((type) => ROLES.filter((role) => rowFor(app, type, role)).map((role) => ({ type, role })));
  if (options.length === 0) return s;
  const pick = options[s.guided % options.length];
  return { ...s, ...pick, foreignCitizen: false, stale: false, wrongPayment: false, wrongHall: false };
}

const arbStep: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom(...REISSUE_EVENT_TYPES),
  role: fc.constantFrom(...ROLES),
  guided: fc.option(fc.nat(50), { freq: 2, nil: null }),
  foreignCitizen: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
  stale: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  wrongPayment: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  wrongHall: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
});
const arbStart = fc.record({ delivery: fc.constantFrom<'mail' | 'hall'>('mail', 'hall'), free: fc.boolean() });
const at = (n: number) => new Date(T0.getTime() + n * 3_600_000);

describe('reissue state machine: against the table', () => {
  it('property: any event sequence is accepted exactly where the table allows it, one version and one entry each time', () => {
    fc.assert(
      fc.property(arbStart, fc.array(arbStep, { maxLength: 40 }), (start, steps) => {
        let app = draft(start);
        steps.forEach((raw, n) => {
          const s = resolve(app, raw);
          const event = eventFor(app, s, n);
          const actor = actorOf(s);
          const before = structuredClone(app);
          const row = rowFor(app, s.type, s.role);
          const payloadOk =
            !((s.type === 'paymentSucceeded' || s.type === 'paymentFailed' || s.type === 'paymentCollected') && s.wrongPayment) &&
            !(s.type === 'holdAtHall' && app.delivery.kind === 'hall' && s.wrongHall);
          const shouldAccept = row && !s.stale && !(s.role === 'citizen' && s.foreignCitizen) && payloadOk;
          const result = transition(app, event, actor, at(n + 1));
          expect(app).toEqual(before); // never mutated
          if (!shouldAccept) {
            expect(result.ok).toBe(false);
            if (!result.ok && s.stale) expect(result.reason.code).toBe('REISSUE_VERSION_CONFLICT');
            return;
          }
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const next = result.app;
          expect(next.state).toBe(row[5]);
          expect(next.payment.status).toBe(row[6] === '=' ? app.payment.status : row[6]);
          expect(next.version).toBe(app.version + 1);
          expect(next.timeline).toHaveLength(app.timeline.length + 1);
          expect(next.timeline.slice(0, -1)).toEqual(app.timeline);
          expect(next.timeline.at(-1)).toMatchObject({ state: row[5], event: s.type, by: s.role, at: at(n + 1) });
          app = next;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the table names every state, and every event has at least one row', () => {
    expect(new Set(ROWS.flatMap((r) => [r[2], r[5]]))).toEqual(new Set(REISSUE_STATES));
    expect(new Set(ROWS.map((r) => r[0]))).toEqual(new Set(REISSUE_EVENT_TYPES));
  });
});

// ---- Everything reachable, explored breadth-first with well-formed events by every actor.
function explore() {
  const key = (a: ReissueApplication) => `${a.state}|${a.payment.status}|${a.delivery.kind}|${a.fees.totalFen === 0}`;
  const nodes = new Map<string, ReissueApplication>();
  const edges = new Map<string, Set<string>>();
  const queue = (['mail', 'hall'] as const).flatMap((delivery) => [draft({ delivery }), draft({ delivery, free: true })]);
  queue.forEach((a) => nodes.set(key(a), a));
  while (queue.length > 0) {
    const app = queue.shift()!;
    const from = key(app);
    edges.set(from, edges.get(from) ?? new Set());
    for (const type of REISSUE_EVENT_TYPES) {
      for (const role of ROLES) {
        const step: Step = { type, role, guided: null, foreignCitizen: false, stale: false, wrongPayment: false, wrongHall: false };
        const result = transition(app, eventFor(app, step, app.version), actorOf(step), at(app.version + 1));
        if (!result.ok) continue;
        const to = key(result.app);
        edges.get(from)!.add(to);
        if (!nodes.has(to)) {
          nodes.set(to, result.app);
          queue.push(result.app);
        }
      }
    }
  }
  return { nodes, edges };
}

describe('reissue state machine: reachability', () => {
  const { nodes, edges } = explore();

  it('reaches every state', () => {
    expect(new Set([...nodes.values()].map((a) => a.state))).toEqual(new Set(REISSUE_STATES));
  });

  it('every reachable state is final or has a way out, and from each a final state can be reached', () => {
    const canFinish = nodesThatCanFinish(
      edges,
      [...nodes.keys()].filter((k) => isFinal(nodes.get(k)!)),
    );
    for (const [k, app] of nodes) {
      expect({ k, final: isFinal(app) }).toEqual({ k, final: modelFinal(app.state, app.payment.status) });
      if (!isFinal(app)) expect({ k, wayOut: [...edges.get(k)!].some((t) => t !== k) }).toEqual({ k, wayOut: true });
      expect({ k, canFinish: canFinish.has(k) }).toEqual({ k, canFinish: true });
    }
  });

  it('final applications are closed: only a late payment answer is still taken in, never by a person', () => {
    for (const app of nodes.values()) {
      if (!isFinal(app)) continue;
      expect(isOpen(app)).toBe(false);
      expect(refundDue(app)).toBe(false);
      for (const role of ['citizen', 'officer', 'courier'] as const) expect(availableEvents(app, { role, id: OWNER })).toEqual([]);
    }
  });

  it('availableEvents agrees with the table (payload-free conditions)', () => {
    for (const app of nodes.values()) {
      for (const role of ROLES) {
        const expected = REISSUE_EVENT_TYPES.filter((t) => rowFor(app, t, role));
        expect(availableEvents(app, { role, id: OWNER })).toEqual(expected);
      }
      expect(availableEvents(app, { role: 'citizen', id: 'someone-else' })).toEqual([]);
    }
  });
});

// ---- Journeys and concurrency, by example.
const citizen: Actor = { role: 'citizen', id: OWNER };
const officer: Actor = { role: 'officer', id: 'officer-1' };
const officer2: Actor = { role: 'officer', id: 'officer-2' };
const system: Actor = { role: 'system' };
const courier: Actor = { role: 'courier' };
type Body = ReissueEvent extends infer E ? (E extends ReissueEvent ? Omit<E, 'expectedVersion'> : never) : never;

function apply(app: ReissueApplication, body: Body, actor: Actor, n = app.version + 1): ReissueApplication {
  const result = transition(app, { ...body, expectedVersion: app.version } as ReissueEvent, actor, at(n));
  if (!result.ok) throw new Error(`${body.type} refused: ${result.reason.code} ${result.reason.detail}`);
  return result.app;
}
function run(app: ReissueApplication, steps: Array<[Body, Actor]>): ReissueApplication {
  return steps.reduce((a, [body, actor]) => apply(a, body, actor), app);
}
const paid = (app = draft()) =>
  run(app, [
    [{ type: 'submit' }, citizen],
    [{ type: 'startPayment', paymentId: 'pay-1' }, citizen],
    [{ type: 'paymentSucceeded', paymentId: 'pay-1' }, system],
  ]);

describe('reissue state machine: journeys', () => {
  it('mail: submitted, paid, reviewed, produced, shipped, delivered; the timeline tells it all', () => {
    const done = run(paid(), [
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
      [{ type: 'startProduction' }, officer],
      [{ type: 'ship', courier: 'sf', trackingNumber: 'SF1234567890' }, officer],
      [{ type: 'deliver' }, courier],
    ]);
    expect(done.state).toBe('delivered');
    expect(done.version).toBe(8);
    expect(done.timeline.map((t) => t.state)).toEqual(['draft', 'submitted', 'submitted', 'paid', 'underReview', 'approved', 'inProduction', 'shipped', 'delivered']);
    expect(done.shipment).toEqual({ courier: 'sf', trackingNumber: 'SF1234567890', shippedAt: at(7) });
    expect(done.submittedAt).toEqual(at(1));
    expect(isFinal(done)).toBe(true);
  });

  it('returned: re-shipped, or held at a hall and collected', () => {
    const returned = run(paid(), [
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
      [{ type: 'startProduction' }, officer],
      [{ type: 'ship', courier: 'ems', trackingNumber: 'EMS0000001' }, officer],
      [{ type: 'markReturned', note: '地址不详' }, courier],
    ]);
    const reshipped = run(returned, [
      [{ type: 'changeAddress', address: address('460107') }, citizen],
      [{ type: 'reship', courier: 'sf', trackingNumber: 'SF99999999' }, officer],
    ]);
    expect(reshipped.state).toBe('shipped');
    expect(reshipped.shipment?.trackingNumber).toBe('SF99999999');
    const collected = run(returned, [
      [{ type: 'holdAtHall', hallId: HALL }, officer],
      [{ type: 'collect' }, officer],
    ]);
    expect(collected).toMatchObject({ state: 'collected', collectionHallId: HALL });
  });

  it('hall collection with nothing to pay: waived, then held at the chosen hall only', () => {
    const produced = run(draft({ free: true }), [
      [{ type: 'submit' }, citizen],
      [{ type: 'paymentWaived' }, system],
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
      [{ type: 'startProduction' }, officer],
    ]);
    expect(produced.payment.status).toBe('waived');
    const wrong = transition(produced, { type: 'holdAtHall', hallId: 'other-hall', expectedVersion: produced.version }, officer, at(9));
    expect(wrong).toMatchObject({ ok: false, reason: { code: 'REISSUE_STATE_CONFLICT' } });
    const ship = transition(produced, { type: 'ship', courier: 'sf', trackingNumber: 'SF12345678', expectedVersion: produced.version }, officer, at(9));
    expect(ship).toMatchObject({ ok: false, reason: { code: 'REISSUE_STATE_CONFLICT' } });
    expect(
      run(produced, [
        [{ type: 'holdAtHall', hallId: HALL }, officer],
        [{ type: 'collect' }, officer],
      ]).state,
    ).toBe('collected');
  });

  it('a failed or timed-out payment can be retried; a late success of a timed-out order still counts', () => {
    const failed = run(draft(), [
      [{ type: 'submit' }, citizen],
      [{ type: 'startPayment', paymentId: 'pay-1' }, citizen],
      [{ type: 'paymentFailed', paymentId: 'pay-1', note: '支付超时' }, system],
    ]);
    expect(failed).toMatchObject({ state: 'submitted', payment: { id: 'pay-1', status: 'failed' } });
    expect(apply(failed, { type: 'paymentSucceeded', paymentId: 'pay-1' }, system).state).toBe('paid');
    const retried = run(failed, [
      [{ type: 'startPayment', paymentId: 'pay-2' }, citizen],
      [{ type: 'paymentSucceeded', paymentId: 'pay-2' }, system],
    ]);
    expect(retried.payment).toEqual({ id: 'pay-2', status: 'paid' });
  });

  it('cancel before approval refunds a paid fee; a payment landing after cancellation is refunded too', () => {
    const cancelled = apply(paid(), { type: 'cancel', note: '证件已找到' }, citizen);
    expect(cancelled).toMatchObject({ state: 'cancelled', payment: { status: 'refunding' } });
    expect(refundDue(cancelled)).toBe(true);
    expect(isFinal(cancelled)).toBe(false);
    const refunded = run(cancelled, [
      [{ type: 'refundFailed', note: '原支付账户已注销' }, system],
      [{ type: 'retryRefund' }, officer],
      [{ type: 'refundSucceeded' }, system],
    ]);
    expect(refunded.payment.status).toBe('refunded');
    expect(isFinal(refunded)).toBe(true);

    const pending = run(draft(), [
      [{ type: 'submit' }, citizen],
      [{ type: 'startPayment', paymentId: 'pay-1' }, citizen],
      [{ type: 'cancel' }, citizen],
    ]);
    expect(pending.payment.status).toBe('pending');
    expect(apply(pending, { type: 'paymentSucceeded', paymentId: 'pay-1' }, system).payment.status).toBe('refunding');
    expect(apply(pending, { type: 'paymentFailed', paymentId: 'pay-1' }, system).payment.status).toBe('failed');
  });

  it('no cancellation after approval; rejection carries its reason and refunds', () => {
    const approved = run(paid(), [
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
    ]);
    expect(transition(approved, { type: 'cancel', expectedVersion: approved.version }, citizen, at(9))).toMatchObject({ ok: false, reason: { code: 'REISSUE_STATE_CONFLICT' } });
    const rejected = run(paid(), [
      [{ type: 'startReview' }, officer],
      [{ type: 'reject', reason: '存档照片与本人差异较大' }, officer],
    ]);
    expect(rejected).toMatchObject({ state: 'rejected', rejectionReason: '存档照片与本人差异较大', payment: { status: 'refunding' } });
    expect(rejected.timeline.at(-1)?.note).toBe('存档照片与本人差异较大');
  });

  it('a fee collected by hand: rejected or cancelled at the hall, it is due back by hand, and the officer records it handed back', () => {
    const collected = run(draft(), [
      [{ type: 'submit' }, citizen],
      [{ type: 'paymentCollected', receipt: 'R-0001', amountFen: draft().fees.totalFen }, officer],
    ]);
    expect(collected).toMatchObject({ state: 'paid', payment: { status: 'collected', receipt: 'R-0001' } });
    // The citizen cannot cancel it online, nor fire the hall's events.
    expect(transition(collected, { type: 'cancel', expectedVersion: collected.version }, citizen, at(9))).toMatchObject({ ok: false, reason: { code: 'REISSUE_STATE_CONFLICT' } });
    expect(transition(collected, { type: 'cancelAtHall', reason: '本人撤回申请', expectedVersion: collected.version }, citizen, at(9))).toMatchObject({
      ok: false,
      reason: { code: 'FORBIDDEN' },
    });
    expect(availableEvents(collected, citizen)).not.toContain('cancelAtHall');
    expect(availableEvents(collected, officer)).toContain('cancelAtHall');

    const rejected = run(collected, [
      [{ type: 'startReview' }, officer],
      [{ type: 'reject', reason: '存档照片与本人差异较大' }, officer],
    ]);
    expect(rejected).toMatchObject({ state: 'rejected', payment: { status: 'returnDue', receipt: 'R-0001' } });
    expect([isFinal(rejected), refundDue(rejected), isOpen(rejected)]).toEqual([false, false, false]);
    expect(availableEvents(rejected, officer)).toEqual(['feeReturned']);
    for (const who of [citizen, system, courier]) {
      expect(transition(rejected, { type: 'feeReturned', receipt: 'T-0001', expectedVersion: rejected.version }, who, at(9))).toMatchObject({
        ok: false,
        reason: { code: 'FORBIDDEN' },
      });
    }
    const returned = apply(rejected, { type: 'feeReturned', receipt: 'T-0001' }, officer);
    expect(returned).toMatchObject({ state: 'rejected', payment: { status: 'returnedByHand', receipt: 'R-0001', returnReceipt: 'T-0001' } });
    expect(returned.timeline.at(-1)).toMatchObject({ event: 'feeReturned', by: 'officer', note: '民警当面退还费用，票据号T-0001' });
    expect(isFinal(returned)).toBe(true);
    expect(transition(returned, { type: 'feeReturned', receipt: 'T-0002', expectedVersion: returned.version }, officer, at(20)).ok).toBe(false);

    const cancelled = apply(collected, { type: 'cancelAtHall', reason: '群众到大厅申请撤回' }, officer);
    expect(cancelled).toMatchObject({ state: 'cancelled', payment: { status: 'returnDue' } });
    expect(cancelled.timeline.at(-1)).toMatchObject({ event: 'cancelAtHall', by: 'officer', note: '群众到大厅申请撤回' });
    expect(apply(cancelled, { type: 'feeReturned', receipt: 'T-0003' }, officer).payment.status).toBe('returnedByHand');
  });

  it('a WeChat Pay fee is unchanged: no cancellation at the hall, no return by hand; rejection refunds through the payment port', () => {
    const wechat = run(paid(), [[{ type: 'startReview' }, officer]]);
    expect(availableEvents(wechat, officer)).not.toContain('cancelAtHall');
    expect(transition(wechat, { type: 'cancelAtHall', reason: '群众到大厅申请撤回', expectedVersion: wechat.version }, officer, at(9))).toMatchObject({
      ok: false,
      reason: { code: 'REISSUE_STATE_CONFLICT' },
    });
    const rejected = apply(wechat, { type: 'reject', reason: '信息不符' }, officer);
    expect(rejected.payment.status).toBe('refunding');
    expect(transition(rejected, { type: 'feeReturned', receipt: 'T-0001', expectedVersion: rejected.version }, officer, at(9))).toMatchObject({
      ok: false,
      reason: { code: 'REISSUE_STATE_CONFLICT' },
    });
  });

  it('the address can change until the card is shipped, never for hall collection', () => {
    const shipped = run(paid(), [
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
      [{ type: 'startProduction' }, officer],
      [{ type: 'changeAddress', address: address('460107') }, citizen],
      [{ type: 'ship', courier: 'sf', trackingNumber: 'SF12345678' }, officer],
    ]);
    expect(shipped.delivery).toMatchObject({ kind: 'mail', address: { districtCode: '460107' } });
    expect(shipped.timeline.find((t) => t.event === 'changeAddress')?.note).toBeUndefined();
    const late = transition(shipped, { type: 'changeAddress', address: address(), expectedVersion: shipped.version }, citizen, at(9));
    expect(late).toMatchObject({ ok: false, reason: { code: 'REISSUE_STATE_CONFLICT' } });
    const hall = draft({ delivery: 'hall' });
    expect(transition(hall, { type: 'changeAddress', address: address(), expectedVersion: 0 }, citizen, at(1)).ok).toBe(false);
  });

  it('refuses the wrong actor, someone else’s application, and malformed events', () => {
    const app = draft();
    expect(transition(app, { type: 'submit', expectedVersion: 0 }, officer, at(1))).toMatchObject({ ok: false, reason: { code: 'FORBIDDEN' } });
    expect(transition(app, { type: 'submit', expectedVersion: 0 }, { role: 'citizen', id: 'x' }, at(1))).toMatchObject({ ok: false, reason: { code: 'FORBIDDEN' } });
    expect(transition(app, { type: 'submit', expectedVersion: 0 }, { role: 'citizen' }, at(1))).toMatchObject({ ok: false, reason: { code: 'FORBIDDEN' } });
    const produced = run(paid(), [
      [{ type: 'startReview' }, officer],
      [{ type: 'approve' }, officer],
      [{ type: 'startProduction' }, officer],
    ]);
    for (const trackingNumber of ['', '12', '顺丰123456', 'SF 123456']) {
      const r = transition(produced, { type: 'ship', courier: 'sf', trackingNumber, expectedVersion: produced.version }, officer, at(9));
      expect(r).toMatchObject({ ok: false, reason: { code: 'INVALID_INPUT' } });
    }
    const blank = transition(produced, { type: 'reject', reason: '  ', expectedVersion: produced.version } as ReissueEvent, officer, at(9));
    expect(blank).toMatchObject({ ok: false, reason: { code: 'INVALID_INPUT' } });
    expect(transition(app, { type: 'submit', expectedVersion: 0 }, citizen, new Date(Number.NaN))).toMatchObject({ ok: false, reason: { code: 'INVALID_INPUT' } });
  });

  it('says where a malformed event fails: the fields, or that it is no event object', () => {
    const app = draft();
    const detail = (event: unknown) => {
      const r = transition(app, event as ReissueEvent, citizen, at(1));
      return r.ok ? undefined : r.reason.detail;
    };
    expect(detail('submit')).toBe('Invalid input: expected an event object');
    expect(detail(null)).toBe('Invalid input: expected an event object');
    expect(detail({ type: 'nope', expectedVersion: 0 })).toBe('type');
    expect(detail({ type: 'reject', reason: ' ', expectedVersion: -1 })).toBe('reason，expectedVersion');
  });
});

describe('reissue state machine: concurrent actions resolve to one outcome', () => {
  /** The store's part: write only over the version the writer read (what the adapter does). */
  class CasStore {
    constructor(public doc: ReissueApplication) {}
    read = () => structuredClone(this.doc);
    write(next: ReissueApplication, readVersion: number): boolean {
      if (this.doc.version !== readVersion) return false;
      this.doc = next;
      return true;
    }
  }
  /** One request: read, decide, write; on a lost race, read again and decide again with the old version. */
  function request(store: CasStore, read: ReissueApplication, body: Body, actor: Actor) {
    const decided = transition(read, { ...body, expectedVersion: read.version } as ReissueEvent, actor, at(20));
    if (!decided.ok) return decided;
    if (store.write(decided.app, read.version)) return decided;
    return transition(store.read(), { ...body, expectedVersion: read.version } as ReissueEvent, actor, at(20));
  }

  it('an officer approving while the citizen cancels: exactly one wins, the other is told to refresh', () => {
    for (const citizenFirst of [true, false]) {
      const store = new CasStore(run(paid(), [[{ type: 'startReview' }, officer]]));
      const [r1, r2] = [store.read(), store.read()];
      const results = citizenFirst
        ? [request(store, r1, { type: 'cancel' }, citizen), request(store, r2, { type: 'approve' }, officer)]
        : [request(store, r2, { type: 'approve' }, officer), request(store, r1, { type: 'cancel' }, citizen)];
      expect(results.map((r) => r.ok)).toEqual([true, false]);
      expect(results[1]).toMatchObject({ ok: false, reason: { code: 'REISSUE_VERSION_CONFLICT' } });
      expect(store.doc.state).toBe(citizenFirst ? 'cancelled' : 'approved');
      expect(store.doc.payment.status).toBe(citizenFirst ? 'refunding' : 'paid');
      expect(store.doc.version).toBe(r1.version + 1);
    }
  });

  it('two officers approving and rejecting one application: one decision, never both', () => {
    const store = new CasStore(run(paid(), [[{ type: 'startReview' }, officer]]));
    const [a, b] = [store.read(), store.read()];
    const approve = request(store, a, { type: 'approve' }, officer);
    const reject = request(store, b, { type: 'reject', reason: '信息不符' }, officer2);
    expect([approve.ok, reject.ok]).toEqual([true, false]);
    expect(store.doc).toMatchObject({ state: 'approved', version: a.version + 1 });
    expect(store.doc.rejectionReason).toBeUndefined();
  });

  it('property: of two events both acceptable on one version, the second on that version is refused and changes nothing', () => {
    fc.assert(
      fc.property(arbStart, fc.array(fc.nat(50), { maxLength: 12 }), fc.nat(50), fc.nat(50), (start, path, i, j) => {
        let app = draft(start);
        path.forEach((g, n) => {
          const s = resolve(app, { type: 'submit', role: 'citizen', guided: g, foreignCitizen: false, stale: false, wrongPayment: false, wrongHall: false });
          const r = transition(app, eventFor(app, s, n), actorOf(s), at(n + 1));
          if (r.ok) app = r.app;
        });
        const options = REISSUE_EVENT_TYPES.flatMap((type) => ROLES.filter((role) => rowFor(app, type, role)).map((role) => ({ type, role })));
        fc.pre(options.length > 0);
        const mk = (k: number): Step => ({ ...options[k % options.length], guided: null, foreignCitizen: false, stale: false, wrongPayment: false, wrongHall: false });
        const [first, second] = [mk(i), mk(j)];
        const won = transition(app, eventFor(app, first, 90), actorOf(first), at(90));
        expect(won.ok).toBe(true);
        if (!won.ok) return;
        const staleEvent = { ...eventFor(app, second, 91), expectedVersion: app.version };
        const snapshot = structuredClone(won.app);
        const lost = transition(won.app, staleEvent, actorOf(second), at(91));
        expect(lost).toMatchObject({ ok: false, reason: { code: 'REISSUE_VERSION_CONFLICT' } });
        expect(won.app).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});
