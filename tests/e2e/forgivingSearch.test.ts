import { useJourney } from './support/journey';

jest.setTimeout(180_000);

const journey = useJourney();

async function searchFor(q: string) {
  const { page } = journey.browser;
  // A fresh load each time, so earlier pages of the app are not in the DOM.
  await page.goto('about:blank');
  await page.goto(`${journey.harness.cloud.url}/#/pages/guides/index?q=${encodeURIComponent(q)}`);
}

async function shownTitles(): Promise<string[]> {
  const { page } = journey.browser;
  await page
    .getByText(/找到 \d+ 项/)
    .first()
    .waitFor();
  const results = page.locator('.guide-list__item:visible');
  await results.first().waitFor();
  return results.locator('.guide-list__title').allTextContents();
}

test('身分证, sfz and ID card show the 居民身份证 guides; 改名 shows the name change', async () => {
  for (const [q, shot] of [
    ['身分证', '10-search-typo-shenfenzheng'],
    ['sfz', '11-search-initials-sfz'],
    ['ID card', '12-search-english-id-card'],
  ] as const) {
    await searchFor(q);
    const titles = await shownTitles();
    expect({ q, first: titles.slice(0, 5).every((t) => t.includes('居民身份证')) }).toEqual({ q, first: true });
    await journey.browser.shot(shot);
  }
  await searchFor('改名');
  expect((await shownTitles())[0]).toBe('姓名变更登记');
  await journey.browser.shot('13-search-gaiming');
  expect(journey.pageErrors).toEqual([]);
});

test('a nonsense query shows the hotline and, once the citizen shares a location, the nearest hall', async () => {
  const { page, context } = journey.browser;
  // Standing some 1.6 km north-east of the Futian hall in Shenzhen (the Luohu hall is about 5 km away).
  await context.grantPermissions(['geolocation'], { origin: journey.harness.cloud.url });
  await context.setGeolocation({ latitude: 22.55, longitude: 114.07 });
  await searchFor('航天飞机');
  await page.getByText('没有找到相关事项').filter({ visible: true }).waitFor();
  await page.locator('[data-hotline="12345"]:visible').waitFor();
  await page.getByText('拨打 12345政务服务便民热线').filter({ visible: true }).waitFor();
  await page.getByText('查看全部户政大厅').filter({ visible: true }).waitFor();
  await page.getByText('查找离我最近的大厅').filter({ visible: true }).click();
  await page.locator('[data-nearest-hall="shenzhen-futian"]:visible').waitFor();
  await page
    .getByText(/离您最近的户政大厅（约 1\.\d 公里）/)
    .filter({ visible: true })
    .waitFor();
  await journey.browser.shot('14-search-nothing-hotline-nearest-hall');

  await searchFor('passport');
  // The pointer to the right office is the answer, with the hotline; no "nothing found".
  await page.locator('[data-elsewhere]:visible').waitFor();
  expect(await page.getByText('没有找到相关事项').filter({ visible: true }).count()).toBe(0);
  await page.getByText('护照、往来港澳台通行证及其签注由公安机关出入境管理部门办理').filter({ visible: true }).waitFor();
  await page.getByText('拨打 12367').filter({ visible: true }).waitFor();
  await journey.browser.shot('15-search-passport-elsewhere');
  expect(journey.pageErrors).toEqual([]);
});
