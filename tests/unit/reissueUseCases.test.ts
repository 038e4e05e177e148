/**
 * The reissue use cases on in-memory ports (tests/unit/support/reissueInMemoryPorts.ts): who may
 * do what, what it costs, which state follows, what is refused, and what is recorded. The
 * integration tier (tests/integration/reissue*.test.ts) runs the same use cases through the
 * function and the database emulator; here the rules run alone, in milliseconds.
 */
import * as z from 'zod/mini';
import type { Action, ActionRequest, ActionSchema } from '../../core/function/action';
import type { ReissueDeps } from '../../core/reissue/ReissueDeps';
import type { DeliveryInput } from '../../core/reissue/actions/address';
import { CLAIM_IN_FLIGHT_MS } from '../../core/reissue/openClaim';
import * as applying from '../../core/reissue/actions/apply';
import * as citizens from '../../core/reissue/actions/citizen';
import * as officers from '../../core/reissue/actions/officer';
import * as payments from '../../core/reissue/actions/payment';
import * as timers from '../../core/reissue/actions/timers';
import { GUANGZHOU_MAIL, HAIKOU_HALL, HAIKOU_MAIL, OTHER_HAIKOU_HALL, SHENZHEN_HALL, T0, reissueWorld, type ReissueWorld } from './support/reissueInMemoryPorts';

/** Every reissue action with its own input and output types (the function's map erases them). */
const A = { ...applying, ...citizens, ...officers, ...payments, ...timers };

/** As the function does: the input parsed by the action's schema, then the use case. */
function call<In extends ActionSchema, Out extends ActionSchema>(action: Action<ReissueDeps, In, Out>, input: z.input<In>, deps: ReissueDeps, request?: ActionRequest) {
  return action.run(z.parse(action.input, input) as z.infer<In>, deps, request) as Promise<z.infer<Out>>;
}

const code = (c: string) => expect.objectContaining({ code: c });

let w: ReissueWorld;
let requests = 0;
const req = (): ActionRequest => ({ requestId: `req-${++requests}` });

beforeEach(() => {
  w = reissueWorld();
});

/** A citizen of Haikou with a submitted application (mail, 55.00). */
async function submitted(openid = 'o-citizen', delivery: DeliveryInput = HAIKOU_MAIL) {
  const person = w.citizen(openid);
  const view = await call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery }, w.as(openid), req());
  return { ...person, id: view.id, view };
}

/** …paid through the payment port. */
async function paid(openid = 'o-citizen') {
  const s = await submitted(openid);
  const order = await call(A.pay, { applicationId: s.id }, w.as(openid));
  w.payment.payByCitizen(order.orderId);
  const view = await call(A.confirmPayment, { applicationId: s.id, reported: 'ok' }, w.as(openid));
  return { ...s, orderId: order.orderId, view };
}

const officerAct = (name: keyof typeof officers, input: Record<string, unknown>, openid = 'o-officer') =>
  call(officers[name] as Action<ReissueDeps>, input, w.as(openid)) as Promise<{ state: string; version: number; paymentStatus: string }>;

