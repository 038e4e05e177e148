/**
 * A cross-province migration online (issue 15) in the H5 build against the local cloud, every step
 * on the pages: 王建国 (local-citizen, registered in 海口龙华 460106) has applied at shenzhen-futian
 * for a job transfer (draft and photos through the function) and submits in the browser; a Futian
 * officer (bound by an invitation in the test) finds it in 户口业务审核, starts the review and asks
 * for a correction of the 调令; the citizen sees why, uploads it again and resubmits (the same
 * application); the officer approves; the detail shows the permit and the move-out deadline; the
 * origin's officer (local-officer, haikou-longhua) completes the move-out with 迁出办理's button;
 * the citizen looks at the mail form, books a slot at Futian on the booking page the handover links
 * to, is led back from the ticket to choose it, and sees when and where; on that day the Futian
 * window checks the ticket in and sees the attached application with the originals to check, opens
 * the case and hands the result over. Screenshots at phone size, some in 长辈模式.
 */
import { requestId } from '../integration/support/bookingFlow';
import { businessFlow } from '../integration/support/businessFlow';
import { inviteOfficer } from '../support/verifiedOfficer';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { formatReferenceNumber } from '../../core/reference/referenceNumber';
import { shanghaiInstant } from '../../core/time/shanghai';
import { businessPages } from './support/businessPages';
import { decodeQrFrom } from './support/decodeQr';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(300_000);

const CITIZEN = 'local-citizen';
const ORIGIN_OFFICER = 'local-officer';
const DESTINATION = 'shenzhen-futian';
const FUTIAN = 'e2e-business-officer-futian';
const BUSINESS = 'migration-job-transfer';
const journey = useJourney();

const page = () => journey.browser.page;
const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();
const visible = (selector: string) => page().locator(`${selector}:visible`);
const shot = (name: string) => journey.browser.shot(name);
const actAs = (persona: string) => actAsPersona(page(), journey.harness.cloud.url, persona, shot);
const visibleText = () => page().locator('.taro_page:visible').last().innerText();
const { fill, uploadPhoto, officerStep, cameraJpeg } = businessPages(page);
const NOW = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

async function elder(on: boolean): Promise<void> {
  await page().evaluate((v) => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: v })), on);
}

/** The page again in 长辈模式 (larger text), a screenshot, and back. */
async function elderShot(name: string, ready: string): Promise<void> {
  await elder(true);
  await page().reload();
  await visible(ready).first().waitFor();
  await shot(name);
  await elder(false);
}

