import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { identityActions } from '../../core/identity/identityActions';
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { identityFlow } from './support/identityFlow';
import { verifyOfficer } from '../support/verifiedOfficer';

jest.setTimeout(60_000);

let h: Harness;
let flow: ReturnType<typeof identityFlow>;

// Synthetic residents of data/residents.json.
const CHEN = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912345601' };
const LIN = { name: '林志强', idNumber: '440304197905211159', phone: '13912345602' };
const HUANG = { name: '黄丽娟', idNumber: '440305199506182480', phone: '13912345603' };
const ZHAO = { name: '赵伟', idNumber: '440106200111111793', phone: '13912345604' };
/** Valid check digit (the standard's own example), but nobody in the registry. */
const NOBODY = { name: '张三', idNumber: '11010519491231002X', phone: '13912345609' };

beforeAll(async () => {
  h = await startHarness();
  flow = identityFlow(h);
});
afterAll(async () => {
  await h.close();
});

test('every action answers with its declared output shape', async () => {
  const status = await flow.ok('itest-shape', 'status');
  expect(identityActions.status.output.parse(status)).toEqual(status);
  expect(status).toMatchObject({ role: 'citizen', verified: false, consents: { identity: false, face: false } });
});

test('without a caller in the context nothing is answered', async () => {
  expect((await flow.error(undefined, 'status')).code).toBe('UNAUTHENTICATED');
});

test('consent comes first, for identity data and face data separately', async () => {
  expect((await flow.error('itest-consent', 'startVerification', CHEN)).code).toBe('CONSENT_REQUIRED');
  const after = await flow.ok('itest-consent', 'consent', { purposes: ['identity'], version: 1 });
  expect(after.consents).toMatchObject({ identity: true, face: false });
  expect((await flow.error('itest-consent', 'consent', { purposes: ['identity'], version: 999 })).code).toBe('INVALID_INPUT');
});

test('a citizen verifies (details, SMS code, face, registry) and sees only a masked profile', async () => {
  const res = await flow.verify('itest-chen', CHEN);
  expect(res.ok).toBe(true);
  expect(res.data.verified).toBe(true);
  expect(res.data.profile).toMatchObject({ nameMasked: '陈**', idNumberMasked: '4601**********2864', phoneMasked: '139****5601' });
  expect(res.data.profile.region).toContain('海口');
  const again = await flow.ok('itest-chen', 'status');
  expect(again.profile).toEqual(res.data.profile);
});

test('bad details get specific errors and are not counted as failures', async () => {
  await flow.consentAll('itest-typo');
  const wrongCheck = await flow.error('itest-typo', 'startVerification', { ...LIN, idNumber: '440304197905211158' });
  expect(wrongCheck.code).toBe('ID_NUMBER_INVALID');
  expect(wrongCheck.message).toContain('校验');
  expect((await flow.error('itest-typo', 'startVerification', { ...LIN, idNumber: '440304197902301159' })).code).toBe('ID_NUMBER_INVALID');
  expect((await flow.error('itest-typo', 'startVerification', { ...LIN, phone: '12345' })).code).toBe('PHONE_INVALID');
  expect((await flow.error('itest-typo', 'startVerification', { ...LIN, name: 'Robert' })).code).toBe('NAME_INVALID');
  expect((await flow.ok('itest-typo', 'status')).lockout.remaining).toBe(5);
});

test('a wrong SMS code says how many tries are left; five wrong codes end the attempt', async () => {
  await flow.consentAll('itest-otp');
  const { verificationId } = await flow.ok('itest-otp', 'startVerification', HUANG);
  const right = flow.lastCode(HUANG.phone);
  const wrong = right === '000000' ? '111111' : '000000';
  const first = await flow.error('itest-otp', 'confirmPhone', { verificationId, code: wrong });
  expect(first).toMatchObject({ code: 'OTP_INCORRECT', message: expect.stringContaining('还可尝试4次') });
  for (let i = 0; i < 4; i++) await flow.error('itest-otp', 'confirmPhone', { verificationId, code: wrong });
  // Even the right code is refused now: the attempt is over.
  expect((await flow.error('itest-otp', 'confirmPhone', { verificationId, code: right })).code).toBe('VERIFICATION_EXPIRED');
  expect((await flow.ok('itest-otp', 'status')).lockout.remaining).toBe(4);
});

