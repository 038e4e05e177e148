/**
 * 我的 keeps the officers' invitation box folded for citizens; a hall's page has 导航, 拨打 and
 * 复制地址, and 拨打 and 复制 say what they did. Screenshots in normal and elder text size.
 */
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(180_000);

const journey = useJourney();
const HALL = 'haikou-longhua';

const visible = (selector: string) => journey.browser.page.locator(`${selector}:visible`);
const actAs = (persona: string) => actAsPersona(journey.browser.page, journey.harness.cloud.url, persona, (name) => journey.browser.shot(name));

async function setElder(on: boolean): Promise<void> {
  // Taro H5 keeps storage as JSON { data } under the key; the next load reads it.
  await journey.browser.page.evaluate((v) => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: v })), on);
}

/** Taro's H5 toast: a fixed box inside a zero-size element, so shown means displayed with the text. */
async function toast(text: string): Promise<void> {
  await journey.browser.page.waitForFunction((t) => {
    const el = document.querySelector<HTMLElement>('.taro__toast');
    return el !== null && el.style.display !== 'none' && el.textContent === t;
  }, text);
}

async function openHall(): Promise<void> {
  await journey.browser.page.goto('about:blank');
  await journey.browser.page.goto(`${journey.harness.cloud.url}/#/pages/hall/index?id=${HALL}`);
  await visible('#hours').waitFor();
}

afterAll(async () => {
  await journey.browser?.page.evaluate(() => localStorage.removeItem('hukou.elderMode')).catch(() => undefined);
});

test('a citizen sees only a small link to the invitation box on 我的; it opens the box', async () => {
  const { page } = journey.browser;
  for (const persona of ['local-visitor', 'local-citizen']) {
    await actAs(persona);
    await visible('[data-row="officer-invitation"]').waitFor();
    expect(await visible('.mine input').count()).toBe(0);
    expect(await page.getByText('绑定民警身份').filter({ visible: true }).count()).toBe(0);
  }
  await journey.browser.shot('30-mine-citizen-folded');

  await visible('[data-row="officer-invitation"]').click();
  await visible('.mine input').waitFor();
  await page.getByText('管理员发放的邀请码').filter({ visible: true }).waitFor();
  expect(await visible('[data-row="officer-invitation"]').count()).toBe(0);
  await journey.browser.shot('31-mine-citizen-opened');

  await setElder(true);
  await actAs('local-citizen');
  await visible('.page--elder').waitFor();
  await visible('[data-row="officer-invitation"]').waitFor();
  await journey.browser.shot('32-mine-citizen-folded-elder');
  await setElder(false);

  // Officers and admins: neither the link nor the box, their work rows as before.
  await actAs('local-officer');
  await visible('[data-row="check-in"]').waitFor();
  expect(await visible('[data-row="officer-invitation"]').count()).toBe(0);
  expect(await visible('.mine input').count()).toBe(0);
  await actAs('local-admin');
  await page.getByText('发放民警邀请码 · 审计日志').filter({ visible: true }).waitFor();
  expect(await visible('[data-row="officer-invitation"]').count()).toBe(0);
  expect(journey.pageErrors).toEqual([]);
});

test('a hall: 导航 opens the map at its coordinates, 拨打 and 复制 say what they did', async () => {
  const { page } = journey.browser;
  const hall = (await journey.harness.call('guide', { action: 'hall', data: { id: HALL } }, 'local-visitor')).body.data;
  expect(hall.location).toEqual({ latitude: expect.any(Number), longitude: expect.any(Number) });

  await openHall();
  await journey.browser.shot('33-hall-actions');

  // 导航: a new tab with the map; the test keeps the tab from loading (no third-party request).
  await page.evaluate(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = (url?: string | URL) => {
      (window as unknown as { opened: string[] }).opened.push(String(url));
      return null;
    };
  });
  await visible('[data-action="navigate"]').click();
  const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
  expect(opened).toHaveLength(1);
  const url = new URL(opened[0]);
  expect(url.host).toBe('uri.amap.com');
  expect(url.pathname).toBe('/marker');
  expect(url.searchParams.get('position')).toBe(`${hall.location.longitude},${hall.location.latitude}`);
  expect(url.searchParams.get('name')).toBe(hall.name);
  expect(await visible('[data-action="navigate"]').getAttribute('data-map-url')).toBe(opened[0]);

  await visible('[data-action="copy"]').click();
  await toast('地址已复制');
  await journey.browser.shot('34-hall-copied');
  expect(await page.evaluate(() => localStorage.getItem('taro_clipboard'))).toContain(hall.address);

  await visible('[data-row="phone"]').click();
  await toast(`正在拨打 ${hall.phone}`);

  await setElder(true);
  await openHall();
  await visible('.page--elder').waitFor();
  await journey.browser.shot('35-hall-actions-elder');
  await setElder(false);
  expect(journey.pageErrors).toEqual([]);
});
