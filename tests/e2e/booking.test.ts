/**
 * The whole appointment journey in the H5 build against the local cloud: a verified citizen books
 * a slot and shows the QR ticket; the hall's officer decodes the QR from the page (as a camera
 * would) and checks the citizen in; the citizen then sees 已签到 and the same queue number.
 *
 * Check-in is only accepted on the appointment's day within its window (30 min before to 15 min
 * after the start), so the functions' clock is moved (harness.setNow, local cloud only): first
 * 45 minutes before the slot, where the officer must be refused with CHECK_IN_TOO_EARLY's message,
 * then 10 minutes before it, where the check-in succeeds.
 */
import { errorCatalogue } from '../../core/errors/catalogue';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { decodeQrFrom } from './support/decodeQr';
import { openBrowser, requireH5Build, type Browser } from './support/browser';
import { actAs as actAsPersona } from './support/persona';
import { startHarness, type Harness } from '../support/localCloudHarness';

jest.setTimeout(180_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';

let harness: Harness;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireH5Build();
  harness = await startHarness();
  browser = await openBrowser();
  browser.page.on('pageerror', (e) => pageErrors.push(e.message));
  // The citizen acts for his mother (same household, over 60): she is offered as 为谁预约.
  const added = await harness.call('identity', { action: 'addFamilyMember', data: { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' } }, CITIZEN);
  expect(added.body.ok).toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const button = (text: string) => browser.page.locator('taro-button-core:visible', { hasText: text }).first();
const visible = (selector: string) => browser.page.locator(`${selector}:visible`);

async function visibleText(): Promise<string> {
  return browser.page.locator('.taro_page:visible').last().innerText();
}

async function open(route: string): Promise<void> {
  await browser.page.goto('about:blank');
  await browser.page.goto(`${harness.cloud.url}/#/${route}`);
}

const actAs = (persona: string) => actAsPersona(browser.page, harness.cloud.url, persona, (name) => browser.shot(name));

/** Future (Shanghai) day on which the hall offers the business, and that day's first slot. */
async function nextBookableDay(): Promise<{ date: string; slotId: string; start: string }> {
  const today = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    // "Today" is that day, early in the morning: it is bookable and nothing has started yet.
    harness.setNow(shanghaiInstant(date, '05:00'));
    const res = await harness.call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } }, CITIZEN);
    expect(res.body.ok).toBe(true);
    const first = res.body.data.slots[0];
    if (first) return { date, slotId: first.slotId, start: first.start };
  }
  throw new Error(`${HALL} takes no bookings of ${BUSINESS} in the next 14 days`);
}

async function pasteAndCheckIn(token: string): Promise<void> {
  const input = browser.page.locator('[data-field="token"]:visible textarea, textarea[data-field="token"]:visible').first();
  await input.fill(token);
  await button('签到').click();
}

