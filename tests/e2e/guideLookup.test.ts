import { waitUntil } from './support/browser';
import { useJourney } from './support/journey';

jest.setTimeout(90_000);

const journey = useJourney();

test('a citizen searches 迁移, opens a cross-province guide, reads its materials and a hall’s hours', async () => {
  const { page } = journey.browser;
  await page.goto(`${journey.harness.cloud.url}/`);
  await page.locator('.home__title', { hasText: '户政服务' }).waitFor();
  await page.getByText('跨省通办').first().waitFor();
  // The cross-province list on the home page comes from the guide function.
  await page.locator('[data-guide-id]').first().waitFor();
  await journey.browser.shot('01-home');

  await page.getByText('搜索事项，如：迁户口、补办身份证').click();
  const input = page.locator('.guides__search input:visible');
  await input.waitFor();
  // Coming from the home search bar, the search box is ready to type in.
  expect(await waitUntil(() => input.evaluate((el) => el === document.activeElement), Boolean)).toBe(true);
  await input.fill('迁移');
  await page.getByText('搜索', { exact: true }).click();
  await page.getByText(/“迁移” 找到 \d+ 项/).waitFor();
  // Taro's H5 router keeps earlier pages in the DOM, hidden: look only at what is shown.
  const results = page.locator('.guide-list__item:visible');
  await results.first().waitFor();
  const titles = await results.locator('.guide-list__title').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(5);
  expect(titles.some((t) => t.includes('工作调动'))).toBe(true);
  await journey.browser.shot('02-search-qianyi');

  // Open a cross-province migration guide from the results.
  await results.filter({ hasText: '跨省通办' }).filter({ hasText: '工作调动' }).first().click();
  await page.locator('#materials:visible').waitFor();
  await page.getByText('跨省通办说明').filter({ visible: true }).waitFor();
  const materials = await page.locator('[data-material]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-material')));
  expect(materials).toEqual(expect.arrayContaining(['居民户口簿']));
  await page.getByText('法定时限').filter({ visible: true }).waitFor();
  await journey.browser.shot('03-guide-detail');

  // One of the halls handling it: its weekly hours and special periods.
  await page.locator('[data-hall-id]:visible').first().click();
  await page.locator('#hours:visible').waitFor();
  const hours = await page.locator('#hours:visible').innerText();
  expect(hours).toMatch(/周一/);
  expect(hours).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
  await page.getByText('可办事项').filter({ visible: true }).waitFor();
  await journey.browser.shot('04-hall-detail');

  expect(journey.pageErrors).toEqual([]);
});

test('the halls list filters by city and a search with no result says so kindly', async () => {
  const { page } = journey.browser;
  // A fresh load, so earlier pages of the app are not in the DOM.
  await page.goto('about:blank');
  await page.goto(`${journey.harness.cloud.url}/#/pages/halls/index`);
  const cards = page.locator('[data-hall-id]:visible');
  await cards.first().waitFor();
  const all = await cards.count();
  await page.locator('[data-city]:visible', { hasText: '深圳市' }).click();
  expect(
    await waitUntil(
      () => cards.count(),
      (n) => n < all,
    ),
  ).toBeLessThan(all);
  const cities = await page.locator('.hall-card__line:visible').allTextContents();
  expect(cities.filter((l) => l.includes('深圳市')).length).toBeGreaterThan(0);
  await journey.browser.shot('05-halls-shenzhen');

  await page.goto('about:blank');
  await page.goto(`${journey.harness.cloud.url}/#/pages/guides/index?q=${encodeURIComponent('航天飞机')}`);
  await page.getByText('没有找到相关事项').waitFor();
  await journey.browser.shot('06-search-empty');
  expect(journey.pageErrors).toEqual([]);
});
