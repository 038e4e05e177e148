import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

/**
 * Issue 13 in the browser: an officer finds their own openid on 我的; an admin opens the officer
 * list, sees who is not verified, and revokes one hall after a confirmation naming person and hall.
 */
jest.setTimeout(180_000);

const journey = useJourney();
const OFFICER = 'e2e-officers-new';

const actAs = (persona: string) => actAsPersona(journey.browser.page, journey.harness.cloud.url, persona, (name) => journey.browser.shot(name));

test('an officer sees their own openid on 我的', async () => {
  const { page } = journey.browser;
  await actAs('local-officer');
  await page.locator('[data-openid="local-officer"]:visible', { hasText: 'local-officer' }).waitFor();
  await page.getByText('我的用户标识 (openid)').filter({ visible: true }).first().waitFor();
  await journey.browser.shot('60-mine-openid');
});

test('an admin opens the officer list and revokes one hall of an unverified officer', async () => {
  const h = journey.harness;
  const invite = await h.call('identity', { action: 'createOfficerInvitation', data: { halls: ['haikou-longhua', 'haikou-meilan'], validDays: 1 } }, 'local-admin');
  expect((await h.call('identity', { action: 'acceptOfficerInvitation', data: { code: invite.body.data.code } }, OFFICER)).body.ok).toBe(true);

  const { page } = journey.browser;
  await actAs('local-admin');
  await page.locator('[data-row="officers"]:visible').click();
  const person = page.locator(`[data-officer="${OFFICER}"]:visible`);
  await person.waitFor();
  expect(await person.getAttribute('data-verified')).toBe('no');
  await page.locator('[data-officer="local-officer"][data-verified="yes"]:visible').waitFor();
  await journey.browser.shot('61-officers');

  await person.locator('[data-officer-hall="haikou-meilan"] .officers__revoke').click();
  const modal = page.locator('.taro-modal__content:visible');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('美兰');
  await page.locator('.taro-modal__foot:visible').getByText('撤销').click();
  await page.locator('[data-outcome="done"]:visible', { hasText: '已撤销' }).waitFor();
  await person.locator('[data-officer-hall="haikou-meilan"]').waitFor({ state: 'detached' });
  await person.locator('[data-officer-hall="haikou-longhua"]').waitFor();
  const status = await h.call('identity', { action: 'status', data: {} }, OFFICER);
  expect(status.body.data).toMatchObject({ role: 'officer', halls: ['haikou-longhua'] });

  // The officer, not verified, is told on the officer pages to verify first, with the way there.
  await actAs(OFFICER);
  await page.locator('[data-need="officer-verification"]:visible').waitFor();
  await page.goto(`${h.cloud.url}/#/packages/officer/day/index`);
  await page.locator('[data-need="verification"]:visible', { hasText: '本人实名认证' }).waitFor();
  await journey.browser.shot('62-officer-verify-first');
  expect(journey.pageErrors).toEqual([]);
});