test('a failed face check or a registry mismatch fails, and five failures a day lock verification', async () => {
  const face = await flow.verify('itest-lock', ZHAO, 'fail');
  expect(face.error.code).toBe('FACE_VERIFICATION_FAILED');
  for (let i = 0; i < 4; i++) expect((await flow.verify('itest-lock', NOBODY)).error.code).toBe('REGISTRY_MISMATCH');
  const locked = await flow.error('itest-lock', 'startVerification', ZHAO);
  expect(locked.code).toBe('VERIFICATION_LOCKED');
  expect(locked.message).toMatch(/请于\d+月\d+日 00:00后再试/);
  const status = await flow.ok('itest-lock', 'status');
  expect(status.lockout).toMatchObject({ locked: true, remaining: 0 });
});

test('a verification can only be continued by the account that started it', async () => {
  await flow.consentAll('itest-owner');
  await flow.consentAll('itest-thief');
  const { verificationId } = await flow.ok('itest-owner', 'startVerification', LIN);
  const code = flow.lastCode(LIN.phone);
  expect((await flow.error('itest-thief', 'confirmPhone', { verificationId, code })).code).toBe('VERIFICATION_EXPIRED');
  await flow.ok('itest-owner', 'confirmPhone', { verificationId, code });
  // A face result obtained by another account is refused too.
  const stolen = await flow.face('itest-thief', LIN.name, LIN.idNumber, 'pass');
  expect((await flow.error('itest-owner', 'confirmFace', { verificationId, verifyResult: stolen })).code).toBe('FACE_VERIFICATION_FAILED');
});

test('one identity per account, one account per identity: verifying again elsewhere moves it', async () => {
  const first = await flow.verify('itest-phone-a', LIN);
  expect(first.ok).toBe(true);
  expect((await flow.error('itest-phone-a', 'startVerification', { ...HUANG, phone: '13912345699' })).code).toBe('ACCOUNT_HAS_OTHER_IDENTITY');
  const moved = await flow.verify('itest-phone-b', LIN);
  expect(moved.ok).toBe(true);
  expect((await flow.ok('itest-phone-a', 'status')).verified).toBe(false);
  expect((await flow.ok('itest-phone-b', 'status')).verified).toBe(true);
  const unbound = await flow.ok('itest-phone-b', 'unbind');
  expect(unbound.verified).toBe(false);
  // Unbinding again (a retry) answers the unbound status.
  expect((await flow.ok('itest-phone-b', 'unbind')).verified).toBe(false);
});

