/**
 * The identity actions (through dispatch, as the cloud function runs them) against in-memory
 * ports and a clock the tests move: what the local cloud cannot easily show — codes and sessions
 * expiring, a resend too early, a stale face result, a lost binding race, the lock lifting at
 * Shanghai midnight — and that no response, audit record or stored document holds a plain ID or
 * phone number. The journeys through the local cloud are in tests/integration/identity.test.ts.
 */
import { createHash } from 'node:crypto';
import { newAccount } from '../../core/identity/Account';
import { CONSENT_VERSION } from '../../core/identity/consent';
import type { FaceIdentifyInfo } from '../../core/identity/faceResult';
import { type IdentityDeps } from '../../core/identity/IdentityDeps';
import { LOCKOUT_POLICY } from '../../core/identity/lockout';
import { VERIFICATION_POLICY } from '../../core/identity/Verification';
import { identityActions } from '../../core/identity/identityActions';
import { dispatch } from '../../core/function/dispatch';
import { DomainError } from '../../core/errors/DomainError';
import type { FunctionResponse } from '../../core/function/envelope';
import { containsUnmaskedIdOrPhone, maskIdNumber } from '../../core/privacy/mask';
import type { Secrets } from '../../core/identity/ports';
import { chinaDivisions } from '../../server/identity/chinaDivisions';
import { idNumberOf } from './support/idNumberArbitraries';
import {
  FixedClock,
  InMemoryAuditLog,
  InMemoryIdentityStore,
  InMemoryRegistry,
  RecordingSmsSender,
  ScriptedFaceVerifier,
  testSecrets,
  type RegistryRecord,
} from './support/InMemoryIdentityPorts';

type Data = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const MIN = 60_000;
/** 10:00 on Monday 23 November 2026 in Shanghai. */
const START = '2026-11-23T02:00:00Z';
const CLIENT_IP = '203.0.113.7';

interface Person {
  name: string;
  idNumber: string;
  phone: string;
}

const id = (divisionCode: string, birthDate: string, sequence: string) => idNumberOf({ divisionCode, birthDate, sequence });

// Synthetic people; every number has a valid check digit.
const CHEN: Person = { name: '陈晓燕', idNumber: id('460108', '1990-12-05', '286'), phone: '13912345601' };
const LIN: Person = { name: '林志强', idNumber: id('440304', '1979-05-21', '115'), phone: '13912345602' };
const HUANG: Person = { name: '黄丽娟', idNumber: id('440305', '1995-06-18', '248'), phone: '13912345603' };
const ZHAO: Person = { name: '赵伟', idNumber: id('440106', '2001-11-11', '179'), phone: '13912345604' };
const WANG: Person = { name: '王建国', idNumber: id('460106', '1985-03-15', '131'), phone: '13912345605' };
const WANG_CHILD = { name: '王小明', idNumber: id('460106', '2016-07-20', '153') };
const WANG_MOTHER = { name: '张桂兰', idNumber: id('460106', '1958-01-30', '264') };
const STRANGER = { name: '林国栋', idNumber: id('440304', '1950-02-14', '137') };
/** Valid check digit, but nobody in the registry. */
const NOBODY: Person = { name: '张三', idNumber: '11010519491231002X', phone: '13912345609' };

const PEOPLE: Array<Pick<Person, 'name' | 'idNumber'> & { phone?: string }> = [CHEN, LIN, HUANG, ZHAO, WANG, WANG_CHILD, WANG_MOTHER, STRANGER, NOBODY];

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

function resident(_secrets: Secrets, _id: string, person: { name: string; idNumber: string }, householdId: string): RegistryRecord {
  const n = person.idNumber;
  return {
    _id,
    idNumber: n,
    name: person.name,
    idNumberMasked: maskIdNumber(n),
    householdId,
    relationToHead: '户主',
    birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
    sex: Number(n[16]) % 2 === 1 ? 'male' : 'female',
    divisionCode: n.slice(0, 6),
    fingerprintsOnFile: true,
  };
}

/** JSON of every response any action gave in this file, scanned for leaks at the end. */
const responses: string[] = [];
/** Every action called in this file. */
const called = new Set<string>();

