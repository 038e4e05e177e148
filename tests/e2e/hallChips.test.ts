/**
 * The one hall chooser (src/components/HallChips.tsx) in the H5 build: an officer of two halls sees
 * it on 今日预约, 本厅好差评, 户口业务审核 and 迁出办理, the same chips everywhere, each a 44×44 tap
 * target, and choosing the other hall marks it (and the move-out queue follows it).
 */
import { inviteOfficer } from '../support/verifiedOfficer';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(180_000);

const OFFICER = 'e2e-two-hall-officer';
const HALLS = ['haikou-longhua', 'shenzhen-futian'];
const journey = useJourney();

const page = () => journey.browser.page;

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

test('an officer of two halls chooses the hall with the same 44×44 chips on every officer queue', async () => {
  await inviteOfficer(journey.harness, OFFICER, HALLS);
  await actAs(page(), journey.harness.cloud.url, OFFICER, (name) => journey.browser.shot(name));
  for (const route of ['packages/officer/day/index', 'packages/officer/ratings/index', 'packages/business/review/index', 'packages/business/moveout/index']) {
    const chips = page().locator('.hall-chips:visible .chip[data-hall]');
    await open(route);
    await chips
      .nth(1)
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        throw new Error(`${route}: no hall chips (${await journey.browser.shot('hall-chips-missing')})`, { cause: e });
      });
    expect((await chips.evaluateAll((els) => els.map((el) => el.getAttribute('data-hall')))).sort()).toEqual([...HALLS].sort());
    for (const box of await chips.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })))) {
      expect(box.height).toBeGreaterThanOrEqual(44 - 0.5);
      expect(box.width).toBeGreaterThanOrEqual(44 - 0.5);
    }
    const other = page().locator('.hall-chips:visible .chip:not(.chip--on)[data-hall]').first();
    const hall = (await other.getAttribute('data-hall'))!;
    await other.click();
    await page().locator(`.hall-chips:visible .chip--on[data-hall="${hall}"]`).waitFor();
    expect(await page().locator('.hall-chips:visible .chip--on').count()).toBe(1);
    if (route === 'packages/business/moveout/index') await page().locator(`.biz-moveout__root[data-hall="${hall}"]:visible`).waitFor();
    await journey.browser.shot(`hall-chips-${route.split('/')[2]}`);
  }
  expect(journey.pageErrors).toEqual([]);
});
