/**
 * Fault injection through the identity writes that take several steps: confirming a face result
 * (the binding transaction, moving an identity from another account, the verification's step),
 * adding a family member, claiming an officer invitation, unbinding. Every store call of each
 * fails before being applied, is applied and then times out, is applied twice, or is delayed;
 * the client retries the same request; then:
 * - an account is bound to at most one resident and a resident to at most one account, and the
 *   binding documents agree with the accounts; an account without an identity acts for nobody;
 * - an invitation is used at most once, by the account that became an officer through it;
 * - the retry succeeds or answers what the fault-free run answered, and ends where it ended.
 * Runs the real CloudbaseIdentityStore against the in-process emulator through the SDK.
 */
import { createHash } from 'node:crypto';
import type { Account } from '../../core/identity/Account';
import { CONSENT_VERSION } from '../../core/identity/consent';
import { type IdentityDeps } from '../../core/identity/IdentityDeps';
import { identityActions } from '../../core/identity/identityActions';
import { maskIdNumber } from '../../core/privacy/mask';
import { dispatch, type DispatchResult } from '../../core/function/dispatch';
import { chinaDivisions } from '../../server/identity/chinaDivisions';
import { CloudbaseIdentityStore } from '../../server/identity/CloudbaseIdentityStore';
import { FaultInjector, faultMatrix } from '../support/faultInjection';
import { FixedClock, InMemoryAuditLog, InMemoryRegistry, RecordingSmsSender, ScriptedFaceVerifier, testSecrets, type RegistryRecord } from '../unit/support/InMemoryIdentityPorts';
import { emulatedDatabase, type EmulatedDatabase, type Snapshot } from './support/emulatorSnapshot';
import { faultyDatabase } from './support/databaseFaults';
import { answerOf, brokenCases, report, type CaseOutcome } from './support/faultReport';

jest.setTimeout(240_000);

type Data = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const WANG = { name: '王建国', idNumber: '460106198503141311', phone: '13912345605' };
const CHILD = { name: '王小明', idNumber: '460106202407201539' };
const OLD_PHONE = 'o-wang-old';
const NEW_PHONE = 'o-wang-new';
const ADMIN = 'o-admin';
const OFFICER = 'o-officer';

let edb: EmulatedDatabase;
const secrets = testSecrets();
const clock = new FixedClock('2026-11-23T02:00:00Z');
const sms = new RecordingSmsSender();
const face = new ScriptedFaceVerifier();
const audit = new InMemoryAuditLog();
const resident = (_id: string, p: { name: string; idNumber: string }): RegistryRecord => ({
  _id,
  idNumber: p.idNumber,
  name: p.name,
  idNumberMasked: maskIdNumber(p.idNumber),
  householdId: 'hh-wang',
  relationToHead: '户主',
  birthDate: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
  sex: 'male',
  divisionCode: '460106',
  fingerprintsOnFile: true,
});
const registry = new InMemoryRegistry([resident('r-wang', WANG), resident('r-child', CHILD)]);
let store: CloudbaseIdentityStore;

beforeAll(async () => {
  edb = await emulatedDatabase();
  store = new CloudbaseIdentityStore(edb.db);
});
afterAll(async () => {
  await edb?.close();
});

/** Which calls the faults hit: the store's methods, or each database request inside them. */
type Level = 'store' | 'database';
let level: Level = 'store';

const faultyStore = (injector: FaultInjector) => (level === 'store' ? injector.wrap('store', store) : new CloudbaseIdentityStore(faultyDatabase(injector, edb.db)));

const deps = (openid: string | undefined, injector?: FaultInjector): IdentityDeps => ({
  caller: { openid, clientIp: '203.0.113.8' },
  identities: injector ? faultyStore(injector) : store,
  registry,
  sms,
  face,
  audit,
  secrets,
  divisions: chinaDivisions,
  clock,
});
const run = (openid: string | undefined, action: string, data: unknown, injector?: FaultInjector): Promise<DispatchResult> =>
  dispatch(identityActions, { action, data }, deps(openid, injector));
async function ok(openid: string, action: string, data: unknown = {}): Promise<Data> {
  const r = await run(openid, action, data);
  if (!r.response.ok) throw new Error(`${action}: ${r.response.error.code}`);
  return r.response.data;
}

let faces = 0;
/** Consent, details, the texted code: the verification waits for the face; returns the confirmFace request. */
async function upToFace(openid: string): Promise<Data> {
  await ok(openid, 'consent', { purposes: ['identity', 'face'], version: CONSENT_VERSION });
  const { verificationId } = await ok(openid, 'startVerification', WANG);
  await ok(openid, 'confirmPhone', { verificationId, code: sms.lastCodeTo(WANG.phone) });
  const verifyResult = `verify-result-${++faces}`;
  const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
  face.script(verifyResult, {
    errcode: 0,
    errmsg: 'ok',
    identify_ret: 0,
    openid,
    finish_time: Math.floor(clock.now().getTime() / 1000),
    id_card_number_md5: md5(WANG.idNumber),
    name_utf8_md5: md5(WANG.name),
  });
  return { verificationId, verifyResult };
}
async function verified(openid: string): Promise<void> {
  await ok(openid, 'confirmFace', await upToFace(openid));
}

interface Request {
  openid: string;
  action: string;
  data: Data;
}

