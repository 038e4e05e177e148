/**
 * Fair release (issue 17) in the H5 build against the local cloud: the 龙华 hall's lead (the local
 * officer, made its lead) goes from 值班与特别办公时间 to 摇号放号管理 and opens 10 December to a draw;
 * the citizen finds it from the booking page's 摇号放号的日期, applies with a preferred slot on 参加摇号;
 * the window closes and the timer draws; the citizen sees the place won on 我的摇号申请 and the
 * 摇号公示 page with the seed, which hashes to the commitment, and their ticket in the order.
 */
import { createHash } from 'node:crypto';
import { localDatabase } from '../../devcloud/localDatabase';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(240_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
const DAY = '2026-12-10';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const journey = useJourney();

test('a lead opens a draw, a citizen applies in its window, the draw runs, the citizen sees the result and the public draw', async () => {
  const h = journey.harness;
  const url = h.cloud.url;
  h.setNow(new Date('2026-12-02T10:00:00+08:00'));
  await localDatabase(url)
    .collection('accounts')
    .doc(OFFICER)
    .update({ leads: [HALL] });
  const page = journey.browser.page;
  const visible = (selector: string) => page.locator(`${selector}:visible`);
  const button = (text: string) => visible('taro-button-core').filter({ hasText: text }).first();
  const chip = (text: string) => visible('.chip').filter({ hasText: text }).first();

  // The lead, from the hall admin page.
  await actAs(page, url, OFFICER);
  await page.goto(`${url}/#/packages/hallAdmin/hours/index`);
  await visible('.ha__link').filter({ hasText: '摇号放号' }).first().click();
  await page.getByText('设置摇号放号').first().waitFor();
  await visible('[data-field="date"] input, input[data-field="date"]').first().fill(DAY);
  await chip('残疾人').click();
  await button('开始接受摇号申请').click();
  await page.getByText('申请 0 份（撤回 0）').first().waitFor();
  await journey.browser.shot('95-release-opened');

  // The citizen, from the booking page's link.
  await actAs(page, url, CITIZEN);
  await page.goto(`${url}/#/packages/booking/book/index?business=household-certificate&hall=${HALL}`);
  await visible('.picker-hint').filter({ hasText: '摇号放号的日期' }).first().click();
  await page.getByText('12月10日').first().waitFor();
  await visible('.rl__link').filter({ hasText: '参加摇号' }).first().click();
  await chip('户籍类证明开具').click();
  const slot = visible('[data-chips="slots"] .chip').first();
  const slotText = (await slot.innerText()).trim();
  await slot.click();
  await chip(`1. ${slotText}`).waitFor();
  await button('提交摇号申请').click();
  await page.getByText('已申请，等待摇号').first().waitFor();
  await journey.browser.shot('96-release-applied');

  // The window closes; the platform's timer draws.
  h.setNow(new Date('2026-12-02T11:05:00+08:00'));
  expect(await h.timer('booking', 'runReleaseDraws')).toMatchObject({ ok: true });
  await page.goto(`${url}/#/packages/release/mine/index`);
  await page.getByText('已中签，预约成功').first().waitFor();
  await page.getByText('摇号顺位：第 1 位').first().waitFor();
  const ticket = (await visible('.rl__item').first().getAttribute('data-ticket'))!;

  await visible('.rl__link').filter({ hasText: '摇号公示' }).first().click();
  await page.getByText('随机种子（摇号时公布）').first().waitFor();
  const commitment = (await visible('[data-field="commitment"]').first().innerText()).trim();
  const seed = (await visible('[data-field="seed"]').first().innerText()).trim();
  expect(sha256(`hukou-fair-release-seed:${seed}`)).toBe(commitment);
  expect(await visible('.rl__order--mine').first().innerText()).toContain(ticket);
  await journey.browser.shot('97-release-drawn');
  h.setNow(undefined);
  expect(journey.pageErrors).toEqual([]);
});
