/**
 * The business subpackage (issue 15) of the REAL weapp build in miniprogram-simulate: the catalogue
 * (grouped, materials, halls, the 用途 field), a draft's materials checklist, 我的户口业务, the
 * officer's queue and case, the issued certificate whose QR code (drawn with views) decodes to the
 * verification page with the serial, and the public verification through `wx.scanCode`.
 * Photos are uploaded as the H5 client does (the simulator has no cloud storage).
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { businessFlow } from '../integration/support/businessFlow';
import { requestId } from '../integration/support/bookingFlow';
import { decodeMatrix, readRenderedQr } from './support/renderedQr';
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, first, texts, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

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
  expect(names).toEqual(expect.arrayContaining(['户籍类证明开具', '工作调动户口迁移', '居住证申领']));
  const form = await first(page, 'biz-kind__body');
  expect(form.textContent).toContain('居民身份证');
  expect(byText(page.dom, '证明用途')).toHaveLength(1);
  expect(byText(form, '海口市公安局龙华分局户政服务大厅')).toHaveLength(1);
  expectClean(s, page);
  page.close();
});

test('a draft: the materials checklist, the photo attached, 提交申请 once the required one is there', async () => {
  app = await b.ok(CITIZEN, 'apply', { kind: 'householdCertificate', hallId: HALL, details: { purpose: '子女入学' }, requestId: requestId() });
  app = await b.attach(CITIZEN, app, 'm0');
  const page = s.open('packages/business/detail/index', { id: app.id });
  const titles = await texts(page, 'material__name');
  expect(titles).toEqual(['居民身份证', '委托书', '代办人的居民身份证']);
  expect(byClass(page.dom, 'photo__img')).toHaveLength(1);
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
  expect(link).toBe(`/packages/business/verify/index?serial=${serial}`);
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
});
