/**
 * The waiting-list subpackage (issue 17) of the REAL weapp build in miniprogram-simulate: a citizen
 * joins the waiting list of a full day on 加入候补 and sees it 候补中, first in line, on 我的候补;
 * another citizen cancels; the place is offered (a notice sent), with a countdown; 放弃 asks first
 * (answered 再想想: nothing changes); 接受并预约 books it and leads to the ticket.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { fullDay, type FullDay } from '../support/fullDay';
import { waitFor } from './support/waitFor';
import { WAIT, expectClean, idle, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
let s: WeappSession;
let day: FullDay;
let other: string;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/waitlist/mine/index', persona: CITIZEN });
  [other] = (await seedVerifiedCitizens(s.cloud.harness.cloud.url, 'mp-wait', 1)) as [string];
  day = await fullDay(s.cloud.harness, HALL, BUSINESS, other);
});
afterAll(async () => {
  await s?.close();
});

test('加入候补 → 我的候补 (first in line) → an offer with its countdown → 接受并预约 → the ticket', async () => {
  const join = s.open('packages/waitlist/join/index', { q: `${HALL},${BUSINESS},${day.date},` });
  await withText(join, '海口市公安局龙华分局户政服务大厅');
  expect(join.dom.textContent).toContain('本人');
  // The hall's own hold time, read for the page (30 until its lead sets one).
  await waitFor(() => join.dom.textContent?.includes('名额提供给您后会为您保留30分钟') || false, { ...WAIT, what: 'the hold time' });
  await idle(join);
  s.wx.platform.subscriptions.push('accept');
  s.tap(join, await withText(join, '确认加入候补'));
  const moved = await waitFor(() => s.wx.platform.moves.find((m) => m.api === 'redirectTo') ?? false, { ...WAIT, what: 'redirect to 我的候补' });
  expect(moved.url).toMatch(/^\/packages\/waitlist\/mine\/index\?id=.+&joined=1$/);
  expectClean(s, join);
  join.close();

  const query = Object.fromEntries(new URLSearchParams(moved.url!.split('?')[1]));
  const mine = s.open('packages/waitlist/mine/index', query);
  await withText(mine, '已加入候补，您排在第1位。有名额时会通知您。');
  expect(mine.dom.textContent).toContain('候补中');
  expect(mine.dom.textContent).toContain('您排在候补第1位');
  expect(mine.dom.textContent).toContain('退出候补');
  mine.close();

  // The other citizen cancels: the place is held for this one, who is told.
  const cancelled = await s.cloud.harness.call('booking', { action: 'cancel', data: { appointmentId: day.appointmentId }, requestId: 'mp-wait-cancel-1' }, other);
  expect(cancelled.body.ok).toBe(true);
  expect(s.cloud.harness.cloud.notifications.at(-1)).toMatchObject({ openid: CITIZEN, templateId: 'local-progress-template' });

  const offered = s.open('packages/waitlist/mine/index');
  await withText(offered, '有名额待确认');
  expect(offered.dom.textContent).toContain(`${day.start} 时段`);
  await waitFor(() => /剩余 \d+分\d{2}秒/.test(offered.dom.textContent ?? ''), { ...WAIT, what: 'the countdown' });
  // 放弃 asks first; the stand-in answers 再想想: the offer stands.
  s.tap(offered, await withText(offered, '放弃'));
  await waitFor(() => s.wx.modals.length > 0 || false, { ...WAIT, what: 'the 放弃 dialog' });
  expect(offered.dom.textContent).toContain('有名额待确认');
  s.tap(offered, await withText(offered, '接受并预约'));
  const ticket = await waitFor(() => s.wx.platform.moves.find((m) => m.api === 'redirectTo' && m.url?.startsWith('/packages/booking/ticket/')) ?? false, {
    ...WAIT,
    what: 'redirect to the ticket',
  });
  expect(ticket.url).toMatch(/^\/packages\/booking\/ticket\/index\?id=/);
  expectClean(s, offered);
  offered.close();

  const after = s.open('packages/waitlist/mine/index');
  await withText(after, '已通过候补预约成功，请按预约时间前往大厅办理。');
  expect(after.dom.textContent).toContain('查看预约凭证');
  after.close();

  // Booked now: joining a list for the same business is refused as booking is, with the way to the booking.
  const again = s.open('packages/waitlist/join/index', { q: `${HALL},${BUSINESS},${day.date},` });
  await withText(again, '海口市公安局龙华分局户政服务大厅');
  await idle(again);
  s.tap(again, await withText(again, '确认加入候补'));
  await withText(again, '您已有该事项的预约，请先办理或取消原预约');
  await withText(again, '查看我的预约 ›');
  again.close();
});

test("候补情况: the hall's officer sees the hold time its lead set (not theirs to change) and who waits", async () => {
  s.actAs('local-officer');
  const hall = s.open('packages/waitlist/hall/index');
  await withText(hall, '当前为30分钟（由大厅负责人设置）。');
  expect(hall.dom.textContent).toContain('今后两周的候补');
  expect(s.functionErrors()).toEqual([]);
  hall.close();
  s.actAs(CITIZEN);
});
