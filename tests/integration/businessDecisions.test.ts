/**
 * The two decisions on a certificate that the other business tests do not take (issue 15): an
 * officer's rejection, with its reason shown to the citizen and a fresh application allowed after
 * it, and the automatic issue where a hall's configuration allows it (`business_configs`).
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { businessFlow } from './support/businessFlow';

jest.setTimeout(90_000);

let h: Harness;
let b: ReturnType<typeof businessFlow>;
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';

beforeAll(async () => {
  h = await startHarness();
  h.setNow(at('2026-03-02', '10:00'));
  b = businessFlow(h);
});
afterAll(async () => {
  await h.close();
});

async function submitted(purpose: string) {
  const draft = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose }, requestId: requestId() });
  const attached = await b.attach(CITIZEN, draft, 'm0');
  return b.ok(CITIZEN, 'submit', { applicationId: draft.id, expectedVersion: attached.version });
}

test('a rejection needs a reason, ends the application with it shown to the citizen, and a new application may follow', async () => {
  const app = await submitted('子女入学');
  const reviewing = await b.ok(OFFICER, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  expect((await b.error(OFFICER, 'reject', { applicationId: app.id, expectedVersion: reviewing.version, reason: '' })).code).toBe('INVALID_INPUT');
  const rejected = await b.ok(OFFICER, 'reject', { applicationId: app.id, expectedVersion: reviewing.version, reason: '该用途不在户籍证明开具范围内' });
  expect(rejected).toMatchObject({ state: 'rejected', rejectionReason: '该用途不在户籍证明开具范围内' });

  const seen = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(seen).toMatchObject({ state: 'rejected', rejectionReason: '该用途不在户籍证明开具范围内', actions: [] });
  expect(seen.progress.status).toBe('stopped');
  expect(seen.history.at(-1)).toMatchObject({ by: '民警', note: '该用途不在户籍证明开具范围内' });
  // Final: no officer decision applies any more, and the citizen may start again.
  expect((await b.error(OFFICER, 'approve', { applicationId: app.id, expectedVersion: rejected.version })).code).toBe('APPLICATION_STATE_CONFLICT');
  const next = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '办理医保' }, requestId: requestId() });
  expect(next.state).toBe('draft');
  await b.ok(CITIZEN, 'withdraw', { applicationId: next.id, expectedVersion: next.version });
});

test('a hall that issues certificates automatically: submitted, checked against the registry and issued by the system at once', async () => {
  await localDatabase(h.cloud.url).collection('business_configs').add({ _id: HALL, autoApproveCertificates: true, certificateValidDays: 30 });
  const app = await submitted('出国留学');
  expect(app.state).toBe('issued');
  expect(app.certificate).toMatchObject({ serial: expect.any(String), revoked: false });
  expect(app.history.slice(-2).map((e: { by: string }) => e.by)).toEqual(['系统', '系统']);
  // Valid for the hall's configured 30 days, and verifiable publicly by its serial.
  const days = (Date.parse(app.certificate.validUntil.replace(' ', 'T') + ':00+08:00') - Date.parse(app.certificate.issuedAt.replace(' ', 'T') + ':00+08:00')) / 86_400_000;
  expect(Math.round(days)).toBe(30);
  expect((await b.ok('itest-school-clerk', 'verifyCertificate', { serial: app.certificate.serial })).status).toBe('valid');
});