describe('eligibility', () => {
  test('an eligible person of Haikou: no reasons, the first Haikou hall, 40 yuan plus same-city postage', async () => {
    w.citizen('o-1');
    const r = await call(A.eligibility, {}, w.as('o-1'));
    expect(r).toMatchObject({ eligible: true, reasons: [], forFamilyMember: false, hall: { id: HAIKOU_HALL }, fee: { total: '55.00' } });
    expect(r.subjectNameMasked).not.toContain('建国');
  });

  test('every reason is listed: under 16, no fingerprints, a reason only a hall can handle', async () => {
    w.citizen('o-young', '王小明', { birthDate: '2012-01-01', fingerprintsOnFile: false });
    const r = await call(A.eligibility, { reason: 'first' }, w.as('o-young'));
    expect(r.eligible).toBe(false);
    expect(r.reasons.map((x) => x.code).sort()).toEqual(['NO_FINGERPRINTS', 'REASON_NEEDS_HALL', 'UNDER_MIN_AGE']);
    expect(r.fee).toBeUndefined();
  });

  test('a city without a reissue hall: NO_HALL, book a hall visit', async () => {
    w.citizen('o-bj', '李四', { divisionCode: '110105', cardIssuedOn: '2025-06-10' });
    const r = await call(A.eligibility, {}, w.as('o-bj'));
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'NO_HALL', next: 'bookHall' })]);
  });

  test('an open application blocks a new one and is named', async () => {
    const s = await submitted('o-1');
    const r = await call(A.eligibility, {}, w.as('o-1'));
    expect(r).toMatchObject({ eligible: false, openApplicationId: s.id, reasons: [expect.objectContaining({ code: 'OPEN_APPLICATION', next: 'viewApplication' })] });
  });

  test('signed out, not verified, or a family member not linked: refused', async () => {
    await expect(call(A.eligibility, {}, w.as(undefined))).rejects.toEqual(code('UNAUTHENTICATED'));
    w.officer('o-unverified', [], 'officer', { verified: false });
    await expect(call(A.eligibility, {}, w.as('o-unverified'))).rejects.toEqual(code('NOT_VERIFIED'));
    w.citizen('o-1');
    const stranger = w.resident('张三');
    await expect(call(A.eligibility, { forMemberId: stranger._id }, w.as('o-1'))).rejects.toEqual(code('FAMILY_MEMBER_NOT_FOUND'));
  });

  test('for a linked family member: their rules, their masked name', async () => {
    w.citizen('o-parent');
    const child = w.familyMember('o-parent', '王小红', { birthDate: '2015-05-05' });
    const r = await call(A.eligibility, { forMemberId: child._id }, w.as('o-parent'));
    expect(r).toMatchObject({ forFamilyMember: true, eligible: false });
    expect(r.reasons.map((x) => x.code)).toContain('UNDER_MIN_AGE');
  });
});

describe('reportLoss', () => {
  test('invalidates the card once; a repeat answers the first instant; each is audited', async () => {
    const { resident } = w.citizen('o-1');
    const first = await call(A.reportLoss, {}, w.as('o-1'));
    w.clock.advance(60_000);
    const again = await call(A.reportLoss, {}, w.as('o-1'));
    expect(first).toEqual({ reported: true, alreadyReported: false, reportedAt: T0.toISOString() });
    expect(again).toEqual({ reported: true, alreadyReported: true, reportedAt: T0.toISOString() });
    expect(w.registry.residents.find((r) => r._id === resident._id)?.cardLostAt).toEqual(T0);
    expect(w.audit.entries.map((e) => e.action)).toEqual(['reissue.reportLoss', 'reissue.reportLoss']);
  });

  test('no card on file: nothing to report', async () => {
    w.citizen('o-1', '王建国', { cardIssuedOn: undefined });
    await expect(call(A.reportLoss, {}, w.as('o-1'))).rejects.toEqual(code('REISSUE_NOT_ELIGIBLE'));
  });
});

