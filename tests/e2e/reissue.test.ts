/**
 * The online ID-card reissue in the H5 build against the local cloud: a verified citizen reports
 * the card lost, applies with a delivery address and pays in the local payment stand-in; the
 * officer of the application's hall reviews, approves, produces and ships it with a tracking
 * number; the citizen sees the courier and the number; the courier stand-in delivers, the
 * pollShipments timer records it, and the citizen sees 已签收.
 *
 * 王建国's card (issued 2021-06-10) may only be reissued online under Haikou's 5-year photo rule
 * until 2026-06-10: the functions' clock is set to Monday 2026-03-02 09:00 in Shanghai.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(240_000);

const CITIZEN = 'local-citizen';
const TRACKING = 'EMS2026030200CN';
const journey = useJourney();

const page = () => journey.browser.page;
const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();
const visible = (selector: string) => page().locator(`${selector}:visible`);
const shot = (name: string) => journey.browser.shot(name);
const visibleText = () => page().locator('.taro_page:visible').last().innerText();

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

const actAs = (persona: string) => actAsPersona(page(), journey.harness.cloud.url, persona, shot);

async function fill(field: string, value: string): Promise<void> {
  await visible(`[data-field="${field}"] input, input[data-field="${field}"]`).first().fill(value);
}

/** The officer of the hall: local-officer at haikou-longhua, or one bound by an admin invitation. */
async function officerOf(hallId: string): Promise<string> {
  if (hallId === 'haikou-longhua') return 'local-officer';
  const openid = `e2e-reissue-officer-${hallId}`;
  await inviteOfficer(journey.harness, openid, [hallId]);
  return openid;
}

/** Clicks an officer's button; a decision (通过, 确认发货) asks first: confirmed in the dialog. */
async function officerStep(label: string, state: string, confirm?: string): Promise<void> {
  await button(label).click();
  if (confirm) {
    await page().locator('.taro-modal__content:visible').waitFor();
    await page().locator('.taro-modal__foot:visible').getByText(confirm).click();
  }
  await visible(`.reissue-review-detail__root[data-state="${state}"]`).waitFor();
}

