/**
 * The assisted channel (issue 18) in the H5 build against the local cloud: the 龙华 hall's officer
 * takes a call from 张桂兰, who has no WeChat account, identifies her by name and ID number, enters
 * the code texted to the number the registry holds for her, books a slot for her and closes the
 * session. Later 张桂兰 verifies in the mini-program and finds the booking on 我的预约.
 */
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(240_000);

const OFFICER = 'local-officer';
const ZHANG = { name: '张桂兰', idNumber: '460106195801302642', phone: '13700137004' };
/** Her WeChat, the first time she opens the mini-program. */
const ZHANG_WECHAT = 'zhang-guilan-wechat';

const journey = useJourney();

test('an officer books by phone for a citizen without WeChat; she verifies later and sees the booking', async () => {
  const h = journey.harness;
  const url = h.cloud.url;
  const page = journey.browser.page;
  const visible = (selector: string) => page.locator(`${selector}:visible`);
  const button = (text: string) => visible('taro-button-core').filter({ hasText: text }).first();
  const fill = (field: string, value: string) => visible(`[data-field="${field}"] input, input[data-field="${field}"]`).first().fill(value);
  const lastText = () => h.cloud.smsOutbox.filter((m) => m.to === ZHANG.phone).at(-1);

  // The officer, from 我的 → 窗口工作 → 代办预约.
  await actAs(page, url, OFFICER);
  await visible('[data-row="assisted"]').first().click();
  await visible('[data-reason="phone"]').first().click();
  await fill('name', ZHANG.name);
  await fill('idNumber', ZHANG.idNumber);
  await button('核验身份并发送验证码').click();
  await page.getByText('电话代办 · 短信发往 137****7004').first().waitFor();
  await journey.browser.shot('95-assisted-code-sent');
  await fill('code', lastText()!.code);
  await button('确认验证码').click();
  await visible('[data-business="id-card-renewal"]').first().click();
  await visible('.chip[data-date]').last().click();
  await visible('.chip[data-slot]:not(.chip--off)').first().click();
  await button('为群众预约').click();
  const booked = visible('[data-status="booked"]').first();
  await booked.waitFor();
  const ref = await booked.locator('[data-ref-number]').first().getAttribute('data-ref-number');
  expect(ref).toMatch(/^\d{8}$/);
  expect(lastText()!.text).toContain(ref!);
  const officerScreen = await visible('.taro_page').last().innerText();
  expect(containsUnmaskedIdOrPhone(officerScreen)).toEqual([]);
  await journey.browser.shot('96-assisted-booked');
  await visible('[data-action="close"]').first().click();
  await page.getByText('代办会话已结束。').first().waitFor();

  // 张桂兰 opens the mini-program for the first time and verifies herself.
  await actAs(page, url, ZHANG_WECHAT);
  await button('去实名认证').click();
  await visible('[data-consent="identity"]').first().click();
  await visible('[data-consent="face"]').first().click();
  await button('同意并开始认证').click();
  await fill('name', ZHANG.name);
  await fill('idNumber', ZHANG.idNumber);
  await fill('phone', ZHANG.phone);
  await button('获取短信验证码').click();
  await page.getByText('验证码已发送至 137****7004').first().waitFor();
  await fill('code', lastText()!.code);
  await button('下一步').click();
  await button('开始人脸核身').click();
  await page.getByText('模拟通过').filter({ visible: true }).click();
  await visible('[data-field="idNumber"]').filter({ hasText: '4601**********2642' }).first().waitFor();

  // The booking the officer made is hers.
  await page.goto(`${url}/#/packages/booking/mine/index`);
  await visible(`[data-ref-number="${ref}"]`).first().waitFor();
  await journey.browser.shot('97-assisted-seen-by-citizen');
  expect(journey.pageErrors).toEqual([]);
});

test('at the desk the officer applies for her ID-card reissue by mail, collecting the fee; she sees it in the mini-program', async () => {
  const h = journey.harness;
  const url = h.cloud.url;
  const page = journey.browser.page;
  const visible = (selector: string) => page.locator(`${selector}:visible`);
  const button = (text: string) => visible('taro-button-core').filter({ hasText: text }).first();
  const fill = (field: string, value: string) => visible(`[data-field="${field}"] input, input[data-field="${field}"]`).first().fill(value);
  const lastText = () => h.cloud.smsOutbox.filter((m) => m.to === ZHANG.phone).at(-1);

  await actAs(page, url, OFFICER);
  await visible('[data-row="assisted"]').first().click();
  await visible('[data-reason="desk"]').first().click();
  await fill('name', ZHANG.name);
  await fill('idNumber', ZHANG.idNumber);
  await button('核验身份并发送验证码').click();
  await page.getByText('窗口代办 · 短信发往 137****7004').first().waitFor();
  await fill('code', lastText()!.code);
  await button('确认验证码').click();
  await visible('[data-action="reissue"]').first().click();
  await visible('[data-reason="lost"]').first().click();
  for (const code of ['460000', '460100', '460108']) await visible(`[data-division="${code}"]`).first().click();
  await fill('detail', '海府路88号2栋301室');
  await fill('recipient', ZHANG.name);
  await fill('phone', ZHANG.phone);
  const total = (await visible('[data-field="feeTotal"]').first().innerText()).replace('合计 ¥', '');
  expect(total).toMatch(/^\d+\.\d{2}$/);
  await fill('receipt', 'HN2026-000888');
  await button(`已当面收取 ¥${total}，提交申请`).click();
  const ref = await visible('[data-ref-number]').first().getAttribute('data-ref-number');
  expect(ref).toMatch(/^\d{8}$/);
  expect(lastText()!.text).toContain(`办件编号${ref}`);
  expect(containsUnmaskedIdOrPhone(await visible('.taro_page').last().innerText())).toEqual([]);
  await journey.browser.shot('98-assisted-reissue');

  // 张桂兰 (verified in the journey before) finds it among her applications.
  await actAs(page, url, ZHANG_WECHAT);
  await page.goto(`${url}/#/packages/reissue/mine/index`);
  await visible('[data-application]').first().waitFor();
  expect(await visible('.taro_page').last().innerText()).toContain('已缴费，待审核');
  expect(journey.pageErrors).toEqual([]);
});