function world(options: { start?: string; codes?: string[] } = {}) {
  const clock = new FixedClock(options.start ?? START);
  const secrets = testSecrets(options.codes);
  const store = new InMemoryIdentityStore(['haikou-longhua', 'haikou-meilan']);
  const registry = new InMemoryRegistry([
    resident(secrets, 'r-chen', CHEN, 'hh-chen'),
    resident(secrets, 'r-lin', LIN, 'hh-lin'),
    resident(secrets, 'r-huang', HUANG, 'hh-huang'),
    resident(secrets, 'r-zhao', ZHAO, 'hh-zhao'),
    resident(secrets, 'r-wang', WANG, 'hh-wang'),
    resident(secrets, 'r-wang-child', WANG_CHILD, 'hh-wang'),
    resident(secrets, 'r-wang-mother', WANG_MOTHER, 'hh-wang'),
    resident(secrets, 'r-stranger', STRANGER, 'hh-lin'),
  ]);
  const sms = new RecordingSmsSender();
  const face = new ScriptedFaceVerifier();
  const audit = new InMemoryAuditLog();
  const depsFor = (openid?: string): IdentityDeps => ({
    caller: { openid, clientIp: CLIENT_IP },
    identities: store,
    registry,
    sms,
    face,
    audit,
    secrets,
    divisions: chinaDivisions,
    clock,
  });

  async function call(openid: string | undefined, action: string, data: unknown = {}): Promise<FunctionResponse<Data>> {
    const result = await dispatch(identityActions, { action, data }, depsFor(openid));
    responses.push(JSON.stringify(result.response));
    called.add(action);
    if (result.outcome === 'failed') throw result.cause;
    return result.response;
  }
  async function ok(openid: string, action: string, data: unknown = {}): Promise<Data> {
    const r = await call(openid, action, data);
    if (!r.ok) throw new Error(`${action} refused: ${r.error.code} ${r.error.message}`);
    return r.data;
  }
  async function error(openid: string, action: string, data: unknown = {}) {
    const r = await call(openid, action, data);
    if (r.ok) throw new Error(`${action} unexpectedly succeeded`);
    return r.error;
  }

  let faces = 0;
  /** Plays wx.startFacialRecognitionVerify: what WeChat's getinfo will answer for a new verify_result. */
  function faceResult(openid: string, person: Pick<Person, 'name' | 'idNumber'>, change: Partial<FaceIdentifyInfo> = {}): string {
    const verifyResult = `verify-result-${++faces}`;
    face.script(verifyResult, {
      errcode: 0,
      errmsg: 'ok',
      identify_ret: 0,
      openid,
      finish_time: Math.floor(clock.now().getTime() / 1000),
      id_card_number_md5: md5(person.idNumber),
      name_utf8_md5: md5(person.name),
      ...change,
    });
    return verifyResult;
  }

  const consentAll = (openid: string) => ok(openid, 'consent', { purposes: ['identity', 'face'], version: CONSENT_VERSION });

  /** Consent, details and the texted code: the verification waits for the face step. */
  async function upToFace(openid: string, person: Person): Promise<string> {
    await consentAll(openid);
    const { verificationId } = await ok(openid, 'startVerification', person);
    expect(await ok(openid, 'confirmPhone', { verificationId, code: sms.lastCodeTo(person.phone) })).toEqual({ step: 'face' });
    return verificationId;
  }

  /** A whole verification; the face result may be changed (e.g. to fail). Returns the last response. */
  async function verify(openid: string, person: Person, change: Partial<FaceIdentifyInfo> = {}) {
    const verificationId = await upToFace(openid, person);
    return call(openid, 'confirmFace', { verificationId, verifyResult: faceResult(openid, person, change) });
  }

  const lockout = async (openid: string) => (await ok(openid, 'status')).lockout;

  return { clock, secrets, store, registry, sms, face, audit, call, ok, error, faceResult, consentAll, upToFace, verify, lockout };
}

describe('one-time codes', () => {
  it('a code works until 5 minutes after it was sent; then OTP_EXPIRED, not counted, and a new code works', async () => {
    const w = world();
    await w.consentAll('o-chen');
    const early = (await w.ok('o-chen', 'startVerification', CHEN)).verificationId;
    w.clock.advance(5 * MIN - 1);
    expect(await w.ok('o-chen', 'confirmPhone', { verificationId: early, code: w.sms.lastCodeTo(CHEN.phone) })).toEqual({ step: 'face' });

    const late = (await w.ok('o-chen', 'startVerification', CHEN)).verificationId;
    const code = w.sms.lastCodeTo(CHEN.phone);
    w.clock.advance(5 * MIN);
    expect((await w.error('o-chen', 'confirmPhone', { verificationId: late, code })).code).toBe('OTP_EXPIRED');
    // Neither a wrong guess nor a failed verification.
    expect(w.store.verifications.get(late)).toMatchObject({ step: 'phone', otpAttempts: 0 });
    expect((await w.lockout('o-chen')).remaining).toBe(5);

    await w.ok('o-chen', 'resendCode', { verificationId: late });
    const fresh = w.sms.lastCodeTo(CHEN.phone);
    w.clock.advance(5 * MIN - 1);
    expect(await w.ok('o-chen', 'confirmPhone', { verificationId: late, code: fresh })).toEqual({ step: 'face' });
  });

  it('a resend within 60 s is OTP_TOO_FREQUENT and texts nothing; at 60 s it texts a new code and the old one stops working', async () => {
    const w = world({ codes: ['111111', '222222'] });
    await w.consentAll('o-lin');
    const started = await w.ok('o-lin', 'startVerification', LIN);
    expect(started).toMatchObject({ phoneMasked: '139****5602', codeValidMinutes: 5, resendAfterSeconds: 60 });
    const { verificationId } = started;
    expect(w.sms.sent).toEqual([{ phone: LIN.phone, code: '111111', minutesValid: 5 }]);

    w.clock.advance(60_000 - 1);
    expect((await w.error('o-lin', 'resendCode', { verificationId })).code).toBe('OTP_TOO_FREQUENT');
    expect(w.sms.sent).toHaveLength(1);

    w.clock.advance(1);
    expect(await w.ok('o-lin', 'resendCode', { verificationId })).toMatchObject({ verificationId, phoneMasked: '139****5602' });
    expect(w.sms.sent.map((s) => s.code)).toEqual(['111111', '222222']);
    // And the next resend waits 60 s from this one.
    w.clock.advance(30_000);
    expect((await w.error('o-lin', 'resendCode', { verificationId })).code).toBe('OTP_TOO_FREQUENT');

    const old = await w.error('o-lin', 'confirmPhone', { verificationId, code: '111111' });
    expect(old).toMatchObject({ code: 'OTP_INCORRECT', message: expect.stringContaining('还可尝试4次') });
    // The new code's 5 minutes run from the resend: 5 min 59 s after the first text it still works.
    w.clock.set(new Date(Date.parse(START) + 6 * MIN - 1000));
    expect(await w.ok('o-lin', 'confirmPhone', { verificationId, code: '222222' })).toEqual({ step: 'face' });
  });
});

