import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { useJourney } from './support/journey';

jest.setTimeout(120_000);

const journey = useJourney();

/** Types into a Taro H5 Input (the native input inside taro-input-core). */
async function type(field: string, value: string): Promise<void> {
  const input = journey.browser.page.locator(`[data-field="${field}"]:visible input, input[data-field="${field}"]:visible`).first();
  await input.fill(value);
}

/** A visible button by its text (NutUI's inner text element does not take clicks). */
function button(text: string) {
  return journey.browser.page.locator('taro-button-core:visible', { hasText: text }).first();
}

async function visibleText(): Promise<string> {
  return journey.browser.page.locator('.taro_page:visible').last().innerText();
}

test('a new user consents, verifies with an SMS code and face check, and sees a masked profile', async () => {
  const { page } = journey.browser;
  const person = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912340000' };

  await page.goto(`${journey.harness.cloud.url}/#/pages/mine/index`);
  await page.getByText('未实名认证').filter({ visible: true }).first().waitFor();
  await journey.browser.shot('10-mine-unverified');
  await button('去实名认证').click();

  // Consent: two separate agreements, nothing collected before.
  await page.locator('[data-consent="identity"]:visible').waitFor();
  await journey.browser.shot('11-consent');
  const agree = button('同意并开始认证');
  await page.locator('[data-consent="identity"]:visible').click();
  await page.locator('[data-consent="face"]:visible').click();
  await agree.click();

  // Details.
  await page.locator('.verify__step--current', { hasText: '填写信息' }).filter({ visible: true }).waitFor();
  await journey.browser.shot('12-verify-details-empty');
  await type('name', person.name);
  await type('idNumber', '460108199012052865');
  await button('获取短信验证码').click();
  await page.getByText(/校验/).filter({ visible: true }).first().waitFor();
  await type('idNumber', person.idNumber);
  await type('phone', person.phone);
  await button('获取短信验证码').click();

  // SMS code from the local cloud's outbox (a real phone would receive it).
  await page.getByText('验证码已发送至 139****0000').filter({ visible: true }).waitFor();
  const code = journey.harness.cloud.smsOutbox.filter((m) => m.to === person.phone).at(-1)?.code;
  expect(code).toMatch(/^\d{6}$/);
  await type('code', code!);
  await journey.browser.shot('13-verify-code');
  await button('下一步').click();

  // Face verification (the local stand-in asks whether the face matches).
  await button('开始人脸核身').waitFor();
  await journey.browser.shot('14-verify-face');
  await button('开始人脸核身').click();
  await page.getByText('模拟通过').filter({ visible: true }).click();

  // The masked profile.
  await page.locator('[data-field="idNumber"]:visible', { hasText: '4601**********2864' }).waitFor();
  const profile = await visibleText();
  expect(profile).toContain('陈**');
  expect(profile).toContain('139****0000');
  expect(profile).toContain('海南省海口市美兰区');
  expect(containsUnmaskedIdOrPhone(profile)).toEqual([]);
  await journey.browser.shot('15-profile');

  // 我的 now shows the verified, masked identity.
  await page.goto(`${journey.harness.cloud.url}/#/pages/mine/index`);
  await page.locator('[data-verified="yes"]:visible').waitFor();
  expect(containsUnmaskedIdOrPhone(await visibleText())).toEqual([]);
  await journey.browser.shot('16-mine-verified');
  expect(journey.pageErrors).toEqual([]);
});
