import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(120_000);

const journey = useJourney();

const button = (text: string) => journey.browser.page.locator('taro-button-core:visible', { hasText: text }).first();

const actAs = (persona: string) => actAsPersona(journey.browser.page, journey.harness.cloud.url, persona, (name) => journey.browser.shot(name));

test('an admin issues an invitation for a hall; a user binds it once and becomes that hall’s officer', async () => {
  const { page } = journey.browser;
  await actAs('local-admin');
  await page.getByText('发放民警邀请码 · 审计日志').filter({ visible: true }).click();
  await page.locator('[data-hall="haikou-longhua"]:visible').click();
  await button('生成邀请码').click();
  const codeElement = page.locator('[data-invitation-code]:visible');
  await codeElement.waitFor();
  const code = (await codeElement.getAttribute('data-invitation-code'))!;
  expect(code).toMatch(/^[A-Z2-9]{12}$/);
  await journey.browser.shot('20-admin-invitation');
  // The log names the act and the hall in Chinese, not by code and id.
  await page.locator('[data-row="audit-log"]:visible').click();
  await page.locator('.audit__entry[data-audit-action="officer.invite"]:visible', { hasText: '发放民警邀请码' }).first().waitFor();
  await page.locator('.audit__entry[data-audit-action="officer.invite"]:visible', { hasText: '龙华分局户政服务大厅' }).first().waitFor();

  await actAs('local-visitor');
  await page.locator('[data-row="officer-invitation"]:visible').click();
  const input = page.locator('.mine:visible input').first();
  await input.fill(code);
  await button('绑定民警身份').click();
  await page
    .getByText(/窗口民警/)
    .filter({ visible: true })
    .first()
    .waitFor();
  // The hall is named, not shown as an id.
  await page.locator('.mine__hall:visible', { hasText: '龙华分局户政服务大厅' }).waitFor();
  // Not verified themselves, the new officer is told to verify before acting (issue 13).
  await page.locator('[data-need="officer-verification"]:visible').waitFor();
  await journey.browser.shot('21-officer-bound');

  // The same code again, for another account: refused with the catalogue message.
  const again = await journey.harness.call('identity', { action: 'acceptOfficerInvitation', data: { code } }, 'e2e-someone-else');
  expect(again.body.error.code).toBe('INVITATION_INVALID');
  expect(journey.pageErrors).toEqual([]);
});
