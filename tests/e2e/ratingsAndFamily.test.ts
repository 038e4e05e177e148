/**
 * Issue 12 in the browser, at phone size (390×844): a citizen rates a served appointment (好差评)
 * and the hall's officer sees the poor rating with its reasons; the family list tells members
 * apart (王*明 · 子女 · 2024年生); a refused SMS code shows its error at the button, inside the
 * viewport.
 */
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(240_000);

const journey = useJourney();
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';

const visible = (selector: string) => journey.browser.page.locator(`${selector}:visible`);
const button = (text: string) => journey.browser.page.locator('taro-button-core:visible', { hasText: text }).first();
const actAs = (persona: string) => actAsPersona(journey.browser.page, journey.harness.cloud.url, persona, (name) => journey.browser.shot(name));
async function open(route: string): Promise<void> {
  await journey.browser.page.goto('about:blank');
  await journey.browser.page.goto(`${journey.harness.cloud.url}/#/${route}`);
}
async function visibleText(): Promise<string> {
  return journey.browser.page.locator('.taro_page:visible').last().innerText();
}

/** The element's box lies wholly inside the (phone-size) viewport. */
async function expectInViewport(selector: string): Promise<void> {
  const { page } = journey.browser;
  const el = visible(selector).first();
  // The page scrolls it into view after rendering (smooth): wait until it is there.
  await page.waitForFunction(
    (sel) => {
      const e = Array.from(document.querySelectorAll<HTMLElement>(sel)).find((x) => x.offsetParent !== null);
      if (!e) return false;
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth && r.height > 0;
    },
    selector,
    { timeout: 30_000 },
  );
  const box = await el.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

test('the family list and the booking picker tell members apart: first and last character, relation, year of birth', async () => {
  const { harness } = journey;
  for (const member of [
    { name: '王小明', idNumber: '460106202407201539', relation: 'child' },
    { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' },
  ]) {
    expect((await harness.call('identity', { action: 'addFamilyMember', data: member }, CITIZEN)).body.ok).toBe(true);
  }
  await actAs(CITIZEN);
  await open('packages/identity/family/index');
  await visible('.family__member').first().waitFor();
  const names = await visible('.family__name').allInnerTexts();
  expect(names).toEqual(expect.arrayContaining(['王*明 · 子女 · 2024年生', '张*兰 · 父母 · 1958年生']));
  expect(new Set(names).size).toBe(names.length);
  await journey.browser.shot('120-family-distinct');

  await open(`packages/booking/book/index?business=${BUSINESS}`);
  await visible(`[data-hall="${HALL}"]`).click();
  await visible('.chip[data-who]').first().waitFor();
  const chips = await visible('.chip[data-who]').allInnerTexts();
  expect(chips.join('|')).toContain('王*明 · 子女 · 2024年生');
  await journey.browser.shot('121-booking-for-whom');
});

test('a refused SMS code shows its error at the button, inside the viewport', async () => {
  const { page, shot } = journey.browser;
  const person = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13912340001' };
  await actAs('local-visitor');
  await open('packages/identity/consent/index');
  await page.locator('[data-consent="identity"]:visible').click();
  await page.locator('[data-consent="face"]:visible').click();
  await button('同意并开始认证').click();
  await page.locator('.verify__step--current', { hasText: '填写信息' }).filter({ visible: true }).waitFor();
  for (const [field, value] of Object.entries(person)) await page.locator(`[data-field="${field}"]:visible input, input[data-field="${field}"]:visible`).first().fill(value);
  await button('获取短信验证码').click();
  await page.getByText('验证码已发送至 139****0001').filter({ visible: true }).waitFor();
  const sent = journey.harness.cloud.smsOutbox.filter((m) => m.to === person.phone).at(-1)?.code;
  const wrong = sent === '000000' ? '111111' : '000000';
  await page.locator('[data-field="code"]:visible input, input[data-field="code"]:visible').first().fill(wrong);
  await button('下一步').click();

  // The answer sits with the button that was tapped, not at the page top.
  await visible('.form-actions #verify-code-error[data-error-code="OTP_INCORRECT"]').waitFor();
  await expectInViewport('#verify-code-error');
  expect(await visible('#verify-code-error').innerText()).toContain('验证码不正确');
  await shot('122-verify-code-refused');
});

/** A future (Shanghai) day on which the hall offers the business, and its first slot. */
async function nextBookableDay(): Promise<{ date: string; slotId: string; start: string }> {
  const { harness } = journey;
  const today = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    harness.setNow(shanghaiInstant(date, '05:00'));
    const res = await harness.call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } }, CITIZEN);
    const first = res.body.data.slots[0];
    if (first) return { date, slotId: first.slotId, start: first.start };
  }
  throw new Error(`${HALL} takes no bookings of ${BUSINESS} in the next 14 days`);
}

test('a citizen rates a served appointment (不满意, with reasons); the hall’s officer sees it', async () => {
  const { harness, browser } = journey;
  const day = await nextBookableDay();
  const reserved = await harness.call('booking', { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: day.slotId }, requestId: 'e2e-rate-0001' }, CITIZEN);
  expect(reserved.body.ok).toBe(true);
  const id = reserved.body.data.id as string;
  harness.setNow(new Date(shanghaiInstant(day.date, day.start).getTime() - 10 * 60_000));
  const ticket = await harness.call('booking', { action: 'ticket', data: { appointmentId: id } }, CITIZEN);
  expect((await harness.call('booking', { action: 'checkIn', data: { token: ticket.body.data.token } }, OFFICER)).body.ok).toBe(true);

  await actAs(CITIZEN);
  await open('packages/booking/mine/index');
  await visible(`[data-appointment="${id}"] [data-rate]`).click();
  await visible(`[data-rating-sheet="${id}"] [data-level="dissatisfied"]`).click();
  await visible(`[data-rating-sheet="${id}"] [data-reason="tooSlow"]`).click();
  await visible(`[data-rating-sheet="${id}"] [data-reason="attitude"]`).click();
  await browser.page.locator(`[data-rating-sheet="${id}"] textarea:visible`).first().fill('取号后等了很久');
  await browser.shot('123-rating-sheet');
  await visible(`[data-rating-sheet="${id}"] taro-button-core`).filter({ hasText: '提交评价' }).click();
  await visible(`[data-appointment="${id}"] [data-rated="dissatisfied"]`).waitFor();
  await browser.shot('124-rated');

  await actAs(OFFICER);
  await open('packages/officer/ratings/index');
  await visible(`[data-poor="${id}"]`).waitFor();
  const text = await visibleText();
  expect(text).toContain('等候或办理时间过长');
  expect(text).toContain('取号后等了很久');
  expect(text).toContain('满意率');
  expect(text).not.toContain('王建国');
  await browser.shot('125-hall-ratings');
  harness.setNow(undefined);
  expect(journey.pageErrors).toEqual([]);
});
