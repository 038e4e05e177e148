/**
 * The functions reach the population registry over HTTP (the local stand-in on its own port, the
 * adapter production uses). When it is down: a catalogue error that says so (REGISTRY_UNAVAILABLE),
 * never REGISTRY_MISMATCH, nothing counted against the citizen (no failure, no face try), the
 * verification left at the face step; and `health` of identity and reissue says the registry is unreachable.
 */
import { HealthReport } from '../../core/function/health';
import { localDatabase } from '../../devcloud/localDatabase';
import { failureDay } from '../../core/identity/lockout';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { identityFlow } from './support/identityFlow';
import { reissueFlow } from './support/reissueFlow';

jest.setTimeout(120_000);

let h: Harness;
let flow: ReturnType<typeof identityFlow>;
const CHEN = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912345601' };

beforeAll(async () => {
  h = await startHarness();
  flow = identityFlow(h);
});
afterAll(async () => {
  h.cloud.registry.setFault(undefined);
  await h.close();
});

const failuresOf = async (openid: string): Promise<number> => {
  const doc = (
    await localDatabase(h.cloud.url)
      .collection('verification_failures')
      .doc(`${openid}:${failureDay(new Date())}`)
      .get()
  ).data[0] as { count?: number } | undefined;
  return doc?.count ?? 0;
};

test('health of identity and reissue: the registry ready, with its latency', async () => {
  for (const fn of ['identity', 'reissue']) {
    const health = HealthReport.parse((await h.call(fn, { action: 'health' })).body.data);
    expect({ fn, ready: health.ready, registry: health.checks.registry?.status }).toEqual({ fn, ready: true, registry: 'ready' });
    expect(health.checks.registry?.latencyMs).toBeGreaterThanOrEqual(0);
  }
  // Functions that do not ask the registry do not report it.
  expect(HealthReport.parse((await h.call('guide', { action: 'health' })).body.data).checks.registry).toBeUndefined();
});

test('a registry outage during verification is REGISTRY_UNAVAILABLE, counts nothing, and the citizen finishes once it is back', async () => {
  const openid = 'itest-outage';
  await flow.consentAll(openid);
  const started = await flow.ok(openid, 'startVerification', CHEN);
  await flow.ok(openid, 'confirmPhone', { verificationId: started.verificationId, code: flow.lastCode(CHEN.phone) });
  const before = await failuresOf(openid);

  h.cloud.registry.setFault('down');
  const served = h.cloud.registry.served;
  const passed = await flow.face(openid, CHEN.name, CHEN.idNumber, 'pass');
  const outage = await flow.error(openid, 'confirmFace', { verificationId: started.verificationId, verifyResult: passed });
  expect(outage.code).toBe('REGISTRY_UNAVAILABLE');
  expect(outage.message).toBe('户籍信息系统暂时无法访问，请稍后再试');
  // The read was tried again before giving up (three attempts).
  expect(h.cloud.registry.served - served).toBe(3);
  expect(await failuresOf(openid)).toBe(before);
  const stored = (await localDatabase(h.cloud.url).collection('verifications').doc(started.verificationId).get()).data[0];
  expect(stored).toMatchObject({ step: 'face' });
  expect(stored.faceAttempts ?? 0).toBe(0);

  // An outage decides nothing, so it uses no face try: more outages than a verification has tries
  // (3), each with a new face check, and the verification is still at the face step.
  for (let i = 0; i < 3; i++) {
    const face = await flow.face(openid, CHEN.name, CHEN.idNumber, 'pass');
    expect((await flow.error(openid, 'confirmFace', { verificationId: started.verificationId, verifyResult: face })).code).toBe('REGISTRY_UNAVAILABLE');
  }
  const afterOutages = (await localDatabase(h.cloud.url).collection('verifications').doc(started.verificationId).get()).data[0];
  expect(afterOutages).toMatchObject({ step: 'face' });
  expect(afterOutages.faceAttempts ?? 0).toBe(0);

  const health = HealthReport.parse((await h.call('identity', { action: 'health' })).body.data);
  expect({ ready: health.ready, registry: health.checks.registry?.status }).toEqual({ ready: false, registry: 'unreachable' });

  h.cloud.registry.setFault(undefined);
  const again = await flow.face(openid, CHEN.name, CHEN.idNumber, 'pass');
  expect(await flow.ok(openid, 'confirmFace', { verificationId: started.verificationId, verifyResult: again })).toMatchObject({ verified: true });
  expect(await failuresOf(openid)).toBe(before);
});

test('a registry outage during a reissue pre-check is REGISTRY_UNAVAILABLE for the citizen, not a mismatch', async () => {
  h.cloud.registry.setFault('down');
  try {
    const r = reissueFlow(h);
    const answer = await r.call('local-citizen', 'eligibility', { reason: 'lost' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'REGISTRY_UNAVAILABLE' } });
  } finally {
    h.cloud.registry.setFault(undefined);
  }
  const r = reissueFlow(h);
  expect(await r.ok('local-citizen', 'eligibility', { reason: 'lost' })).toMatchObject({ eligible: true });
});
