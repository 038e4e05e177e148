/**
 * Issue 12: a failed face check is retried within the same verification (no new SMS code), each
 * failure counted towards the day's lock; when no tries remain the page says so and leads back to
 * the start. Driven through the local face stand-in (its modal: 模拟通过 / 模拟失败).
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { useJourney } from './support/journey';

jest.setTimeout(240_000);

const journey = useJourney();
const person = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912340000' };

async function type(field: string, value: string): Promise<void> {
  await journey.browser.page.locator(`[data-field="${field}"]:visible input, input[data-field="${field}"]:visible`).first().fill(value);
}

function button(text: string) {
  return journey.browser.page.locator('taro-button-core:visible', { hasText: text }).first();
}

/** The failure notice shown at the face step's button. */
function faceNotice(outcome: 'retry' | 'ended') {
  return journey.browser.page.locator(`[data-face-outcome="${outcome}"]:visible`).first();
}

/** The current step of the step bar. */
async function currentStep(): Promise<string> {
  return journey.browser.page.locator('.verify__step--current:visible').first().innerText();
}

/** Plays the face check in the local stand-in's modal. */
async function face(start: string, outcome: '模拟通过' | '模拟失败'): Promise<void> {
  await button(start).click();
  await journey.browser.page.getByText(outcome).filter({ visible: true }).click();
}

/** The newest SMS code texted to the person; waits until the count grows past `before`. */
async function newCode(before: number): Promise<string> {
  const { page } = journey.browser;
  await page.getByText('验证码已发送至 139****0000').filter({ visible: true }).waitFor();
  const texts = journey.harness.cloud.smsOutbox.filter((m) => m.to === person.phone);
  expect(texts.length).toBe(before + 1);
  return texts.at(-1)!.code;
}

async function upToFace(): Promise<void> {
  const before = journey.harness.cloud.smsOutbox.filter((m) => m.to === person.phone).length;
  await button('获取短信验证码').click();
  await type('code', await newCode(before));
  await button('下一步').click();
  await button('开始人脸核身').waitFor();
}

const texted = () => journey.harness.cloud.smsOutbox.filter((m) => m.to === person.phone).length;

test('a failed face check is retried in the same verification; when no tries remain the person starts over, then verifies', async () => {
  const { page } = journey.browser;
  await page.goto(`${journey.harness.cloud.url}/#/pages/mine/index`);
  await page.getByText('未实名认证').filter({ visible: true }).first().waitFor();
  await button('去实名认证').click();
  await page.locator('[data-consent="identity"]:visible').click();
  await page.locator('[data-consent="face"]:visible').click();
  await button('同意并开始认证').click();
  await page.locator('.verify__step--current', { hasText: '填写信息' }).filter({ visible: true }).waitFor();
  await type('name', person.name);
  await type('idNumber', person.idNumber);
  await type('phone', person.phone);
  await upToFace();
  const textsInFirst = texted();

  // First failure: tries remain, the page stays at the face step and offers 重新刷脸.
  await face('开始人脸核身', '模拟失败');
  await faceNotice('retry').waitFor();
  expect(await faceNotice('retry').innerText()).toContain('本次认证还可重试2次');
  expect(await currentStep()).toContain('人脸核身');
  await journey.browser.shot('60-face-failed-retry');

  // Second and third failure: the third ends the verification.
  await face('重新刷脸', '模拟失败');
  await page.getByText('本次认证还可重试1次').filter({ visible: true }).waitFor();
  await face('重新刷脸', '模拟失败');
  await faceNotice('ended').waitFor();
  expect(await faceNotice('ended').innerText()).toContain('刷脸次数已用完');
  expect(await button('重新刷脸').count()).toBe(0);
  expect(texted()).toBe(textsInFirst);
  await journey.browser.shot('61-face-no-tries-left');

  // Back to the start, the details kept; a new verification with a new code.
  await button('重新开始认证').click();
  await page.locator('.verify__step--current', { hasText: '填写信息' }).filter({ visible: true }).waitFor();
  await journey.browser.shot('62-start-over-details');
  await upToFace();
  const textsInSecond = texted();

  // Fail once, retry in the same verification (no new text), pass.
  await face('开始人脸核身', '模拟失败');
  await faceNotice('retry').waitFor();
  // Two tries of this verification remain, but one failure before today's lock (3 + 1 of 5).
  expect(await faceNotice('retry').innerText()).toContain('本次认证还可重试1次');
  await journey.browser.shot('63-face-failed-retry-again');
  await face('重新刷脸', '模拟通过');
  await page.locator('[data-field="idNumber"]:visible', { hasText: '4601**********2864' }).waitFor();
  expect(texted()).toBe(textsInSecond);
  const profile = await page.locator('.taro_page:visible').last().innerText();
  expect(profile).toContain('陈**');
  expect(containsUnmaskedIdOrPhone(profile)).toEqual([]);
  await journey.browser.shot('64-verified-after-retry');
  expect(journey.pageErrors).toEqual([]);
});