test('book → QR ticket → officer scans too early (refused, says why) → in the window (queue number) → citizen sees 已签到', async () => {
  const day = await nextBookableDay();
  const slotStart = shanghaiInstant(day.date, day.start);
  harness.setNow(new Date(slotStart.getTime() - 45 * 60_000));

  // Home → 预约办理 → choose the business (no longer "即将开通").
  await actAs(CITIZEN);
  await visible('[data-row="appointments"]').waitFor();
  await browser.shot('28-mine-citizen');
  await open('pages/index/index');
  await visible('[data-entry="booking"]').waitFor();
  await browser.shot('29-home');
  expect(await visible('[data-entry="booking"]').innerText()).not.toContain('即将开通');
  await visible('[data-entry="booking"]').click();
  await visible(`[data-business="${BUSINESS}"]`).waitFor();
  await browser.shot('30-book-choose-business');
  await visible(`[data-business="${BUSINESS}"]`).click();

  // Hall, date (the first one is "today" on the functions' clock), slot, for whom.
  await visible(`[data-hall="${HALL}"]`).click();
  await visible(`.date-chip--on[data-date="${day.date}"]`).waitFor();
  const firstOpen = visible('.slot[data-state="open"]').first();
  await firstOpen.waitFor();
  expect(await firstOpen.getAttribute('data-slot-id')).toBe(day.slotId);
  await firstOpen.click();
  await visible('.slot--on').waitFor();
  await expect(visible('.chip--on[data-who="self"]').innerText()).resolves.toContain('王**');
  await expect(visible('[data-who="resident-004"]').innerText()).resolves.toContain('张*兰 · 父母');
  await browser.shot('31-book-slot-chosen');
  await button('下一步').click();

  // Confirm: the choice and the materials checklist.
  await visible('[data-field="when"]').waitFor();
  const confirmText = await visibleText();
  expect(confirmText).toContain(`${day.start}–`);
  expect(confirmText).toContain('王**（本人）');
  expect(confirmText).toContain('请带齐以下材料，争取最多跑一次');
  expect(await visible('[data-material]').count()).toBeGreaterThan(0);
  await browser.shot('32-book-confirm');
  await button('确认预约').click();

  // The ticket: hall, time, who, materials and a QR code that a camera can read.
  await visible('.ticket__root[data-status="booked"]').waitFor();
  const qr = visible('.ticket-qr');
  await qr.waitFor();
  const ticketText = await visibleText();
  expect(ticketText).toContain('海口市公安局龙华分局户政服务大厅');
  expect(ticketText).toContain(`${day.start}–`);
  expect(containsUnmaskedIdOrPhone(ticketText)).toEqual([]);
  await browser.shot('33-ticket');
  const early = await decodeQrFrom(qr);
  expect(early).toMatch(/^T1\./);

  // The officer of that hall, 45 minutes before the slot: refused, and told why.
  await actAs(OFFICER);
  await visible('[data-row="officer-day"]').waitFor();
  await browser.shot('34-mine-officer');
  await visible('[data-row="check-in"]').click();
  await visible('[data-field="token"]').waitFor();
  await browser.shot('34-scan-empty');
  await pasteAndCheckIn(early);
  const refused = visible('[data-result="refused"]');
  await refused.waitFor();
  expect(await refused.getAttribute('data-error-code')).toBe('CHECK_IN_TOO_EARLY');
  expect(await refused.innerText()).toContain(errorCatalogue.CHECK_IN_TOO_EARLY);
  await browser.shot('35-scan-too-early');

  // 10 minutes before the slot: the citizen shows the (refreshed) ticket from 我的预约.
  harness.setNow(new Date(slotStart.getTime() - 10 * 60_000));
  await actAs(CITIZEN);
  await visible('[data-row="appointments"]').click();
  const card = visible('.appointment[data-status="booked"]').first();
  await card.waitFor();
  expect(await card.innerText()).toMatch(/前可取消或改约/);
  await browser.shot('36-my-appointments-booked');
  await button('出示预约码').click();
  await visible('.ticket__root[data-status="booked"] .ticket-qr').waitFor();
  const token = await decodeQrFrom(visible('.ticket-qr'));
  expect(token).not.toBe(early);

  // The officer checks in: a queue number.
  await actAs(OFFICER);
  await open('packages/officer/scan/index');
  await pasteAndCheckIn(token);
  const ok = visible('[data-result="ok"]');
  await ok.waitFor();
  const queueNumber = await ok.locator('[data-queue-number]').getAttribute('data-queue-number');
  expect(queueNumber).toMatch(/^\d+$/);
  expect(await ok.innerText()).toContain('王**');
  await browser.shot('37-scan-checked-in');

  // The same code again: refused once checked in.
  await pasteAndCheckIn(token);
  await visible('[data-result="refused"][data-error-code="ALREADY_CHECKED_IN"]').waitFor();

  // The officer's day and week.
  await open('packages/officer/day/index');
  const row = visible('.day__appointment[data-status="checkedIn"]').first();
  await row.waitFor();
  expect(await row.innerText()).toContain(`${queueNumber} 号`);
  await browser.shot('38-officer-day');
  await visible('[data-tab="week"]').click();
  await visible(`.week__row[data-start="${day.start}"]`).waitFor();
  await browser.shot('39-officer-week');

  // The citizen: 我的预约 and the ticket show 已签到 with the same number, and no QR any more.
  await actAs(CITIZEN);
  await open('packages/booking/mine/index');
  const done = visible('.appointment[data-status="checkedIn"]').first();
  await done.waitFor();
  expect(await done.locator('[data-queue-number]').getAttribute('data-queue-number')).toBe(queueNumber);
  expect(await done.innerText()).toContain('已签到');
  await browser.shot('40-my-appointments-checked-in');
  await done.getByText('查看签到凭证').click();
  await visible('.ticket__root[data-status="checkedIn"]').waitFor();
  expect(await visible('.ticket__root [data-queue-number]').getAttribute('data-queue-number')).toBe(queueNumber);
  expect(await visible('.ticket-qr').count()).toBe(0);
  await browser.shot('41-ticket-checked-in');
  expect(pageErrors).toEqual([]);
});

test('the ticket page turns to 已签到 by itself while it is shown', async () => {
  const { page } = browser;
  const day = await nextBookableDay();
  const slotStart = shanghaiInstant(day.date, day.start);
  harness.setNow(new Date(slotStart.getTime() - 5 * 60_000));
  // A second booking for the citizen's mother (a family member), through the API.
  const members = await harness.call('identity', { action: 'familyMembers', data: {} }, CITIZEN);
  const mother = members.body.data.members.find((m: { relation: string }) => m.relation === 'parent');
  expect(mother).toBeDefined();
  const reserved = await harness.call(
    'booking',
    { action: 'reserve', data: { hallId: HALL, business: 'household-certificate', slotId: day.slotId, forMemberId: mother.memberId }, requestId: 'e2e-mother-0001' },
    CITIZEN,
  );
  expect(reserved.body.ok).toBe(true);
  const id = reserved.body.data.id as string;

  await actAs(CITIZEN);
  await open(`packages/booking/ticket/index?id=${id}`);
  await visible('.ticket__root[data-status="booked"] .ticket-qr').waitFor();
  expect(await visibleText()).toContain('（家人代办）');
  const token = await decodeQrFrom(visible('.ticket-qr'));

  // The officer checks in through the function while the citizen keeps the ticket on screen.
  const checkIn = await harness.call('booking', { action: 'checkIn', data: { token } }, OFFICER);
  expect(checkIn.body.ok).toBe(true);
  const number = String(checkIn.body.data.queueNumber);
  await page.locator('.ticket__root[data-status="checkedIn"]:visible').waitFor();
  expect(await visible('.ticket__root [data-queue-number]').getAttribute('data-queue-number')).toBe(number);
  expect(pageErrors).toEqual([]);
});

