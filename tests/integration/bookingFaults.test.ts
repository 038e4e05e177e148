/**
 * Fault injection over every multi-step booking write (issue 10). For each action — reserve, cancel,
 * reschedule, check-in, the no-show sweep and the reconciliation sweep — a fault-free run lists the
 * store calls it makes; then for EVERY call × fault (failBefore, failAfter, repeat, delay) the state
 * is rebuilt, the action runs with that fault, the reconciliation sweep runs and the data must be
 * consistent (the client may never retry); then the client retries the same request if it was not
 * answered (as the mini-program does after a timeout), the sweep runs again, and then:
 * - the data is consistent (slot counts = holders = holding appointments, within capacity; every
 *   claim held by an appointment that should hold it; no double booking) — see `violations`;
 * - the answer the client ends with is the fault-free answer (no false refusal, no lost place); a
 *   check-in scanned again after its first answer was lost says ALREADY_CHECKED_IN with the number.
 * The store is the real CloudbaseBookingStore against the in-memory emulator, so every write has
 * its real semantics. `WRITE_FAULTS_DOC=1` rewrites the booking section of docs/FAULTS.md.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { numberCandidate } from '../../core/booking/insertNumbered';
import type { BookingStore } from '../../core/booking/ports';
import { FaultInjector, faultMatrix, type Fault } from '../support/faultInjection';
import { FixedClock } from '../unit/support/InMemoryIdentityPorts';
import { startEmulatedDatabase, type EmulatedDatabase } from '../contract/support/emulatedDatabase';
import { act, at, BUSINESS, DAY, depsFor, HALL, requestLogOf, seedSchedule, slotOf, storeOf, violations } from './support/bookingFaultRig';

jest.setTimeout(600_000);

let e: EmulatedDatabase;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
afterAll(() => e.close());

const NOW = at('2026-12-01', '08:30');
const REQ = 'request-under-fault';

interface Scenario {
  action: string;
  /** The row's name when it is not the action's (a variant of its state). */
  name?: string;
  /** Who runs it (undefined: a timer). */
  caller: string | undefined;
  /** Builds the state before the action, fault-free. */
  setup(store: BookingStore, clock: FixedClock): Promise<Record<string, string>>;
  input(ref: Record<string, string>): unknown;
  /** Whether a failed answer is retried by the client with the same request (timers run again). */
  retry: boolean;
}

const reserveAs = async (store: BookingStore, clock: FixedClock, who: string, start: string, requestId: string) => {
  const r = await act(depsFor(who, store, clock), 'reserve', { hallId: HALL, business: BUSINESS, slotId: slotOf(start), requestId });
  if (r.code !== 'ok') throw new Error(`setup reserve: ${r.code}`);
  return r.data.id as string;
};

