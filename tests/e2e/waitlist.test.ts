/**
 * The waiting list (issue 17) in the H5 build against the local cloud: the day the citizen wants is
 * full; on 预约办理 he is offered 加入候补 and joins it for his mother (a family member he acts for);
 * 我的候补 shows her first in line. Another citizen cancels: the place is held for her and he is
 * told; from 我的 → 我的候补 he sees the offer with its countdown, accepts it, and sees the ticket.
 * The hall's lead (the local officer, made its lead) sets on 候补情况 how long an offered place is
 * held, which the citizen reads before joining, and sees who waits.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { fullDay } from '../support/fullDay';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(240_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
const MOTHER = 'resident-004';

const journey = useJourney();

test('join the waiting list of a full day, another cancels, the offer is accepted and the ticket shown', async () => {
  const h = journey.harness;
  const url = h.cloud.url;
  const added = await h.call('identity', { action: 'addFamilyMember', data: { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' } }, CITIZEN);
  expect(added.body.ok).toBe(true);
  const [other] = (await seedVerifiedCitizens(url, 'e2e-wait', 1)) as [string];
  const day = await fullDay(h, HALL, BUSINESS, other);
  const page = journey.browser.page;
  const visible = (selector: string) => page.locator(`${selector}:visible`);
  const button = (text: string) => visible('taro-button-core').filter({ hasText: text }).first();

  // The hall's lead sets the hold time on 候补情况 (我的 → 窗口工作).
  await localDatabase(url)
    .collection('accounts')
    .doc(OFFICER)
    .update({ leads: [HALL] });
  await actAs(page, url, OFFICER);
  await visible('[data-row="hall-waitlists"]').first().click();
  await page.getByText('暂无群众候补。').first().waitFor();
  await visible('[data-field="hold-minutes"] input').first().fill('45');
  await button('保存').click();
  await page.getByText('已保存：今后提供的候补名额保留45分钟').first().waitFor();

  // 预约办理: the day is full; 加入候补 for his mother.
  await actAs(page, url, CITIZEN);
  await page.goto(`${url}/#/packages/booking/book/index?business=${BUSINESS}&hall=${HALL}`);
  await visible(`.date-chip--on[data-date="${day.date}"]`).waitFor();
  await page.getByText('当日已没有可预约的时段').first().waitFor();
  await visible(`[data-who="${MOTHER}"]`).click();
  await journey.browser.shot('93-waitlist-full-day');
  await page.getByText('加入候补 ›').first().click();
  const row = (text: string) => visible('.wl-join .summary-row').filter({ hasText: text }).first();
  await row('海口市公安局龙华分局户政服务大厅').waitFor();
  await row('张*兰 · 父母').waitFor();
  await visible('[data-field="hold"]').filter({ hasText: '保留45分钟' }).first().waitFor();
  await journey.browser.shot('94-waitlist-join');
  await button('确认加入候补').click();
  await visible('[data-field="note"]').filter({ hasText: '已加入候补，您排在第1位' }).first().waitFor();
  expect(await visible('.wl__item').first().innerText()).toContain('（家人代办）');
  await journey.browser.shot('95-waitlist-waiting');

  // The hall sees one waiting for that day (a count, no name).
  await actAs(page, url, OFFICER);
  await page.goto(`${url}/#/packages/waitlist/hall/index`);
  await visible(`[data-line="${day.date}:${BUSINESS}"]`).filter({ hasText: '1人候补' }).first().waitFor();
  await journey.browser.shot('98-waitlist-hall');

  // The other citizen cancels: the place is held for her, and he is told.
  const sent = h.cloud.notifications.length;
  const cancelled = await h.call('booking', { action: 'cancel', data: { appointmentId: day.appointmentId }, requestId: 'e2e-wait-cancel-1' }, other);
  expect(cancelled.body.ok).toBe(true);
  expect(h.cloud.notifications.slice(sent)).toEqual([expect.objectContaining({ openid: CITIZEN, templateId: 'local-progress-template' })]);

  // From 我的 → 我的候补: the offer, its countdown; accepted, the ticket.
  await actAs(page, url, CITIZEN);
  await visible('[data-row="waitlist"]').first().click();
  await visible('.wl__item[data-state="offered"]').first().waitFor();
  await expect(visible('[data-field="offer"]').first().innerText()).resolves.toContain(`${day.start} 时段`);
  await expect(visible('[data-field="countdown"]').first().innerText()).resolves.toMatch(/剩余 \d+分\d{2}秒/);
  await journey.browser.shot('96-waitlist-offered');
  // The same in 长辈模式 (larger text): the offer, the time left and both steps still show.
  await page.evaluate(() => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: true })));
  await page.reload();
  await visible('.page--elder .wl__item[data-state="offered"]').first().waitFor();
  await visible('[data-field="countdown"]').first().waitFor();
  await journey.browser.shot('96-waitlist-offered-elder');
  await page.evaluate(() => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: false })));
  await page.reload();
  await visible('.wl__item[data-state="offered"]').first().waitFor();
  await button('接受并预约').click();
  await visible('.ticket__root[data-status="booked"]').waitFor();
  const ticket = await visible('.ticket__root').first().innerText();
  expect(ticket).toContain(`${day.start}–`);
  expect(ticket).toContain('（家人代办）');
  await journey.browser.shot('97-waitlist-ticket');

  // 我的候补 says it is booked, with the way to the ticket.
  await page.goto(`${url}/#/packages/waitlist/mine/index`);
  await visible('.wl__item[data-state="booked"]').filter({ hasText: '已通过候补预约成功' }).first().waitFor();
  expect(journey.pageErrors).toEqual([]);
});