test('工作调动户口迁移: submit, a correction round, approval, 迁出办理, a booked handover, check-in at the window, handed over', async () => {
  const h = journey.harness;
  h.setNow(NOW);
  const b = businessFlow(h);
  await inviteOfficer(h, FUTIAN, [DESTINATION]);

  let app = await b.ok(CITIZEN, 'apply', { kind: 'migrationJobTransfer', hallId: DESTINATION, requestId: requestId() });
  // Photos a camera would take (drawn in the browser): the pages show them as the officer would see them.
  await page().goto('about:blank');
  for (const m of app.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key, await cameraJpeg(1200, 900, m.name));
  const transferNotice = app.materials.find((m: { name: string }) => m.name.includes('调动')).key as string;

  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('.biz-detail__root[data-state="draft"]').waitFor();
  expect(await visible('.biz-head [data-ref-number]').getAttribute('data-ref-number')).toBe(app.refNumber);
  await button('提交申请').click();
  await visible('.biz-detail__root[data-state="submitted"]').waitFor();
  await visible('[data-history="提交申请"]').waitFor();
  await shot('150-biz-migration-submitted');

  // Futian's officer: 户口业务审核 → the queue → the case → start review → ask for a clearer 调令.
  await actAs(FUTIAN);
  await visible('[data-row="business-review"]').click();
  const row = visible(`.app-row[data-application="${app.id}"]`);
  await row.waitFor();
  expect(await row.innerText()).toContain(formatReferenceNumber(app.refNumber));
  await row.click();
  await visible('.biz-case__root[data-state="submitted"]').waitFor();
  await officerStep('开始审核', 'underReview');
  await button('要求补正').click();
  await visible(`[data-pick="${transferNotice}"] .correction-pick__title`).click();
  await fill(`correction-${transferNotice}`, '调令缺少单位公章，请重新拍摄盖章页');
  await shot('166-biz-migration-correction-form');
  await officerStep('发送补正要求', 'correctionRequested');

  // The citizen corrects that one material and resubmits: the same application, not a new one.
  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('.biz-detail__root[data-state="correctionRequested"]').waitFor();
  expect(await visible(`.material[data-material="${transferNotice}"] [data-field="correction"]`).innerText()).toContain('缺少单位公章');
  await shot('167-biz-migration-correction');
  await uploadPhoto(transferNotice, 'transfer notice with seal', 1);
  await button('补正后重新提交').click();
  await visible('.biz-detail__root[data-state="submitted"]').waitFor();
  await shot('168-biz-migration-resubmitted');

  // Futian approves on the page: the permission to move in, and the origin's move-out task.
  await actAs(FUTIAN);
  await open(`packages/business/case/index?id=${app.id}`);
  await visible('.biz-case__root[data-state="submitted"]').waitFor();
  expect(await visibleText()).toContain('已补正1次');
  await officerStep('开始审核', 'underReview');
  await officerStep('审核通过', 'permitIssued', '确认通过');
  await shot('169-biz-migration-approved');

  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('.biz-detail__root[data-state="permitIssued"]').waitFor();
  app = await b.ok(CITIZEN, 'businessApplication', { applicationId: app.id });
  expect((await visible('[data-field="permitNumber"]').innerText()).trim()).toContain(app.permit.number);
  expect(await visible('[data-field="moveOut"]').innerText()).toContain(`迁出地派出所将于${app.moveOut.dueAt}（含当日）前办结迁出`);
  await shot('151-biz-migration-permit');
  await elderShot('152-biz-migration-permit-elder', '.biz-detail__root[data-state="permitIssued"]');

  // The origin's station: 我的 → 迁出办理 → 办结迁出 (confirmed); the row leaves the queue.
  await actAs(ORIGIN_OFFICER);
  await visible('[data-row="business-moveout"]').click();
  const moveOutRow = visible(`.moveout-row[data-application="${app.id}"]`);
  await moveOutRow.waitFor();
  expect(await moveOutRow.innerText()).toContain(app.permit.number);
  await shot('153-biz-moveout-queue');
  await elderShot('154-biz-moveout-queue-elder', '.moveout-row');
  await moveOutRow.locator('taro-button-core', { hasText: '办结迁出' }).click();
  await page().locator('.taro-modal__content:visible').waitFor();
  expect(await page().locator('.taro-modal__content:visible').innerText()).toContain(app.permit.number);
  await page().locator('.taro-modal__foot:visible').getByText('确认办结').click();
  await moveOutRow.waitFor({ state: 'detached' });
  await shot('170-biz-moveout-done');

  // The citizen: ready; no appointment yet → the mail form → 预约到大厅领取 → booked on the booking page.
  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('.biz-detail__root[data-state="readyForHandover"]').waitFor();
  await visible('[data-field="originalsToBring"]').waitFor();
  await visible('[data-handover="mail"]').click();
  await visible('.handover-mail').waitFor();
  await shot('155-biz-handover-mail');
  await visible('[data-handover="hall"]').click();
  await visible('[data-field="noAppointment"]').waitFor();
  await shot('156-biz-handover-no-appointment');
  await visible('[data-link="bookHandover"]').click();
  await visible(`.choice--on[data-hall="${DESTINATION}"]`).waitFor();
  expect(page().url()).toContain(`business=${BUSINESS}&hall=${DESTINATION}`);
  // Only the handling hall is offered: another would not do for the handover.
  expect(await visible('.choice[data-hall]').count()).toBe(1);
  await shot('163-biz-handover-book');
  const firstOpen = visible('.slot[data-state="open"]').first();
  await firstOpen.waitFor();
  const slotId = (await firstOpen.getAttribute('data-slot-id')) ?? '';
  const [, date, hhmm] = slotId.split(':');
  await firstOpen.click();
  await visible('.slot--on').waitFor();
  await button('下一步').click();
  await visible('[data-field="when"]').waitFor();
  await button('确认预约').click();
  await visible('.ticket__root[data-status="booked"]').waitFor();
  const appointmentId = new URL(page().url().replace('/#/', '/')).searchParams.get('id') ?? '';
  expect(appointmentId).not.toBe('');
  await shot('171-biz-handover-booked');

  // The ticket says what is still missing and leads back to the application, the new appointment chosen.
  expect(await visible('[data-field="forApplication"]').innerText()).toContain('还差一步');
  await button('回到申请，选择此预约领取').click();
  await visible(`.choice--on[data-appointment="${appointmentId}"]`).waitFor();
  await shot('157-biz-handover-hall');
  await elder(true);
  await page().reload();
  await visible(`.choice--on[data-appointment="${appointmentId}"]`).waitFor();
  await shot('158-biz-handover-hall-elder');
  await elder(false);
  await page().reload();
  await visible(`.choice--on[data-appointment="${appointmentId}"]`).waitFor();
  await button('确认到大厅领取').click();
  await visible('[data-history="选择领取方式"]').waitFor();
  // Chosen: the appointment's time and hall, its ticket a tap away; the choice folded away.
  expect(await visible('[data-field="handoverWhen"]').innerText()).toContain('福田');
  await visible('[data-link="handoverTicket"]').waitFor();
  expect(await visible('.biz-detail__root').innerText()).not.toContain('确认到大厅领取');
  await shot('172-biz-handover-chosen');

  // The day of the appointment, 10 minutes before: the citizen shows the ticket.
  h.setNow(new Date(shanghaiInstant(date, `${hhmm.slice(0, 2)}:${hhmm.slice(2)}`).getTime() - 10 * 60_000));
  await open(`packages/booking/ticket/index?id=${appointmentId}`);
  await visible('.ticket__root[data-status="booked"] .ticket-qr').waitFor();
  const token = await decodeQrFrom(visible('.ticket-qr'));

  // Futian's window: the day's list already marks the appointment that brings the application.
  await actAs(FUTIAN);
  await open('packages/officer/day/index');
  const marked = visible(`.day__appointment[data-appointment="${appointmentId}"] .day__application[data-application="${app.id}"]`);
  await marked.waitFor();
  expect(await marked.innerText()).toContain(`随约办理：工作调动户口迁移 · 办件编号 ${formatReferenceNumber(app.refNumber)}`);
  await shot('176-biz-day-attached');
  // The check-in shows the attached application and the originals to check.
  await open('packages/officer/scan/index');
  await visible('[data-field="token"] textarea, textarea[data-field="token"]').first().fill(token);
  await button('签到').click();
  const attached = visible(`[data-attached-application="${app.id}"]`);
  await attached.waitFor();
  const attachedText = await attached.innerText();
  expect(attachedText).toContain('工作调动');
  expect(attachedText).toContain(formatReferenceNumber(app.refNumber));
  expect(attachedText).toContain('调动通知书（调令）');
  expect(containsUnmaskedIdOrPhone(await visibleText())).toEqual([]);
  await shot('173-biz-check-in-attached');
  // Its link opens the case, where the officer compares the originals with the photos.
  await button('打开申请，核对材料').click();
  await visible('.biz-case__root[data-state="readyForHandover"]').waitFor();
  // The same ticket again: checked in once.
  await open('packages/officer/scan/index');
  await visible('[data-field="token"] textarea, textarea[data-field="token"]').first().fill(token);
  await button('签到').click();
  await visible('[data-result="refused"][data-error-code="ALREADY_CHECKED_IN"]').waitFor();

  // The case: 延期准迁证's form, then 确认已领取.
  await open(`packages/business/case/index?id=${app.id}`);
  await visible('.biz-case__root[data-state="readyForHandover"]').waitFor();
  expect(await visible('[data-field="householdPlace"]').innerText()).toContain('海南省海口市龙华区');
  await shot('159-biz-case-handover');
  await elderShot('160-biz-case-handover-elder', '.biz-case__root');
  await button('延期准迁证').click();
  await visible('[data-field="validThrough"]').waitFor();
  await shot('161-biz-case-extend');
  await page().reload();
  await visible('.biz-case__root').waitFor();
  await button('确认已领取').click();
  await page().locator('.taro-modal__content:visible').waitFor();
  await page().locator('.taro-modal__foot:visible').getByText('确认领取').click();
  await visible('.biz-case__root[data-state="completed"]').waitFor();
  await shot('162-biz-case-completed');

  // The citizen sees it done, every step in the history.
  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('.biz-detail__root[data-state="completed"]').waitFor();
  expect(await visible('[data-field="handover"]').innerText()).toContain('已在大厅领取');
  for (const step of ['要求补正材料', '补正后重新提交', '迁出地办结迁出', '大厅领取']) await visible(`[data-history="${step}"]`).first().waitFor();
  await shot('175-biz-migration-completed');
  expect(journey.pageErrors).toEqual([]);
});

