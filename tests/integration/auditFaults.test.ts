/**
 * Issue 12: an act for a family member is audited exactly once per request, even when the
 * function fails half-way. For booking, cancelling and rescheduling for a family member, every
 * database call the action makes (the booking store, the request log, the audit log itself) fails
 * before or after being applied, is repeated or delayed; the client retries the same request as the
 * mini-program does; then the audit log holds exactly one record of the act, naming the member.
 * The stores are the real CloudBase adapters against the in-memory emulator.
 */
import type { BookingDeps } from '../../core/booking/BookingDeps';
import type { BookingStore } from '../../core/booking/ports';
import type { FamilyLink } from '../../core/identity/family';
import { CloudbaseAuditLog } from '../../server/audit/CloudbaseAuditLog';
import { FaultInjector, faultMatrix, type Fault } from '../support/faultInjection';
import { FixedClock } from '../unit/support/InMemoryIdentityPorts';
import { startEmulatedDatabase, type EmulatedDatabase } from '../contract/support/emulatedDatabase';
import { act, at, BUSINESS, depsFor, HALL, requestLogOf, seedSchedule, slotOf, storeOf } from './support/bookingFaultRig';

jest.setTimeout(600_000);

let e: EmulatedDatabase;
beforeAll(async () => {
  e = await startEmulatedDatabase();
});
afterAll(() => e.close());

const NOW = at('2026-12-01', '08:30');
const REQ = 'audited-request-under-fault';
const SON = 'resident-son';
const link: FamilyLink = {
  _id: `citizen-a:${SON}`,
  actorOpenid: 'citizen-a',
  memberResidentId: SON,
  memberIdIndex: 'idx-son',
  memberIdNumberEnc: 'enc',
  memberNameEnc: 'enc',
  relation: 'child',
  addedAt: NOW,
};

/** citizen-a's deps, acting for their son, with the audit log in the emulator (through `audit`). */
function familyDeps(store: BookingStore, clock: FixedClock, audit = new CloudbaseAuditLog(e.db)): BookingDeps {
  const base = depsFor('citizen-a', store, clock);
  return { ...base, identities: { ...base.identities, familyLinks: async (o: string) => (o === 'citizen-a' ? [link] : []) }, audit };
}

const reserveForSon = async (store: BookingStore, clock: FixedClock, start: string, requestId: string) => {
  const r = await act(familyDeps(store, clock), 'reserve', { hallId: HALL, business: BUSINESS, slotId: slotOf(start), forMemberId: SON, requestId });
  if (r.code !== 'ok') throw new Error(`setup reserve: ${r.code}`);
  return r.data.id as string;
};

interface Scenario {
  action: 'reserve' | 'cancel' | 'reschedule';
  setup(store: BookingStore, clock: FixedClock): Promise<Record<string, string>>;
  input(ref: Record<string, string>): Record<string, unknown>;
}

const scenarios: Scenario[] = [
  { action: 'reserve', setup: async () => ({}), input: () => ({ hallId: HALL, business: BUSINESS, slotId: slotOf('09:00'), forMemberId: SON, requestId: REQ }) },
  { action: 'cancel', setup: async (s, c) => ({ id: await reserveForSon(s, c, '09:00', 'setup-son-0900') }), input: (ref) => ({ appointmentId: ref.id, requestId: REQ }) },
  {
    action: 'reschedule',
    setup: async (s, c) => ({ id: await reserveForSon(s, c, '09:00', 'setup-son-0900') }),
    input: (ref) => ({ appointmentId: ref.id, slotId: slotOf('10:00'), requestId: REQ }),
  },
];

/** Runs the act under `plan`, retries the same request until answered, and says what the log holds. */
async function runCase(s: Scenario, plan?: { step: number; fault: Fault }) {
  await e.emulator.reset();
  await seedSchedule(e.db);
  const clock = new FixedClock(NOW);
  const plain = storeOf(e.db, clock);
  const ref = await s.setup(plain, clock);
  const injector = new FaultInjector(plan);
  const deps = familyDeps(injector.wrap('store', plain), clock, injector.wrap('audit', new CloudbaseAuditLog(e.db)));
  let answer = await act(deps, s.action, s.input(ref), injector.wrap('requests', requestLogOf(plain)));
  injector.disarm();
  for (let attempt = 0; attempt < 3 && (answer.code === 'INTERNAL' || answer.code === 'REQUEST_IN_PROGRESS'); attempt++) {
    if (answer.code === 'REQUEST_IN_PROGRESS') clock.advance(2 * 60_000);
    answer = await act(familyDeps(plain, clock), s.action, s.input(ref));
  }
  const audited = ((
    await e.db
      .collection('audit_log')
      .where({ action: `appointment.${s.action}For` })
      .get()
  ).data ?? []) as Array<Record<string, unknown>>;
  return { answer: answer.code, audited, calls: injector.calls };
}

test.each(scenarios.map((s) => [s.action, s] as const))('%s for a family member: every call × every fault, then a retry, leaves exactly one audit record', async (_name, s) => {
  const baseline = await runCase(s);
  expect(baseline.answer).toBe('ok');
  expect(baseline.audited).toHaveLength(1);
  expect(baseline.audited[0]).toMatchObject({ actorOpenid: 'citizen-a', role: 'citizen', hallId: HALL, actedFor: SON, actedForName: '王**' });
  expect(baseline.calls).toContain('audit.record');
  const problems: string[] = [];
  for (const c of faultMatrix(baseline.calls)) {
    const r = await runCase(s, c);
    if (r.answer !== 'ok' || r.audited.length !== 1) problems.push(`#${c.step} ${c.call} ${c.fault}: answered ${r.answer}, ${r.audited.length} records`);
  }
  expect(problems).toEqual([]);
});
