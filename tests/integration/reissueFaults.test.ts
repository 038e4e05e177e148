/**
 * Fault injection through every multi-step write of the reissue use cases: for each action, every
 * port call it makes (store and payment, counted across both) fails before being applied, is
 * applied and then times out, is applied twice, or is delayed; then the client retries the same
 * request, the settle timer runs, and the invariants are checked:
 * - no double charge, no lost or double refund: at most one order paid, one refund per
 *   application, refunded exactly when the payment status says so;
 * - the application consistent with its events (one timeline entry per version, the state of the
 *   last) and with its open-application claim; never a second application for one request;
 * - a retry after a fault succeeds or answers what the fault-free run answered (no false refusal),
 *   and ends where the fault-free run ended.
 * Runs the real CloudbaseReissueStore against the in-process emulator through the SDK.
 */
import { dispatch, type DispatchResult } from '../../core/function/dispatch';
import { isOpen } from '../../core/reissue/stateMachine';
import { reissueActions } from '../../core/reissue/reissueActions';
import type { ReissueRecord } from '../../core/reissue/ReissueDeps';
import { CloudbaseRequestLog, PENDING_LEASE_MS } from '../../server/function/CloudbaseRequestLog';
import { sha256Hex } from '../../server/function/requestDigest';
import { FaultInjector, faultMatrix } from '../support/faultInjection';
import { faultyDatabase } from './support/databaseFaults';
import { emulatedDatabase, type EmulatedDatabase, type Snapshot } from './support/emulatorSnapshot';
import { answerOf, brokenCases, report, type CaseOutcome } from './support/faultReport';
import { CITIZEN, OFFICER, reissueWorld, type ReissueWorld } from './support/reissueFaultWorld';

jest.setTimeout(240_000);

type Data = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ADDRESS = { provinceCode: '460000', cityCode: '460100', districtCode: '460108', detail: '海府路88号2栋301室', recipient: '王建国', phone: '13800138000' };
const NEW_ADDRESS = { ...ADDRESS, detail: '国兴大道9号1栋502室' };

let edb: EmulatedDatabase;
let w: ReissueWorld;

beforeAll(async () => {
  edb = await emulatedDatabase();
  w = reissueWorld(edb);
});
afterAll(async () => {
  await edb?.close();
});

/** The function's request log (as createMain builds it), hit by the same faults as the store. */
function requestLog(injector?: FaultInjector) {
  const now = () => w.clock.now();
  if (!injector) return new CloudbaseRequestLog(edb.db, 'reissue_requests', now);
  if (w.faults.level === 'store') return injector.wrap('store', new CloudbaseRequestLog(edb.db, 'reissue_requests', now));
  return new CloudbaseRequestLog(faultyDatabase(injector, edb.db), 'reissue_requests', now);
}

/** Runs an action as the function does: the request id in the envelope, repeatable writes once per id. */
const run = (openid: string | undefined, action: string, data: unknown, injector?: FaultInjector): Promise<DispatchResult> => {
  const { requestId, ...input } = (data ?? {}) as { requestId?: string };
  return dispatch(reissueActions, { action, data: input, ...(requestId ? { requestId } : {}) }, w.deps(openid, injector), {
    fn: 'reissue',
    openid,
    log: requestLog(injector),
    digest: sha256Hex,
  });
};

async function ok(openid: string | undefined, action: string, data: unknown): Promise<Data> {
  const r = await run(openid, action, data);
  if (!r.response.ok) throw new Error(`${action}: ${r.response.error.code}`);
  return r.response.data;
}

interface Request {
  openid: string | undefined;
  action: string;
  data: Data;
}

interface Scenario {
  name: string;
  /** Builds the state before the request through the use cases; returns the request. */
  prepare(): Promise<Request>;
}

const mailApply = (requestId: string) => ({ reason: 'lost', appearanceUnchanged: true, delivery: { kind: 'mail', address: ADDRESS }, requestId });

async function applied(): Promise<Data> {
  return ok(CITIZEN, 'apply', mailApply('prep-apply-0001'));
}
async function pending(): Promise<Data> {
  const app = await applied();
  await ok(CITIZEN, 'pay', { applicationId: app.id, requestId: 'prep-pay-00001' });
  return app;
}
async function paid(): Promise<Data> {
  const app = await pending();
  const { payment } = (await w.deps(CITIZEN).store.application(app.id)) as ReissueRecord;
  w.payment.payByCitizen(payment.id!);
  return ok(CITIZEN, 'confirmPayment', { applicationId: app.id, reported: 'ok' });
}
async function through(steps: Array<[string, Data]>): Promise<Data> {
  let app = await paid();
  for (const [action, extra] of steps) app = await ok(OFFICER, action, { applicationId: app.id, ...extra });
  return app;
}
const officer = (action: string, app: Data, extra: Data = {}): Request => ({ openid: OFFICER, action, data: { applicationId: app.id, expectedVersion: app.version, ...extra } });
const SHIP = { courier: 'ems', trackingNumber: 'EMS1234567890CN' };