describe('apply', () => {
  test('mail in the same city: submitted, 40 + 15 yuan, card reported lost, claim held, audited', async () => {
    const s = await submitted('o-1');
    expect(s.view).toMatchObject({
      state: 'submitted',
      paymentStatus: 'unpaid',
      hallId: HAIKOU_HALL,
      version: 1,
      fees: { total: '55.00' },
      delivery: { kind: 'mail', place: '海南省海口市美兰区' },
    });
    expect(w.registry.residents[0].cardLostAt).toEqual(T0);
    expect([...w.store.claims.values()]).toEqual([s.id]);
    expect(w.audit.entries.map((e) => [e.action, e.target, e.hallId])).toEqual([['reissue.apply', s.id, HAIKOU_HALL]]);
    // The street, recipient and phone are stored encrypted only.
    expect(JSON.stringify([...w.store.apps.values()])).not.toMatch(/海甸岛|13800000000/);
  });

  test('mail to another province costs 20 yuan postage', async () => {
    const s = await submitted('o-1', GUANGZHOU_MAIL);
    expect(s.view.fees.total).toBe('60.00');
  });

  test('hall collection: the chosen hall issues it, no postage, and the hall is read once', async () => {
    w.citizen('o-1');
    const view = await call(A.apply, { reason: 'damaged', appearanceUnchanged: true, delivery: { kind: 'hall', hallId: OTHER_HAIKOU_HALL } }, w.as('o-1'), req());
    expect(view).toMatchObject({ hallId: OTHER_HAIKOU_HALL, delivery: { kind: 'hall', hallId: OTHER_HAIKOU_HALL }, fees: { total: '40.00' } });
    // Damaged, not lost: the card stays valid.
    expect(w.registry.residents[0].cardLostAt).toBeUndefined();
    // Before answering, the view reads the hall's name once more: two reads in all, one by apply.
    expect(w.guides.hallReads.filter((id) => id === OTHER_HAIKOU_HALL)).toHaveLength(2);
  });

  test('a hall that does not exist or does not handle the reissue: HALL_NOT_FOUND, nothing stored', async () => {
    w.citizen('o-1');
    for (const hallId of ['no-such-hall', 'guangzhou-yuexiu']) {
      await expect(call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: { kind: 'hall', hallId } }, w.as('o-1'), req())).rejects.toEqual(code('HALL_NOT_FOUND'));
    }
    expect(w.store.apps.size).toBe(0);
    expect(w.store.claims.size).toBe(0);
  });

  test('an address whose codes do not nest: REISSUE_ADDRESS_INVALID', async () => {
    w.citizen('o-1');
    const bad = { kind: 'mail' as const, address: { ...HAIKOU_MAIL.address, districtCode: '440106' } };
    await expect(call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: bad }, w.as('o-1'), req())).rejects.toEqual(code('REISSUE_ADDRESS_INVALID'));
  });

  test('a second application while one is open: REISSUE_ALREADY_OPEN; the retried request answers the first', async () => {
    w.citizen('o-1');
    const input = { reason: 'lost', appearanceUnchanged: true, delivery: HAIKOU_MAIL } as const;
    const first = await call(A.apply, input, w.as('o-1'), { requestId: 'r-1' });
    await expect(call(A.apply, input, w.as('o-1'), { requestId: 'r-2' })).rejects.toEqual(code('REISSUE_ALREADY_OPEN'));
    const retry = await call(A.apply, input, w.as('o-1'), { requestId: 'r-1' });
    expect(retry.id).toBe(first.id);
    expect(w.store.apps.size).toBe(1);
  });

  test('ineligible: REISSUE_NOT_ELIGIBLE with the reasons, nothing stored', async () => {
    w.citizen('o-1', '王建国', { cardIssuedOn: '2015-01-01' });
    await expect(call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: HAIKOU_MAIL }, w.as('o-1'), req())).rejects.toEqual(code('REISSUE_NOT_ELIGIBLE'));
    expect(w.store.apps.size).toBe(0);
  });

  test('nothing to pay (a city that charges nothing, hall collection): paid at once, by the system', async () => {
    const config = await w.store.config('460100');
    w.store.configs.set('460100', { ...config, fees: { ...config.fees, cardFen: 0 } });
    w.citizen('o-1');
    const view = await call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: { kind: 'hall', hallId: HAIKOU_HALL } }, w.as('o-1'), req());
    expect(view).toMatchObject({ state: 'paid', paymentStatus: 'waived', fees: { total: '0.00' } });
  });

  test('a claim left by a crash (no application after CLAIM_IN_FLIGHT_MS) is taken over', async () => {
    const { resident } = w.citizen('o-1');
    w.store.claims.set(`open:${resident.idIndex}`, 'lost-in-a-crash');
    w.store.claimedAt.set(`open:${resident.idIndex}`, new Date(T0.getTime() - CLAIM_IN_FLIGHT_MS));
    const view = await call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: HAIKOU_MAIL }, w.as('o-1'), req());
    expect(w.store.claims.get(`open:${resident.idIndex}`)).toBe(view.id);
  });

  test('a claim just taken whose application is not inserted yet belongs to an application being submitted: REISSUE_ALREADY_OPEN', async () => {
    const { resident } = w.citizen('o-1');
    w.store.claims.set(`open:${resident.idIndex}`, 'being-submitted');
    w.store.claimedAt.set(`open:${resident.idIndex}`, new Date(T0.getTime() - 1000));
    await expect(call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: HAIKOU_MAIL }, w.as('o-1'), req())).rejects.toEqual(code('REISSUE_ALREADY_OPEN'));
    expect(w.store.claims.get(`open:${resident.idIndex}`)).toBe('being-submitted');
    expect(w.store.apps.size).toBe(0);
  });
});

