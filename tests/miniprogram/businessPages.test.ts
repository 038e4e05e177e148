/**
 * The business subpackage (issue 15) of the REAL weapp build in miniprogram-simulate: the catalogue
 * (grouped, materials, halls, the 用途 field), a draft's materials checklist, 我的户口业务, the
 * officer's queue and case, the issued certificate whose QR code (drawn with views) decodes to the
 * verification page with the serial, and the public verification through `wx.scanCode`; a
 * migration: 提交申请 asks for the progress notices, the permit and the move-out, the history, the
 * origin's 迁出办理 queue, the handover at the hall with a booked appointment, the officer's
 * 延期准迁证 / 确认已领取.
 * Photos are uploaded as the H5 client does (the simulator has no cloud storage).
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { COMPRESS_TO } from '../../core/business/materialPhoto';
import { businessFlow, jpegOf } from '../integration/support/businessFlow';
import { bookingFlow, requestId } from '../integration/support/bookingFlow';
import { inviteOfficer } from '../support/verifiedOfficer';
import { decodeMatrix, readRenderedQr } from './support/renderedQr';
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, first, idle, texts, withText } from './support/pageChecks';
import { LOCAL_VERIFY_LINK_PREFIX, startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
let s: WeappSession;
let b: ReturnType<typeof businessFlow>;
let app: { id: string; version: number; kindName: string; subjectNameMasked: string };

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/business/list/index', persona: CITIZEN });
  s.cloud.harness.setNow(new Date('2026-03-02T10:00:00+08:00'));
  b = businessFlow(s.cloud.harness);
});
afterAll(async () => {
  await s?.close();
});

test('户口业务网上申请: the catalogue grouped, one opened at ?kind= with materials, halls and the 用途 field', async () => {
  const page = s.open('packages/business/list/index', { kind: 'householdCertificate' });
  const names = await texts(page, 'biz-kind__name');
  expect(names).toEqual(expect.arrayContaining(['户籍类证明开具', '工作调动户口迁移', '居住证申领', '居住证签注']));
  // The endorsement is listed in the residence permits' group, right after the first application.
  expect(names.indexOf('居住证签注')).toBe(names.indexOf('居住证申领') + 1);
  expect(names.indexOf('居住证签注')).toBe(names.length - 1);
  const form = await first(page, 'biz-kind__body');
  expect(form.textContent).toContain('居民身份证');
  expect(byText(page.dom, '证明用途')).toHaveLength(1);
  expect(byText(form, '海口市公安局龙华分局户政服务大厅')).toHaveLength(1);
  expectClean(s, page);
  page.close();
});

test('a draft: the materials checklist, a photo taken on the phone compressed, uploaded with wx.cloud.uploadFile and attached, 提交申请 once the required one is there', async () => {
  app = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '子女入学' }, requestId: requestId() });
  const page = s.open('packages/business/detail/index', { id: app.id });
  const titles = await texts(page, 'material__name');
  expect(titles).toEqual(['居民身份证', '委托书', '代办人的居民身份证']);
  expect(byText(page.dom, '提交申请')).toHaveLength(0);

  // The first 上传照片 is the ID card's: the picker closed first (nothing said), then a 4000×3000 photo.
  s.wx.platform.photos.push('cancel');
  s.tap(page, await withText(page, '上传照片'));
  await waitFor(() => s.wx.platform.results.chooseMedia?.length === 1, { ...WAIT, what: 'the picker closed' });
  await idle(page);
  expect(byClass(page.dom, 'notice--error')).toHaveLength(0);
  // A photo too small to read: uploaded, refused by the function, and the page says why.
  s.wx.platform.photos.push([{ bytes: jpegOf(320, 240, 20_000), width: 320, height: 240, type: 'jpeg' }]);
  s.tap(page, await withText(page, '上传照片'));
  expect(textOf(await first(page, 'notice--error'))).toContain('照片太小，可能看不清');
  expect(byClass(page.dom, 'photo__img')).toHaveLength(0);
  s.wx.platform.photos.push([{ bytes: jpegOf(4000, 3000, 600_000), width: 4000, height: 3000, type: 'jpeg' }]);
  s.tap(page, await withText(page, '上传照片'));
  await waitFor(() => byClass(page.dom, 'photo__img').length === 1, { ...WAIT, what: 'the photo attached' });
  expect(s.wx.platform.calls.chooseMedia.at(-1)).toMatchObject({ count: 3, mediaType: ['image'] });
  // Compressed on the phone: the longer side down to COMPRESS_TO.longSide, JPEG quality in percent.
  expect(s.wx.platform.calls.compressImage.at(-1)).toEqual({
    src: expect.stringMatching(/^wxfile:\/\//),
    quality: Math.round(COMPRESS_TO.quality * 100),
    compressedWidth: COMPRESS_TO.longSide,
  });
  // To the application's private folder, in the build's environment.
  expect(s.wx.uploads.at(-1)).toEqual({ cloudPath: expect.stringMatching(new RegExp(`^business/${app.id}/m0/[0-9a-f]{24}\\.jpg$`)), env: 'hukou-local', bytes: 600_000 });
  const stored = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect(stored.materials[0].photos).toEqual([
    { fileId: expect.stringMatching(new RegExp(`^cloud://hukou-local\\.[^/]+/${s.wx.uploads.at(-1)!.cloudPath}$`)), url: expect.any(String) },
  ]);
  app = stored;
  await withText(page, '提交申请');
  expect(page.dom.textContent).toContain('子女入学');
  expect(page.dom.textContent).not.toContain('王建国');
  expectClean(s, page);
  page.close();

  app = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: app.version });
  const mine = s.open('packages/business/mine/index');
  expect(await texts(mine, 'app-row__title')).toEqual([`${app.kindName} · ${app.subjectNameMasked}`]);
  expectClean(s, mine);
  mine.close();
});

test('户口业务审核 and the case, as the officer of the hall', async () => {
  s.actAs(OFFICER);
  const queue = s.open('packages/business/review/index');
  expect(await texts(queue, 'app-row__title')).toContain(`${app.subjectNameMasked} · ${app.kindName}`);
  expectClean(s, queue);
  queue.close();

  const page = s.open('packages/business/case/index', { id: app.id });
  await withText(page, '开始审核');
  expect(page.dom.textContent).toContain('户籍系统有此人记录');
  expect(byClass(page.dom, 'photo__img')).toHaveLength(1);
  expectClean(s, page);
  page.close();
});

test('the issued certificate: its QR code decodes to the verification page with the serial; 证明核验 by wx.scanCode says 有效', async () => {
  const reviewing = await b.ok(OFFICER, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  const issued = await b.ok(OFFICER, 'approve', { applicationId: app.id, expectedVersion: reviewing.version });
  const serial: string = issued.certificate.serial;

  s.actAs(CITIZEN);
  const page = s.open('packages/business/detail/index', { id: app.id });
  expect(await texts(page, 'certificate__serial')).toEqual([serial]);
  const qr = await waitFor(() => readRenderedQr(page.dom), { ...WAIT, what: 'certificate QR drawn' });
  const link = decodeMatrix(qr.matrix);
  // An ordinary https link: WeChat's scanner opens the verification page through the 扫普通链接二维码 rule.
  expect(link).toBe(`${LOCAL_VERIFY_LINK_PREFIX}?serial=${serial}`);
  expectClean(s, page);
  page.close();

  s.actAs('local-visitor');
  const verify = s.open('packages/business/verify/index');
  s.wx.platform.scans.push({ result: link! });
  s.tap(verify, await withText(verify, '扫码核验'));
  const status = await first(verify, 'verdict__status');
  expect(textOf(status)).toBe('有效');
  expect(verify.dom.textContent).toContain('王**');
  expect(verify.dom.textContent).not.toContain('王建国');
  expectClean(s, verify);
  verify.close();

  // Opened by WeChat's own scanner through the rule: the link arrives URI-encoded in `q`, checked at once.
  const opened = s.open('packages/business/verify/index', { q: encodeURIComponent(link!), scancode_time: '1772416800' });
  expect(textOf(await first(opened, 'verdict__status'))).toBe('有效');
  expectClean(s, opened);
  opened.close();
});

test('a migration: 提交申请 asks for the progress notices; permit, move-out and history; 迁出办理; the handover at the hall', async () => {
  const DESTINATION = 'shenzhen-futian';
  const FUTIAN = 'mp-business-officer-futian';
  await inviteOfficer(s.cloud.harness, FUTIAN, [DESTINATION]);
  let m = await b.ok(CITIZEN, 'apply', { kind: 'migrationJobTransfer', hallId: DESTINATION, requestId: requestId() });
  for (const x of m.materials.filter((x: { required: boolean }) => x.required)) m = await b.attach(CITIZEN, m, x.key);

  s.actAs(CITIZEN);
  const draft = s.open('packages/business/detail/index', { id: m.id });
  s.wx.platform.subscriptions.push('accept');
  s.tap(draft, await withText(draft, '提交申请'));
  await waitFor(() => expect(s.wx.platform.calls.requestSubscribeMessage).toContainEqual({ tmplIds: ['local-progress-template'] }), { ...WAIT, what: 'asked for the notices' });
  await waitFor(() => expect(byClass(draft.dom, 'history__what').map(textOf)).toContain('提交申请'), { ...WAIT, what: 'the history' });
  expect(byClass(draft.dom, 'history__at').map(textOf).join(' ')).toContain('申请人');
  expectClean(s, draft);
  draft.close();

  m = await b.ok(FUTIAN, 'businessCase', { applicationId: m.id });
  m = await b.ok(FUTIAN, 'startReview', { applicationId: m.id, expectedVersion: m.version });
  m = await b.ok(FUTIAN, 'approve', { applicationId: m.id, expectedVersion: m.version });
  const permit = m.permit.number as string;
  const detail = s.open('packages/business/detail/index', { id: m.id });
  await withText(detail, permit);
  expect(detail.dom.textContent).toContain(`迁出地派出所将于${m.moveOut.dueAt}（含当日）前办结迁出`);
  expect(byText(detail.dom, '选择领取方式')).toHaveLength(0);
  expectClean(s, detail);
  detail.close();

  // The origin's station (local-officer, 龙华区): the queue with the permit and the deadline; 办结迁出 asks first.
  s.actAs(OFFICER);
  const queue = s.open('packages/business/moveout/index');
  await withText(queue, '办结迁出');
  expect(queue.dom.textContent).toContain(`准迁证 ${permit}（有效期至 ${m.permit.validUntil}）`);
  expect(queue.dom.textContent).toContain(`迁出期限 ${m.moveOut.dueAt}（含当日）`);
  // Enough to find the person in the station's registry and see where they go.
  expect(queue.dom.textContent).toContain('户籍地 海南省海口市龙华区');
  expect(queue.dom.textContent).toContain('迁往 深圳市公安局福田分局户政服务大厅');
  expect(queue.dom.textContent).toMatch(/身份证号 \d{4}\*{10}\d{3}[\dX]/);
  s.tap(queue, await withText(queue, '办结迁出'));
  await waitFor(() => expect(String(s.wx.modals.at(-1)?.content)).toContain(permit), { ...WAIT, what: 'asked to confirm' });
  expectClean(s, queue);
  queue.close();
  m = await b.ok(OFFICER, 'completeMoveOut', { applicationId: m.id, expectedVersion: m.version, hallId: HALL });
  expect(m.state).toBe('readyForHandover');

  // The citizen books a slot at the destination for this business, then picks it as the handover.
  const booking = bookingFlow(s.cloud.harness);
  const dates: string[] = (await booking.ok(undefined, 'bookingOptions', { business: 'migration-job-transfer' })).dates;
  let appointmentId = '';
  for (const date of dates.filter((d) => d > '2026-03-02')) {
    const { slots } = await booking.ok(undefined, 'availability', { hallId: DESTINATION, business: 'migration-job-transfer', date });
    const slot = slots.find((x: { remaining: number }) => x.remaining > 0);
    if (!slot) continue;
    const reserved = await booking.reserve(CITIZEN, DESTINATION, 'migration-job-transfer', slot.slotId);
    if (!reserved.ok) throw new Error(JSON.stringify(reserved.error));
    appointmentId = reserved.data.id;
    break;
  }
  expect(appointmentId).not.toBe('');
  s.actAs(CITIZEN);
  const ready = s.open('packages/business/detail/index', { id: m.id });
  await withText(ready, '领取时请携带以下材料原件');
  expect(byClass(ready.dom, 'originals__item').map(textOf)).toEqual(['· 居民户口簿', '· 居民身份证', '· 调动通知书（调令）']);
  s.tap(ready, await withText(ready, '到大厅领取'));
  const choice = await first(ready, 'choice');
  s.tap(ready, choice);
  await first(ready, 'choice--on', 'the appointment chosen');
  await idle(ready);
  s.tap(ready, await withText(ready, '确认到大厅领取'));
  await waitFor(() => expect(byClass(ready.dom, 'history__what').map(textOf)).toContain('选择领取方式'), { ...WAIT, what: 'handover chosen' });
  // Chosen: when and where, and the way to the ticket; the choice folds away behind 更改领取方式.
  await waitFor(() => expect(byClass(ready.dom, 'hall-handover__when').map(textOf).join('')).toContain('福田'), { ...WAIT, what: 'the appointment named' });
  await withText(ready, '出示预约码 ›');
  await withText(ready, '更改领取方式 ›');
  expect(ready.dom.textContent).not.toContain('确认到大厅领取');
  expectClean(s, ready);
  ready.close();

  // The destination's officer: the household's place named, 确认已领取 and 延期准迁证 offered.
  s.actAs(FUTIAN);
  const c = s.open('packages/business/case/index', { id: m.id });
  await withText(c, '确认已领取');
  await withText(c, '延期准迁证');
  expect(c.dom.textContent).toContain('海南省海口市龙华区');
  expect(byClass(c.dom, 'history__what').map(textOf)).toEqual(expect.arrayContaining(['迁出地办结迁出', '选择领取方式']));
  expectClean(s, c);
  c.close();
});
