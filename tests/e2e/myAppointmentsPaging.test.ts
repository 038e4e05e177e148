/**
 * 我的预约 with more than one page (50 a page): the first page shows, 加载更多 appends the rest and
 * then goes away, and nothing is shown twice. The citizen's history is made from one real booking
 * copied as older cancelled ones, straight into the local cloud's database.
 */
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { openBrowser, requireH5Build, type Browser } from './support/browser';
import { actAs } from './support/persona';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { referenceNumberFrom } from '../../core/reference/referenceNumber';

jest.setTimeout(180_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
const CITIZEN = 'local-citizen';
const OLDER = 59;

let harness: Harness;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireH5Build();
  harness = await startHarness();
  browser = await openBrowser();
  browser.page.on('pageerror', (e) => pageErrors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const visible = (selector: string) => browser.page.locator(`${selector}:visible`);

async function bookOnce(): Promise<Record<string, unknown>> {
  const today = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    harness.setNow(shanghaiInstant(date, '05:00'));
    const res = await harness.call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } }, CITIZEN);
    const slot = res.body.data?.slots?.[0];
    if (!slot) continue;
    const booked = await harness.call('booking', { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: slot.slotId }, requestId: `paging-e2e-${i}` }, CITIZEN);
    expect(booked.body.ok).toBe(true);
    const docs = await harness.cloud.database.direct.get('appointments', { nedbQuery: { _id: booked.body.data.id }, order: [], offset: 0, limit: 1, projection: undefined });
    return docs[0] as Record<string, unknown>;
  }
  throw new Error(`${HALL} takes no bookings of ${BUSINESS} in the next 14 days`);
}

test('加载更多 shows every appointment once, past the first 50', async () => {
  const booked = await bookOnce();
  const created = new Date(booked.createdAt as Date).getTime();
  await harness.cloud.database.direct.insert(
    'appointments',
    Array.from({ length: OLDER }, (_, i) => ({
      ...booked,
      _id: `paging-older-${String(i).padStart(3, '0')}`,
      // 预约号 are unique in a hall (a unique index on appointments): each copy has its own.
      refNumber: referenceNumberFrom(`paging-older-${i}`),
      status: 'cancelled',
      claims: [],
      createdAt: new Date(created - (i + 1) * 60_000),
    })),
  );

  await actAs(browser.page, harness.cloud.url, CITIZEN, (name) => browser.shot(name));
  await browser.page.goto('about:blank');
  await browser.page.goto(`${harness.cloud.url}/#/packages/booking/mine/index`);

  const cards = visible('.appointment');
  const more = visible('.my-appointments__more taro-button-core');
  await more.waitFor();
  expect(await cards.count()).toBe(50);
  await more.click();
  await more.waitFor({ state: 'detached' });
  expect(await cards.count()).toBe(OLDER + 1);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-appointment')));
  expect(new Set(ids).size).toBe(ids.length);
  await browser.shot('48-my-appointments-all-pages');
  expect(pageErrors).toEqual([]);
});