test('居住证申领 by mail: the address form, then 邮寄寄出 with the courier and the tracking number', async () => {
  const h = journey.harness;
  const b = businessFlow(h);
  let app = await b.ok(CITIZEN, 'apply', { kind: 'residencePermit', hallId: DESTINATION, details: { residenceRegisteredOn: '2025-06-01' }, requestId: requestId() });
  for (const m of app.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key);
  app = await b.ok(CITIZEN, 'submit', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(FUTIAN, 'businessCase', { applicationId: app.id });
  app = await b.ok(FUTIAN, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(FUTIAN, 'approve', { applicationId: app.id, expectedVersion: app.version });
  expect(app.state).toBe('readyForHandover');

  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('[data-handover="mail"]').click();
  await visible('[data-division="440000"]').click();
  await visible('[data-division="440300"]').click();
  await visible('[data-division="440304"]').click();
  const fill = (field: string, value: string) => visible(`[data-field="${field}"] input, input[data-field="${field}"]`).first().fill(value);
  await fill('detail', '福华路88号1栋101');
  await fill('recipient', '王建国');
  await fill('phone', '13800138000');
  await shot('164-biz-handover-mail-filled');
  await button('确认邮寄').click();
  await visible('[data-history="选择领取方式"]').waitFor();

  await actAs(FUTIAN);
  await open(`packages/business/case/index?id=${app.id}`);
  await visible('.biz-case__root[data-state="readyForHandover"]').waitFor();
  expect(await visible('.biz-case__root').innerText()).not.toContain('确认已领取');
  await button('邮寄寄出').click();
  await visible('[data-courier="ems"]').click();
  await visible('[data-field="trackingNumber"] input, input[data-field="trackingNumber"]').first().fill('EMS1234567890');
  await shot('165-biz-case-ship');
  await button('确认寄出').click();
  await page().locator('.taro-modal__content:visible').waitFor();
  expect(await page().locator('.taro-modal__content:visible').innerText()).toContain('EMS1234567890');
  await page().locator('.taro-modal__foot:visible').getByText('确认寄出').click();
  await visible('.biz-case__root[data-state="shipped"]').waitFor();
  expect(journey.pageErrors).toEqual([]);
});
