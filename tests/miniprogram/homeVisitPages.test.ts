/**
 * The door-to-door service subpackage (issue 17) of the REAL weapp build in miniprogram-simulate:
 * a citizen asks for a home visit on 申请上门服务 and sees it 待安排 on 我的上门服务; the 龙华 hall's
 * lead (the local officer, made its lead) sees the street and phone on 上门服务安排 and assigns
 * officers and a time (the citizen is told); the citizen confirms; the officer marks it done.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { waitFor } from './support/waitFor';
import { byClass, textOf } from './support/wxDom';
import { WAIT, expectClean, idle, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';
import { OVERDUE_NEXT_STEP } from '../../core/homeVisit/homeVisitNames';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
/** The forms check the window on the device's clock (Shanghai), as the functions do on theirs. */
const IN_TWO_DAYS = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
const chip = (page: { dom: Element }, text: string) => waitFor(() => byClass(page.dom, 'chip').find((c) => textOf(c) === text) ?? false, { ...WAIT, what: `chip ${text}` });
const inputs = (page: { dom: Element }, count: number) =>
  waitFor(() => (page.dom.querySelectorAll('wx-input').length >= count ? Array.from(page.dom.querySelectorAll<HTMLElement>('wx-input')) : false), {
    ...WAIT,
    what: `${count} inputs`,
  });
const gone = (page: { dom: Element }, text: string) => waitFor(() => !page.dom.textContent?.includes(text), { ...WAIT, what: `“${text}” gone` });
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/homeVisit/request/index', persona: CITIZEN });
  await localDatabase(s.cloud.harness.cloud.url)
    .collection('accounts')
    .doc(OFFICER)
    .update({ leads: [HALL] });
});
afterAll(async () => {
  await s?.close();
});

test('申请上门服务 → 我的上门服务 → 上门服务安排 (assign) → confirm → done', async () => {
  const request = s.open('packages/homeVisit/request/index');
  s.tap(request, await chip(request, '海口市公安局龙华分局户政服务大厅'));
  s.tap(request, await chip(request, '户籍类证明开具'));
  s.tap(request, await chip(request, '高龄（70周岁以上）行动不便'));
  // The hall's district shows above the street (its services read): the inputs are drawn for good.
  await withText(request, '海南省海口市龙华区');
  const [detail, phone] = await inputs(request, 2);
  s.type(request, detail!, '龙华路18号3栋502');
  // What is missing shows until the form can be sent (the button is enabled then).
  await withText(request, '请填写11位手机号码');
  s.type(request, phone!, '13800138000');
  await gone(request, '请填写11位手机号码');
  await idle(request);
  s.wx.platform.subscriptions.push('accept');
  s.tap(request, await withText(request, '提交申请'));
  const moved = await waitFor(() => s.wx.platform.moves.find((m) => m.api === 'redirectTo') ?? false, { ...WAIT, what: 'redirect to 我的上门服务' });
  expect(moved.url).toMatch(/^\/packages\/homeVisit\/mine\/index\?id=[\w-]+$/);
  expectClean(s, request);
  request.close();

  const mine = s.open('packages/homeVisit/mine/index', { id: moved.url!.split('id=')[1]! });
  await withText(mine, '待安排');
  expect(mine.dom.textContent).toContain('大厅负责人将安排民警和上门时间');
  expect(mine.dom.textContent).toContain('138****8000');
  expect(byClass(mine.dom, 'hv__highlight')).toHaveLength(1);
  mine.close();

  // The lead sees the street and phone in full, and assigns.
  s.actAs(OFFICER);
  const hall = s.open('packages/homeVisit/hall/index');
  await withText(hall, '请指派民警并安排上门时间，或说明原因不予受理');
  expect(hall.dom.textContent).toContain('13800138000');
  expect(hall.dom.textContent).toContain('海南省海口市龙华区龙华路18号3栋502');
  s.tap(hall, await withText(hall, '指派民警与时间'));
  const [officers, date, from, to] = await inputs(hall, 4);
  s.type(hall, officers!, '张警官、李警官');
  await withText(hall, '请选择上门日期和时间');
  s.type(hall, from!, '09:00');
  s.type(hall, to!, '11:00');
  s.type(hall, date!, IN_TWO_DAYS);
  await gone(hall, '请选择上门日期和时间');
  s.tap(hall, await withText(hall, '确定安排'));
  await withText(hall, '已安排，群众已收到微信通知');
  expect(s.cloud.harness.cloud.notifications.at(-1)).toMatchObject({ openid: CITIZEN, templateId: 'local-progress-template' });
  hall.close();

  // The citizen confirms the time.
  s.actAs(CITIZEN);
  const again = s.open('packages/homeVisit/mine/index');
  await withText(again, `上门时间：${IN_TWO_DAYS} 09:00-11:00`);
  s.tap(again, await withText(again, '确认上门时间'));
  await withText(again, '已确认上门时间');
  await withText(again, '请在约定时间在家等候，备好身份证件和相关材料');
  expectClean(s, again);
  again.close();

  // An officer of the hall marks it done, once the arranged time is over.
  s.cloud.harness.setNow(new Date(`${IN_TWO_DAYS}T17:00:00+08:00`));
  s.actAs(OFFICER);
  const done = s.open('packages/homeVisit/hall/index');
  await withText(done, OVERDUE_NEXT_STEP.hall);
  s.tap(done, await withText(done, '已上门办结'));
  await withText(done, '已标记办结');
  s.tap(done, await withText(done, '已结束'));
  await waitFor(() => byClass(done.dom, 'hv__state').some((e) => textOf(e) === '已上门办理') || false, { ...WAIT, what: 'done listed' });
  expectClean(s, done);
  done.close();
  s.cloud.harness.setNow(undefined);
});
