/**
 * The booking screens as a citizen sees them at a phone's size, in normal and elder text (issue 12):
 * a refused booking says so where the person is looking (the error is inside the viewport next to
 * the button just tapped); the hall's closed days are shown closed in the date strip and tapping one
 * does not choose it; in 我的预约 a rescheduled appointment reads 已改约 with where it moved, never
 * 已取消, and the current appointments come before the history.
 */
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { SCREENSHOTS, waitUntil } from './support/browser';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(240_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
const OTHER_BUSINESS = 'household-certificate';
const CITIZEN = 'local-citizen';

const journey = useJourney();
const page = () => journey.browser.page;
const visible = (selector: string) => page().locator(`${selector}:visible`);
const button = (text: string) => page().locator('taro-button-core:visible', { hasText: text }).first();

async function open(route: string): Promise<void> {
  await page().goto('about:blank');
  await page().goto(`${journey.harness.cloud.url}/#/${route}`);
}

/** The screen as the person sees it now (the viewport only, not the whole page). */
async function viewShot(name: string): Promise<void> {
  await page().waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page().screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** 长辈模式 on or off, as the switch on 首页 remembers it (Taro H5 keeps storage as JSON { data }); applies from the next page load. */
async function setElder(on: boolean): Promise<void> {
  await page().evaluate((value) => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: value })), on);
}

/** Whether the element lies wholly inside the viewport. */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const vp = page().viewportSize()!;
  return Boolean(box && box.height > 0 && box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width);
}