test('a verified adult adds a child under 16 and a parent of 60+, of the same household only', async () => {
  const citizen = 'local-citizen';
  const child = await flow.ok(citizen, 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  expect(child.members).toEqual([expect.objectContaining({ nameMasked: '王**', idNumberMasked: '4601**********1539', relation: 'child' })]);
  // Idempotent.
  expect((await flow.ok(citizen, 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' })).members).toHaveLength(1);
  const wife = await flow.error(citizen, 'addFamilyMember', { name: '李秀英', idNumber: '460106198709022422', relation: 'parent' });
  expect(wife).toMatchObject({ code: 'FAMILY_NOT_ELIGIBLE', message: expect.stringContaining('60') });
  const stranger = await flow.error(citizen, 'addFamilyMember', { name: '林国栋', idNumber: '440304195002141373', relation: 'parent' });
  // A person of another household gets the answer a wrong name or an unknown number gets.
  expect(stranger).toMatchObject({ code: 'FAMILY_MEMBER_UNMATCHED' });
  const mother = await flow.ok(citizen, 'addFamilyMember', { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' });
  expect(mother.members).toHaveLength(2);
  expect(await flow.error(citizen, 'addFamilyMember', { name: '王大明', idNumber: '460106202407201539', relation: 'child' })).toEqual(stranger);
  // Another citizen cannot remove (or see) this family's links.
  expect((await flow.error('itest-chen', 'removeFamilyMember', { memberId: 'resident-003' })).code).toBe('FAMILY_MEMBER_NOT_FOUND');
  expect((await flow.ok('itest-chen', 'familyMembers')).members).toEqual([]);
  const removed = await flow.ok(citizen, 'removeFamilyMember', { memberId: 'resident-003' });
  expect(removed.members.map((m: { memberId: string }) => m.memberId)).toEqual(['resident-004']);
  expect((await flow.error('itest-unverified', 'familyMembers')).code).toBe('NOT_VERIFIED');
});

test('an admin invites an officer to a hall; the invitation works once; only admins invite or read the audit log', async () => {
  expect((await flow.error('local-citizen', 'createOfficerInvitation', { halls: ['haikou-longhua'], validDays: 3 })).code).toBe('FORBIDDEN');
  expect((await flow.error('local-admin', 'createOfficerInvitation', { halls: ['no-such-hall'], validDays: 3 })).code).toBe('HALL_NOT_FOUND');
  const invitation = await flow.ok('local-admin', 'createOfficerInvitation', { halls: ['haikou-longhua', 'haikou-meilan'], validDays: 3 });
  expect(invitation.code).toMatch(/^[A-Z2-9]{12}$/);
  const officer = await flow.ok('itest-new-officer', 'acceptOfficerInvitation', { code: invitation.code });
  expect(officer).toMatchObject({ role: 'officer', halls: ['haikou-longhua', 'haikou-meilan'] });
  expect((await flow.error('itest-second-officer', 'acceptOfficerInvitation', { code: invitation.code })).code).toBe('INVITATION_INVALID');
  expect((await flow.error('itest-second-officer', 'acceptOfficerInvitation', { code: 'ABCDEFGHJKMN' })).code).toBe('INVITATION_INVALID');
  expect((await flow.error('local-citizen', 'auditLog', {})).code).toBe('FORBIDDEN');
  // Not before verifying themselves (issue 13); then an officer reads the records of their halls only: not the admin's invitation (no hall).
  expect((await flow.error('itest-new-officer', 'auditLog', {})).code).toBe('OFFICER_NOT_VERIFIED');
  await verifyOfficer(h.cloud.url, 'itest-new-officer');
  const own = await flow.ok('itest-new-officer', 'auditLog', {});
  expect(own.entries.every((e: { hallId?: string }) => e.hallId === 'haikou-longhua' || e.hallId === 'haikou-meilan')).toBe(true);
  const { entries } = await flow.ok('local-admin', 'auditLog', { limit: 100 });
  const actions = entries.map((e: { action: string }) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['officer.invite', 'officer.bind', 'identity.bind', 'identity.move', 'identity.unbind', 'family.add']));
  const bind = entries.find((e: { action: string; actorId: string }) => e.action === 'officer.bind' && e.actorId === 'itest-new-officer');
  expect(bind).toMatchObject({ role: 'officer', hallId: 'haikou-longhua', hallName: '海口市公安局龙华分局户政服务大厅', actionName: '绑定民警身份', clientIp: expect.any(String) });
});

test('concurrent claims of one invitation: exactly one account becomes an officer', async () => {
  const { code } = await flow.ok('local-admin', 'createOfficerInvitation', { halls: ['haikou-xiuying'], validDays: 1 });
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => flow.call(`itest-race-${i}`, 'acceptOfficerInvitation', { code })));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).every((r) => r.error.code === 'INVITATION_INVALID')).toBe(true);
});

test('no ID or phone number appears unmasked in any response or log line', () => {
  expect(h.responses.length).toBeGreaterThan(50);
  const leaks = [...h.responses, ...h.logs].flatMap((text) => containsUnmaskedIdOrPhone(text));
  expect(leaks).toEqual([]);
});

test('a daily timer deletes stale verification sessions and failure counters; clients cannot run it', async () => {
  const db = localDatabase(h.cloud.url);
  const old = new Date(Date.now() - 3 * 86_400_000);
  await db.collection('verifications').add({ _id: 'itest-stale-verification', openid: 'itest-x', step: 'failed', expiresAt: old, createdAt: old });
  await db.collection('verification_failures').add({ _id: 'itest-x:2020-01-01', openid: 'itest-x', day: '2020-01-01', count: 3 });
  expect((await flow.error('itest-x', 'purgeExpiredVerifications')).code).toBe('UNKNOWN_ACTION');
  // The same timer body posted by a client (anonymous) runs nothing.
  const posed = await h.call('identity', { Type: 'Timer', TriggerName: 'purgeExpiredVerifications', Time: new Date().toISOString() });
  expect(posed.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  expect((await db.collection('verifications').doc('itest-stale-verification').get()).data).toHaveLength(1);
  const timer = { body: await h.timer('identity', 'purgeExpiredVerifications') };
  expect(timer.body).toEqual({ ok: true, data: { verifications: 1, failureCounters: 1, smsCounters: 0, plainBirthDates: 0 } });
  expect((await db.collection('verifications').doc('itest-stale-verification').get()).data).toEqual([]);
  // Today's counters and live sessions stay.
  expect((await flow.ok('itest-lock', 'status')).lockout.locked).toBe(true);
});

test('texts are limited per account and per phone number each day, so a phone cannot be flooded', async () => {
  const victim = '13912345677';
  const attacker = 'itest-sms-flood';
  await flow.consentAll(attacker);
  const codes: string[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await flow.call(attacker, 'startVerification', { ...LIN, phone: victim });
    codes.push(res.ok ? 'ok' : res.error.code);
  }
  expect(codes.filter((c) => c === 'ok')).toHaveLength(8);
  expect(codes.slice(8)).toEqual(['OTP_TOO_FREQUENT', 'OTP_TOO_FREQUENT']);
  // Another account cannot continue flooding the same phone either.
  await flow.consentAll('itest-sms-flood-2');
  const other = await flow.error('itest-sms-flood-2', 'startVerification', { ...LIN, phone: victim });
  expect(other).toMatchObject({ code: 'OTP_TOO_FREQUENT', message: expect.stringContaining('已达上限') });
});

test('a failed face check is retried within the same verification, without a new SMS code; a face result sent again is not counted again (issue 12)', async () => {
  const openid = 'itest-face-retry';
  await flow.consentAll(openid);
  const { verificationId } = await flow.ok(openid, 'startVerification', HUANG);
  await flow.ok(openid, 'confirmPhone', { verificationId, code: flow.lastCode(HUANG.phone) });
  const texts = h.cloud.smsOutbox.length;

  const failed = await flow.face(openid, HUANG.name, HUANG.idNumber, 'fail');
  const first = await flow.error(openid, 'confirmFace', { verificationId, verifyResult: failed });
  expect(first).toMatchObject({ code: 'FACE_VERIFICATION_FAILED', message: expect.stringContaining('本次认证还可重试2次') });
  expect((await flow.ok(openid, 'status')).lockout.remaining).toBe(4);
  // The same result again (WeChat has forgotten it): the same try, not counted again.
  expect(await flow.error(openid, 'confirmFace', { verificationId, verifyResult: failed })).toMatchObject({
    code: 'FACE_VERIFICATION_FAILED',
    message: expect.stringContaining('本次认证还可重试2次'),
  });
  expect((await flow.ok(openid, 'status')).lockout.remaining).toBe(4);
  const stored = (await localDatabase(h.cloud.url).collection('verifications').doc(verificationId).get()).data[0];
  expect(stored).toMatchObject({ step: 'face', faceAttempts: 1 });
  expect(stored.faceResultKeys).toHaveLength(1);
  expect(stored.faceResultKeys[0]).not.toBe(failed);

  const passed = await flow.face(openid, HUANG.name, HUANG.idNumber, 'pass');
  expect(await flow.ok(openid, 'confirmFace', { verificationId, verifyResult: passed })).toMatchObject({ verified: true });
  expect(h.cloud.smsOutbox).toHaveLength(texts);
  expect((await flow.ok(openid, 'status')).lockout.remaining).toBe(4);
});

test('three failed face checks end the verification; the person starts over (issue 12)', async () => {
  const openid = 'itest-face-limit';
  await flow.consentAll(openid);
  const { verificationId } = await flow.ok(openid, 'startVerification', ZHAO);
  await flow.ok(openid, 'confirmPhone', { verificationId, code: flow.lastCode(ZHAO.phone) });
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const verifyResult = await flow.face(openid, ZHAO.name, ZHAO.idNumber, 'fail');
    codes.push((await flow.error(openid, 'confirmFace', { verificationId, verifyResult })).code);
  }
  expect(codes).toEqual(['FACE_VERIFICATION_FAILED', 'FACE_VERIFICATION_FAILED', 'FACE_ATTEMPTS_USED_UP']);
  const passed = await flow.face(openid, ZHAO.name, ZHAO.idNumber, 'pass');
  expect((await flow.error(openid, 'confirmFace', { verificationId, verifyResult: passed })).code).toBe('VERIFICATION_EXPIRED');
  expect((await flow.ok(openid, 'status')).lockout.remaining).toBe(2);
  expect((await flow.verify(openid, ZHAO)).ok).toBe(true);
});