describe('verification sessions', () => {
  it('live 30 minutes: at 29:59.999 a session completes; at 30:00 every step answers VERIFICATION_EXPIRED', async () => {
    const w = world();
    const inTime = await w.upToFace('o-lin', LIN);
    const tooLate = await w.upToFace('o-huang', HUANG);
    await w.consentAll('o-zhao');
    const atPhone = (await w.ok('o-zhao', 'startVerification', ZHAO)).verificationId;

    w.clock.advance(30 * MIN - 1);
    const done = await w.ok('o-lin', 'confirmFace', { verificationId: inTime, verifyResult: w.faceResult('o-lin', LIN) });
    expect(done).toMatchObject({ verified: true });

    w.clock.advance(1);
    const lateFace = w.faceResult('o-huang', HUANG);
    expect((await w.error('o-huang', 'confirmFace', { verificationId: tooLate, verifyResult: lateFace })).code).toBe('VERIFICATION_EXPIRED');
    expect((await w.error('o-zhao', 'resendCode', { verificationId: atPhone })).code).toBe('VERIFICATION_EXPIRED');
    expect((await w.error('o-zhao', 'confirmPhone', { verificationId: atPhone, code: w.sms.lastCodeTo(ZHAO.phone) })).code).toBe('VERIFICATION_EXPIRED');
    // WeChat was not even asked, nothing was bound, and an expired session is not a failure.
    expect(w.face.asked).not.toContain(lateFace);
    expect((await w.ok('o-huang', 'status')).verified).toBe(false);
    expect((await w.lockout('o-huang')).remaining).toBe(5);
    expect((await w.lockout('o-zhao')).remaining).toBe(5);
  });
});

