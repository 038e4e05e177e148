/**
 * Concurrent reissue use cases on the in-memory ports, every store and payment step a point where
 * fast-check's scheduler may let the other use case run (each step itself atomic, as a single
 * database operation is). Whatever the order, the outcome is one the rules allow.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import type { Action, ActionRequest, ActionSchema } from '../../core/function/action';
import { isDomainError } from '../../core/errors/DomainError';
import type { ReissueDeps } from '../../core/reissue/ReissueDeps';
import { apply } from '../../core/reissue/actions/apply';
import { cancel } from '../../core/reissue/actions/citizen';
import { approve, markDelivered, markReturned, reject, ship, startProduction, startReview } from '../../core/reissue/actions/officer';
import { confirmPayment, pay } from '../../core/reissue/actions/payment';
import { pollShipments, settlePayments } from '../../core/reissue/actions/timers';
import { HAIKOU_HALL, HAIKOU_MAIL, reissueWorld, type Gate } from './support/reissueInMemoryPorts';

const RUNS = 150;

/** Each property runs RUNS interleavings in a few seconds; the bound only ends a hung run on a busy machine. */
jest.setTimeout(120_000);

function call<In extends ActionSchema, Out extends ActionSchema>(action: Action<ReissueDeps, In, Out>, input: z.input<In>, deps: ReissueDeps, request?: ActionRequest) {
  return action.run(z.parse(action.input, input) as z.infer<In>, deps, request) as Promise<z.infer<Out>>;
}

type Settled<T> = { ok: true; value: T } | { ok: false; code: string };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (e) => {
      if (!isDomainError(e)) throw e;
      return { ok: false as const, code: e.code };
    },
  );

/** A world whose ports run at once during the set-up, then wait for the scheduler. */
function racingWorld(s: fc.Scheduler, tick: boolean) {
  let gate: Gate = () => Promise.resolve();
  const w = reissueWorld({ gate: (label) => gate(label), tick });
  const race = () => {
    gate = (label) => s.schedule(Promise.resolve(label), label).then(() => undefined);
  };
  const calm = () => {
    gate = () => Promise.resolve();
  };
  return { w, race, calm };
}

const input = { reason: 'lost', appearanceUnchanged: true, delivery: HAIKOU_MAIL } as const;

test('two applications for one person at once: one open application, one claim, the other refused or the same', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.boolean(), fc.boolean(), async (s, sameRequest, tick) => {
      const { w, race } = racingWorld(s, tick);
      const { resident } = w.citizen('o-1');
      race();
      const results = await s.waitFor(
        Promise.all([settle(call(apply, input, w.as('o-1'), { requestId: 'r-1' })), settle(call(apply, input, w.as('o-1'), { requestId: sameRequest ? 'r-1' : 'r-2' }))]),
      );
      const open = w.store.openFor(resident.idIndex);
      expect(open).toHaveLength(1);
      expect(w.store.apps.size).toBe(1);
      expect([...w.store.claims.entries()]).toEqual([[`open:${resident.idIndex}`, open[0]._id]]);
      for (const r of results) {
        if (r.ok) expect(r.value.id).toBe(open[0]._id);
        // Even a second run of the same request may be told so when it looked before the first
        // inserted (the function's request log lets only one run of a request id at a time).
        else expect(r.code).toBe('REISSUE_ALREADY_OPEN');
      }
      expect(results.some((r) => r.ok)).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

test('an officer decides while the citizen cancels: one of them wins, and money and claim follow the winner', async () => {
  const decisions = [
    { name: 'startReview', action: startReview, from: 'paid', to: 'underReview', payload: {} },
    { name: 'approve', action: approve, from: 'underReview', to: 'approved', payload: {} },
    { name: 'reject', action: reject, from: 'underReview', to: 'rejected', payload: { reason: '照片不符合要求' } },
  ] as const;
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.constantFrom(...decisions), fc.boolean(), fc.boolean(), async (s, decision, withVersion, tick) => {
      const { w, race } = racingWorld(s, tick);
      const { resident } = w.citizen('o-1');
      w.officer('o-officer', [HAIKOU_HALL]);
      const app = await call(apply, input, w.as('o-1'), { requestId: 'r-1' });
      const order = await call(pay, { applicationId: app.id }, w.as('o-1'));
      w.payment.payByCitizen(order.orderId);
      let seen = await call(confirmPayment, { applicationId: app.id, reported: 'ok' }, w.as('o-1'));
      if (decision.from === 'underReview') seen = await call(startReview, { applicationId: app.id }, w.as('o-officer'));
      const version = withVersion ? { expectedVersion: seen.version } : {};
      race();
      const [officer, citizen] = await s.waitFor(
        Promise.all([
          settle(call(decision.action as Action<ReissueDeps>, { applicationId: app.id, ...decision.payload, ...version }, w.as('o-officer'))),
          settle(call(cancel, { applicationId: app.id, ...version }, w.as('o-1'))),
        ]),
      );
      const stored = w.store.apps.get(app.id)!;
      expect([officer.ok, citizen.ok].filter(Boolean)).toHaveLength(1);
      for (const r of [officer, citizen]) if (!r.ok) expect(['REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT']).toContain(r.code);
      expect(stored.state).toBe(officer.ok ? decision.to : 'cancelled');
      expect(stored.version).toBe(stored.timeline.length - 1);
      const ended = stored.state === 'cancelled' || stored.state === 'rejected';
      expect(stored.payment.status).toBe(ended ? 'refunded' : 'paid');
      expect(w.payment.kept()).toBe(ended ? 0 : 5500);
      expect(w.payment.refunds.size).toBe(ended ? 1 : 0);
      expect(w.store.claims.has(`open:${resident.idIndex}`)).toBe(!ended);
    }),
    { numRuns: RUNS },
  );
});

