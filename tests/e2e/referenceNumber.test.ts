/**
 * 预约号 when the QR code cannot be scanned, in the H5 build against the local cloud: the citizen's
 * ticket shows the number large and grouped; the officer types it on the scan page (a misheard
 * number is refused at once), sees the person masked, types the last four of the ID number from
 * the card (a wrong ending is refused and counted) and checks the citizen in; 我的预约 shows it too.
 */
import { parseReferenceNumber } from '../../core/reference/referenceNumber';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';

jest.setTimeout(180_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'household-certificate';
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
/** 王建国 (local-citizen): 460106198503141311. */
const LAST4 = '1311';

const journey = useJourney();

const button = (text: string) => journey.browser.page.locator('taro-button-core:visible', { hasText: text }).first();
const visible = (selector: string) => journey.browser.page.locator(`${selector}:visible`);
const actAs = (persona: string) => actAsPersona(journey.browser.page, journey.harness.cloud.url, persona, (name) => journey.browser.shot(name));

async function open(route: string): Promise<void> {
  await journey.browser.page.goto('about:blank');
  await journey.browser.page.goto(`${journey.harness.cloud.url}/#/${route}`);
}

/** Books the first slot of the next day the hall offers the business; the functions' clock is then 10 minutes before it. */
async function bookNextDay(): Promise<{ id: string; refNumber: string }> {
  const today = shanghaiDate(new Date());
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    journey.harness.setNow(shanghaiInstant(date, '05:00'));
    const res = await journey.harness.call('booking', { action: 'availability', data: { hallId: HALL, business: BUSINESS, date } }, CITIZEN);
    const first = res.body.data.slots[0];
    if (!first) continue;
    const booked = await journey.harness.call(
      'booking',
      { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: first.slotId }, requestId: `e2e-refnum-${Date.now()}` },
      CITIZEN,
    );
    expect(booked.body.ok).toBe(true);
    journey.harness.setNow(new Date(shanghaiInstant(date, first.start).getTime() - 10 * 60_000));
    return booked.body.data;
  }
  throw new Error(`${HALL} takes no bookings of ${BUSINESS} in the next 14 days`);
}

const tokenInput = () => journey.browser.page.locator('[data-field="token"]:visible textarea, textarea[data-field="token"]:visible').first();
const last4Input = () => journey.browser.page.locator('[data-field="id-last4"]:visible input, input[data-field="id-last4"]:visible').first();

test('the ticket shows the 预约号; the officer types it, confirms the ID number’s last four and checks the citizen in', async () => {
  const booked = await bookNextDay();

  // The citizen's ticket: the number, large, in two groups of four.
  await actAs(CITIZEN);
  await open(`packages/booking/ticket/index?id=${booked.id}`);
  const shown = visible('.ticket__qr-card [data-ref-number]');
  await shown.waitFor();
  const spoken = await shown.locator('.ref-number__value').innerText();
  expect(spoken).toMatch(/^\d{4} \d{4}$/);
  expect(parseReferenceNumber(spoken)).toEqual({ ok: true, number: booked.refNumber });
  expect(await shown.innerText()).toContain('预约号');
  await journey.browser.shot('60-ticket-ref-number');

  // 我的预约 shows it as well.
  await open('packages/booking/mine/index');
  const card = visible(`.appointment[data-appointment="${booked.id}"]`);
  await card.waitFor();
  expect(await card.locator('[data-ref-number]').innerText()).toContain(spoken);
  await journey.browser.shot('61-mine-ref-number');

  // The officer: a misheard number is refused before any lookup.
  await actAs(OFFICER);
  await open('packages/officer/scan/index');
  await tokenInput().waitFor();
  const wrongDigit = `${spoken.slice(0, 2)}${(Number(spoken[2]) + 1) % 10}${spoken.slice(3)}`;
  await tokenInput().fill(wrongDigit);
  await button('查询预约号').click();
  await visible('[data-field="number-problem"]').waitFor();
  expect(await visible('[data-field="number-problem"]').innerText()).toContain('校验位不符');
  await journey.browser.shot('62-scan-number-misheard');

  // The right number: the person, masked, and the identity check.
  await tokenInput().fill(spoken);
  await button('查询预约号').click();
  const found = visible(`[data-found="${booked.id}"]`);
  await found.waitFor();
  const foundText = await found.innerText();
  expect(foundText).toContain('王**');
  expect(foundText).toContain('4601**************');
  expect(foundText).not.toContain(LAST4);
  expect(containsUnmaskedIdOrPhone(foundText)).toEqual([]);
  await journey.browser.shot('63-scan-number-found');

  // A wrong ending: refused, counted.
  await last4Input().fill('0000');
  await button('核对并签到').click();
  await visible('[data-result="refused"][data-error-code="IDENTITY_CHECK_FAILED"]').waitFor();
  expect(await visible('[data-result="refused"]').innerText()).toContain('还可核对2次');
  await journey.browser.shot('64-scan-identity-mismatch');

  // The ending on the card: checked in, a queue number.
  await last4Input().fill(LAST4);
  await button('核对并签到').click();
  const ok = visible('[data-result="ok"]');
  await ok.waitFor();
  expect(await ok.locator('[data-queue-number]').getAttribute('data-queue-number')).toMatch(/^\d+$/);
  expect(await ok.innerText()).toContain('王**');
  await journey.browser.shot('65-scan-checked-in-by-number');

  // The citizen sees 已签到.
  await actAs(CITIZEN);
  await open(`packages/booking/ticket/index?id=${booked.id}`);
  await visible('.ticket__root[data-status="checkedIn"]').waitFor();
  await journey.browser.shot('66-ticket-checked-in-ref-number');
  expect(journey.pageErrors).toEqual([]);
});