async function call(action: string, data: Record<string, unknown>, requestId?: string) {
  const res = await journey.harness.call('booking', requestId ? { action, data, requestId } : { action, data }, CITIZEN);
  if (!res.body.ok) throw new Error(`${action} refused: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

interface Day {
  /** "Today" on the functions' clock: a day with slots. */
  today: string;
  slots: { slotId: string; start: string }[];
  /** A day of the strip on which the hall is closed, and why. */
  closed: { date: string; reason: string };
  /** Every closed day of the strip. */
  closedDates: string[];
  dates: string[];
}

/** A day with slots whose booking window (its date strip) holds a closed day of the hall. */
async function dayWithClosedNeighbour(): Promise<Day> {
  const start = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const today = addDays(start, i);
    journey.harness.setNow(shanghaiInstant(today, '05:00'));
    const day = await call('availability', { hallId: HALL, business: BUSINESS, date: today });
    const options = await call('bookingOptions', { business: BUSINESS });
    const closedDates: { date: string; reason: string }[] = options.halls.find((h: { id: string }) => h.id === HALL).closedDates;
    if (day.slots.length > 1 && closedDates.length > 0)
      return { today, slots: day.slots, closed: closedDates[0], closedDates: closedDates.map((c) => c.date), dates: options.dates };
  }
  throw new Error(`${HALL}: no day with slots and a closed day in its window in the next 14 days`);
}

let day: Day;

beforeAll(async () => {
  day = await dayWithClosedNeighbour();
});

/** Book page, hall chosen: the strip shows. */
async function openBookingPage(): Promise<void> {
  await open(`packages/booking/book/index?business=${BUSINESS}`);
  await visible(`[data-hall="${HALL}"]`).click();
  await visible('.date-chip--on').waitFor();
}

describe.each([
  ['normal', false],
  ['elder', true],
])('booking screens in %s text', (mode, elder) => {
  beforeAll(async () => {
    await actAsPersona(page(), journey.harness.cloud.url, CITIZEN, (name) => journey.browser.shot(name));
    await setElder(elder);
  });

  test('a closed day in the date strip is marked closed, and tapping it does not choose it', async () => {
    await openBookingPage();
    expect(await visible('.page--elder').count()).toBe(elder ? 1 : 0);
    const chip = visible(`.date-chip[data-date="${day.closed.date}"]`);
    await chip.waitFor();
    expect(await chip.getAttribute('data-closed')).toBe('true');
    expect(await chip.getAttribute('class')).toContain('date-chip--closed');
    expect(await chip.innerText()).toContain(day.closed.reason.length <= 3 ? day.closed.reason : '休息');
    const chosen = await visible('.date-chip--on').getAttribute('data-date');
    expect(chosen).not.toBe(day.closed.date);
    await chip.scrollIntoViewIfNeeded();
    // A closed day is a disabled button (aria-disabled): Playwright would wait for it to be enabled.
    await chip.click({ force: true });
    // The strip keeps the day that was chosen and its slots; no closed day turns chosen.
    await visible(`.date-chip--on[data-date="${chosen}"]`).waitFor();
    expect(await visible(`.date-chip--on[data-date="${day.closed.date}"]`).count()).toBe(0);
    expect(await visible('.slot').count()).toBeGreaterThan(0);
    await viewShot(`b12-date-strip-closed-${mode}`);
    expect(journey.pageErrors).toEqual([]);
  });

  test('a refused booking shows its error inside the viewport, next to the button', async () => {
    // Already booked for this business (made elsewhere): the page's booking is refused.
    const held = await call('reserve', { hallId: HALL, business: BUSINESS, slotId: day.slots[0].slotId }, `screens-held-${mode}`);
    try {
      await openBookingPage();
      const slot = visible('.slot[data-state="open"]').last();
      await slot.click();
      await visible('.slot--on').waitFor();
      await button('下一步').click();
      await visible('[data-field="when"]').waitFor();
      await button('确认预约').click();
      const error = visible('[role="alert"][data-error-code="ALREADY_BOOKED"]');
      await error.waitFor();
      expect(
        await waitUntil(
          () => inViewport(error),
          (ok) => ok,
        ),
      ).toBe(true);
      expect(await error.innerText()).toContain('查看我的预约');
      // The button just tapped is still where the person looks, once the smooth scroll that brings
      // the error to the middle has ended (read mid-scroll, on a busy machine, it can be just out).
      expect(
        await waitUntil(
          () => inViewport(button('确认预约')),
          (ok) => ok,
        ),
      ).toBe(true);
      await viewShot(`b12-book-refused-${mode}`);
    } finally {
      await call('cancel', { appointmentId: held.id }, `screens-free-${mode}`);
    }
    expect(journey.pageErrors).toEqual([]);
  });
});

test('我的预约: a rescheduled appointment reads 已改约 with where it moved; current ones come before the history', async () => {
  await actAsPersona(page(), journey.harness.cloud.url, CITIZEN, (name) => journey.browser.shot(name));
  await setElder(false);
  // Booked, then moved (the old one becomes history), then a newer booking of another business
  // cancelled: the function lists that cancelled one first (newest first).
  const first = await call('reserve', { hallId: HALL, business: BUSINESS, slotId: day.slots[0].slotId }, 'screens-first');
  const moved = await call('reschedule', { appointmentId: first.id, slotId: day.slots[1].slotId }, 'screens-move');
  const laterDay = day.dates.find((d) => d !== day.today && !day.closedDates.includes(d))!;
  const laterSlots = (await call('availability', { hallId: HALL, business: OTHER_BUSINESS, date: laterDay })).slots;
  const other = await call('reserve', { hallId: HALL, business: OTHER_BUSINESS, slotId: laterSlots[0].slotId }, 'screens-other');
  await call('cancel', { appointmentId: other.id }, 'screens-other-cancel');
  const listed = (await call('myAppointments', {})).appointments.map((a: { id: string }) => a.id);
  expect(listed.indexOf(other.id)).toBeLessThan(listed.indexOf(moved.id));

  for (const [mode, elder] of [
    ['normal', false],
    ['elder', true],
  ] as const) {
    await setElder(elder);
    await open('packages/booking/mine/index');
    const cards = visible('.appointment');
    await visible(`.appointment[data-appointment="${other.id}"]`).waitFor();
    const order = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-appointment')));
    expect(order[0]).toBe(moved.id);
    expect(order.indexOf(moved.id)).toBeLessThan(order.indexOf(first.id));
    expect(order.indexOf(moved.id)).toBeLessThan(order.indexOf(other.id));

    const old = visible(`.appointment[data-appointment="${first.id}"]`);
    const oldText = await old.innerText();
    expect(oldText).toContain('已改约');
    expect(oldText).not.toContain('已取消');
    expect(oldText).toContain(`已改至`);
    expect(oldText).toContain(`${day.slots[1].start}–`);
    expect(await visible(`.appointment[data-appointment="${other.id}"]`).innerText()).toContain('已取消');
    expect(await visible(`.appointment[data-appointment="${moved.id}"]`).innerText()).toContain('待办理');
    expect(await visible('.my-appointments__group').innerText()).toBe('历史预约');
    await journey.browser.shot(`b12-my-appointments-${mode}`);

    // The old ticket says where it went, not 已取消.
    await open(`packages/booking/ticket/index?id=${first.id}`);
    const head = visible('.ticket__head');
    await head.waitFor();
    expect(await head.innerText()).toContain('已改约');
    expect(await visible('[data-moved-to]').innerText()).toContain(`${day.slots[1].start}–`);
    await journey.browser.shot(`b12-ticket-rescheduled-${mode}`);
  }
  await setElder(false);
  expect(journey.pageErrors).toEqual([]);
});