const scenarios: Scenario[] = [
  {
    action: 'reserve',
    caller: 'citizen-a',
    // Someone else already holds a place in the slot: their booking must not be touched.
    setup: async (store, clock) => ({ other: await reserveAs(store, clock, 'citizen-b', '09:00', 'setup-b-0900') }),
    input: () => ({ hallId: HALL, business: BUSINESS, slotId: slotOf('09:00'), requestId: REQ }),
    retry: true,
  },
  {
    action: 'reserve',
    name: 'reserve, 预约号 taken',
    caller: 'citizen-a',
    // The booking's first 预约号 candidate is held by another appointment of the hall (a cancelled
    // one keeps its number): the insert is refused by the unique index and tried with the next.
    setup: async (store, clock) => {
      const other = await reserveAs(store, clock, 'citizen-b', '09:00', 'setup-b-0900');
      const deps = depsFor('citizen-a', store, clock);
      const refNumber = numberCandidate(deps, deps.idFor(`reserve:citizen-a:${REQ}`), 0);
      await e.db.collection('appointments').add({
        _id: 'holder-of-number',
        actorOpenid: 'citizen-c',
        subjectIdIndex: 'idx-citizen-c',
        hallId: HALL,
        slotId: slotOf('11:00'),
        refNumber,
        status: 'cancelled',
        claims: [],
      });
      return { other };
    },
    input: () => ({ hallId: HALL, business: BUSINESS, slotId: slotOf('09:00'), requestId: REQ }),
    retry: true,
  },
  {
    action: 'cancel',
    caller: 'citizen-a',
    setup: async (store, clock) => ({ id: await reserveAs(store, clock, 'citizen-a', '09:00', 'setup-a-0900') }),
    input: (ref) => ({ appointmentId: ref.id, requestId: REQ }),
    retry: true,
  },
  {
    action: 'reschedule',
    caller: 'citizen-a',
    setup: async (store, clock) => ({ id: await reserveAs(store, clock, 'citizen-a', '09:00', 'setup-a-0900') }),
    input: (ref) => ({ appointmentId: ref.id, slotId: slotOf('10:00'), requestId: REQ }),
    retry: true,
  },
  {
    action: 'checkIn',
    caller: 'officer-a',
    setup: async (store, clock) => {
      const id = await reserveAs(store, clock, 'citizen-a', '09:00', 'setup-a-0900');
      clock.set(at(DAY, '08:50'));
      const t = await act(depsFor('citizen-a', store, clock), 'ticket', { appointmentId: id });
      return { id, token: t.data.token };
    },
    input: (ref) => ({ token: ref.token }),
    retry: true,
  },
  {
    action: 'markNoShows',
    caller: undefined,
    setup: async (store, clock) => {
      const id = await reserveAs(store, clock, 'citizen-a', '09:00', 'setup-a-0900');
      clock.set(at('2026-12-03', '00:30'));
      return { id };
    },
    input: () => ({}),
    retry: true,
  },
  {
    action: 'reconcileSlots',
    caller: undefined,
    setup: async (store, clock) => {
      const id = await reserveAs(store, clock, 'citizen-a', '09:00', 'setup-a-0900');
      // A crash between taking the place and claims and inserting the appointment, 10 minutes ago.
      const plan = { slotId: slotOf('09:00'), hallId: HALL, date: DAY, start: '09:00', end: '09:30', capacity: 100 };
      await store.takePlace(plan, 'crashed-appointment');
      await store.takeClaim('active:idx-crashed:id-card-renewal', 'crashed-appointment');
      clock.advance(10 * 60_000);
      return { id };
    },
    input: () => ({}),
    retry: true,
  },
];

interface Row {
  action: string;
  step: number;
  call: string;
  fault: Fault | 'none';
  first: string;
  retried: string;
  problems: string[];
}

/** Rebuilds the state, runs the action under `plan`, retries once, reconciles, checks. */
async function runCase(
  s: Scenario,
  plan: { step: number; fault: Fault } | undefined,
): Promise<{ row: Omit<Row, 'action' | 'step' | 'call' | 'fault'>; calls: string[]; final: string }> {
  await e.emulator.reset();
  await seedSchedule(e.db);
  const clock = new FixedClock(NOW);
  const plain = storeOf(e.db, clock);
  const ref = await s.setup(plain, clock);
  const injector = new FaultInjector(plan);
  const faulty = injector.wrap('store', plain as BookingStore);
  const first = await act(depsFor(s.caller, faulty, clock), s.action, s.input(ref), injector.wrap('store', requestLogOf(plain as BookingStore)));
  injector.disarm();
  // Without a retry (the client gave up): the data must be consistent once the sweep ran.
  const sweep = async () => act(depsFor(undefined, plain, new FixedClock(new Date(clock.now().getTime() + 10 * 60_000))), 'reconcileSlots', {});
  await sweep();
  const alone = await violations(e.db);
  let final = first;
  const retries: string[] = [];
  // The client retries the same request after a failure; told it is still in progress, it waits a
  // while (longer than a function may run) and asks again.
  for (let attempt = 0; s.retry && attempt < 3 && (final.code === 'INTERNAL' || final.code === 'REQUEST_IN_PROGRESS'); attempt++) {
    if (final.code === 'REQUEST_IN_PROGRESS') clock.advance(2 * 60_000);
    final = await act(depsFor(s.caller, plain, clock), s.action, s.input(ref));
    retries.push(final.code);
  }
  const retried = retries.join(' → ');
  // The reconciliation sweep, once everything is quiet.
  await sweep();
  const problems = [...alone.map((p) => `without retry: ${p}`), ...(await violations(e.db))];
  problems.push(...(await outcomeProblems(s, ref, final, clock)));
  return { row: { first: first.code, retried, problems }, calls: injector.calls, final: final.code };
}

