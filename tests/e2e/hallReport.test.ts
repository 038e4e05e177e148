/**
 * Issue 16, the numbers a bureau reports, in the H5 build: an officer of a hall opens 统计报表 from
 * 今日预约, chooses a day, reads the counts the function aggregated (the same as `hallReport`
 * answers), steps to the next day and back, and exports the report as CSV; an admin is offered every hall.
 */
import { readFileSync } from 'node:fs';
import { walkInTicket } from '../../core/queue/newTicket';
import { shanghaiDate } from '../../core/time/shanghai';
import { inviteOfficer } from '../support/verifiedOfficer';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(180_000);

const OFFICER = 'e2e-report-officer';
const HALL = 'haikou-longhua';
const journey = useJourney();
const page = () => journey.browser.page;

test('an officer reads a day of the hall, steps through days and exports the CSV', async () => {
  const { harness } = journey;
  await inviteOfficer(harness, OFFICER, [HALL]);
  const today = shanghaiDate(Date.now());
  const base = {
    subjectNameEnc: 'enc',
    hallId: HALL,
    business: 'id-card-renewal',
    date: today,
    start: '09:00',
    end: '09:30',
    claims: [],
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await harness.cloud.database.direct.insert(
    'appointments',
    (['checkedIn', 'noShow', 'cancelled'] as const).map((status, i) => ({
      ...base,
      _id: `report-e2e-${i}`,
      actorOpenid: `report-citizen-${i}`,
      subjectResidentId: `report-r-${i}`,
      subjectIdIndex: `report-idx-${i}`,
      slotId: `${HALL}:${today}:0900`,
      refNumber: String(70_000_000 + i),
      status,
    })),
  );

  // Two numbers of the day on the floor: a booked arrival served at window 1 in 6 minutes, a walk-in of the green channel still waiting.
  const t0 = new Date(`${today}T09:00:00+08:00`);
  const after = (m: number) => new Date(t0.getTime() + m * 60_000);
  await harness.cloud.database.direct.insert('queue_tickets', [
    {
      ...walkInTicket('report-e2e-t1', HALL, today, 901, t0),
      source: 'booked',
      status: 'done',
      window: '1',
      calls: 1,
      firstCalledAt: after(10),
      lastCalledAt: after(10),
      servedAt: after(11),
      doneAt: after(17),
      handled: 'id-card-renewal',
    },
    { ...walkInTicket('report-e2e-t2', HALL, today, 902, after(5)), green: { reason: 'elderly', by: OFFICER, at: after(5) } },
  ]);

  await actAs(page(), harness.cloud.url, OFFICER, (name) => journey.browser.shot(name));
  await page().goto('about:blank');
  await page().goto(`${harness.cloud.url}/#/packages/officer/day/index`);
  await page().locator('.day__refresh:visible', { hasText: '统计报表' }).click();
  await page().locator('.stats__report:visible').waitFor({ timeout: 60_000 });

  await page().locator('.stats__kind:visible[data-kind="day"]').click();
  const report = page().locator(`.stats__report:visible[data-period="${today}/${today}"]`);
  await report.waitFor();
  const answer = await harness.call('booking', { action: 'hallReport', data: { hallId: HALL, period: { kind: 'day', date: today } } }, OFFICER);
  expect(answer.body.ok).toBe(true);
  const totals = answer.body.data.totals;
  // The three made here are among the day's (the demo seed may book more).
  expect(totals.checkedIn).toBeGreaterThanOrEqual(1);
  expect(totals.noShow).toBeGreaterThanOrEqual(1);
  expect(totals.cancelled).toBeGreaterThanOrEqual(1);
  for (const key of ['appointments', 'checkedIn', 'noShow', 'cancelled']) {
    expect(await report.locator(`[data-total="${key}"] .stats__total-number`).innerText()).toBe(String(totals[key]));
  }
  expect(await report.locator('.stats__business[data-business="id-card-renewal"]').innerText()).toContain('到期换领居民身份证');
  // The floor: what the function counted of the day's numbers and consultations.
  const floor = answer.body.data.floor;
  expect(await report.locator('[data-field="consultations"]').innerText()).toContain(`咨询 ${floor.consultations.asked}`);
  expect(floor.walkIns).toBeGreaterThanOrEqual(1);
  expect(floor.greenByReason).toContainEqual(expect.objectContaining({ reason: 'elderly' }));
  expect(await report.locator('[data-field="taken"]').innerText()).toContain(`取号 ${floor.bookedArrivals + floor.walkIns}`);
  expect(await report.locator('[data-field="green"]').innerText()).toContain('老年人');
  await journey.browser.shot('hall-report-day');

  // The next day, then back.
  await page().locator('.stats__step:visible[data-step="1"]').click();
  await page()
    .locator('.stats__report:visible:not([data-period^="' + today + '"])')
    .waitFor();
  await page().locator('.stats__step:visible[data-step="-1"]').click();
  await report.waitFor();

  const [download] = await Promise.all([page().waitForEvent('download'), report.locator('.stats__export-button').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF大厅,')).toBe(true);
  expect(csv).toContain(`统计时段,${today}`);
  expect(csv).toContain(`到期换领居民身份证,`);
  expect(csv).toContain(`合计,${totals.appointments},${totals.booked},${totals.checkedIn},${totals.noShow},${totals.cancelled}`);
  expect(csv).toContain(`现场取号,${floor.walkIns}\r\n`);
  await report.locator('.stats__exported', { hasText: '已下载' }).waitFor();

  // The month view: a chart of every day.
  await page().locator('.stats__kind:visible[data-kind="month"]').click();
  await page().locator('.stats__report:visible .stats__bar-row').first().waitFor();
  await journey.browser.shot('hall-report-month');
  expect(journey.pageErrors).toEqual([]);
});

test('an admin reads any hall’s numbers: every hall is offered', async () => {
  const { harness } = journey;
  const halls = (await harness.call('guide', { action: 'halls', data: {} })).body.data.halls as Array<{ id: string }>;
  await actAs(page(), harness.cloud.url, 'local-admin', (name) => journey.browser.shot(name));
  await page().goto('about:blank');
  await page().goto(`${harness.cloud.url}/#/packages/stats/report/index`);
  await page().locator('.stats__report:visible').waitFor({ timeout: 60_000 });
  const offered = await page()
    .locator('.hall-chips:visible .chip[data-hall]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-hall')));
  expect(offered.sort()).toEqual(halls.map((h) => h.id).sort());
  await journey.browser.shot('hall-report-admin');
  expect(journey.pageErrors).toEqual([]);
});
