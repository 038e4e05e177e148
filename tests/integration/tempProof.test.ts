import { identityFunctionActions } from '../../core/identity/identityFunctionActions';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at } from './support/bookingFlow';
import { identityFlow } from './support/identityFlow';
import { reissueFlow } from './support/reissueFlow';

/**
 * The electronic temporary identity proof (issue 17) through the local cloud: 王建国 reports his card
 * lost, applies with a face check, shows a QR code that changes every minute (the local clock is
 * moved with HUKOU_LOCAL_CLOCK_OFFSET_MS through setNow), is asked for his face again after 30
 * minutes, takes his 3 proofs of the month (a 4th is refused), and an exam hall verifies them:
 * valid, expired, and revoked once his reissued card is delivered. He sees every verification.
 */
jest.setTimeout(120_000);

const CITIZEN = 'local-citizen';
const WANG = { name: '王建国', idNumber: '460106198503141311' };
const EXAM_HALL = 'itest-exam-hall-clerk';
// Monday 2026-03-02, 10:00 in Shanghai.
const T0 = at('2026-03-02', '10:00');
const plus = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let h: Harness;
let id: ReturnType<typeof identityFlow>;
const responses: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.setNow(T0);
  id = identityFlow(h);
});
afterAll(async () => {
  await h.close();
});