const scenarios: Scenario[] = [
  { name: 'apply (mail; loss report; fee)', prepare: async () => ({ openid: CITIZEN, action: 'apply', data: mailApply('req-apply-00001') }) },
  { name: 'pay', prepare: async () => ({ openid: CITIZEN, action: 'pay', data: { applicationId: (await applied()).id, requestId: 'req-pay-000001' } }) },
  {
    name: 'confirmPayment (paid)',
    prepare: async () => {
      const app = await pending();
      w.payment.payByCitizen(((await w.deps(CITIZEN).store.application(app.id)) as ReissueRecord).payment.id!);
      return { openid: CITIZEN, action: 'confirmPayment', data: { applicationId: app.id, reported: 'ok' } };
    },
  },
  {
    name: 'confirmPayment (cancelled in WeChat: order closed)',
    prepare: async () => ({ openid: CITIZEN, action: 'confirmPayment', data: { applicationId: (await pending()).id, reported: 'cancel' } }),
  },
  {
    name: 'settlePayments timer (a late success)',
    prepare: async () => {
      const app = await pending();
      w.payment.payByCitizen(((await w.deps(CITIZEN).store.application(app.id)) as ReissueRecord).payment.id!);
      return { openid: undefined, action: 'settlePayments', data: {} };
    },
  },
  {
    name: 'cancel while paying (order closed first)',
    prepare: async () => ({ openid: CITIZEN, action: 'cancel', data: { applicationId: (await pending()).id, requestId: 'req-cancel-0001' } }),
  },
  { name: 'cancel when paid (refund)', prepare: async () => ({ openid: CITIZEN, action: 'cancel', data: { applicationId: (await paid()).id, requestId: 'req-cancel-0002' } }) },
  {
    name: 'changeAddress',
    prepare: async () => {
      const app = await paid();
      return { openid: CITIZEN, action: 'changeAddress', data: { applicationId: app.id, address: NEW_ADDRESS, expectedVersion: app.version } };
    },
  },
  { name: 'startReview', prepare: async () => officer('startReview', await paid()) },
  { name: 'approve', prepare: async () => officer('approve', await through([['startReview', {}]])) },
  { name: 'reject (refund)', prepare: async () => officer('reject', await through([['startReview', {}]]), { reason: '存档照片不清晰，请到大厅重新采集' }) },
  {
    name: 'startProduction',
    prepare: async () =>
      officer(
        'startProduction',
        await through([
          ['startReview', {}],
          ['approve', {}],
        ]),
      ),
  },
  {
    name: 'ship',
    prepare: async () =>
      officer(
        'ship',
        await through([
          ['startReview', {}],
          ['approve', {}],
          ['startProduction', {}],
        ]),
        SHIP,
      ),
  },
  {
    name: 'markDelivered',
    prepare: async () =>
      officer(
        'markDelivered',
        await through([
          ['startReview', {}],
          ['approve', {}],
          ['startProduction', {}],
          ['ship', SHIP],
        ]),
      ),
  },
  {
    name: 'markReturned',
    prepare: async () =>
      officer(
        'markReturned',
        await through([
          ['startReview', {}],
          ['approve', {}],
          ['startProduction', {}],
          ['ship', SHIP],
        ]),
      ),
  },
  {
    name: 'reship',
    prepare: async () =>
      officer(
        'reship',
        await through([
          ['startReview', {}],
          ['approve', {}],
          ['startProduction', {}],
          ['ship', SHIP],
          ['markReturned', {}],
        ]),
        { courier: 'sf', trackingNumber: 'SF100200300400' },
      ),
  },
  {
    name: 'holdAtHall (a returned card)',
    prepare: async () =>
      officer(
        'holdAtHall',
        await through([
          ['startReview', {}],
          ['approve', {}],
          ['startProduction', {}],
          ['ship', SHIP],
          ['markReturned', {}],
        ]),
        { hallId: 'haikou-longhua' },
      ),
  },
  {
    name: 'collect',
    prepare: async () =>
      officer(
        'collect',
        await through([
          ['startReview', {}],
          ['approve', {}],
          ['startProduction', {}],
          ['ship', SHIP],
          ['markReturned', {}],
          ['holdAtHall', { hallId: 'haikou-longhua' }],
        ]),
      ),
  },
];

/** What a case ended with: every application of the citizen, the claims and the ledger. */
async function endState() {
  const apps = (await w.deps(CITIZEN).store.applicationsOf(CITIZEN, 50)).sort((a, b) => a._id.localeCompare(b._id));
  const claims = await edb.all('reissue_claims');
  return { apps, claims, ledger: structuredClone(w.payment.state) };
}

/**
 * Refusals that were true when given: the payment service could not be reached. The request's
 * answer stays that (its request id answers the first result); the client asks again with a new one.
 */