test('confirming a payment twice while the phone pays (and the payment timer runs): money taken exactly when the application is paid, succeeded once', async () => {
  const reports = fc.constantFrom('ok', 'fail', 'cancel', 'timeout', undefined);
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), reports, reports, fc.boolean(), fc.boolean(), async (s, first, second, timer, tick) => {
      const { w, race, calm } = racingWorld(s, tick);
      w.citizen('o-1');
      const app = await call(apply, input, w.as('o-1'), { requestId: 'r-1' });
      const order = await call(pay, { applicationId: app.id }, w.as('o-1'));
      race();
      const phone = s.schedule(Promise.resolve('phone pays'), 'phone pays').then(() => w.payment.payByCitizen(order.orderId));
      const results = await s.waitFor(
        Promise.all([
          settle(call(confirmPayment, { applicationId: app.id, ...(first ? { reported: first } : {}) }, w.as('o-1'))),
          settle(call(confirmPayment, { applicationId: app.id, ...(second ? { reported: second } : {}) }, w.as('o-1'))),
          settle(phone),
          settle(timer ? call(settlePayments, {}, w.as(undefined)) : Promise.resolve(undefined)),
        ]),
      );
      for (const r of results) if (!r.ok) expect(['REISSUE_VERSION_CONFLICT', 'REISSUE_STATE_CONFLICT']).toContain(r.code);
      calm();
      // Whatever the phone reported, a last confirm settles it as the payment service says.
      const settled = await call(confirmPayment, { applicationId: app.id }, w.as('o-1'));
      const stored = w.store.apps.get(app.id)!;
      const succeeded = stored.timeline.filter((t) => t.event === 'paymentSucceeded').length;
      expect(w.payment.orders.size).toBe(1);
      expect(w.payment.refunds.size).toBe(0);
      if (w.payment.kept() === 5500) {
        expect(settled).toMatchObject({ state: 'paid', paymentStatus: 'paid' });
        expect(succeeded).toBe(1);
      } else {
        expect(w.payment.kept()).toBe(0);
        expect(succeeded).toBe(0);
        expect(settled.state).toBe('submitted');
      }
      expect(stored.version).toBe(stored.timeline.length - 1);
    }),
    { numRuns: RUNS },
  );
});

test('paying twice at once starts one order', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.boolean(), async (s, tick) => {
      const { w, race } = racingWorld(s, tick);
      w.citizen('o-1');
      const app = await call(apply, input, w.as('o-1'), { requestId: 'r-1' });
      race();
      const results = await s.waitFor(Promise.all([settle(call(pay, { applicationId: app.id }, w.as('o-1'))), settle(call(pay, { applicationId: app.id }, w.as('o-1')))]));
      expect(w.payment.orders.size).toBe(1);
      const ids = results.flatMap((r) => (r.ok ? [r.value.orderId] : []));
      expect(new Set(ids).size).toBe(1);
      for (const r of results) if (!r.ok) expect(r.code).toBe('REISSUE_VERSION_CONFLICT');
      expect(w.store.apps.get(app.id)!.timeline.filter((t) => t.event === 'startPayment')).toHaveLength(1);
    }),
    { numRuns: RUNS },
  );
});

test('the courier timer and an officer on one shipped card: one of them records its end, the other changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.constantFrom('delivered', 'returned') as fc.Arbitrary<'delivered' | 'returned'>,
      fc.constantFrom(markDelivered, markReturned),
      fc.boolean(),
      async (s, courierSays, officerAction, tick) => {
        const { w, race } = racingWorld(s, tick);
        w.citizen('o-1');
        w.officer('o-officer', [HAIKOU_HALL]);
        const app = await call(apply, input, w.as('o-1'), { requestId: 'r-1' });
        const order = await call(pay, { applicationId: app.id }, w.as('o-1'));
        w.payment.payByCitizen(order.orderId);
        await call(confirmPayment, { applicationId: app.id }, w.as('o-1'));
        for (const step of [startReview, approve, startProduction]) await call(step as Action<ReissueDeps>, { applicationId: app.id }, w.as('o-officer'));
        await call(ship, { applicationId: app.id, courier: 'sf', trackingNumber: 'SF1234567890' }, w.as('o-officer'));
        w.courier.answers.set('SF1234567890', { state: courierSays, events: [] });
        race();
        const [timer, officer] = await s.waitFor(
          Promise.all([settle(call(pollShipments, {}, w.as(undefined))), settle(call(officerAction as Action<ReissueDeps>, { applicationId: app.id }, w.as('o-officer')))]),
        );
        expect(timer.ok).toBe(true);
        if (!officer.ok) expect(['REISSUE_STATE_CONFLICT', 'REISSUE_VERSION_CONFLICT']).toContain(officer.code);
        const stored = w.store.apps.get(app.id)!;
        const after = stored.timeline.slice(stored.timeline.findIndex((t) => t.event === 'ship') + 1);
        expect(after).toHaveLength(1);
        expect(stored.state).toBe(after[0].state);
        expect(['delivered', 'returned']).toContain(stored.state);
        expect(stored.version).toBe(stored.timeline.length - 1);
      },
    ),
    { numRuns: RUNS },
  );
});