describe('face results', () => {
  it.each([
    ['601 s old', -601, false],
    ['600 s old', -600, true],
    ['60 s ahead', 60, true],
    ['61 s ahead', 61, false],
  ])('a result %s: accepted %s', async (_what, offset, accepted) => {
    const w = world();
    const verificationId = await w.upToFace('o-huang', HUANG);
    const finish = Math.floor(w.clock.now().getTime() / 1000) + offset;
    const res = await w.call('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG, { finish_time: finish }) });
    if (accepted) {
      expect(res).toMatchObject({ ok: true, data: { verified: true } });
      return;
    }
    expect(res).toMatchObject({ ok: false, error: { code: 'FACE_VERIFICATION_FAILED' } });
    expect(await w.store.account('o-huang')).not.toHaveProperty('identity');
    expect(w.store.verifications.get(verificationId)?.step).toBe('face');
    expect((await w.lockout('o-huang')).remaining).toBe(4);
    // A fresh face check in the same verification is accepted; the failure stays counted once.
    const retry = await w.ok('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG) });
    expect(retry.verified).toBe(true);
    expect((await w.lockout('o-huang')).remaining).toBe(4);
  });

  it('a face result sent again and again asks WeChat a bounded number of times: replays cost nothing and cannot be used to spend the WeChat quota', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-huang', HUANG);
    const failed = w.faceResult('o-huang', HUANG, { identify_ret: 1 });
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) codes.push((await w.error('o-huang', 'confirmFace', { verificationId, verifyResult: failed })).code);
    // The first try and up to faceReplaysMax resends are judged (a lost answer gets its answer again); the rest are refused unasked.
    expect(w.face.asked.filter((r) => r === failed)).toHaveLength(1 + VERIFICATION_POLICY.faceReplaysMax);
    expect(codes.slice(0, 1 + VERIFICATION_POLICY.faceReplaysMax).every((c) => c === 'FACE_VERIFICATION_FAILED')).toBe(true);
    expect(new Set(codes.slice(1 + VERIFICATION_POLICY.faceReplaysMax))).toEqual(new Set(['FACE_RESULT_RESENT_TOO_OFTEN']));
    // Counted once towards the lock; a fresh result still completes the verification.
    expect((await w.lockout('o-huang')).remaining).toBe(4);
    const fresh = await w.ok('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG) });
    expect(fresh.verified).toBe(true);
  });
});

describe('a failed face check can be retried within the verification (issue 12)', () => {
  const failing = { identify_ret: 10001 };

  it('stays at the face step, says how many tries remain, and a retry verifies without a new SMS code', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-huang', HUANG);
    const texts = w.sms.sent.length;
    const first = await w.error('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG, failing) });
    expect(first).toMatchObject({ code: 'FACE_VERIFICATION_FAILED', message: expect.stringContaining('本次认证还可重试2次') });
    expect(w.store.verifications.get(verificationId)?.step).toBe('face');
    expect((await w.lockout('o-huang')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - 1);
    expect(await w.ok('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG) })).toMatchObject({ verified: true });
    expect(w.store.verifications.get(verificationId)?.step).toBe('done');
    expect(w.sms.sent).toHaveLength(texts);
    expect(w.audit.entries.map((e) => e.action)).toEqual(['identity.bind']);
  });

  it('each failed try counts towards the lock; the third ends the verification and the person starts over', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-zhao', ZHAO);
    const tries = [];
    for (let i = 0; i < VERIFICATION_POLICY.faceMaxAttempts; i++) {
      tries.push(await w.error('o-zhao', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-zhao', ZHAO, failing) }));
    }
    expect(tries.map((t) => t.code)).toEqual(['FACE_VERIFICATION_FAILED', 'FACE_VERIFICATION_FAILED', 'FACE_ATTEMPTS_USED_UP']);
    expect(tries[1].message).toContain('还可重试1次');
    expect(tries[2].message).toContain('请重新开始认证');
    expect(w.store.verifications.get(verificationId)?.step).toBe('failed');
    expect((await w.lockout('o-zhao')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - 3);
    // Over: even a passing result is refused (and not asked of WeChat, nor counted).
    const passing = w.faceResult('o-zhao', ZHAO);
    expect((await w.error('o-zhao', 'confirmFace', { verificationId, verifyResult: passing })).code).toBe('VERIFICATION_EXPIRED');
    expect(w.face.asked).not.toContain(passing);
    expect((await w.lockout('o-zhao')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - 3);
    // Starting over works, with the tries of a new verification.
    expect((await w.verify('o-zhao', ZHAO)).ok).toBe(true);
  });

  it("a failure that reaches the day's lock ends the verification, saying until when", async () => {
    const w = world();
    // Three failures in an earlier verification, then one more: one failure left today.
    const earlier = await w.upToFace('o-zhao', ZHAO);
    for (let i = 0; i < 3; i++) await w.call('o-zhao', 'confirmFace', { verificationId: earlier, verifyResult: w.faceResult('o-zhao', ZHAO, failing) });
    const verificationId = await w.upToFace('o-zhao', ZHAO);
    const fourth = await w.error('o-zhao', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-zhao', ZHAO, failing) });
    // Two tries of the verification remain, but only one failure before the lock.
    expect(fourth).toMatchObject({ code: 'FACE_VERIFICATION_FAILED', message: expect.stringContaining('还可重试1次') });
    const fifth = await w.error('o-zhao', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-zhao', ZHAO, failing) });
    expect(fifth).toMatchObject({ code: 'FACE_ATTEMPTS_USED_UP', message: expect.stringContaining('11月24日 00:00') });
    expect(w.store.verifications.get(verificationId)?.step).toBe('failed');
    expect(await w.lockout('o-zhao')).toMatchObject({ locked: true, remaining: 0 });
  });

  it('a locked account cannot try a face check in a verification still open from before the lock', async () => {
    const w = world();
    const open = await w.upToFace('o-zhao', ZHAO);
    for (let i = 0; i < LOCKOUT_POLICY.maxFailuresPerDay; i++) await w.verify('o-zhao', NOBODY);
    expect((await w.lockout('o-zhao')).locked).toBe(true);
    const passing = w.faceResult('o-zhao', ZHAO);
    expect((await w.error('o-zhao', 'confirmFace', { verificationId: open, verifyResult: passing })).code).toBe('VERIFICATION_LOCKED');
    expect(w.face.asked).not.toContain(passing);
    expect(await w.store.account('o-zhao')).not.toHaveProperty('identity');
  });

  it('a face result is one try: sent again it is judged again but never counted again', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-huang', HUANG);
    const failed = w.faceResult('o-huang', HUANG, failing);
    await w.error('o-huang', 'confirmFace', { verificationId, verifyResult: failed });
    const resends = Array.from({ length: VERIFICATION_POLICY.faceReplaysMax }, () => w.error('o-huang', 'confirmFace', { verificationId, verifyResult: failed }));
    const replays = await Promise.all(resends);
    expect(replays.map((r) => r.message)).toEqual(Array(VERIFICATION_POLICY.faceReplaysMax).fill(expect.stringContaining('本次认证还可重试2次')));
    expect((await w.lockout('o-huang')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - 1);
    expect(w.store.verifications.get(verificationId)).toMatchObject({ step: 'face', faceAttempts: 1 });
    // The tries left are still there.
    expect(await w.ok('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG) })).toMatchObject({ verified: true });
  });

  it('a passing result sent again after its answer was lost gets that answer, once bound', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-huang', HUANG);
    const passing = w.faceResult('o-huang', HUANG);
    const first = await w.ok('o-huang', 'confirmFace', { verificationId, verifyResult: passing });
    expect(await w.ok('o-huang', 'confirmFace', { verificationId, verifyResult: passing })).toEqual(first);
    expect(w.audit.entries.map((e) => e.action)).toEqual(['identity.bind']);
    expect(w.store.verifications.get(verificationId)).toMatchObject({ step: 'done', faceAttempts: 1 });
  });

  it('concurrent tries cannot exceed the limit: at most three are asked of WeChat', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-zhao', ZHAO);
    const results = await Promise.all(Array.from({ length: 5 }, () => w.call('o-zhao', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-zhao', ZHAO, failing) })));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(w.face.asked).toHaveLength(VERIFICATION_POLICY.faceMaxAttempts);
    expect((await w.lockout('o-zhao')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - VERIFICATION_POLICY.faceMaxAttempts);
    expect(w.store.verifications.get(verificationId)?.step).toBe('failed');
  });

  it('a registry mismatch (the face matches the details given) still ends the verification', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-nobody', NOBODY);
    expect((await w.error('o-nobody', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-nobody', NOBODY) })).code).toBe('REGISTRY_MISMATCH');
    expect(w.store.verifications.get(verificationId)?.step).toBe('failed');
    expect((await w.lockout('o-nobody')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - 1);
    const again = w.faceResult('o-nobody', NOBODY);
    expect((await w.error('o-nobody', 'confirmFace', { verificationId, verifyResult: again })).code).toBe('VERIFICATION_EXPIRED');
    expect((await w.lockout('o-nobody')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay - 1);
  });

  it('the session still expires: a retry after 30 minutes is refused', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-huang', HUANG);
    await w.error('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG, failing) });
    w.clock.advance(VERIFICATION_POLICY.sessionMinutes * MIN);
    expect((await w.error('o-huang', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-huang', HUANG) })).code).toBe('VERIFICATION_EXPIRED');
    expect(await w.store.account('o-huang')).not.toHaveProperty('identity');
  });
});

describe('binding', () => {
  it('losing the binding race answers SERVICE_BUSY and leaves nothing half-bound; trying again moves the identity', async () => {
    const w = world();
    const idIndex = w.secrets.index('idNumber', CHEN.idNumber);
    const slow = await w.upToFace('o-slow', CHEN);
    const fast = await w.upToFace('o-fast', CHEN);

    // While o-slow's confirmFace is between reading the binding and binding, o-fast completes.
    w.store.interceptNextBind(async () => {
      expect(await w.ok('o-fast', 'confirmFace', { verificationId: fast, verifyResult: w.faceResult('o-fast', CHEN) })).toMatchObject({ verified: true });
    });
    const busy = await w.error('o-slow', 'confirmFace', { verificationId: slow, verifyResult: w.faceResult('o-slow', CHEN) });
    expect(busy.code).toBe('SERVICE_BUSY');
    expect(w.store.bindResults).toEqual([true, false]);

    expect(w.store.bindings.get(idIndex)?.openid).toBe('o-fast');
    expect((await w.store.account('o-fast'))?.identity?.idIndex).toBe(idIndex);
    expect(await w.store.account('o-slow')).not.toHaveProperty('identity');
    expect(await w.ok('o-slow', 'status')).toMatchObject({ verified: false, lockout: { remaining: 5 } });
    // The verification may be finished later, and no bind was audited for the loser.
    expect(w.store.verifications.get(slow)?.step).toBe('face');
    expect(w.audit.entries.filter((e) => e.actorOpenid === 'o-slow')).toEqual([]);

    const again = await w.ok('o-slow', 'confirmFace', { verificationId: slow, verifyResult: w.faceResult('o-slow', CHEN) });
    expect(again.verified).toBe(true);
    expect(w.store.bindings.get(idIndex)?.openid).toBe('o-slow');
    expect((await w.ok('o-fast', 'status')).verified).toBe(false);
    expect(w.audit.entries.map((e) => [e.actorOpenid, e.action])).toEqual([
      ['o-fast', 'identity.bind'],
      ['o-slow', 'identity.move'],
    ]);
  });
});

describe('names with rare characters', () => {
  it('a citizen whose name has a character beyond the BMP verifies and sees it masked whole', async () => {
    const w = world();
    const RARE: Person = { name: '王𠮷', idNumber: id('460106', '1992-08-08', '417'), phone: '13912345606' };
    w.registry.residents.push(resident(w.secrets, 'r-rare', RARE, 'hh-rare'));
    const res = await w.verify('o-rare', RARE);
    expect(res).toMatchObject({ ok: true, data: { verified: true, profile: { nameMasked: '王*' } } });
  });
});

describe('the daily lock', () => {
  it('five failures lock until the next midnight in Shanghai, to the millisecond, whatever UTC says', async () => {
    // 23:40 on 23 November in Shanghai.
    const w = world({ start: '2026-11-23T15:40:00Z' });
    for (let i = 0; i < 5; i++) {
      // The failure that reaches the lock also ends its verification (issue 12).
      const code = i < 4 ? 'FACE_VERIFICATION_FAILED' : 'FACE_ATTEMPTS_USED_UP';
      expect(await w.verify('o-zhao', ZHAO, { identify_ret: 10001 })).toMatchObject({ ok: false, error: { code } });
    }
    expect(await w.lockout('o-zhao')).toEqual({ locked: true, remaining: 0, until: '2026-11-23T16:00:00.000Z' });
    const locked = await w.error('o-zhao', 'startVerification', ZHAO);
    expect(locked.code).toBe('VERIFICATION_LOCKED');
    expect(locked.message).toContain('11月24日 00:00');
    const sentWhileLocked = w.sms.sent.length;

    w.clock.set('2026-11-23T15:59:59.999Z');
    expect((await w.error('o-zhao', 'startVerification', ZHAO)).code).toBe('VERIFICATION_LOCKED');
    expect(w.sms.sent).toHaveLength(sentWhileLocked);

    w.clock.set('2026-11-23T16:00:00.000Z');
    expect(await w.lockout('o-zhao')).toEqual({ locked: false, remaining: 5 });
    expect(await w.ok('o-zhao', 'startVerification', ZHAO)).toMatchObject({ phoneMasked: '139****5604' });

    // Failures just after Shanghai midnight count for the new Shanghai day, which UTC midnight does not end.
    for (let i = 0; i < 5; i++) await w.verify('o-zhao', ZHAO, { identify_ret: 10001 });
    expect(await w.lockout('o-zhao')).toEqual({ locked: true, remaining: 0, until: '2026-11-24T16:00:00.000Z' });
    w.clock.set('2026-11-24T00:00:00.000Z');
    expect((await w.error('o-zhao', 'startVerification', ZHAO)).code).toBe('VERIFICATION_LOCKED');
    w.clock.set('2026-11-24T16:00:00.000Z');
    expect((await w.verify('o-zhao', ZHAO)).ok).toBe(true);
  });
});

describe('retention (the daily timer)', () => {
  const purge = async (w: ReturnType<typeof world>) => {
    const r = await w.call(undefined, 'purgeExpiredVerifications');
    if (!r.ok) throw new Error(r.error.code);
    return r.data;
  };

  it('deletes a verification session 24 h after it expired, not a millisecond before', async () => {
    const w = world();
    await w.consentAll('o-chen');
    const { verificationId } = await w.ok('o-chen', 'startVerification', CHEN);
    const expiresAt = w.store.verifications.get(verificationId)!.expiresAt.getTime();
    expect(expiresAt).toBe(Date.parse(START) + 30 * MIN);

    w.clock.set(new Date(expiresAt + 24 * 60 * MIN));
    expect(await purge(w)).toEqual({ verifications: 0, failureCounters: 0, smsCounters: 0, plainBirthDates: 0 });
    expect(w.store.verifications.has(verificationId)).toBe(true);
    w.clock.advance(1);
    expect(await purge(w)).toEqual({ verifications: 1, failureCounters: 0, smsCounters: 0, plainBirthDates: 0 });
    expect(w.store.verifications.has(verificationId)).toBe(false);
  });

  it("deletes failure counters of Shanghai days more than a week old, never today's lock", async () => {
    // 00:30 on 23 November in Shanghai, still the 22nd in UTC.
    const w = world({ start: '2026-11-22T16:30:00Z' });
    for (let i = 0; i < 5; i++) await w.verify('o-zhao', ZHAO, { identify_ret: 10001 });
    expect((await w.lockout('o-zhao')).locked).toBe(true);
    expect(await purge(w)).toMatchObject({ failureCounters: 0 });
    expect((await w.lockout('o-zhao')).locked).toBe(true);

    // 30 November (Shanghai) keeps the 23rd; 1 December removes it.
    w.clock.set('2026-11-30T15:59:59.999Z');
    expect(await purge(w)).toMatchObject({ failureCounters: 0 });
    w.clock.set('2026-11-30T16:00:00.000Z');
    expect(await purge(w)).toMatchObject({ failureCounters: 1 });
    expect(w.store.failureCounts.size).toBe(0);
  });
});

describe('personal data never leaves unmasked', () => {
  const w = world();
  let invitationCode = '';

  it('a journey through every action', async () => {
    await w.store.saveAccount({ ...newAccount('o-admin', w.clock.now()), role: 'admin' });
    expect((await w.call(undefined, 'status')).ok).toBe(false);
    await w.ok('o-wang', 'status');
    expect((await w.error('o-wang', 'startVerification', WANG)).code).toBe('CONSENT_REQUIRED');
    await w.consentAll('o-wang');
    const badId = WANG.idNumber.slice(0, 17) + (WANG.idNumber[17] === '0' ? '1' : '0');
    expect((await w.error('o-wang', 'startVerification', { ...WANG, idNumber: badId })).code).toBe('ID_NUMBER_INVALID');
    expect((await w.error('o-wang', 'startVerification', { ...WANG, phone: '1391234560' })).code).toBe('PHONE_INVALID');
    expect((await w.error('o-wang', 'startVerification', { ...WANG, name: 'Wang Jianguo' })).code).toBe('NAME_INVALID');
    expect((await w.error('o-wang', 'startVerification', { ...WANG, extra: WANG.idNumber })).code).toBe('INVALID_INPUT');

    const { verificationId } = await w.ok('o-wang', 'startVerification', { ...WANG, phone: '+86 139-1234-5605' });
    w.clock.advance(MIN);
    await w.ok('o-wang', 'resendCode', { verificationId });
    const code = w.sms.lastCodeTo(WANG.phone);
    expect((await w.error('o-wang', 'confirmPhone', { verificationId, code: code === '000000' ? '000001' : '000000' })).code).toBe('OTP_INCORRECT');
    await w.ok('o-wang', 'confirmPhone', { verificationId, code });
    const stolen = w.faceResult('o-thief', WANG);
    expect((await w.error('o-wang', 'confirmFace', { verificationId, verifyResult: stolen })).code).toBe('FACE_VERIFICATION_FAILED');

    const verified = await w.verify('o-wang', WANG);
    expect(verified).toMatchObject({
      ok: true,
      data: { verified: true, profile: { nameMasked: '王**', idNumberMasked: maskIdNumber(WANG.idNumber), phoneMasked: '139****5605' } },
    });
    expect((verified as Data).data.profile.region).toContain('海口');

    expect(await w.ok('o-wang', 'familyMembers')).toEqual({ members: [] });
    await w.ok('o-wang', 'addFamilyMember', { ...WANG_CHILD, relation: 'child' });
    const two = await w.ok('o-wang', 'addFamilyMember', { ...WANG_MOTHER, relation: 'parent' });
    expect(two.members.map((m: Data) => [m.memberId, m.nameMasked, m.idNumberMasked])).toEqual([
      ['r-wang-child', '王**', maskIdNumber(WANG_CHILD.idNumber)],
      ['r-wang-mother', '张**', maskIdNumber(WANG_MOTHER.idNumber)],
    ]);
    // The linking account's own list tells its members apart (issue 12): 王*明 (2016) and 张*兰 (1958).
    expect(two.members.map((m: Data) => [m.nameForFamily, m.birthYear])).toEqual([
      ['王*明', 2016],
      ['张*兰', 1958],
    ]);
    expect((await w.error('o-wang', 'addFamilyMember', { ...STRANGER, relation: 'parent' })).code).toBe('FAMILY_MEMBER_UNMATCHED');
    expect((await w.error('o-wang', 'addFamilyMember', { name: NOBODY.name, idNumber: NOBODY.idNumber, relation: 'parent' })).code).toBe('FAMILY_MEMBER_UNMATCHED');
    expect((await w.error('o-chen', 'familyMembers')).code).toBe('NOT_VERIFIED');
    await w.ok('o-wang', 'removeFamilyMember', { memberId: 'r-wang-child' });
    // Adding and removing members are not acts for them: the caller's 代办记录 stays empty.
    expect((await w.ok('o-wang', 'myActsFor')).entries).toEqual([]);

    const invitation = await w.ok('o-admin', 'createOfficerInvitation', { halls: ['haikou-longhua'], validDays: 3 });
    invitationCode = invitation.code;
    expect(await w.ok('o-officer', 'acceptOfficerInvitation', { code: invitationCode })).toMatchObject({ role: 'officer', halls: ['haikou-longhua'] });
    expect((await w.error('o-other', 'acceptOfficerInvitation', { code: invitationCode })).code).toBe('INVITATION_INVALID');

    // The admin's officer list: the new officer, not verified (may not act yet), invited by the admin.
    const listed = await w.ok('o-admin', 'officers');
    expect(listed.officers).toEqual([
      expect.objectContaining({ openid: 'o-officer', role: 'officer', verified: false, halls: [expect.objectContaining({ id: 'haikou-longhua' })], self: false }),
    ]);
    expect(listed.officers[0].lastInvitedBy).toMatch(/未实名/);
    // An invitation not used yet is listed and can be withdrawn, once; then it cannot be accepted.
    const spare = await w.ok('o-admin', 'createOfficerInvitation', { halls: ['haikou-meilan'], validDays: 1 });
    const open = (await w.ok('o-admin', 'officers')).openInvitations;
    expect(open).toEqual([expect.objectContaining({ halls: [expect.objectContaining({ id: 'haikou-meilan' })] })]);
    expect(await w.ok('o-admin', 'withdrawInvitation', { invitationId: open[0].id })).toEqual({ withdrawn: true });
    expect(await w.ok('o-admin', 'withdrawInvitation', { invitationId: open[0].id })).toEqual({ withdrawn: false });
    expect((await w.error('o-other', 'acceptOfficerInvitation', { code: spare.code })).code).toBe('INVITATION_INVALID');
    // An admin makes the officer the hall's lead (issue 16), only of a hall they work at; an officer may not.
    expect((await w.error('o-officer', 'setHallLead', { openid: 'o-officer', hallId: 'haikou-longhua', lead: true })).code).toBe('FORBIDDEN');
    expect((await w.error('o-admin', 'setHallLead', { openid: 'o-officer', hallId: 'haikou-meilan', lead: true })).code).toBe('OFFICER_NOT_IN_HALL');
    expect(await w.ok('o-admin', 'setHallLead', { openid: 'o-officer', hallId: 'haikou-longhua', lead: true })).toEqual({ changed: true, leads: ['haikou-longhua'] });
    expect(await w.ok('o-admin', 'setHallLead', { openid: 'o-officer', hallId: 'haikou-longhua', lead: true })).toEqual({ changed: false, leads: ['haikou-longhua'] });
    // Revoking the last hall makes the officer a citizen (and no lead); again, nothing changes and nothing is an error.
    expect((await w.error('o-officer', 'revokeOfficer', { openid: 'o-officer' })).code).toBe('FORBIDDEN');
    expect(await w.ok('o-admin', 'revokeOfficer', { openid: 'o-officer', hallId: 'haikou-longhua' })).toMatchObject({ changed: true, role: 'citizen', halls: [] });
    expect(await w.ok('o-admin', 'setHallLead', { openid: 'o-officer', hallId: 'haikou-longhua', lead: false })).toEqual({ changed: false, leads: [] });
    expect(await w.ok('o-admin', 'revokeOfficer', { openid: 'o-officer' })).toMatchObject({ changed: false, removed: [], role: 'citizen' });
    expect((await w.ok('o-admin', 'officers')).officers).toEqual([]);

    // The identity moves to another phone, then is unbound there.
    expect((await w.verify('o-wang-new-phone', WANG)).ok).toBe(true);
    expect((await w.ok('o-wang', 'status')).verified).toBe(false);
    expect((await w.ok('o-wang-new-phone', 'unbind')).verified).toBe(false);
    expect((await w.ok('o-wang-new-phone', 'unbind')).verified).toBe(false);

    const { entries } = await w.ok('o-admin', 'auditLog', { limit: 200 });
    expect(entries.map((e: Data) => e.action).sort()).toEqual(
      [
        'family.add',
        'family.add',
        'family.remove',
        'identity.bind',
        'identity.move',
        'identity.unbind',
        'officer.bind',
        'officer.invite',
        'officer.invite',
        'officer.withdrawInvitation',
        'officer.lead',
        'officer.revoke',
      ].sort(),
    );
  });

  it('the people of these tests are what the scanner looks for (so the scans below can fail)', () => {
    for (const p of PEOPLE) {
      expect(containsUnmaskedIdOrPhone(JSON.stringify({ data: { idNumber: p.idNumber } }))).toEqual([maskIdNumber(p.idNumber)]);
      if (p.phone) expect(containsUnmaskedIdOrPhone(JSON.stringify({ phone: p.phone }))).toHaveLength(1);
    }
  });

  it('no response of any action in this file holds an unmasked ID or phone number', () => {
    expect([...called].sort()).toEqual(Object.keys(identityActions).sort());
    expect(responses.length).toBeGreaterThan(140);
    expect(responses.flatMap((r) => containsUnmaskedIdOrPhone(r))).toEqual([]);
    const all = responses.join('\n');
    for (const p of PEOPLE) {
      expect(all).not.toContain(p.idNumber);
      expect(all).not.toContain(p.name);
      if (p.phone) expect(all).not.toContain(p.phone);
    }
  });

  it('the audit log holds masked targets and ids only, with who acted for whom and from where', () => {
    const json = JSON.stringify(w.audit.entries);
    expect(containsUnmaskedIdOrPhone(json)).toEqual([]);
    for (const p of PEOPLE) {
      expect(json).not.toContain(p.idNumber);
      expect(json).not.toContain(p.name);
      if (p.phone) expect(json).not.toContain(p.phone);
    }
    expect(w.audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorOpenid: 'o-wang', role: 'citizen', action: 'identity.bind', target: maskIdNumber(WANG.idNumber), clientIp: CLIENT_IP }),
        expect.objectContaining({ actorOpenid: 'o-wang', action: 'family.add', target: 'r-wang-mother', actedFor: 'r-wang-mother' }),
        expect.objectContaining({ actorOpenid: 'o-admin', role: 'admin', action: 'officer.invite', target: 'haikou-longhua' }),
        expect.objectContaining({ actorOpenid: 'o-officer', role: 'officer', action: 'officer.bind', hallId: 'haikou-longhua' }),
      ]),
    );
  });

  it('the store holds no plain ID number, phone number, name or invitation code', () => {
    const json = JSON.stringify(w.store.dump());
    expect(containsUnmaskedIdOrPhone(json)).toEqual([]);
    for (const p of PEOPLE) {
      expect(json).not.toContain(p.idNumber);
      expect(json).not.toContain(p.name);
      if (p.phone) expect(json).not.toContain(p.phone);
    }
    expect(invitationCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(json).not.toContain(invitationCode);
  });
});

describe('adding a family member is no oracle on the population registry', () => {
  /** Another adult of the Wang household, not linked: a real, eligible parent. */
  const attempts = {
    stranger: { ...STRANGER, relation: 'parent' },
    wrongName: { name: '张桂芳', idNumber: WANG_MOTHER.idNumber, relation: 'parent' },
    strangerWrongName: { name: '林国梁', idNumber: STRANGER.idNumber, relation: 'parent' },
    nobody: { name: NOBODY.name, idNumber: NOBODY.idNumber, relation: 'parent' },
  };

  it('a stranger, a wrong name and an ID number nobody has get the same answer after the same calls', async () => {
    const answers: Record<string, unknown> = {};
    const shapes: Record<string, string[]> = {};
    for (const [what, input] of Object.entries(attempts)) {
      // A fresh world each time, so each attempt starts with the same counters.
      const w = world();
      expect((await w.verify('o-wang', WANG)).ok).toBe(true);
      const calls: string[] = [];
      const record = <T extends object>(port: string, target: T): T =>
        new Proxy(target, {
          get: (obj, prop, receiver) => {
            const value: unknown = Reflect.get(obj, prop, receiver);
            if (typeof value !== 'function' || typeof prop !== 'string') return value;
            return (...args: unknown[]) => (calls.push(`${port}.${prop}`), (value as (...a: unknown[]) => unknown).apply(obj, args));
          },
        });
      const deps: IdentityDeps = {
        caller: { openid: 'o-wang', clientIp: CLIENT_IP },
        identities: record('store', w.store),
        registry: record('registry', w.registry),
        sms: w.sms,
        face: w.face,
        audit: w.audit,
        secrets: w.secrets,
        divisions: chinaDivisions,
        clock: w.clock,
      };
      const result = await dispatch(identityActions, { action: 'addFamilyMember', data: input }, deps);
      answers[what] = result.response;
      shapes[what] = calls;
    }
    expect(answers.stranger).toMatchObject({ ok: false });
    for (const what of Object.keys(attempts)) {
      expect({ what, answer: answers[what] }).toEqual({ what, answer: answers.stranger });
      expect({ what, calls: shapes[what] }).toEqual({ what, calls: shapes.stranger });
    }
  });

  it('every lookup counts: after the daily limit the next one is refused, found or not, and the lock holds for verification too', async () => {
    const w = world();
    expect((await w.verify('o-wang', WANG)).ok).toBe(true);
    // Successful lookups count as well (re-adding a linked member looks it up again).
    for (let i = 0; i < LOCKOUT_POLICY.maxRegistryLookupsPerDay; i++) await w.ok('o-wang', 'addFamilyMember', { ...WANG_CHILD, relation: 'child' });
    expect((await w.error('o-wang', 'addFamilyMember', { ...WANG_MOTHER, relation: 'parent' })).code).toBe('VERIFICATION_LOCKED');

    const v = world();
    expect((await v.verify('o-wang', WANG)).ok).toBe(true);
    for (let i = 0; i < LOCKOUT_POLICY.maxFailuresPerDay; i++) expect((await v.error('o-wang', 'addFamilyMember', attempts.stranger)).code).not.toBe('VERIFICATION_LOCKED');
    expect((await v.error('o-wang', 'addFamilyMember', attempts.nobody)).code).toBe('VERIFICATION_LOCKED');
    expect((await v.error('o-wang', 'addFamilyMember', { ...WANG_MOTHER, relation: 'parent' })).code).toBe('VERIFICATION_LOCKED');
    expect((await v.lockout('o-wang')).locked).toBe(true);
    await v.consentAll('o-wang');
    expect((await v.error('o-wang', 'startVerification', WANG)).code).toBe('VERIFICATION_LOCKED');
    // The next day in Shanghai the lock lifts.
    v.clock.advance(24 * 60 * MIN);
    expect((await v.ok('o-wang', 'addFamilyMember', { ...WANG_MOTHER, relation: 'parent' })).members).toHaveLength(1);
  });
});

describe('a registry outage is not held against the citizen', () => {
  const down = () => Promise.reject(new DomainError('REGISTRY_UNAVAILABLE'));

  it('confirmFace: REGISTRY_UNAVAILABLE, no failure counted, the verification stays at the face step', async () => {
    const w = world();
    const verificationId = await w.upToFace('o-chen', CHEN);
    const match = jest.spyOn(w.registry, 'match').mockImplementationOnce(down);
    const r = await w.call('o-chen', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-chen', CHEN) });
    expect(r).toMatchObject({ ok: false, error: { code: 'REGISTRY_UNAVAILABLE', message: '户籍信息系统暂时无法访问，请稍后再试' } });
    expect((await w.lockout('o-chen')).remaining).toBe(LOCKOUT_POLICY.maxFailuresPerDay);
    match.mockRestore();
    expect(await w.call('o-chen', 'confirmFace', { verificationId, verifyResult: w.faceResult('o-chen', CHEN) })).toMatchObject({ ok: true });
  });

  it('addFamilyMember: REGISTRY_UNAVAILABLE gives the counted lookup back, so outages never lock anyone', async () => {
    const w = world();
    expect((await w.verify('o-wang', WANG)).ok).toBe(true);
    const match = jest.spyOn(w.registry, 'match').mockImplementation(down);
    for (let i = 0; i < LOCKOUT_POLICY.maxRegistryLookupsPerDay + 2; i++) {
      expect((await w.error('o-wang', 'addFamilyMember', { ...WANG_CHILD, relation: 'child' })).code).toBe('REGISTRY_UNAVAILABLE');
    }
    match.mockRestore();
    expect((await w.lockout('o-wang')).locked).toBe(false);
    expect((await w.ok('o-wang', 'addFamilyMember', { ...WANG_CHILD, relation: 'child' })).members).toHaveLength(1);
  });
});