test('a guide’s 预约办理 opens booking for that business; a citizen without real-name verification is led to it', async () => {
  harness.setNow(undefined);
  await actAs(CITIZEN);
  await open(`pages/guide/index?id=${BUSINESS}`);
  await visible('[data-action="book"]').click();
  await visible(`[data-hall="${HALL}"]`).waitFor();
  expect(await visibleText()).toContain('选择大厅');

  await actAs('local-visitor');
  await open(`packages/booking/book/index?business=${BUSINESS}`);
  await visible('[data-need="verification"]').waitFor();
  await browser.shot('42-book-unverified');
  await button('去实名认证').click();
  await visible('[data-consent="identity"]').waitFor();
  expect(pageErrors).toEqual([]);
});

test('a citizen moves an appointment to another slot (改约), then cancels it before the deadline', async () => {
  const { page } = browser;
  const day = await nextBookableDay();
  harness.setNow(shanghaiInstant(day.date, '05:00'));
  // A later day of the booking window with at least two open slots.
  let later: { date: string; slots: Array<{ slotId: string; start: string; state: string }> } | undefined;
  for (let i = 1; i <= 6 && !later; i++) {
    const date = addDays(day.date, i);
    const res = await harness.call('booking', { action: 'availability', data: { hallId: HALL, business: 'household-certificate', date } }, CITIZEN);
    const open = res.body.data.slots.filter((s: { state: string }) => s.state === 'open');
    if (open.length >= 2) later = { date, slots: open };
  }
  expect(later).toBeDefined();
  const reserved = await harness.call(
    'booking',
    { action: 'reserve', data: { hallId: HALL, business: 'household-certificate', slotId: later!.slots[0].slotId }, requestId: 'e2e-move-00001' },
    CITIZEN,
  );
  expect(reserved.body.ok).toBe(true);
  const id = reserved.body.data.id as string;

  await actAs(CITIZEN);
  await open('packages/booking/mine/index');
  const card = visible(`.appointment[data-appointment="${id}"]`);
  await card.waitFor();
  await card.locator('taro-button-core', { hasText: '改约' }).click();

  // The same hall and business: the current slot is marked, another one is chosen.
  await visible(`[data-rescheduling="${id}"]`).waitFor();
  await visible(`.date-chip[data-date="${later!.date}"]`).click();
  await visible(`.slot--current[data-slot-id="${later!.slots[0].slotId}"]`).waitFor();
  await visible(`.slot[data-slot-id="${later!.slots[1].slotId}"]`).click();
  await visible('[data-field="newWhen"]').waitFor();
  await browser.shot('43-reschedule');
  await button('确认改到').click();

  // Back on the list: the old one is cancelled, the new one is booked at the new time.
  const moved = visible('.appointment[data-status="booked"]').filter({ hasText: `${later!.slots[1].start}–` });
  await moved.waitFor();
  await visible(`.appointment[data-appointment="${id}"][data-status="cancelled"]`).waitFor();

  // Cancel it: the modal names the deadline.
  await moved.locator('taro-button-core', { hasText: '取消预约' }).click();
  const modal = page.locator('.taro-modal__content:visible');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('取消截止');
  await browser.shot('44-cancel-modal');
  await page.locator('.taro-modal__foot:visible').getByText('取消预约').click();
  await waitForCount(visible('.appointment[data-status="booked"]'), 0);
  await browser.shot('45-my-appointments-cancelled');
  expect(pageErrors).toEqual([]);
});

test('elder mode: the booking pages grow with the larger text', async () => {
  const day = await nextBookableDay();
  harness.setNow(shanghaiInstant(day.date, '05:00'));
  await actAs(CITIZEN);
  await open('pages/index/index');
  await visible('[data-elder-switch]').click();
  await open(`packages/booking/book/index?business=${BUSINESS}`);
  await visible('.page--elder').waitFor();
  await visible(`[data-hall="${HALL}"]`).click();
  await visible('.slot[data-state="open"]').first().waitFor();
  await browser.shot('46-book-elder');
  await open('packages/officer/scan/index');
  await visible('.page--elder').waitFor();
  await browser.shot('47-scan-elder-citizen');
  // Back to normal text for any later test.
  await open('pages/index/index');
  await visible('[data-elder-switch]').click();
  expect(pageErrors).toEqual([]);
});

async function waitForCount(locator: ReturnType<typeof visible>, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} of ${locator.toString()}, found ${await locator.count()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
