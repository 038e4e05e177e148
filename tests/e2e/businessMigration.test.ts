/**
 * A cross-province migration online (issue 15) in the H5 build against the local cloud: 王建国
 * (local-citizen, registered in 海口龙华 460106) applies at shenzhen-futian for a job transfer and
 * submits in the browser; a Futian officer (bound by an invitation in the test) approves; the
 * detail shows the permit and the move-out deadline; the origin's officer (local-officer,
 * haikou-longhua) sees it in 迁出办理 (the move-out itself is done through the function: the queue
 * rows carry no version yet); the citizen chooses the handover (the hall with a booked appointment,
 * after looking at the mail form and the booking page it links to, the hall chosen); the Futian officer sees 确认已领取, 延期准迁证 with its form, and
 * hands it over. Screenshots at phone size, some in 长辈模式.
 */
import { bookingFlow, requestId } from '../integration/support/bookingFlow';
import { businessFlow } from '../integration/support/businessFlow';
import { inviteOfficer } from '../support/verifiedOfficer';
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

test('工作调动户口迁移: submit, permit and move-out, 迁出办理, the handover at the hall, the officer hands it over', async () => {
  const h = journey.harness;
  h.setNow(new Date('2026-03-02T02:00:00Z'));
  const b = businessFlow(h);
  await inviteOfficer(h, FUTIAN, [DESTINATION]);

  let app = await b.ok(CITIZEN, 'apply', { kind: 'migrationJobTransfer', hallId: DESTINATION, requestId: requestId() });
  for (const m of app.materials.filter((x: { required: boolean }) => x.required)) app = await b.attach(CITIZEN, app, m.key);

  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('.biz-detail__root[data-state="draft"]').waitFor();
  await button('提交申请').click();
  await visible('.biz-detail__root[data-state="submitted"]').waitFor();
  await visible('[data-history="提交申请"]').waitFor();
  await shot('150-biz-migration-submitted');

  app = await b.ok(FUTIAN, 'businessCase', { applicationId: app.id });
  app = await b.ok(FUTIAN, 'startReview', { applicationId: app.id, expectedVersion: app.version });
  app = await b.ok(FUTIAN, 'approve', { applicationId: app.id, expectedVersion: app.version });
  await page().reload();
  await visible('.biz-detail__root[data-state="permitIssued"]').waitFor();
  expect((await visible('[data-field="permitNumber"]').innerText()).trim()).toContain(app.permit.number);
  expect(await visible('[data-field="moveOut"]').innerText()).toContain(`迁出地派出所将于${app.moveOut.dueAt}（含当日）前办结迁出`);
  await shot('151-biz-migration-permit');
  await elderShot('152-biz-migration-permit-elder', '.biz-detail__root[data-state="permitIssued"]');

  // The origin's station: 我的 → 迁出办理.
  await actAs(ORIGIN_OFFICER);
  await visible('[data-row="business-moveout"]').click();
  await visible(`.moveout-row[data-application="${app.id}"]`).waitFor();
  expect(await visible(`.moveout-row[data-application="${app.id}"]`).innerText()).toContain(app.permit.number);
  await shot('153-biz-moveout-queue');
  await elderShot('154-biz-moveout-queue-elder', '.moveout-row');
  app = await b.ok(ORIGIN_OFFICER, 'completeMoveOut', { applicationId: app.id, expectedVersion: app.version, hallId: 'haikou-longhua' });

  // The citizen: no appointment yet → the mail form → an appointment booked → the hall.
  const booking = bookingFlow(h);
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
  // 预约到大厅领取: the booking page for this business with the handling hall chosen (the citizen's own city would come first).
  await visible('[data-link="bookHandover"]').click();
  await visible(`.choice--on[data-hall="${DESTINATION}"]`).waitFor();
  expect(page().url()).toContain(`business=${BUSINESS}&hall=${DESTINATION}`);
  await shot('163-biz-handover-book');
  const dates: string[] = (await booking.ok(undefined, 'bookingOptions', { business: BUSINESS })).dates;
  let appointmentId = '';
  for (const date of dates.filter((d) => d > '2026-03-02')) {
    const slot = (await booking.ok(undefined, 'availability', { hallId: DESTINATION, business: BUSINESS, date })).slots.find((x: { remaining: number }) => x.remaining > 0);
    if (!slot) continue;
    const reserved = await booking.reserve(CITIZEN, DESTINATION, BUSINESS, slot.slotId);
    if (!reserved.ok) throw new Error(JSON.stringify(reserved.error));
    appointmentId = reserved.data.id;
    break;
  }
  await open(`packages/business/detail/index?id=${app.id}`);
  await visible('[data-handover="hall"]').click();
  await visible(`[data-appointment="${appointmentId}"]`).click();
  await shot('157-biz-handover-hall');
  await elder(true);
  await page().reload();
  await visible('[data-handover="hall"]').click();
  await visible(`[data-appointment="${appointmentId}"]`).click();
  await shot('158-biz-handover-hall-elder');
  await elder(false);
  await page().reload();
  await visible('[data-handover="hall"]').click();
  await visible(`[data-appointment="${appointmentId}"]`).click();
  await button('确认到大厅领取').click();
  await visible('[data-history="选择领取方式"]').waitFor();

  // The destination's officer: 延期准迁证's form, then 确认已领取.
  await actAs(FUTIAN);
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
