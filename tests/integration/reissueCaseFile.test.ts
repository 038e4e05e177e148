/**
 * The case file of a reissue application (reissue.caseFile): the officer of the handling hall sees
 * what the decision and the waybill need (photo on file, card facts, loss report, the recipient's
 * full address and phone); officers of other halls, citizens (the applicant included) and anonymous
 * callers are refused; each view writes exactly one audit record, which itself names no one; the
 * review queue, the ordinary application view and the logs carry none of it.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { reissueActions } from '../../core/reissue/reissueActions';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { loadResidents } from '../../devcloud/seed/loadResidents';
import { identityFlow } from './support/identityFlow';
import { at } from './support/bookingFlow';
import { HAIKOU_ADDRESS, reissueFlow } from './support/reissueFlow';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(120_000);

let h: Harness;
let r: ReturnType<typeof reissueFlow>;
const CITIZEN = 'local-citizen';
const NOW = at('2026-03-02', '10:00');
/** 王建国's card, as the demo seed dates it (relative to the seeding day, so the demo holds on any date). */
const ISSUED = loadResidents().find((r) => r.name === '王建国')!.cardIssuedOn!;
const VALID_UNTIL = `${Number(ISSUED.slice(0, 4)) + 20}${ISSUED.slice(4)}`;
const FULL_ADDRESS = '海南省海口市美兰区海府路88号2栋301室';
let appId = '';
let hallId = '';
let officer = '';
let otherOfficer = '';

async function invitedOfficer(hall: string, openid: string): Promise<string> {
  await inviteOfficer(h, openid, [hall]);
  return openid;
}

interface AuditRow {
  actorId: string;
  role: string;
  hallId?: string;
  action: string;
  target: string;
  purpose?: string;
}

async function caseFileAudits(): Promise<AuditRow[]> {
  const { entries } = await identityFlow(h).ok('local-admin', 'auditLog', { limit: 200 });
  return (entries as AuditRow[]).filter((e) => e.action === 'reissue.caseFile');
}

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  r = reissueFlow(h);
  const paid = await r.paidApplication(CITIZEN);
  appId = paid.id;
  hallId = paid.hallId;
  officer = hallId === 'haikou-longhua' ? 'local-officer' : await invitedOfficer(hallId, 'itest-casefile-officer');
  otherOfficer = await invitedOfficer('shenzhen-futian', 'itest-casefile-other-hall');
});
afterAll(async () => {
  await h.close();
});

