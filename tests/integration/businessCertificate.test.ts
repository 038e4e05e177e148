/**
 * Household-registration certificates online (issue 15), through the local cloud: apply, upload a
 * material photo to private storage, submit, an officer of the hall reviews (a correction round,
 * then approval), the certificate is verified publicly by its serial, then revoked. Access: another
 * citizen, an unverified account and another hall's officer get nothing.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { businessActions } from '../../core/business/businessActions';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { businessFlow, jpegOf } from './support/businessFlow';
import { inviteOfficer } from '../support/verifiedOfficer';
import { identityFlow } from './support/identityFlow';
import { localDatabase } from '../../devcloud/localDatabase';
import { devEnvironment } from '../../devcloud/devEnvironment';

jest.setTimeout(90_000);

let h: Harness;
let b: ReturnType<typeof businessFlow>;
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
const NOW = at('2026-03-02', '10:00');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = businessFlow(h);
});
afterAll(async () => {
  await h.close();
});

test('the catalogue lists each online business with its materials and the halls that take it', async () => {
  const { businesses } = await b.ok(CITIZEN, 'businessCatalogue');
  // The output schema says everything the answer holds (a field it lacks would be stripped here).
  expect(businessActions.businessCatalogue.output.parse({ businesses })).toEqual({ businesses });
  const certificate = businesses.find((x: { kind: string }) => x.kind === 'householdCertificate');
  expect(certificate).toMatchObject({
    fields: ['purpose'],
    track: 'certificate',
    materials: [{ key: 'm0', name: '居民身份证', required: true }, expect.anything(), expect.anything()],
  });
  expect(certificate.halls.map((x: { id: string }) => x.id)).toContain(HALL);
  expect(businesses.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['migrationJobTransfer', 'birthRegistration', 'residencePermit']));
});

test('a certificate: apply, upload, submit, a correction round, approval, public verification, revocation', async () => {
  const rid = requestId();
  const first = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '子女入学' }, requestId: rid });
  const again = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '子女入学' }, requestId: rid });
  expect(again.id).toBe(first.id);
  expect(first).toMatchObject({ state: 'draft', kindName: '户籍类证明开具', subjectNameMasked: '王**', version: 0 });
  expect((await b.apply(CITIZEN, { kind: 'householdCertificate', hallId: HALL, details: { purpose: '另一份' } })).error.code).toBe('APPLICATION_ALREADY_OPEN');
  expect((await b.apply(CITIZEN, { kind: 'householdCertificate', hallId: HALL })).error.code).toBe('INVALID_INPUT');

  // Submit waits for the required photo; a photo that is not one, or too small, is refused.
  expect((await b.error(CITIZEN, 'submit', { applicationId: first.id, expectedVersion: 0 })).code).toBe('APPLICATION_STATE_CONFLICT');
  const notAPhoto = await b.upload(CITIZEN, first.id, 'm0', Buffer.from('%PDF-1.7 not a photo'));
  expect((await b.error(CITIZEN, 'attachMaterial', { applicationId: first.id, material: 'm0', fileIds: [notAPhoto], expectedVersion: 0 })).code).toBe('MATERIAL_INVALID');
  const tiny = await b.upload(CITIZEN, first.id, 'm0', jpegOf(320, 200));
  expect((await b.error(CITIZEN, 'attachMaterial', { applicationId: first.id, material: 'm0', fileIds: [tiny], expectedVersion: 0 })).message).toBeTruthy();
  // A file of another application's folder cannot be attached.
  expect((await b.error(CITIZEN, 'attachMaterial', { applicationId: first.id, material: 'm0', fileIds: ['cloud://x.y/business/other/m0/a.jpg'], expectedVersion: 0 })).code).toBe(
    'MATERIAL_INVALID',
  );
  const attached = await b.attach(CITIZEN, first, 'm0');
  expect(attached.materials[0].photos).toHaveLength(1);
  expect(attached.materials[0].photos[0].url).toMatch(/\/storage\/cos\/business\//);
  expect((await fetch(attached.materials[0].photos[0].url)).status).toBe(200);
  const submitted = await b.ok(CITIZEN, 'submit', { applicationId: first.id, expectedVersion: attached.version });
  expect(submitted.state).toBe('submitted');

  // Nobody else sees it: another citizen, an unverified visitor, another hall's officer.
  await inviteOfficer(h, 'itest-business-officer-futian', ['shenzhen-futian']);
  expect((await b.error('local-visitor', 'businessApplication', { applicationId: first.id })).code).toBe('APPLICATION_NOT_FOUND');
  expect((await b.error('itest-business-officer-futian', 'businessCase', { applicationId: first.id })).code).toBe('FORBIDDEN');
  expect((await b.error('itest-business-officer-futian', 'businessQueue', { hallId: HALL })).code).toBe('FORBIDDEN');
  expect((await b.error(CITIZEN, 'approve', { applicationId: first.id, expectedVersion: submitted.version })).code).toBe('FORBIDDEN');

  // The hall's queue has it; the officer opens the case, takes it, and asks for a clearer photo.
  const queue = await b.ok(OFFICER, 'businessQueue', { hallId: HALL });
  expect(queue.applications.map((a: { id: string }) => a.id)).toContain(first.id);
  const opened = await b.ok(OFFICER, 'businessCase', { applicationId: first.id });
  expect(opened).toMatchObject({
    subject: { registryKnows: true, idNumberMasked: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/) },
    materials: [{ photos: [expect.anything()] }, expect.anything(), expect.anything()],
  });
  const reviewing = await b.ok(OFFICER, 'startReview', { applicationId: first.id, expectedVersion: opened.version });
  await b.ok(OFFICER, 'requestCorrection', { applicationId: first.id, expectedVersion: reviewing.version, items: [{ material: 'm0', reason: '照片反光，号码看不清' }] });

  const mine = await b.ok(CITIZEN, 'businessApplication', { applicationId: first.id });
  expect(mine.state).toBe('correctionRequested');
  expect(mine.materials[0].correction).toBe('照片反光，号码看不清');
  expect(mine.history.map((e: { event: string; by: string }) => `${e.by}${e.event}`)).toEqual([
    '申请人填写申请',
    '申请人上传材料',
    '申请人提交申请',
    '民警开始审核',
    '民警要求补正材料',
  ]);
  expect(mine.history.at(-1).note).toBe('照片反光，号码看不清');
  expect((await b.error(CITIZEN, 'resubmit', { applicationId: first.id, expectedVersion: mine.version })).code).toBe('APPLICATION_STATE_CONFLICT');
  const corrected = await b.attach(CITIZEN, mine, 'm0', jpegOf(1600, 1000));
  const resubmitted = await b.ok(CITIZEN, 'resubmit', { applicationId: first.id, expectedVersion: corrected.version });
  expect(resubmitted).toMatchObject({ state: 'submitted', correctionRounds: 1 });

  const review2 = await b.ok(OFFICER, 'startReview', { applicationId: first.id, expectedVersion: resubmitted.version });
  const approved = await b.ok(OFFICER, 'approve', { applicationId: first.id, expectedVersion: review2.version });
  expect(approved.state).toBe('issued');
  const serial = approved.certificate.serial;
  // The citizen's certificate states what the public page will: the holder masked, the household's place.
  expect(approved.certificate).toMatchObject({ holderIdNumberMasked: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/), householdPlace: '海南省海口市龙华区', revoked: false });
  // Each decision was told to the applicant (subscribe messages through 云调用), their own acts were not.
  const told = h.cloud.notifications.filter((n) => n.templateId === devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID);
  expect(told.map((n) => n.data.phrase2?.value)).toEqual(['需补正', '已出具']);
  expect(told[1]).toMatchObject({ openid: CITIZEN, data: { thing1: { value: '户籍类证明开具' } } });
  expect(serial).toMatch(/^HJ[0-9A-Z]{17}$/);

  // Anyone in WeChat verifies it by serial (typed in lower case with spaces too); only masked data.
  const verified = await b.ok('local-visitor', 'verifyCertificate', { serial: serial.toLowerCase().replace(/(.{4})/g, '$1 ') });
  expect(verified).toMatchObject({ status: 'valid', statusName: '有效', holderName: '王**', householdPlace: '海南省海口市龙华区', issuedBy: expect.stringContaining('龙华') });
  expect(containsUnmaskedIdOrPhone(JSON.stringify(verified))).toEqual([]);
  const typo = serial.slice(0, 5) + (serial[5] === '0' ? '1' : '0') + serial.slice(6);
  expect((await b.error('local-visitor', 'verifyCertificate', { serial: typo })).code).toBe('CERTIFICATE_NOT_FOUND');

  const revoked = await b.ok(OFFICER, 'revoke', { applicationId: first.id, expectedVersion: approved.version, reason: '申请人申请作废' });
  expect(revoked.state).toBe('revoked');
  expect((await b.ok('local-visitor', 'verifyCertificate', { serial })).status).toBe('revoked');
  // Revoked: the person may apply again.
  expect((await b.apply(CITIZEN, { kind: 'householdCertificate', hallId: HALL, details: { purpose: '重新开具' } })).ok).toBe(true);
  expect(containsUnmaskedIdOrPhone(h.responses.join('\n'))).toEqual([]);
});

test('two officers deciding on the same version: exactly one decision is taken, the other is told to reload', async () => {
  await identityFlow(h).ok(CITIZEN, 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  const app = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, forMemberId: 'resident-003', details: { purpose: '办理医保' }, requestId: requestId() });
  const withPhoto = await b.attach(CITIZEN, app, 'm0');
  const submitted = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: withPhoto.version });
  const reviewing = await b.ok(OFFICER, 'startReview', { applicationId: app.id, expectedVersion: submitted.version });
  const answers = await Promise.all([
    b.call(OFFICER, 'requestCorrection', { applicationId: app.id, expectedVersion: reviewing.version, items: [{ material: 'm0', reason: '照片不清晰' }] }),
    b.call(OFFICER, 'reject', { applicationId: app.id, expectedVersion: reviewing.version, reason: '材料不全' }),
    b.call(OFFICER, 'approve', { applicationId: app.id, expectedVersion: reviewing.version }),
  ]);
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(['APPLICATION_VERSION_CONFLICT', 'APPLICATION_VERSION_CONFLICT']);
  const stored = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(stored.version).toBe(reviewing.version + 1);
  expect(stored.subjectNameMasked).toBe('王**');
});

test('an unverified account cannot apply; the public lookup is rate-limited per account', async () => {
  expect((await b.apply('local-visitor', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '求职' } })).error.code).toBe('NOT_VERIFIED');
  const codes: string[] = [];
  for (let i = 0; i < 32; i += 1) codes.push((await b.call('itest-business-scraper', 'verifyCertificate', { serial: 'HJ0000000000000000' })).error.code);
  expect(codes.slice(0, 30).every((c) => c === 'CERTIFICATE_NOT_FOUND')).toBe(true);
  expect(codes.at(-1)).toBe('TOO_FREQUENT');
  // The counters are kept a day, then the daily purge removes them (they would otherwise pile up per account and window).
  const counters = async () =>
    (
      await localDatabase(h.cloud.url)
        .collection('business_lookups')
        .where({ _id: /^verify:itest-business-scraper:/ })
        .get()
    ).data.length;
  expect(await counters()).toBe(1);
  h.setNow(new Date(NOW.getTime() + 2 * 86_400_000));
  expect((await h.timer('business', 'purgeMaterials')).data.lookups).toBeGreaterThanOrEqual(1);
  expect(await counters()).toBe(0);
  h.setNow(NOW);
});