const TRUE_REFUSALS = new Set(['PAYMENT_UNAVAILABLE']);

/**
 * A fault on the request log's own write (beginRequest applied, answer lost) leaves the request
 * 'pending': a retry at once is told to wait (the first call might still run); once the lease is
 * over the same request takes it over (server/function/CloudbaseRequestLog.ts) and completes.
 */
const LEASE = 'waits for the lease';

function invariants(end: Awaited<ReturnType<typeof endState>>, baseline: Awaited<ReturnType<typeof endState>>, sameEnd: boolean): string[] {
  const broken: string[] = [];
  if (end.apps.length !== baseline.apps.length) broken.push(`${end.apps.length} applications, fault-free ${baseline.apps.length}`);
  const open = end.apps.filter((a) => isOpen(a));
  if (open.length > 1) broken.push('two open applications');
  const claim = end.claims.find((c) => c._id === `open:${w.idIndex}`);
  if (open.length === 1 && claim?.applicationId !== open[0]._id) broken.push('open application without its claim');
  if (open.length === 0 && claim) broken.push('claim left without an open application');
  for (const app of end.apps) {
    if (app.timeline.length !== app.version + 1) broken.push(`timeline ${app.timeline.length} entries at version ${app.version}`);
    if (app.timeline.at(-1)?.state !== app.state) broken.push('state is not the last event’s');
    const orders = Object.entries(end.ledger.orders).filter(([id]) => id.startsWith(`${app._id}-`));
    const charged = orders.filter(([, o]) => o.status === 'paid' || o.status === 'refunded');
    if (charged.length > 1) broken.push('charged twice');
    const refunds = Object.values(end.ledger.refunds).filter((r) => r.orderId.startsWith(`${app._id}-`));
    if (refunds.length > 1) broken.push('refunded twice');
    if ((app.payment.status === 'refunded') !== (refunds.length === 1)) broken.push(`payment ${app.payment.status} with ${refunds.length} refunds`);
    if (app.payment.status === 'paid' && !(charged.length === 1 && charged[0][0] === app.payment.id)) broken.push('paid without its order paid');
  }
  if (end.ledger.refundsMade !== Object.keys(end.ledger.refunds).length) broken.push('a refund id moved money twice');
  const shape = (s: typeof end) => s.apps.map((a) => `${a.state}/${a.payment.status}`).join(',');
  if (sameEnd && shape(end) !== shape(baseline)) broken.push(`ended ${shape(end)}, fault-free ${shape(baseline)}`);
  return broken;
}

async function settle() {
  await run(undefined, 'settlePayments', {});
}

const cases = (['store', 'database'] as const).flatMap((level) => scenarios.map((s) => ({ ...s, level, title: `${s.name} — faults at each ${level} call` })));

describe.each(cases)('$title', (scenario) => {
  let snap: Snapshot;
  let world: ReturnType<ReissueWorld['save']>;
  let request: Request;

  beforeAll(async () => {
    w.faults.level = 'store';
    await edb.emulator.reset();
    w.load({ ledger: { orders: {}, refunds: {}, refundsMade: 0 }, lostAt: undefined, t: '2026-03-02T02:00:00Z' });
    request = await scenario.prepare();
    w.clock.advance(60_000);
    snap = await edb.snapshot();
    world = w.save();
  });

  it('every step × fault: money, state and claims stay consistent; a retry succeeds or answers as the fault-free run', async () => {
    w.faults.level = scenario.level;
    const restore = async () => {
      await edb.restore(snap);
      w.load(world);
    };
    await restore();
    const recorder = new FaultInjector();
    const baselineAnswer = answerOf(await run(request.openid, request.action, request.data, recorder));
    await settle();
    const baseline = await endState();
    expect(baselineAnswer).toBe('ok');

    const outcomes: CaseOutcome[] = [];
    for (const c of faultMatrix(recorder.calls)) {
      await restore();
      const injector = new FaultInjector({ step: c.step, fault: c.fault });
      const first = answerOf(await run(request.openid, request.action, request.data, injector));
      injector.disarm();
      let retry = first === 'ok' ? 'ok' : answerOf(await run(request.openid, request.action, request.data));
      let known: string | undefined;
      if (retry === 'REQUEST_IN_PROGRESS' && (c.call === 'store.beginRequest' || c.call === 'reissue_requests.add')) {
        w.clock.advance(PENDING_LEASE_MS + 1);
        retry = answerOf(await run(request.openid, request.action, request.data));
        known = LEASE;
      }
      await settle();
      const trueRefusal = TRUE_REFUSALS.has(first) && retry === first;
      const broken = invariants(await endState(), baseline, !trueRefusal);
      if (retry !== baselineAnswer && !trueRefusal) broken.push(`retry answered ${retry}`);
      outcomes.push({ ...c, first, retry, broken, ...(known ? { known } : {}) });
    }
    report(scenario.title, outcomes);
    expect(brokenCases(outcomes)).toEqual([]);
  });
});
