/**
 * A cross-province migration online (issue 15), through the local cloud: 王建国, registered in
 * Haikou (龙华区), applies at Shenzhen Futian (job transfer); Futian approves and issues the
 * permission to move in; the origin's station (an officer of a hall in 龙华区) completes the
 * move-out; the permit expires, Futian extends it; the citizen books a slot at Futian for the
 * handover and the officer hands it over. The daily timers lapse a silent draft and purge photos
 * after the retention period.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { inviteOfficer } from '../support/verifiedOfficer';
import { at, bookingFlow, requestId } from './support/bookingFlow';
import { businessFlow } from './support/businessFlow';
import { devEnvironment } from '../../devcloud/devEnvironment';

jest.setTimeout(90_000);

let h: Harness;
let b: ReturnType<typeof businessFlow>;
const CITIZEN = 'local-citizen';
const ORIGIN_OFFICER = 'local-officer'; // haikou-longhua, 460106: where 王建国's household is registered
const DESTINATION = 'shenzhen-futian';
const DEST_OFFICER = 'itest-business-officer-futian-migration';
const DAY_MS = 86_400_000;
const NOW = at('2026-03-02', '10:00'); // a Monday

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = businessFlow(h);
  await inviteOfficer(h, DEST_OFFICER, [DESTINATION]);
});
afterAll(async () => {
  await h.close();
});

test('job transfer to Shenzhen: permit, move-out at the origin, expiry and extension, handover with a booking', async () => {
  const draft = await b.ok(CITIZEN, 'apply', { kind: 'migrationJobTransfer', hallId: DESTINATION, requestId: requestId() });
  expect(draft.track).toBe('migration');
  let app = draft;
  for (const m of draft.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key);
  app = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('submitted');
  // The guide promises 5 working days: Monday 2 March → the end of Monday 9 March.
  expect(app.reviewDue).toEqual({ dueAt: '2026-03-09', overdue: false });

  app = await b.ok(DEST_OFFICER, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(DEST_OFFICER, 'approve', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('permitIssued');
  expect(app.permit.number).toMatch(/^ZQ[0-9A-Z]{17}$/);
  expect(app.moveOut).toEqual({ dueAt: '2026-03-09', overdue: false });
  const mine = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(mine.progress.stages.find((s: { key: string }) => s.key === 'moveOut')).toMatchObject({ status: 'current', deadline: { overdue: false } });

  // Only the origin's station completes the move-out; the destination cannot.
  // Futian's own district has no move-out waiting.
  expect((await b.ok(DEST_OFFICER, 'moveOutQueue', { hallId: DESTINATION })).applications).toEqual([]);
  expect((await b.error(DEST_OFFICER, 'completeMoveOut', { applicationId: app.id, expectedVersion: app.version, hallId: DESTINATION })).code).toBe('FORBIDDEN');
  expect((await b.error(ORIGIN_OFFICER, 'completeMoveOut', { applicationId: app.id, expectedVersion: app.version, hallId: DESTINATION })).code).toBe('FORBIDDEN');
  const queue = await b.ok(ORIGIN_OFFICER, 'moveOutQueue', { hallId: 'haikou-longhua' });
  // The station sees who moves out (masked), from where and to where, and the permit's validity.
  expect(queue.applications).toEqual([
    expect.objectContaining({
      id: app.id,
      version: app.version,
      idNumberMasked: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/),
      householdPlace: '海南省海口市龙华区',
      destinationHallName: '深圳市公安局福田分局户政服务大厅',
      permitNumber: app.permit.number,
      permitValidUntil: app.permit.validUntil,
      permitExpired: false,
      overdue: false,
    }),
  ]);
  // A week later it is overdue in the origin's queue.
  h.setNow(new Date(NOW.getTime() + 8 * DAY_MS));
  expect((await b.ok(ORIGIN_OFFICER, 'moveOutQueue', { hallId: 'haikou-longhua' })).applications[0].overdue).toBe(true);
  app = await b.ok(ORIGIN_OFFICER, 'completeMoveOut', { applicationId: app.id, expectedVersion: app.version, hallId: 'haikou-longhua' });
  expect(app.state).toBe('readyForHandover');
  // What to bring to the hall: the originals of the required materials.
  expect((await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id })).originalsToBring).toEqual(['居民户口簿', '居民身份证', '调动通知书（调令）']);

  // 41 days after the approval the permit has expired (40 days by default); Futian extends it.
  h.setNow(new Date(NOW.getTime() + 41 * DAY_MS));
  const swept = await h.timer('business', 'expireApplications');
  expect(swept.data.permitsExpired).toBeGreaterThanOrEqual(1);
  app = await b.ok(DEST_OFFICER, 'businessCase', { applicationId: app.id });
  expect(app.state).toBe('permitExpired');
  expect((await b.error(DEST_OFFICER, 'extendPermit', { applicationId: app.id, expectedVersion: app.version, validThrough: '2026-04-01', reason: '疫情期间延期' })).code).toBe(
    'APPLICATION_STATE_CONFLICT',
  );
  app = await b.ok(DEST_OFFICER, 'extendPermit', { applicationId: app.id, expectedVersion: app.version, validThrough: '2026-05-31', reason: '疫情期间延期' });
  expect(app).toMatchObject({ state: 'readyForHandover', permit: { validUntil: '2026-06-01 00:00', extensions: 1 } });

  // The citizen books a slot at Futian for this business and attaches it; the officer hands it over.
  const booking = bookingFlow(h);
  const { slots } = await booking.ok(undefined, 'availability', { hallId: DESTINATION, business: 'migration-job-transfer', date: '2026-04-14' });
  const slot = slots.find((s: { remaining: number }) => s.remaining > 0);
  const reserved = await booking.reserve(CITIZEN, DESTINATION, 'migration-job-transfer', slot.slotId);
  expect(reserved.ok).toBe(true);
  expect((await b.error(CITIZEN, 'chooseHandover', { applicationId: app.id, expectedVersion: app.version, handover: { kind: 'hall', appointmentId: 'nope' } })).code).toBe(
    'APPOINTMENT_NOT_FOUND',
  );
  app = await b.ok(CITIZEN, 'chooseHandover', { applicationId: app.id, expectedVersion: app.version, handover: { kind: 'hall', appointmentId: reserved.data.id } });
  expect(app.state).toBe('readyForHandover');
  // The hall's day shows which appointment brings this application, before the citizen arrives; the others carry none.
  const day = await booking.ok(DEST_OFFICER, 'hallDay', { hallId: DESTINATION, date: '2026-04-14' });
  const listed = day.slots.flatMap((s: { appointments: Array<{ id: string; application?: unknown }> }) => s.appointments);
  expect(listed.find((a: { id: string }) => a.id === reserved.data.id)?.application).toEqual({
    id: app.id,
    refNumber: app.refNumber,
    kindName: app.kindName,
    state: 'readyForHandover',
    stateName: app.stateName,
    originalsToBring: ['居民户口簿', '居民身份证', '调动通知书（调令）'],
  });
  expect(listed.filter((a: { application?: unknown }) => a.application)).toHaveLength(1);
  // At the window the check-in shows the attached application and the originals to check, nothing personal.
  h.setNow(at('2026-04-14', slot.start));
  const { token } = await booking.ok(CITIZEN, 'ticket', { appointmentId: reserved.data.id });
  const checkedIn = await booking.ok(DEST_OFFICER, 'checkIn', { token });
  expect(checkedIn.business).toEqual({
    id: app.id,
    refNumber: app.refNumber,
    kindName: app.kindName,
    state: 'readyForHandover',
    stateName: app.stateName,
    originalsToBring: ['居民户口簿', '居民身份证', '调动通知书（调令）'],
  });
  expect(app.refNumber).toMatch(/^\d{8}$/);
  expect(containsUnmaskedIdOrPhone(JSON.stringify(checkedIn))).toEqual([]);
  app = await b.ok(DEST_OFFICER, 'collect', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('completed');
  expect(app.progress.status).toBe('finished');

  // 91 days after it ended its photos are deleted; the list of what was attached stays.
  const photo = (await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id })).materials[0].photos[0].url;
  expect((await fetch(photo)).status).toBe(200);
  h.setNow(new Date(at('2026-04-14', '12:00').getTime() + 91 * DAY_MS)); // collected on 14 April
  const purged = await h.timer('business', 'purgeMaterials');
  expect(purged.data.files).toBeGreaterThanOrEqual(3);
  const after = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(after.materialsPurgedAt).toBeDefined();
  expect(after.materials.every((m: { photos: unknown[] }) => m.photos.length === 0)).toBe(true);
  expect((await fetch(photo)).status).not.toBe(200);
});

test('a draft nobody submits lapses after the silence limit; the person may then apply again', async () => {
  h.setNow(NOW);
  const draft = await b.ok(CITIZEN, 'apply', { kind: 'residencePermit', hallId: DESTINATION, details: { residenceRegisteredOn: '2025-06-01' }, requestId: requestId() });
  expect((await b.apply(CITIZEN, { kind: 'residencePermit', hallId: DESTINATION, details: { residenceRegisteredOn: '2025-06-01' } })).error.code).toBe('APPLICATION_ALREADY_OPEN');
  h.setNow(new Date(NOW.getTime() + 31 * DAY_MS));
  await h.timer('business', 'expireApplications');
  expect((await b.ok(CITIZEN, 'businessApplication', { applicationId: draft.id })).state).toBe('lapsed');
  expect((await b.apply(CITIZEN, { kind: 'residencePermit', hallId: DESTINATION, details: { residenceRegisteredOn: '2025-06-01' } })).ok).toBe(true);
  // A condition that is data: resident for less than 6 months.
  const tooSoon = await b.apply(CITIZEN, { kind: 'residencePermit', hallId: 'shenzhen-nanshan', details: { residenceRegisteredOn: '2026-03-01' } });
  expect(tooSoon.error.code).toBe('BUSINESS_CONDITIONS_UNMET');
});

const MAIL_TO = { provinceCode: '460000', cityCode: '460100', districtCode: '460108', detail: '海府路88号2栋301室', recipient: '王建国', phone: '13800138000' };
const courierAdvance = (trackingNumber: string, to: 'delivered' | 'returned') =>
  fetch(`${h.cloud.url}/local/courier/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ trackingNumber, to }) });
const progressNotices = () => h.cloud.notifications.filter((n) => n.templateId === devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID).map((n) => n.data.phrase2?.value);

/** A birth registration at Longhua approved and waiting for its handover, the citizen having chosen mail. */
async function birthRegistrationByMail() {
  let app = await b.ok(CITIZEN, 'apply', { kind: 'birthRegistration', hallId: 'haikou-longhua', requestId: requestId() });
  for (const m of app.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key);
  app = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(ORIGIN_OFFICER, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(ORIGIN_OFFICER, 'approve', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('readyForHandover');
  return b.ok(CITIZEN, 'chooseHandover', { applicationId: app.id, expectedVersion: app.version, handover: { kind: 'mail', address: MAIL_TO } });
}

test('a birth registration by mail: the citizen sees the place, the shipping officer the waybill, the history the courier by name; the poll records the delivery', async () => {
  h.setNow(NOW);
  let app = await birthRegistrationByMail();
  expect(app.handover).toEqual({ kind: 'mail', place: '海南省海口市美兰区' });
  expect(JSON.stringify(app)).not.toContain('海府路');
  const opened = await b.ok(ORIGIN_OFFICER, 'businessCase', { applicationId: app.id });
  expect(opened.mailTo).toEqual({ recipient: '王建国', phone: '13800138000', address: '海南省海口市美兰区海府路88号2栋301室' });
  app = await b.ok(ORIGIN_OFFICER, 'ship', { applicationId: app.id, expectedVersion: app.version, courier: 'ems', trackingNumber: 'EM123456789CN' });
  expect(app.state).toBe('shipped');
  expect(app.history.at(-1).note).toBe('中国邮政EMS EM123456789CN');

  // The business function's own timer tracks it: in transit nothing changes; once signed for, it is done.
  expect((await h.timer('business', 'pollShipments')).data).toMatchObject({ checked: 1, delivered: 0, failed: 0 });
  expect((await b.call(CITIZEN, 'pollShipments', {})).error.code).toBe('UNKNOWN_ACTION');
  expect((await courierAdvance('EM123456789CN', 'delivered')).status).toBe(200);
  const noticesBefore = progressNotices().length;
  expect((await h.timer('business', 'pollShipments')).data).toMatchObject({ checked: 1, delivered: 1, failed: 0 });
  const done = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(done).toMatchObject({ state: 'completed', progress: { status: 'finished' } });
  expect(done.history.at(-1)).toMatchObject({ event: '快件签收', by: '快递' });
  expect(progressNotices().slice(noticesBefore)).toEqual(['已办结']);
  expect((await h.timer('business', 'pollShipments')).data).toMatchObject({ checked: 0 });
});

test('a returned parcel: ready for handover again with the carrier’s word, then shipped again and delivered', async () => {
  h.setNow(NOW);
  let app = await birthRegistrationByMail();
  app = await b.ok(ORIGIN_OFFICER, 'ship', { applicationId: app.id, expectedVersion: app.version, courier: 'ems', trackingNumber: 'EM223456789CN' });
  expect((await courierAdvance('EM223456789CN', 'returned')).status).toBe(200);
  const noticesBefore = progressNotices().length;
  expect((await h.timer('business', 'pollShipments')).data).toMatchObject({ returned: 1, failed: 0 });
  app = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(app.state).toBe('readyForHandover');
  expect(app.history.at(-1)).toMatchObject({ event: '快件退回', by: '快递', note: expect.stringContaining('拒收') });
  expect(app.progress.stages.find((s: { status: string }) => s.status === 'current').detail).toMatch(/^快件被退回/);
  expect(progressNotices().slice(noticesBefore)).toEqual(['邮件退回']);
  // The citizen may choose again; the officer ships again and the next poll records the delivery.
  expect(app.actions.map((a: { type: string }) => a.type)).toContain('chooseHandover');
  app = await b.ok(ORIGIN_OFFICER, 'ship', { applicationId: app.id, expectedVersion: app.version, courier: 'ems', trackingNumber: 'EM323456789CN' });
  await courierAdvance('EM323456789CN', 'delivered');
  expect((await h.timer('business', 'pollShipments')).data).toMatchObject({ delivered: 1 });
  expect((await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id })).state).toBe('completed');
});