const scenarios: Array<{ name: string; prepare(): Promise<Request> }> = [
  { name: 'confirmFace → binding', prepare: async () => ({ openid: NEW_PHONE, action: 'confirmFace', data: await upToFace(NEW_PHONE) }) },
  {
    name: 'confirmFace → binding moved from another account (its family links go)',
    prepare: async () => {
      await verified(OLD_PHONE);
      await ok(OLD_PHONE, 'addFamilyMember', { ...CHILD, relation: 'child' });
      return { openid: NEW_PHONE, action: 'confirmFace', data: await upToFace(NEW_PHONE) };
    },
  },
  {
    name: 'addFamilyMember',
    prepare: async () => {
      await verified(OLD_PHONE);
      return { openid: OLD_PHONE, action: 'addFamilyMember', data: { ...CHILD, relation: 'child' } };
    },
  },
  {
    name: 'acceptOfficerInvitation',
    prepare: async () => {
      const admin: Account = { _id: ADMIN, role: 'admin', consents: [], halls: [], createdAt: clock.now(), updatedAt: clock.now() };
      await store.saveAccount(admin);
      await edb.emulator.direct.insert('halls', [{ _id: 'haikou-longhua', name: '龙华区户政大厅' }]);
      const { code } = await ok(ADMIN, 'createOfficerInvitation', { halls: ['haikou-longhua'], validDays: 3 });
      return { openid: OFFICER, action: 'acceptOfficerInvitation', data: { code } };
    },
  },
  {
    name: 'unbind (family links go)',
    prepare: async () => {
      await verified(OLD_PHONE);
      await ok(OLD_PHONE, 'addFamilyMember', { ...CHILD, relation: 'child' });
      return { openid: OLD_PHONE, action: 'unbind', data: {} };
    },
  },
];

async function endState() {
  const accounts = (await edb.all('accounts')) as unknown as Account[];
  const bindings = (await edb.all('identity_bindings')) as Array<{ _id: string; openid: string }>;
  const links = (await edb.all('family_links')) as Array<{ actorOpenid: string }>;
  const invitations = (await edb.all('officer_invitations')) as Array<{ usedBy?: string; halls: string[] }>;
  return { accounts, bindings, links, invitations };
}
type End = Awaited<ReturnType<typeof endState>>;

function invariants(end: End, baseline: End): string[] {
  const broken: string[] = [];
  const withIdentity = end.accounts.filter((a) => a.identity);
  const byIndex = new Map<string, string[]>();
  for (const a of withIdentity) byIndex.set(a.identity!.idIndex, [...(byIndex.get(a.identity!.idIndex) ?? []), a._id]);
  for (const [idIndex, holders] of byIndex) {
    if (holders.length > 1) broken.push(`one resident bound to ${holders.length} accounts`);
    const binding = end.bindings.find((b) => b._id === idIndex);
    if (!binding || !holders.includes(binding.openid)) broken.push('an account holds an identity its binding does not name');
  }
  for (const b of end.bindings) {
    const a = end.accounts.find((x) => x._id === b.openid);
    if (a?.identity?.idIndex !== b._id) broken.push('a binding names an account without that identity');
  }
  for (const l of end.links) if (!withIdentity.some((a) => a._id === l.actorOpenid)) broken.push('family links of an account without identity');
  for (const inv of end.invitations) {
    const officers = end.accounts.filter((a) => a.role === 'officer');
    if (inv.usedBy && !officers.some((o) => o._id === inv.usedBy && inv.halls.every((h) => o.halls.includes(h)))) broken.push('invitation used, its account not an officer');
    if (officers.some((o) => o._id !== inv.usedBy)) broken.push('an officer without the invitation');
  }
  const shape = (s: End) =>
    JSON.stringify({
      accounts: s.accounts.map((a) => `${a._id}:${a.role}:${a.identity ? 'id' : '-'}:${a.halls.join('+')}`).sort(),
      bindings: s.bindings.map((b) => b.openid).sort(),
      links: s.links.map((l) => l.actorOpenid).sort(),
      used: s.invitations.map((i) => i.usedBy ?? '-'),
    });
  if (shape(end) !== shape(baseline)) broken.push(`ended ${shape(end)}, fault-free ${shape(baseline)}`);
  return broken;
}

const cases = (['store', 'database'] as const).flatMap((at) => scenarios.map((s) => ({ ...s, at, title: `${s.name} — faults at each ${at} call` })));

describe.each(cases)('$title', (scenario) => {
  let snap: Snapshot;
  let request: Request;
  let t: string;

  beforeAll(async () => {
    level = 'store';
    await edb.emulator.reset();
    request = await scenario.prepare();
    snap = await edb.snapshot();
    t = clock.now().toISOString();
  });

  it('every step × fault: one account per resident and one resident per account, invitations used once, a retry succeeds', async () => {
    level = scenario.at;
    const restore = async () => {
      await edb.restore(snap);
      clock.set(t);
    };
    await restore();
    const recorder = new FaultInjector();
    const baselineAnswer = answerOf(await run(request.openid, request.action, request.data, recorder));
    const baseline = await endState();
    expect(baselineAnswer).toBe('ok');

    const outcomes: CaseOutcome[] = [];
    for (const c of faultMatrix(recorder.calls)) {
      await restore();
      const injector = new FaultInjector({ step: c.step, fault: c.fault });
      const first = answerOf(await run(request.openid, request.action, request.data, injector));
      injector.disarm();
      const retry = first === 'ok' ? 'ok' : answerOf(await run(request.openid, request.action, request.data));
      const broken = invariants(await endState(), baseline);
      if (retry !== baselineAnswer) broken.push(`retry answered ${retry}`);
      outcomes.push({ ...c, first, retry, broken });
    }
    report(scenario.title, outcomes);
    expect(brokenCases(outcomes)).toEqual([]);
  });
});
