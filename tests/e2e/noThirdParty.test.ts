/**
 * No page makes a request to anyone but our own cloud: no CDN pictures (NutUI's Empty used to load
 * its default pictures from storage.360buyimg.com), fonts, analytics or maps. Every request the
 * page makes while walking the main pages is recorded; any host other than the local cloud's fails.
 */
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(240_000);

const journey = useJourney();
const requests: string[] = [];

beforeAll(() => {
  journey.browser.context.on('request', (r) => requests.push(r.url()));
});

const visible = (selector: string) => journey.browser.page.locator(`${selector}:visible`);

async function open(route: string): Promise<void> {
  // A fresh load each time, so every page starts from nothing and shows what it loads by itself.
  await journey.browser.page.goto('about:blank');
  await journey.browser.page.goto(`${journey.harness.cloud.url}/#/${route}`);
}

/** Requests that leave the machine for someone else: http(s) or ws(s) to a host that is not the cloud's. */
function foreign(): string[] {
  const ours = new URL(journey.harness.cloud.url).host;
  return requests.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).host !== ours);
}

test('walking the main pages, every request goes to the local cloud only', async () => {
  const { page } = journey.browser;

  await open('pages/index/index');
  await visible('[data-guide-id]').first().waitFor();

  await open('pages/guides/index');
  await visible('.guide-list__item').first().waitFor();

  await visible('.guide-list__item').first().click();
  await visible('#materials').waitFor();

  await open('pages/halls/index');
  await visible('[data-hall-id]').first().click();
  await visible('#hours').waitFor();

  // Empty and failed states: a search with no result and a hall that does not exist.
  await open(`pages/guides/index?q=${encodeURIComponent('航天飞机')}`);
  await page.getByText('没有找到相关事项').filter({ visible: true }).waitFor();
  await open('pages/hall/index?id=no-such-hall');
  await page.getByText('加载失败').filter({ visible: true }).waitFor();
  await journey.browser.shot('90-error-state-local-mark');

  await actAs(page, journey.harness.cloud.url, 'local-citizen', (name) => journey.browser.shot(name));
  await visible('[data-row="appointments"]').waitFor();

  await open('packages/booking/book/index?business=id-card-renewal');
  await visible('[data-hall]').first().waitFor();

  // A citizen with no appointments and no applications yet: both lists are empty.
  await open('packages/booking/mine/index');
  await page.getByText('还没有预约').filter({ visible: true }).waitFor();
  await journey.browser.shot('91-empty-appointments');
  await open('packages/reissue/mine/index');
  await page.getByText('还没有补领申请').filter({ visible: true }).waitFor();

  // Pictures load after the text: wait until the network is quiet before judging.
  await page.waitForLoadState('networkidle');
  expect(requests.length).toBeGreaterThan(0);
  expect(foreign()).toEqual([]);
  expect(journey.pageErrors).toEqual([]);
});
