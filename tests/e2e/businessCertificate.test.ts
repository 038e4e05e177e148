/**
 * A household-registration certificate online (issue 15) in the H5 build against the local cloud:
 * the citizen opens the guide, taps 在线申请, chooses the hall haikou-longhua and the 用途, uploads
 * a photo of the ID card (a JPEG drawn in the browser, 1200×900, through the file picker; the page
 * compresses it on a canvas and PUTs it to the signed upload) and submits; the hall's officer
 * (local-officer) opens the case, starts the review and asks for a clearer photo of the card; the
 * citizen sees the reason on the material, uploads again and resubmits; the officer approves; the
 * certificate shows its serial and QR code; the public verification page (an unverified visitor)
 * says 有效 for the serial; the officer revokes it (found under 已出具证明) and the page says 已撤销. Screenshots at phone size (and two in 长辈模式).
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { businessPages } from './support/businessPages';
import { decodeQrFrom } from './support/decodeQr';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(300_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
const journey = useJourney();

const page = () => journey.browser.page;
const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();
const visible = (selector: string) => page().locator(`${selector}:visible`);
const shot = (name: string) => journey.browser.shot(name);
const visibleText = () => page().locator('.taro_page:visible').last().innerText();
const actAs = (persona: string) => actAsPersona(page(), journey.harness.cloud.url, persona, shot);

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

const { fill, uploadPhoto, officerStep } = businessPages(page);

async function elder(on: boolean): Promise<void> {
  await page().evaluate((v) => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: v })), on);
}

test('户籍类证明: apply, upload, submit → correction → re-upload, resubmit → approved → the serial verifies 有效 → revoked: 已撤销', async () => {
  const h = journey.harness;
  h.setNow(new Date('2026-03-02T02:00:00Z'));

  // The guide of the business → 在线申请 → the catalogue opened at it.
  await actAs(CITIZEN);
  await open('pages/guide/index?id=household-certificate');
  await visible('[data-action="apply-online"]').click();
  const form = visible('[data-form="householdCertificate"]');
  await form.waitFor();
  expect(await form.innerText()).toContain('居民身份证');
  await visible(`[data-form="householdCertificate"] [data-hall="${HALL}"]`).click();
  await fill('purpose', '子女入学');
  await shot('130-biz-list-certificate');
  await button('开始申请').click();

  // The draft: the materials checklist; submit waits for the required photo.
  const draft = visible('.biz-detail__root[data-state="draft"]');
  await draft.waitFor();
  const id = new URL(page().url().replace('/#/', '/')).searchParams.get('id');
  expect(id).toBeTruthy();
  expect(await visible('[data-field="purpose"]').innerText()).toContain('子女入学');
  expect(await button('提交申请').count()).toBe(0);
  await uploadPhoto('m0', 'ID card', 1);
  // What arrived is a JPEG the function accepted; its photo shows through the temporary URL.
  expect(
    await visible('.material[data-material="m0"] .photo img')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThanOrEqual(600);
  await shot('131-biz-detail-draft-uploaded');
  await button('提交申请').click();
  await visible('.biz-detail__root[data-state="submitted"]').waitFor();
  // 户籍类证明 is issued on the spot (the guide promises no days): no review deadline to show.
  const submittedText = await visibleText();
  expect(containsUnmaskedIdOrPhone(submittedText)).toEqual([]);
  expect(submittedText).not.toContain('王建国');
  await shot('132-biz-detail-submitted');

  // 我的 → 我的户口业务 lists it.
  await actAs(CITIZEN);
  await visible('[data-row="businesses"]').click();
  await visible(`.app-row[data-application="${id}"][data-state="submitted"]`).waitFor();
  await shot('133-biz-mine');

  // The officer: 户口业务审核 → the queue → the case → start review → ask for a correction of the ID card.
  await actAs(OFFICER);
  await visible('[data-row="business-review"]').click();
  const row = visible(`.app-row[data-application="${id}"]`);
  await row.waitFor();
  expect(await row.innerText()).toContain('王**');
  await shot('134-biz-review-queue');
  await row.click();
  await visible('.biz-case__root[data-state="submitted"]').waitFor();
  expect(await visible('[data-field="idNumberMasked"]').innerText()).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  expect(await visible('[data-field="registryKnows"]').innerText()).toContain('户籍系统有此人记录');
  await visible('.material[data-material="m0"] .photo img').first().waitFor();
  await shot('135-biz-case-submitted');
  await officerStep('开始审核', 'underReview');
  await button('要求补正').click();
  await visible('[data-pick="m0"] .correction-pick__title').click();
  await fill('correction-m0', '照片反光看不清号码，请重新拍摄');
  await shot('136-biz-case-correction-form');
  await officerStep('发送补正要求', 'correctionRequested');

  // The citizen: the reason on the material; upload again, resubmit.
  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${id}`);
  await visible('.biz-detail__root[data-state="correctionRequested"]').waitFor();
  expect(await visible('.material[data-material="m0"] [data-field="correction"]').innerText()).toContain('照片反光看不清号码');
  await shot('137-biz-detail-correction');
  await uploadPhoto('m0', 'ID card again', 1);
  await button('补正后重新提交').click();
  await visible('.biz-detail__root[data-state="submitted"]').waitFor();

  // The officer approves (after a stale attempt: the page says 刚刚已有更新 and reloads).
  await actAs(OFFICER);
  await open(`packages/business/case/index?id=${id}`);
  await visible('.biz-case__root[data-state="submitted"]').waitFor();
  await officerStep('开始审核', 'underReview');
  const current = await h.call('business', { action: 'businessCase', data: { applicationId: id } }, OFFICER);
  // Another officer's step in between: this page's version is stale now.
  await h.call(
    'business',
    { action: 'requestCorrection', data: { applicationId: id, expectedVersion: current.body.data.version, items: [{ material: 'm1', reason: '请补充委托书' }] } },
    OFFICER,
  );
  await h.call('business', { action: 'businessCase', data: { applicationId: id } }, OFFICER);
  await button('审核通过').click();
  await page().locator('.taro-modal__foot:visible').getByText('确认通过').click();
  await visible('[data-error-code="APPLICATION_VERSION_CONFLICT"], [data-error-code="APPLICATION_STATE_CONFLICT"]').waitFor();
  expect(await visibleText()).toContain('刚刚已有更新');
  await visible('.biz-case__root[data-state="correctionRequested"]').waitFor();
  await shot('138-biz-case-conflict');

  // The citizen answers that correction too; then the officer approves.
  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${id}`);
  await visible('.biz-detail__root[data-state="correctionRequested"]').waitFor();
  await uploadPhoto('m1', 'power of attorney', 1);
  await button('补正后重新提交').click();
  await visible('.biz-detail__root[data-state="submitted"]').waitFor();
  await actAs(OFFICER);
  await open(`packages/business/case/index?id=${id}`);
  await visible('.biz-case__root[data-state="submitted"]').waitFor();
  expect(await visibleText()).toContain('已补正2次');
  await officerStep('开始审核', 'underReview');
  await officerStep('审核通过', 'issued', '确认通过');
  await shot('139-biz-case-issued');

  // The citizen's certificate: serial and QR code.
  await actAs(CITIZEN);
  await open(`packages/business/detail/index?id=${id}`);
  await visible('.biz-detail__root[data-state="issued"]').waitFor();
  const serial = (await visible('[data-field="serial"]').innerText()).trim();
  expect(serial).toMatch(/^HJ[0-9A-Z]{17}$/);
  // The QR code holds the verification page's web address: a phone camera opens it in a browser.
  const qrLink = await decodeQrFrom(visible('[data-field="certificate"] .ticket-qr'));
  expect(qrLink).toBe(`${journey.harness.cloud.url}/#/packages/business/verify/index?serial=${serial}`);
  expect(await visible('[data-field="statement"]').innerText()).toMatch(/兹证明王\*\*（公民身份号码\d{4}\*{10}\d{3}[\dX]）户籍登记在海南省海口市龙华区。\s*此证明用于子女入学。/);
  await shot('140-biz-detail-issued');
  await elder(true);
  await page().reload();
  await visible('.biz-detail__root[data-state="issued"]').waitFor();
  await shot('141-biz-detail-issued-elder');
  await elder(false);

  // Anyone (an unverified visitor) verifies the serial: 有效, masked.
  await actAs('local-visitor');
  await open('packages/business/verify/index');
  await fill('serial', serial.toLowerCase());
  await button('查询').click();
  const verdict = visible('.biz-verify__result[data-status="valid"]');
  await verdict.waitFor();
  expect(await visible('[data-field="verdict"]').innerText()).toContain('有效');
  expect(await visible('[data-field="holderName"]').innerText()).toBe('王**');
  const verifyText = await visibleText();
  expect(containsUnmaskedIdOrPhone(verifyText)).toEqual([]);
  expect(verifyText).not.toContain('王建国');
  await shot('142-biz-verify-valid');
  // The QR code's link, as a camera scan would open it, shows the page with the serial already checked.
  await page().goto('about:blank');
  await page().goto(qrLink);
  await visible('.biz-verify__result[data-status="valid"]').waitFor();
  await elder(true);
  await page().reload();
  await visible('.biz-verify__result[data-status="valid"]').waitFor();
  await shot('143-biz-verify-valid-elder');
  await elder(false);

  // The officer finds it under 已出具证明 and revokes it; the verification says 已撤销 at once.
  await actAs(OFFICER);
  await open('packages/business/review/index');
  await visible('[data-filter="issued"]').click();
  await visible(`.app-row[data-application="${id}"][data-state="issued"]`).click();
  await visible('.biz-case__root[data-state="issued"]').waitFor();
  await button('撤销证明').click();
  await fill('revokeReason', '证明内容有误');
  await button('确认撤销').click();
  await page().locator('.taro-modal__foot:visible').getByText('确认撤销').click();
  await visible('.biz-case__root[data-state="revoked"]').waitFor();
  await shot('144-biz-case-revoked');
  await actAs('local-visitor');
  await open(`packages/business/verify/index?serial=${serial}`);
  await visible('.biz-verify__result[data-status="revoked"]').waitFor();
  expect(await visible('[data-field="verdict"]').innerText()).toContain('已撤销');
  await shot('145-biz-verify-revoked');

  expect(journey.pageErrors).toEqual([]);
});