/** The effect the action must have had when it ended answered 'ok' (or stuck as REQUEST_IN_PROGRESS). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an action's answer, checked per action below
async function outcomeProblems(s: Scenario, ref: Record<string, string>, final: { code: string; data?: any }, clock: FixedClock): Promise<string[]> {
  const accepted = final.code === 'ok' || (s.action === 'checkIn' && final.code === 'ALREADY_CHECKED_IN');
  if (!accepted) return [`answered ${final.code}`];
  const appts = ((await e.db.collection('appointments').limit(100).get()).data ?? []) as Array<{
    _id: string;
    actorOpenid: string;
    status: string;
    start: string;
    refNumber?: string;
    queueNumber?: number;
  }>;
  const mine = appts.filter((a) => a.actorOpenid === 'citizen-a');
  const status = (id: string) => appts.find((a) => a._id === id)?.status;
  const out: string[] = [];
  switch (s.action) {
    case 'reserve':
      if (mine.filter((a) => a.status === 'booked').length !== 1) out.push('reserve: citizen does not hold exactly one booking');
      if (status(ref.other) !== 'booked') out.push("reserve: another citizen's booking changed");
      if (final.code === 'ok' && status(final.data.id) !== 'booked') out.push('reserve: answered a booking that is not stored');
      if (new Set(appts.map((a) => a.refNumber)).size !== appts.length) out.push('reserve: two appointments share a 预约号');
      if (final.code === 'ok' && appts.find((a) => a._id === final.data.id)?.refNumber !== final.data.refNumber) out.push('reserve: answered another 预约号 than stored');
      break;
    case 'cancel':
      if (status(ref.id) !== 'cancelled') out.push('cancel: not cancelled');
      break;
    case 'reschedule':
      if (status(ref.id) !== 'cancelled') out.push('reschedule: old not cancelled');
      if (mine.filter((a) => a.status === 'booked' && a.start === '10:00').length !== 1) out.push('reschedule: not exactly one new booking');
      break;
    case 'checkIn': {
      const a = appts.find((x) => x._id === ref.id);
      if (a?.status !== 'checkedIn' || a.queueNumber === undefined) out.push('checkIn: not checked in with a queue number');
      break;
    }
    case 'markNoShows':
      if (status(ref.id) !== 'noShow') out.push('markNoShows: not marked');
      break;
    default:
  }
  void clock;
  return out;
}

const rows: Row[] = [];

test.each(scenarios.map((s) => [s.name ?? s.action, s] as const))('%s: every store call × every fault leaves consistent data and the right answer', async (_name, s) => {
  const baseline = await runCase(s, undefined);
  expect(baseline.row.problems).toEqual([]);
  expect(baseline.final).toBe('ok');
  // The variant makes the insert it is about: refused for its number, then stored with the next.
  if (s.name === 'reserve, 预约号 taken') expect(baseline.calls.filter((c) => c === 'store.addAppointment')).toHaveLength(2);
  rows.push({ action: s.name ?? s.action, step: -1, call: '(no fault)', fault: 'none', ...baseline.row });
  const failures: string[] = [];
  for (const c of faultMatrix(baseline.calls)) {
    const { row } = await runCase(s, { step: c.step, fault: c.fault });
    rows.push({ action: s.name ?? s.action, step: c.step, call: c.call.replace(/^store\./, ''), fault: c.fault, ...row });
    if (row.problems.length) failures.push(`#${c.step} ${c.call} ${c.fault}: first ${row.first}${row.retried ? `, retry ${row.retried}` : ''} → ${row.problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
});

afterAll(() => {
  const table = [
    '| action | step | store call | fault | first answer | client retry | after reconciliation |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.action} | ${r.step < 0 ? '' : r.step} | ${r.call} | ${r.fault} | ${r.first} | ${r.retried || '—'} | ${r.problems.length ? `✗ ${r.problems.join('; ')}` : '✓ consistent'} |`,
    ),
  ].join('\n');
  const file = path.join(__dirname, '../../docs/FAULTS.md');
  if (process.env.WRITE_FAULTS_DOC === '1') {
    const start = '<!-- booking-faults:start -->';
    const end = '<!-- booking-faults:end -->';
    const section = `${start}\n${table}\n${end}`;
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Fault injection\n';
    const next = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${text.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, next);
  }
  const bad = rows.filter((r) => r.problems.length).length;
  process.stdout.write(`booking fault matrix: ${rows.length} cases, ${bad} with problems\n`);
});