test('a permit that expires before the move-out: the station sees it expired and cannot complete it until the destination extends it', async () => {
  const start = new Date(NOW.getTime() + 200 * DAY_MS);
  h.setNow(start);
  let app = await b.ok(CITIZEN, 'apply', { kind: 'migrationJobTransfer', hallId: DESTINATION, requestId: requestId() });
  for (const m of app.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key);
  app = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(DEST_OFFICER, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(DEST_OFFICER, 'approve', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('permitIssued');

  h.setNow(new Date(start.getTime() + 41 * DAY_MS));
  await h.timer('business', 'expireApplications');
  const row = (await b.ok(ORIGIN_OFFICER, 'moveOutQueue', { hallId: 'haikou-longhua' })).applications.find((a: { id: string }) => a.id === app.id);
  expect(row).toMatchObject({ state: 'permitExpired', permitExpired: true, overdue: true });
  expect((await b.error(ORIGIN_OFFICER, 'completeMoveOut', { applicationId: app.id, expectedVersion: row.version, hallId: 'haikou-longhua' })).code).toBe(
    'APPLICATION_STATE_CONFLICT',
  );

  const validThrough = new Date(start.getTime() + 80 * DAY_MS).toISOString().slice(0, 10);
  await b.ok(DEST_OFFICER, 'extendPermit', { applicationId: app.id, expectedVersion: row.version, validThrough, reason: '疫情期间延期' });
  const again = (await b.ok(ORIGIN_OFFICER, 'moveOutQueue', { hallId: 'haikou-longhua' })).applications.find((a: { id: string }) => a.id === app.id);
  expect(again).toMatchObject({ state: 'permitIssued', permitExpired: false, permitValidUntil: expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2} 00:00$`)) });
  const done = await b.ok(ORIGIN_OFFICER, 'completeMoveOut', { applicationId: app.id, expectedVersion: again.version, hallId: 'haikou-longhua' });
  expect(done.state).toBe('readyForHandover');
});