describe('payment', () => {
  test('pay, the phone pays, confirm: paid; confirming again changes nothing and charges nothing more', async () => {
    const s = await paid('o-1');
    expect(s.view).toMatchObject({ state: 'paid', paymentStatus: 'paid', fees: { total: '55.00' } });
    const again = await call(A.confirmPayment, { applicationId: s.id, reported: 'ok' }, w.as('o-1'));
    expect(again.version).toBe(s.view.version);
    expect(w.store.apps.get(s.id)!.timeline.filter((t) => t.event === 'paymentSucceeded')).toHaveLength(1);
    expect(w.payment.orders.size).toBe(1);
    expect(w.payment.kept()).toBe(5500);
  });

  test('what the phone reports is only a hint: "ok" for an unpaid order leaves it pending', async () => {
    const s = await submitted('o-1');
    await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    const view = await call(A.confirmPayment, { applicationId: s.id, reported: 'ok' }, w.as('o-1'));
    expect(view).toMatchObject({ state: 'submitted', paymentStatus: 'pending' });
  });

  test('cancelled on the phone: the order is closed first, then failed; paying again is a new order', async () => {
    const s = await submitted('o-1');
    const first = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    const failed = await call(A.confirmPayment, { applicationId: s.id, reported: 'cancel' }, w.as('o-1'));
    expect(failed.paymentStatus).toBe('failed');
    expect(w.payment.payByCitizen(first.orderId)).toBe(false);
    const second = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    expect(second.orderId).not.toBe(first.orderId);
    expect(second.amount).toBe('55.00');
  });

  test('paid just before the close: the payment succeeded after all', async () => {
    const s = await submitted('o-1');
    const order = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    w.payment.payByCitizen(order.orderId);
    const view = await call(A.confirmPayment, { applicationId: s.id, reported: 'fail' }, w.as('o-1'));
    expect(view.paymentStatus).toBe('paid');
  });

  test('pay while an order is pending resumes the same order; the payment service down: PAYMENT_UNAVAILABLE', async () => {
    const s = await submitted('o-1');
    const a = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    const b = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    expect(b.orderId).toBe(a.orderId);
    w.payment.down = true;
    await expect(call(A.confirmPayment, { applicationId: s.id }, w.as('o-1'))).rejects.toEqual(code('PAYMENT_UNAVAILABLE'));
  });

  test("someone else's application is not found", async () => {
    const s = await submitted('o-1');
    w.citizen('o-2', '李四');
    await expect(call(A.pay, { applicationId: s.id }, w.as('o-2'))).rejects.toEqual(code('REISSUE_NOT_FOUND'));
    await expect(call(A.confirmPayment, { applicationId: s.id }, w.as('o-2'))).rejects.toEqual(code('REISSUE_NOT_FOUND'));
    await expect(call(A.application, { applicationId: s.id }, w.as('o-2'))).rejects.toEqual(code('REISSUE_NOT_FOUND'));
  });
});

