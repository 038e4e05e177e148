/**
 * Door-to-door service (issue 17) in the H5 build against the local cloud: the citizen asks from
 * 我的 → 上门服务 for his mother (a family member he acts for); the 龙华 hall's lead (the local officer,
 * made its lead) assigns two officers and a time on 上门服务安排; the citizen confirms it on 我的上门服务;
 * the officer marks it done; the citizen sees 已上门办理.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';

jest.setTimeout(240_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
/** The forms check the window on the device's clock (Shanghai), as the functions do on theirs. */
const IN_TWO_DAYS = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);

const journey = useJourney();

test('request a home visit for a family member, the lead assigns it, the citizen confirms, the officer marks it done', async () => {
  const h = journey.harness;
  const url = h.cloud.url;
  await localDatabase(url)
    .collection('accounts')
    .doc(OFFICER)
    .update({ leads: [HALL] });
  const added = await h.call('identity', { action: 'addFamilyMember', data: { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' } }, CITIZEN);
  expect(added.body.ok).toBe(true);
  const page = journey.browser.page;
  const visible = (selector: string) => page.locator(`${selector}:visible`);
  const button = (text: string) => visible('taro-button-core').filter({ hasText: text }).first();
  const chip = (text: string) => visible('.chip').filter({ hasText: text }).first();
  const fill = (field: string, value: string) => visible(`[data-field="${field}"] input, input[data-field="${field}"]`).first().fill(value);

  // The citizen, from 我的.
  await actAs(page, url, CITIZEN);
  await visible('[data-row="home-visits"]').first().click();
  await button('申请上门服务').click();
  await chip('父母').click();
  await chip('海口市公安局龙华分局户政服务大厅').click();
  await chip('户籍类证明开具').click();
  await chip('高龄（70周岁以上）行动不便').click();
  await fill('detail', '龙华路18号3栋502');
  await fill('phone', '13800138000');
  await button('提交申请').click();
  await page.getByText('大厅负责人将安排民警和上门时间，请留意通知').first().waitFor();
  expect(await visible('.hv__item').first().innerText()).toContain('（家人代办）');
  await journey.browser.shot('90-home-visit-requested');

  // The hall's lead assigns officers and a time.
  await actAs(page, url, OFFICER);
  await visible('[data-row="hall-home-visits"]').first().click();
  await page.getByText('13800138000', { exact: false }).first().waitFor();
  await visible('[data-action="assign"]').first().click();
  await fill('officers', '张警官、李警官');
  await fill('date', IN_TWO_DAYS);
  await fill('from', '09:00');
  await fill('to', '11:00');
  await button('确定安排').click();
  await page.getByText('已安排，群众已收到微信通知').first().waitFor();
  await journey.browser.shot('91-home-visit-assigned');

  // The citizen confirms the time.
  await actAs(page, url, CITIZEN);
  await page.goto(`${url}/#/packages/homeVisit/mine/index`);
  await page.getByText(`上门时间：${IN_TWO_DAYS} 09:00-11:00`).first().waitFor();
  await button('确认上门时间').click();
  await page.getByText('请在约定时间在家等候，备好身份证件和相关材料').first().waitFor();

  // Before the day, marking it done is not offered. On the day, after the window, it is overdue
  // and the officer marks it done; the citizen sees it.
  await actAs(page, url, OFFICER);
  await page.goto(`${url}/#/packages/homeVisit/hall/index`);
  await page.getByText('按约定时间上门').first().waitFor();
  expect(await visible('[data-action="complete"]').count()).toBe(0);
  h.setNow(new Date(`${IN_TWO_DAYS}T17:00:00+08:00`));
  await page.reload();
  await page.getByText('约定的上门时间已过').first().waitFor();
  await visible('[data-action="complete"]').first().click();
  await page.getByText('已标记办结').first().waitFor();
  await actAs(page, url, CITIZEN);
  await page.goto(`${url}/#/packages/homeVisit/mine/index`);
  await page.getByText('已上门办理完毕').first().waitFor();
  await journey.browser.shot('92-home-visit-done');
  h.setNow(undefined);
  expect(journey.pageErrors).toEqual([]);
});
