/**
 * A residence permit endorsement online (居住证签注, issue 15), through the local cloud: 王建国,
 * holding a Shenzhen residence permit, declares when it was issued. Too early in the year he is
 * told when the window opens; in the window he uploads the materials and submits, an officer of
 * Futian approves, and the application is done at once (no card to collect): 提交 → 审核 → 办结.
 */
import { startHarness, type Harness } from '../support/localCloudHarness';
import { inviteOfficer } from '../support/verifiedOfficer';
import { at, requestId } from './support/bookingFlow';
import { businessFlow } from './support/businessFlow';
import { devEnvironment } from '../../devcloud/devEnvironment';

jest.setTimeout(90_000);

let h: Harness;
let b: ReturnType<typeof businessFlow>;
const CITIZEN = 'local-citizen';
const HALL = 'shenzhen-futian';
const OFFICER = 'itest-business-officer-futian-endorsement';
const NOW = at('2026-03-02', '10:00');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = businessFlow(h);
  await inviteOfficer(h, OFFICER, [HALL]);
});
afterAll(async () => {
  await h.close();
});

test('the catalogue offers it with the issue date to declare and the guide materials', async () => {
  const { businesses } = await b.ok(CITIZEN, 'businessCatalogue', {});
  const entry = businesses.find((x: { kind: string }) => x.kind === 'residencePermitEndorsement');
  expect(entry).toMatchObject({ name: '居住证签注', track: 'endorsement', guideId: 'residence-permit-endorsement', fields: ['residencePermitIssuedOn'] });
  expect(entry.materials.filter((m: { required: boolean }) => m.required).map((m: { name: string }) => m.name)).toEqual(['居住证', '居民身份证', '居住地住址证明']);
  expect(entry.halls.map((x: { id: string }) => x.id)).toContain(HALL);
});

test('too early is refused with the window; in the window: submit, the officer approves, the citizen sees it done', async () => {
  const kind = 'residencePermitEndorsement';
  // Issued on 1 June 2025: the first endorsement is due from 1 May to 1 June 2026.
  const early = await b.apply(CITIZEN, { kind, hallId: HALL, details: { residencePermitIssuedOn: '2025-06-01' } });
  expect(early.error.code).toBe('BUSINESS_CONDITIONS_UNMET');
  expect(early.error.message).toContain('本次可于2026-05-01至2026-06-01办理');
  expect((await b.apply(CITIZEN, { kind, hallId: HALL })).error.code).toBe('BUSINESS_CONDITIONS_UNMET');

  // Issued on 20 March 2025: 2 March 2026 is in the window (20 February – 20 March).
  let app = await b.ok(CITIZEN, 'apply', { kind, hallId: HALL, details: { residencePermitIssuedOn: '2025-03-20' }, requestId: requestId() });
  expect(app).toMatchObject({ track: 'endorsement', state: 'draft', details: { residencePermitIssuedOn: '2025-03-20' } });
  for (const m of app.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key);
  app = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('submitted');
  // The guide promises 3 working days: Monday 2 March → Thursday 5 March.
  expect(app.reviewDue).toEqual({ dueAt: '2026-03-05', overdue: false });

  const notices = () => h.cloud.notifications.filter((n) => n.templateId === devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID).map((n) => n.data.phrase2?.value);
  const noticesBefore = notices().length;
  app = await b.ok(OFFICER, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(OFFICER, 'approve', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('completed');
  expect(app.certificate).toBeUndefined();
  expect(app.permit).toBeUndefined();

  const mine = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(mine.state).toBe('completed');
  expect(mine.progress).toMatchObject({
    status: 'finished',
    stages: [
      { name: '提交', status: 'done' },
      { name: '审核', status: 'done' },
      { name: '办结', status: 'done' },
    ],
  });
  expect(mine.progress.stages).toHaveLength(3);
  expect(notices().slice(noticesBefore)).toEqual(['已签注']);
  const { applications } = await b.ok(CITIZEN, 'myBusinessApplications', {});
  expect(applications.find((a: { id: string }) => a.id === app.id)).toMatchObject({ kindName: '居住证签注', state: 'completed' });
  // Done, so no longer open: the next year's endorsement can be applied for when its window comes.
  h.setNow(at('2027-02-25', '10:00'));
  expect((await b.apply(CITIZEN, { kind, hallId: HALL, details: { residencePermitIssuedOn: '2025-03-20' } })).ok).toBe(true);
});
