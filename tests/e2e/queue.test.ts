/**
 * The hall floor in the H5 build against the local cloud, three pages open at once: the officer's
 * 窗口叫号, the hall's 叫号屏 (no login) and the citizen's ticket (another browser profile). The
 * officer calls; the display shows the number at the window (how soon is a benchmark's question:
 * `npm run bench -- display`, not a timed test); the citizen's ticket says which window to go to.
 */
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { openBrowser, type Browser } from './support/browser';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(240_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'household-certificate';
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';

const journey = useJourney();
let citizenBrowser: Browser | undefined;
afterAll(async () => {
  await citizenBrowser?.close();
});

/** Books the first slot of the next day the hall offers the business and checks it in 5 minutes into the slot. */
async function checkedIn(): Promise<{ id: string }> {
  const h = journey.harness;
  const today = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    h.setNow(shanghaiInstant(date, '05:00'));
    const first = (await h.call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } }, CITIZEN)).body.data.slots[0];
    if (!first) continue;
    const booked = await h.call('booking', { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: first.slotId }, requestId: `e2e-queue-${Date.now()}` }, CITIZEN);
    expect(booked.body.ok).toBe(true);
    h.setNow(new Date(shanghaiInstant(date, first.start).getTime() + 5 * 60_000));
    const token = (await h.call('booking', { action: 'ticket', data: { appointmentId: booked.body.data.id } }, CITIZEN)).body.data.token;
    expect((await h.call('booking', { action: 'checkIn', data: { token } }, OFFICER)).body.ok).toBe(true);
    return booked.body.data;
  }
  throw new Error(`${HALL} takes no bookings of ${BUSINESS} in the next 14 days`);
}

test('the officer calls; the display shows it at the window within seconds; the citizen’s ticket says where to go', async () => {
  const booked = await checkedIn();
  const url = journey.harness.cloud.url;

  // The citizen, in a browser of their own: the ticket shows the place in the queue.
  citizenBrowser = await openBrowser();
  const citizen = citizenBrowser.page;
  await actAs(citizen, url, CITIZEN);
  await citizen.goto('about:blank');
  await citizen.goto(`${url}/#/packages/booking/ticket/index?id=${booked.id}`);
  await citizen.getByText('前面还有0人', { exact: false }).first().waitFor();

  // The officer's window, and beside it the hall's display (no login needed: a public action).
  const officer = journey.browser.page;
  await actAs(officer, url, OFFICER);
  await officer.goto('about:blank');
  await officer.goto(`${url}/#/packages/queue/window/index`);
  const board = await journey.browser.context.newPage();
  await board.goto(`${url}/#/packages/queue/board/index?hall=${HALL}`);
  await board.locator('.board__empty:visible').waitFor();

  const call = officer.locator('taro-button-core:visible', { hasText: '叫下一号' }).first();
  await call.waitFor();
  await call.click();
  await board.locator('.board__call:visible', { hasText: '1号窗口' }).first().waitFor({ timeout: 10_000 });
  const label = await board.locator('.board__label:visible').first().innerText();
  expect(label).toMatch(/^A\d{3}$/);
  expect(await officer.locator('.window__label:visible').first().innerText()).toBe(label);
  expect(await board.locator('.board').first().innerText()).not.toMatch(/王|local-/);
  await board.screenshot({ path: 'test-results/screenshots/70-queue-board.png' });

  // The citizen's ticket turns to the window (it reads every 10 s).
  await citizen.getByText('请到1号窗口').first().waitFor({ timeout: 30_000 });
  await journey.browser.shot('71-queue-window');
  expect(journey.pageErrors).toEqual([]);
});