async function ok(openid: string, action: string, data: unknown = {}) {
  const body = await id.call(openid, action, data);
  responses.push(JSON.stringify(body));
  if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body.error)}`);
  expect(identityFunctionActions[action]!.output.parse(body.data)).toBeTruthy();
  return body.data;
}
async function code(openid: string, action: string, data: unknown = {}): Promise<string> {
  const body = await id.call(openid, action, data);
  responses.push(JSON.stringify(body));
  if (body.ok) throw new Error(`${action} unexpectedly succeeded`);
  return body.error.code;
}
const face = () => id.face(CITIZEN, WANG.name, WANG.idNumber, 'pass');
const verify = (token: string, verifierName = '海口一中考点', as = EXAM_HALL) => ok(as, 'verifyTempProof', { token, verifierKind: 'examHall', verifierName });

let first = '';
let third = '';

test('apply: refused while the card is valid; after the loss report, a face check gives a 24-hour proof (a retry gives the same one)', async () => {
  expect(await code(CITIZEN, 'applyTempProof', { verifyResult: await face() })).toBe('TEMP_PROOF_NOT_ELIGIBLE');
  expect(await code('local-visitor', 'applyTempProof', { verifyResult: 'x'.repeat(20) })).toBe('NOT_VERIFIED');
  await reissueFlow(h).ok(CITIZEN, 'reportLoss', {});
  // A face result that is not his fails.
  const stranger = await id.face(CITIZEN, '李秀英', '460106198709022422', 'pass');
  expect(await code(CITIZEN, 'applyTempProof', { verifyResult: stranger })).toBe('FACE_VERIFICATION_FAILED');

  const verifyResult = await face();
  const proof = await ok(CITIZEN, 'applyTempProof', { verifyResult });
  expect(proof).toMatchObject({ status: 'valid', nameMasked: '王**', idNumberMasked: '4601**********1311', faceFresh: true });
  expect(Date.parse(proof.expiresAt) - Date.parse(proof.issuedAt)).toBe(24 * HOUR);
  expect((await ok(CITIZEN, 'applyTempProof', { verifyResult })).id).toBe(proof.id);
  // One valid for more than 3 more hours: show it, no new one.
  expect(await code(CITIZEN, 'applyTempProof', { verifyResult: await face() })).toBe('TEMP_PROOF_STILL_VALID');
  first = proof.id;
  expect(await ok(CITIZEN, 'myTempProofs')).toMatchObject({ usedThisMonth: 1, perMonth: 3, mayApply: false, proofs: [{ id: first, status: 'valid' }] });
});

test('the QR token changes every minute; an exam hall verifies it (any WeChat user); a code two minutes old is unknown', async () => {
  h.setNow(plus(1 * MIN));
  const a = await ok(CITIZEN, 'tempProofToken', { proofId: first });
  h.setNow(plus(2 * MIN + 1000));
  const b = await ok(CITIZEN, 'tempProofToken', { proofId: first });
  expect(b.token).not.toBe(a.token);
  // The previous minute's code still counts (read at 0:59, checked at 1:01).
  expect(await verify(a.token)).toMatchObject({ result: 'valid', holder: { nameMasked: '王**', idNumberMasked: '4601**********1311' } });
  // The same code sent again by the same verifier (a double tap) is one entry in the holder's log (checked below).
  expect(await verify(a.token)).toMatchObject({ result: 'valid' });
  const seen = await ok('local-visitor', 'verifyTempProof', { token: b.token, verifierKind: 'hotel' });
  expect(seen).toMatchObject({ result: 'valid', resultName: '有效', holder: { photoOnFile: expect.any(Boolean) } });
  h.setNow(plus(3 * MIN + 1000));
  expect(await verify(a.token)).toEqual({ result: 'unknown', resultName: '无法识别', message: expect.any(String) });
  expect(await verify(`${b.token.slice(0, -2)}AA`)).toEqual({ result: 'unknown', resultName: '无法识别' });
  expect(await verify('not a token')).toEqual({ result: 'unknown', resultName: '无法识别' });
  // Someone else's proof is none of the caller's.
  expect(await code('local-officer', 'tempProofToken', { proofId: first })).toBe('TEMP_PROOF_NOT_FOUND');
});

test('after 30 minutes on screen the face is asked again: no token until a fresh face check', async () => {
  h.setNow(plus(31 * MIN));
  expect(await code(CITIZEN, 'tempProofToken', { proofId: first })).toBe('TEMP_PROOF_FACE_REQUIRED');
  expect((await ok(CITIZEN, 'myTempProofs')).proofs[0]).toMatchObject({ faceFresh: false });
  const refreshed = await ok(CITIZEN, 'refreshTempProofFace', { proofId: first, verifyResult: await face() });
  expect(refreshed.faceFresh).toBe(true);
  expect((await ok(CITIZEN, 'tempProofToken', { proofId: first })).token).toMatch(/^P1\./);
});

test('3 a month: a 2nd and 3rd in the last 3 hours of the one before; the 4th is refused; an expired proof verifies as expired', async () => {
  h.setNow(plus(22 * HOUR));
  expect((await ok(CITIZEN, 'myTempProofs')).mayApply).toBe(true);
  const second = await ok(CITIZEN, 'applyTempProof', { verifyResult: await face() });
  expect(second.id).not.toBe(first);
  // The first, shown in its last minute and checked after it expired.
  h.setNow(plus(24 * HOUR - 30_000));
  await ok(CITIZEN, 'refreshTempProofFace', { proofId: first, verifyResult: await face() });
  const last = await ok(CITIZEN, 'tempProofToken', { proofId: first });
  h.setNow(plus(24 * HOUR + 10_000));
  expect(await verify(last.token)).toMatchObject({ result: 'expired', resultName: '已过期' });
  expect(await code(CITIZEN, 'tempProofToken', { proofId: first })).toBe('TEMP_PROOF_EXPIRED');

  // Three applications at once for the month's last slot: the database lets exactly one in.
  h.setNow(plus(44 * HOUR));
  const results = await Promise.all([await face(), await face(), await face()].map((verifyResult) => id.call(CITIZEN, 'applyTempProof', { verifyResult })));
  expect(results.filter((b) => b.ok)).toHaveLength(1);
  // Refused by the slot's id, or (read after the winner was in) because a proof valid for hours exists.
  for (const b of results.filter((x) => !x.ok)) expect(['TEMP_PROOF_MONTHLY_LIMIT', 'TEMP_PROOF_STILL_VALID']).toContain(b.error.code);
  third = results.find((b) => b.ok)!.data.id;
  h.setNow(plus(67 * HOUR));
  expect(await code(CITIZEN, 'applyTempProof', { verifyResult: await face() })).toBe('TEMP_PROOF_MONTHLY_LIMIT');
  expect(await ok(CITIZEN, 'myTempProofs')).toMatchObject({ usedThisMonth: 3, mayApply: false });
});

test('revoked at once when the reissued card is delivered', async () => {
  const r = reissueFlow(h);
  h.setNow(plus(67 * HOUR + 1000));
  await ok(CITIZEN, 'refreshTempProofFace', { proofId: third, verifyResult: await face() });
  const { token } = await ok(CITIZEN, 'tempProofToken', { proofId: third });
  const paid = await r.paidApplication(CITIZEN);
  const officer = 'local-officer';
  expect(paid.hallId).toBe('haikou-longhua');
  for (const step of ['startReview', 'approve', 'startProduction']) await r.ok(officer, step, { applicationId: paid.id });
  await r.ok(officer, 'ship', { applicationId: paid.id, courier: 'ems', trackingNumber: 'EMS5550001112CN' });
  // Still in transit: the proof stands.
  expect(await verify(token)).toMatchObject({ result: 'valid' });
  await r.courierAdvance('EMS5550001112CN');
  expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 1 });
  expect(await verify(token, '海口银行')).toMatchObject({ result: 'revoked', resultName: '已作废', holder: { nameMasked: '王**' } });
  expect(await code(CITIZEN, 'tempProofToken', { proofId: third })).toBe('TEMP_PROOF_REVOKED');
  expect((await ok(CITIZEN, 'myTempProofs')).proofs[0]).toMatchObject({ id: third, status: 'revoked', revokedReason: 'reissued' });
  // With the new card, no new proof.
  expect(await code(CITIZEN, 'applyTempProof', { verifyResult: await face() })).toBe('TEMP_PROOF_NOT_ELIGIBLE');
});

test('the holder sees every verification of his proofs: who, when, what they were told; no one else does', async () => {
  const { checks } = await ok(CITIZEN, 'tempProofVerifications');
  expect(checks.map((c: { result: string }) => c.result)).toEqual(['revoked', 'valid', 'expired', 'unknown', 'valid', 'valid']);
  expect(checks[0]).toMatchObject({ verifierKind: 'examHall', verifierKindName: '考场', verifierName: '海口银行', atText: expect.stringMatching(/^2026-03-05 /) });
  expect(checks[4]).toMatchObject({ verifierKind: 'hotel', verifierKindName: '酒店' });
  expect(checks[4]).not.toHaveProperty('verifierName');
  // The old code shown to the exam hall: the holder is told it was not a fresh one.
  expect(checks[3]).toMatchObject({ result: 'unknown', staleCode: true, note: expect.stringContaining('已失效') });
  expect(checks[2]).not.toHaveProperty('staleCode');
  expect((await ok('local-officer', 'tempProofVerifications')).checks).toEqual([]);
});

test('verification is rate-limited per account; nothing returned holds an unmasked ID or phone number', async () => {
  const clerk = 'itest-busy-clerk';
  let refused = '';
  for (let i = 0; i < 32 && !refused; i++) {
    const body = await id.call(clerk, 'verifyTempProof', { token: `x${i}`, verifierKind: 'bank' });
    if (!body.ok) refused = body.error.code;
  }
  expect(refused).toBe('TOO_FREQUENT');
  expect(await code(clerk, 'verifyTempProof', { token: 'x', verifierKind: 'bank', verifierName: '460106198503141311' })).toBe('INVALID_INPUT');
  expect(responses.flatMap((r) => containsUnmaskedIdOrPhone(r))).toEqual([]);
});

test('the daily purge: proofs and their log 180 days after expiry, rate-limit counters after a day; clients cannot run it', async () => {
  expect(await code(CITIZEN, 'purgeTempProofs')).toBe('UNKNOWN_ACTION');
  h.setNow(plus(100 * DAY));
  const early = (await h.timer('identity', 'purgeTempProofs')) as { data: { proofs: number; checks: number; lookups: number } };
  expect(early.data).toMatchObject({ proofs: 0, checks: 0 });
  expect(early.data.lookups).toBeGreaterThan(0);
  expect((await ok(CITIZEN, 'myTempProofs')).proofs).toHaveLength(3);
  h.setNow(plus(200 * DAY));
  const late = (await h.timer('identity', 'purgeTempProofs')) as { data: { proofs: number; checks: number } };
  expect(late.data).toMatchObject({ proofs: 3, checks: 6 });
  expect((await ok(CITIZEN, 'myTempProofs')).proofs).toEqual([]);
  expect((await ok(CITIZEN, 'tempProofVerifications')).checks).toEqual([]);
});