test("the handling hall's officer sees the photo on file, the card facts, the loss report and the waybill's recipient, address and phone; the ID number stays masked", async () => {
  const file = await r.ok(officer, 'caseFile', { applicationId: appId });
  expect(reissueActions.caseFile.output.parse(file)).toEqual(file);
  expect(file).toMatchObject({
    applicationId: appId,
    hallId,
    purpose: 'review',
    purposeName: '审核',
    reasonName: expect.any(String),
    subject: { name: '王建国', idNumberMasked: '4601**********1311', sexName: '男', age: 40, byFamilyMember: false },
    card: { issuedOn: ISSUED, validityName: '20年', validUntil: VALID_UNTIL, photoTakenOn: ISSUED, fingerprintsOnFile: true, photoReused: false },
    appearanceUnchangedDeclared: true,
    checks: [],
    recipient: { name: '王建国', address: FULL_ADDRESS, phone: HAIKOU_ADDRESS.phone },
  });
  expect(file.card.lostReportedAt).toMatch(/^2026-03-02 \d{2}:\d{2}$/);
  expect(file.photo).toMatchObject({ onFile: true, takenOn: ISSUED, sample: true });
  expect(file.photo.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  // The same person, the same stand-in portrait.
  expect((await r.ok(officer, 'caseFile', { applicationId: appId })).photo.dataUrl).toBe(file.photo.dataUrl);
  // Only the masked ID number: the full one appears nowhere in the case file.
  expect(JSON.stringify(file)).not.toContain('460106198503141311');
});

test('officers of another hall, citizens (the applicant too) and anonymous callers are refused, and leave no case-file audit record', async () => {
  const before = (await caseFileAudits()).length;
  expect((await r.error(otherOfficer, 'caseFile', { applicationId: appId })).code).toBe('FORBIDDEN');
  expect((await r.error(CITIZEN, 'caseFile', { applicationId: appId })).code).toBe('FORBIDDEN');
  expect((await r.error('local-visitor', 'caseFile', { applicationId: appId })).code).toBe('FORBIDDEN');
  expect((await r.error(undefined, 'caseFile', { applicationId: appId })).code).toBe('UNAUTHENTICATED');
  // A citizen cannot tell an existing id from an unknown one.
  expect((await r.error(CITIZEN, 'caseFile', { applicationId: 'no-such-application' })).code).toBe('FORBIDDEN');
  expect((await r.error(officer, 'caseFile', { applicationId: 'no-such-application' })).code).toBe('REISSUE_NOT_FOUND');
  expect((await caseFileAudits()).length).toBe(before);
});

test('each view writes exactly one audit record: officer, hall, application, purpose, and no personal data', async () => {
  const before = await caseFileAudits();
  await r.ok(officer, 'caseFile', { applicationId: appId });
  const once = await caseFileAudits();
  expect(once.length).toBe(before.length + 1);
  expect(once[0]).toMatchObject({ actorId: officer, role: expect.stringMatching(/^(officer|admin)$/), hallId, action: 'reissue.caseFile', target: appId, purpose: 'review' });
  await r.ok(officer, 'caseFile', { applicationId: appId });
  expect((await caseFileAudits()).length).toBe(before.length + 2);

  // Once approved and in production, the view is for shipping.
  for (const step of ['startReview', 'approve', 'startProduction']) await r.ok(officer, step, { applicationId: appId });
  expect((await r.ok(officer, 'caseFile', { applicationId: appId })).purpose).toBe('shipping');
  const latest = (await caseFileAudits())[0];
  expect(latest).toMatchObject({ target: appId, purpose: 'shipping' });

  const text = JSON.stringify(await caseFileAudits());
  expect(containsUnmaskedIdOrPhone(text)).toEqual([]);
  for (const clear of [HAIKOU_ADDRESS.detail, HAIKOU_ADDRESS.phone, '王建国', '海府路']) expect({ clear, found: text.includes(clear) }).toEqual({ clear, found: false });
});

test('the review queue and the ordinary application view carry none of it', async () => {
  const queue = await r.call(officer, 'reviewQueue', { states: ['paid', 'underReview', 'approved', 'inProduction'] });
  expect(queue.ok).toBe(true);
  expect(queue.data.applications.some((a: { id: string }) => a.id === appId)).toBe(true);
  const views = [JSON.stringify(queue), JSON.stringify(await r.call(officer, 'application', { applicationId: appId }))];
  for (const text of views) {
    expect(containsUnmaskedIdOrPhone(text)).toEqual([]);
    for (const clear of [HAIKOU_ADDRESS.detail, '海府路', HAIKOU_ADDRESS.phone, '王建国', 'data:image'])
      expect({ clear, found: text.includes(clear) }).toEqual({ clear, found: false });
  }
});

test('no photo on file: the case file says so rather than showing anything', async () => {
  // The registry's gateway (its local stand-in) no longer has the photo on file.
  h.cloud.registry.update('resident-001', { photoOnFile: false });
  try {
    const file = await r.ok(officer, 'caseFile', { applicationId: appId });
    expect(file.photo).toEqual({ onFile: false });
  } finally {
    h.cloud.registry.update('resident-001', { photoOnFile: undefined });
  }
});

test('nothing the functions logged carries an unmasked ID or phone number, the street or the recipient', () => {
  expect(h.logs.length).toBeGreaterThan(5);
  const logged = h.logs.join('\n');
  expect(h.logs.flatMap((line) => containsUnmaskedIdOrPhone(line))).toEqual([]);
  for (const clear of [HAIKOU_ADDRESS.detail, '海府路', '王建国', 'data:image']) expect({ clear, found: logged.includes(clear) }).toEqual({ clear, found: false });
  expect(logged).toMatch(/caseFile/);
});