test('apply by mail and pay → officer reviews, approves, produces, ships → tracking number → delivered', async () => {
  const h = journey.harness;
  h.setNow(new Date('2026-03-02T01:00:00Z'));

  // Home → 身份证补换领 (no longer "即将开通").
  await actAs(CITIZEN);
  await visible('[data-row="reissues"]').waitFor();
  await open('pages/index/index');
  const entry = visible('[data-entry="reissue"]');
  await entry.waitFor();
  expect(await entry.innerText()).not.toContain('即将开通');
  await entry.click();

  // Eligible: masked card data, the loss report, photo reuse, the address, the fee.
  await visible('[data-field="subjectName"]').waitFor();
  expect(await visible('.chip--on[data-who="self"]').innerText()).toContain('王**');
  expect(await visible('.choice--on[data-reason="lost"]').count()).toBe(1);
  await shot('60-reissue-apply-eligible');
  await button('确认挂失').click();
  const modal = page().locator('.taro-modal__content:visible');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('立即作废');
  await page().locator('.taro-modal__foot:visible').getByText('确认挂失').click();
  await visible('[data-loss="reported"]').waitFor();
  await visible('[data-field="photoReuse"]').click();

  await visible('[data-division="460000"]').click();
  await visible('[data-division="460100"]').click();
  await visible('[data-division="460108"]').click();
  await visible('[data-field="division"]').waitFor();
  expect(await visible('[data-field="division"]').innerText()).toContain('海南省 海口市 美兰区');
  await fill('detail', '海府路88号2栋301室');
  await fill('recipient', '王建国');
  await fill('phone', '13800138000');
  await visible('[data-field="feeTotal"]').waitFor();
  expect(await visible('[data-field="feeTotal"]').innerText()).toContain('55.00');
  await shot('61-reissue-apply-filled');
  await button('下一步').click();

  // Confirm → apply → the payment stand-in → success → tracking.
  await visible('[data-field="address"]').waitFor();
  const confirmText = await visibleText();
  expect(confirmText).toContain('海南省海口市美兰区海府路88号2栋301室');
  expect(confirmText).toContain('138****8000');
  expect(containsUnmaskedIdOrPhone(confirmText)).toEqual([]);
  await shot('62-reissue-apply-confirm');
  await button('提交申请并缴费').click();
  await visible('[data-pay-standin]').waitFor();
  await shot('63-reissue-pay-standin');
  await button('模拟支付成功').click();

  const tracked = visible('.reissue-track__root[data-state="paid"]');
  await tracked.waitFor();
  expect(await visible('[data-field="paymentStatus"]').innerText()).toContain('已缴费');
  expect(await visible('[data-field="stateName"]').innerText()).toContain('待审核');
  const trackText = await visibleText();
  expect(trackText).toContain('缴费成功');
  expect(trackText).toMatch(/承诺办结/);
  expect(containsUnmaskedIdOrPhone(trackText)).toEqual([]);
  await shot('64-reissue-track-paid');
  const id = new URL(page().url().replace('/#/', '/')).searchParams.get('id');
  expect(id).toBeTruthy();

  // The application's hall and its officer.
  const seen = await h.call('reissue', { action: 'application', data: { applicationId: id } }, CITIZEN);
  expect(seen.body.ok).toBe(true);
  const officer = await officerOf(seen.body.data.hallId);

  // Officer: 补领审核 → the queue → the application → review, approve, produce, ship.
  await actAs(officer);
  await visible('[data-row="reissue-review"]').click();
  const row = visible(`.app-row[data-application="${id}"]`);
  await row.waitFor();
  expect(await row.innerText()).toContain('王**');
  await shot('65-reissue-review-queue');
  await row.click();
  await visible('.reissue-review-detail__root[data-state="paid"]').waitFor();
  await shot('66-reissue-review-detail');
  await officerStep('开始审核', 'underReview');
  await officerStep('通过', 'approved', '确认通过');
  await officerStep('开始制证', 'inProduction');
  await button('发货').click();
  await visible('[data-courier="ems"]').click();
  await fill('trackingNumber', TRACKING);
  await shot('67-reissue-review-ship');
  await officerStep('确认发货', 'shipped', '确认寄出');
  await shot('68-reissue-review-shipped');

  // The citizen sees the courier and the tracking number.
  await actAs(CITIZEN);
  await visible('[data-row="reissues"]').click();
  await visible(`.app-row[data-application="${id}"][data-state="shipped"]`).waitFor();
  await shot('69-reissue-mine');
  await visible(`.app-row[data-application="${id}"]`).click();
  await visible('.reissue-track__root[data-state="shipped"]').waitFor();
  expect(await visible('[data-field="trackingNumber"]').innerText()).toContain(TRACKING);
  expect(await visible('[data-field="courier"]').innerText()).toContain('EMS');
  await shot('70-reissue-track-shipped');

  // The courier stand-in delivers; the timer records it; the citizen sees 已签收.
  const advanced = await fetch(`${h.cloud.url}/local/courier/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trackingNumber: TRACKING, to: 'delivered' }),
  });
  expect(advanced.status).toBe(200);
  const polled = { body: await h.timer('reissue', 'pollShipments') };
  expect(polled.body.data).toMatchObject({ delivered: 1 });
  await open(`packages/reissue/track/index?id=${id}`);
  await visible('.reissue-track__root[data-state="delivered"]').waitFor();
  expect(await visible('[data-field="stateName"]').innerText()).toContain('已签收');
  expect(await visibleText()).toContain('快件签收');
  await shot('71-reissue-track-delivered');

  expect(journey.pageErrors).toEqual([]);
});