describe('officer actions', () => {
  test('the hall officer takes a mailed card from review to delivered; every step audited', async () => {
    const s = await paid('o-1');
    w.officer('o-officer', [HAIKOU_HALL]);
    for (const [name, input, state] of [
      ['startReview', {}, 'underReview'],
      ['approve', {}, 'approved'],
      ['startProduction', {}, 'inProduction'],
      ['ship', { courier: 'ems', trackingNumber: 'EMS123456789' }, 'shipped'],
      ['markDelivered', {}, 'delivered'],
    ] as const) {
      expect((await officerAct(name, { applicationId: s.id, ...input })).state).toBe(state);
    }
    expect(w.audit.entries.filter((e) => e.actorOpenid === 'o-officer').map((e) => [e.action, e.hallId])).toEqual(
      ['startReview', 'approve', 'startProduction', 'ship', 'markDelivered'].map((a) => [`reissue.${a}`, HAIKOU_HALL]),
    );
    // Handed over: the person may apply again.
    expect(w.store.claims.size).toBe(0);
  });

  test('hall collection: held at the chosen hall, then collected', async () => {
    w.citizen('o-1');
    const config = await w.store.config('460100');
    w.store.configs.set('460100', { ...config, fees: { ...config.fees, cardFen: 0 } });
    const s = await call(A.apply, { reason: 'lost', appearanceUnchanged: true, delivery: { kind: 'hall', hallId: HAIKOU_HALL } }, w.as('o-1'), req());
    w.officer('o-officer', [HAIKOU_HALL]);
    for (const name of ['startReview', 'approve', 'startProduction'] as const) await officerAct(name, { applicationId: s.id });
    await expect(officerAct('ship', { applicationId: s.id, courier: 'ems', trackingNumber: 'EMS123456789' })).rejects.toEqual(code('REISSUE_STATE_CONFLICT'));
    await expect(officerAct('holdAtHall', { applicationId: s.id, hallId: OTHER_HAIKOU_HALL })).rejects.toEqual(code('REISSUE_STATE_CONFLICT'));
    expect((await officerAct('holdAtHall', { applicationId: s.id, hallId: HAIKOU_HALL })).state).toBe('heldAtHall');
    expect((await officerAct('collect', { applicationId: s.id })).state).toBe('collected');
  });

  test("another hall's officer, an admin without the hall, and the applicant are refused: FORBIDDEN", async () => {
    const s = await paid('o-1');
    w.officer('o-shenzhen', [SHENZHEN_HALL]);
    w.officer('o-admin', [], 'admin');
    for (const who of ['o-shenzhen', 'o-admin', 'o-1']) {
      await expect(officerAct('startReview', { applicationId: s.id }, who)).rejects.toEqual(code('FORBIDDEN'));
    }
    expect(w.store.apps.get(s.id)!.state).toBe('paid');
    expect(w.audit.entries.filter((e) => e.action === 'reissue.startReview')).toEqual([]);
  });

  test('an admin bound to the hall acts for it as an officer does', async () => {
    const s = await paid('o-1');
    w.officer('o-admin', [HAIKOU_HALL], 'admin');
    expect((await officerAct('startReview', { applicationId: s.id }, 'o-admin')).state).toBe('underReview');
  });

  test('a stale expectedVersion is refused; the same decision repeated on its version is answered', async () => {
    const s = await paid('o-1');
    w.officer('o-officer', [HAIKOU_HALL]);
    const review = await officerAct('startReview', { applicationId: s.id, expectedVersion: s.view.version });
    await expect(officerAct('approve', { applicationId: s.id, expectedVersion: s.view.version })).rejects.toEqual(code('REISSUE_VERSION_CONFLICT'));
    const approved = await officerAct('approve', { applicationId: s.id, expectedVersion: review.version });
    const repeat = await officerAct('approve', { applicationId: s.id, expectedVersion: review.version });
    expect(repeat.version).toBe(approved.version);
    expect(w.store.apps.get(s.id)!.timeline.filter((t) => t.event === 'approve')).toHaveLength(1);
  });

  test('out of order: REISSUE_STATE_CONFLICT; an unknown application: REISSUE_NOT_FOUND', async () => {
    const s = await paid('o-1');
    w.officer('o-officer', [HAIKOU_HALL]);
    await expect(officerAct('approve', { applicationId: s.id })).rejects.toEqual(code('REISSUE_STATE_CONFLICT'));
    await expect(officerAct('approve', { applicationId: 'no-such-application' })).rejects.toEqual(code('REISSUE_NOT_FOUND'));
  });

  test('reject refunds the fee once, frees the person to apply again, and the citizen sees why', async () => {
    const s = await paid('o-1');
    w.officer('o-officer', [HAIKOU_HALL]);
    await officerAct('startReview', { applicationId: s.id });
    const rejected = await officerAct('reject', { applicationId: s.id, reason: '照片不符合要求' });
    expect(rejected).toMatchObject({ state: 'rejected', paymentStatus: 'refunded' });
    expect([...w.payment.refunds.values()].map((r) => [r.orderId, r.amountFen])).toEqual([[s.orderId, 5500]]);
    expect(w.payment.kept()).toBe(0);
    const view = await call(A.application, { applicationId: s.id }, w.as('o-1'));
    expect(view.rejectionReason).toBe('照片不符合要求');
    expect((await call(A.eligibility, {}, w.as('o-1'))).eligible).toBe(true);
  });

  test("the review queue shows the officer's halls only, oldest first, names masked", async () => {
    const a = await paid('o-1');
    w.clock.advance(3_600_000);
    const b = await paid('o-2');
    w.officer('o-officer', [HAIKOU_HALL]);
    w.officer('o-shenzhen', [SHENZHEN_HALL]);
    const q = await call(A.reviewQueue, {}, w.as('o-officer'));
    expect(q.applications.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(q.applications[0].subjectNameMasked).not.toContain('建国');
    expect((await call(A.reviewQueue, {}, w.as('o-shenzhen'))).applications).toEqual([]);
    await expect(call(A.reviewQueue, { hallId: HAIKOU_HALL }, w.as('o-shenzhen'))).rejects.toEqual(code('FORBIDDEN'));
    w.citizen('o-3', '李四');
    await expect(call(A.reviewQueue, {}, w.as('o-3'))).rejects.toEqual(code('FORBIDDEN'));
  });
  test('a rejected application whose fee was collected by hand waits in the queue for the fee to be handed back (payment filter)', async () => {
    const hand = await submitted('o-1');
    const web = await paid('o-2');
    // As the assisted channel stores it: paid at the desk, the receipt recorded.
    const stored = w.store.apps.get(hand.id)!;
    w.store.apps.set(hand.id, { ...stored, state: 'paid', payment: { status: 'collected', receipt: 'HN2026-000123' } });
    w.officer('o-officer', [HAIKOU_HALL]);
    for (const id of [hand.id, web.id]) {
      await officerAct('startReview', { applicationId: id });
      await officerAct('reject', { applicationId: id, reason: '照片不符合要求' });
    }
    expect(w.store.apps.get(hand.id)!.payment).toEqual({ status: 'returnDue', receipt: 'HN2026-000123' });
    expect(w.store.apps.get(web.id)!.payment.status).toBe('refunded');
    const due = await call(A.reviewQueue, { states: ['rejected', 'cancelled'], paymentStatuses: ['returnDue'] }, w.as('o-officer'));
    expect(due.applications.map((x) => [x.id, x.paymentStatus, x.paymentStatusName])).toEqual([[hand.id, 'returnDue', '待当面退费']]);
    expect((await call(A.reviewQueue, { states: ['rejected'] }, w.as('o-officer'))).applications.map((x) => x.id).sort()).toEqual([hand.id, web.id].sort());
  });
});

describe('the citizen', () => {
  test('cancels before approval: cancelled, the fee refunded, free to apply again', async () => {
    const s = await paid('o-1');
    const view = await call(A.cancel, { applicationId: s.id }, w.as('o-1'));
    expect(view).toMatchObject({ state: 'cancelled', paymentStatus: 'refunded' });
    expect(w.store.claims.size).toBe(0);
    expect(w.payment.kept()).toBe(0);
  });

  test('cannot cancel once approved', async () => {
    const s = await paid('o-1');
    w.officer('o-officer', [HAIKOU_HALL]);
    await officerAct('startReview', { applicationId: s.id });
    await officerAct('approve', { applicationId: s.id });
    await expect(call(A.cancel, { applicationId: s.id }, w.as('o-1'))).rejects.toEqual(code('REISSUE_STATE_CONFLICT'));
  });

  test('cancelling with an order pending closes the order first, so it cannot be paid behind the cancellation', async () => {
    const s = await submitted('o-1');
    const order = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    const view = await call(A.cancel, { applicationId: s.id }, w.as('o-1'));
    expect(view.state).toBe('cancelled');
    expect(w.payment.payByCitizen(order.orderId)).toBe(false);
  });

  test('changes the address within the postage zone; another zone would change the fee: refused', async () => {
    const s = await submitted('o-1');
    const moved = await call(A.changeAddress, { applicationId: s.id, address: { ...HAIKOU_MAIL.address, districtCode: '460105', detail: '秀英大道1号' } }, w.as('o-1'));
    expect(moved.delivery).toEqual({ kind: 'mail', place: '海南省海口市秀英区' });
    await expect(call(A.changeAddress, { applicationId: s.id, address: GUANGZHOU_MAIL.address }, w.as('o-1'))).rejects.toEqual(code('REISSUE_FEE_CHANGED'));
  });

  test('lists their own applications only', async () => {
    const s = await submitted('o-1');
    await submitted('o-2');
    expect((await call(A.myApplications, {}, w.as('o-1'))).applications.map((a) => a.id)).toEqual([s.id]);
  });
});

describe('timers', () => {
  async function shipped() {
    const s = await paid('o-1');
    w.officer('o-officer', [HAIKOU_HALL]);
    for (const name of ['startReview', 'approve', 'startProduction'] as const) await officerAct(name, { applicationId: s.id });
    await officerAct('ship', { applicationId: s.id, courier: 'sf', trackingNumber: 'SF1234567890' });
    return s;
  }

  test('pollShipments records deliveries and returns, and asks the courier with the last four digits of the phone', async () => {
    const s = await shipped();
    expect(await call(A.pollShipments, {}, w.as(undefined))).toEqual({ checked: 1, delivered: 0, returned: 0, unknown: 0, failed: 0 });
    expect(w.courier.asked).toEqual([{ courier: 'sf', trackingNumber: 'SF1234567890', phone: '0000' }]);
    w.courier.answers.set('SF1234567890', { state: 'returned', events: [{ at: T0, description: '收件人拒收，退回' }] });
    expect(await call(A.pollShipments, {}, w.as(undefined))).toMatchObject({ returned: 1 });
    const app = w.store.apps.get(s.id)!;
    expect(app.state).toBe('returned');
    expect(app.timeline.at(-1)).toMatchObject({ by: 'courier', note: '收件人拒收，退回' });
  });

  test('settlePayments: a late payment is recorded, an unpaid application past the days allowed is cancelled', async () => {
    const late = await submitted('o-1');
    const order = await call(A.pay, { applicationId: late.id }, w.as('o-1'));
    const idle = await submitted('o-2');
    w.payment.payByCitizen(order.orderId);
    w.clock.advance(3 * 24 * 3_600_000);
    expect(await call(A.settlePayments, {}, w.as(undefined))).toEqual({ paid: 1, refunded: 0, expired: 1, sealed: 0 });
    expect(w.store.apps.get(late.id)!.state).toBe('paid');
    expect(w.store.apps.get(idle.id)!.state).toBe('cancelled');
    expect(w.store.claims.has(`open:${w.store.apps.get(idle.id)!.applicant.subjectIdIndex}`)).toBe(false);
  });

  test('settlePayments: a payment started and left pending past the days allowed: the order is closed first, then the application expires', async () => {
    const s = await submitted('o-1');
    const order = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    w.clock.advance(3 * 24 * 3_600_000 - 1);
    expect(await call(A.settlePayments, {}, w.as(undefined))).toEqual({ paid: 0, refunded: 0, expired: 0, sealed: 0 });
    w.clock.advance(1);
    expect(await call(A.settlePayments, {}, w.as(undefined))).toEqual({ paid: 0, refunded: 0, expired: 1, sealed: 0 });
    expect(w.store.apps.get(s.id)!).toMatchObject({ state: 'cancelled', payment: { status: 'failed' } });
    expect(w.payment.payByCitizen(order.orderId)).toBe(false);
    expect(w.store.claims.size).toBe(0);
  });

  test('settlePayments: paid just before the days ran out counts as paid, not expired', async () => {
    const s = await submitted('o-1');
    const order = await call(A.pay, { applicationId: s.id }, w.as('o-1'));
    w.payment.payByCitizen(order.orderId);
    w.clock.advance(4 * 24 * 3_600_000);
    expect(await call(A.settlePayments, {}, w.as(undefined))).toEqual({ paid: 1, refunded: 0, expired: 0, sealed: 0 });
    expect(w.store.apps.get(s.id)!.state).toBe('paid');
  });

  test('settlePayments asks again for a refund that failed, with the same refund id', async () => {
    const s = await paid('o-1');
    w.payment.refundAnswer = 'failed';
    expect((await call(A.cancel, { applicationId: s.id }, w.as('o-1'))).paymentStatus).toBe('refundFailed');
    w.payment.refunds.clear();
    w.payment.refundAnswer = 'success';
    expect(await call(A.settlePayments, {}, w.as(undefined))).toMatchObject({ refunded: 1 });
    expect(w.store.apps.get(s.id)!.payment.status).toBe('refunded');
    expect([...w.payment.refunds.keys()]).toEqual([`${s.id}-refund`]);
  });
});
