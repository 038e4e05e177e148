/**
 * Issue 17's fair release subpackage (packages/release) of the REAL weapp build in
 * miniprogram-simulate: the 龙华 hall's lead (the local officer, made its lead) opens 10 December to
 * a draw on 摇号放号管理; the citizen finds it on 摇号放号, applies on 参加摇号 with a preferred slot
 * and sees it on 我的摇号申请; after the window the timer draws; the citizen sees the place won and
 * the 摇号公示 page with the commitment, the seed (which hashes to it) and their ticket in the order.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { createHash } from 'node:crypto';
import { localDatabase } from '../../devcloud/localDatabase';
import { waitFor } from './support/waitFor';
import { byClass, textOf } from './support/wxDom';
import { WAIT, expectClean, idle, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const HALL = 'haikou-longhua';
const DAY = '2026-12-10';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const chip = (page: { dom: Element }, text: string) => waitFor(() => byClass(page.dom, 'chip').find((c) => textOf(c) === text) ?? false, { ...WAIT, what: `chip ${text}` });
const input = (page: { dom: Element }) => waitFor(() => page.dom.querySelector<HTMLElement>('wx-input') ?? false, { ...WAIT, what: 'the date input' });
/** The page's codes in order: the commitment, the seed (once drawn), then the tickets. */
const codes = (page: { dom: Element }, count: number) =>
  waitFor(() => (byClass(page.dom, 'rl__code').length >= count ? byClass(page.dom, 'rl__code').map(textOf) : false), { ...WAIT, what: `${count} codes` });
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/release/list/index', persona: CITIZEN });
  s.cloud.harness.setNow(new Date('2026-12-02T10:00:00+08:00'));
  await localDatabase(s.cloud.harness.cloud.url)
    .collection('accounts')
    .doc(OFFICER)
    .update({ leads: [HALL] });
});
afterAll(async () => {
  await s?.close();
});

test('摇号放号管理 → 摇号放号 → 参加摇号 → 我的摇号申请 → the draw → 摇号公示', async () => {
  // The lead opens the day to a draw, the disabled first.
  s.actAs(OFFICER);
  const lead = s.open('packages/release/lead/index', { hallId: HALL });
  await withText(lead, '设置摇号放号');
  s.type(lead, await input(lead), DAY);
  s.tap(lead, await chip(lead, '残疾人'));
  await idle(lead);
  s.tap(lead, await withText(lead, '开始接受摇号申请'));
  await withText(lead, '申请中');
  await withText(lead, '申请 0 份（撤回 0）');
  expectClean(s, lead);
  lead.close();

  // The citizen finds it and applies.
  s.actAs(CITIZEN);
  const list = s.open('packages/release/list/index', { hallId: HALL });
  await waitFor(() => list.dom.textContent?.includes('12月10日') || false, { ...WAIT, what: 'the day listed' });
  s.tap(list, await withText(list, '参加摇号'));
  const moved = await waitFor(() => s.wx.platform.moves.find((m) => m.url?.startsWith('/packages/release/apply/index')) ?? false, { ...WAIT, what: 'to 参加摇号' });
  expect(moved.url).toBe(`/packages/release/apply/index?hallId=${HALL}&date=${DAY}`);
  list.close();

  const apply = s.open('packages/release/apply/index', { hallId: HALL, date: DAY });
  s.tap(apply, await chip(apply, '户籍类证明开具'));
  const slot = await waitFor(() => byClass(apply.dom, 'chip').find((c) => /^\d\d:\d\d–\d\d:\d\d$/.test(textOf(c))) ?? false, { ...WAIT, what: 'a slot chip' });
  const start = textOf(slot).slice(0, 5);
  s.tap(apply, slot);
  await chip(apply, `1. ${textOf(slot)}`);
  await idle(apply);
  s.tap(apply, await withText(apply, '提交摇号申请'));
  const toMine = await waitFor(() => s.wx.platform.moves.find((m) => m.api === 'redirectTo') ?? false, { ...WAIT, what: 'redirect to 我的摇号申请' });
  expect(toMine.url).toMatch(/^\/packages\/release\/mine\/index\?ticket=[\w-]+$/);
  const ticket = toMine.url!.split('ticket=')[1]!;
  expectClean(s, apply);
  apply.close();

  const mine = s.open('packages/release/mine/index', { ticket });
  await withText(mine, '已申请，等待摇号');
  expect(mine.dom.textContent).toContain(`意向时段：${start}`);
  expect(byClass(mine.dom, 'rl__highlight')).toHaveLength(1);
  mine.close();

  // The window closes; the timer draws.
  s.cloud.harness.setNow(new Date('2026-12-02T11:05:00+08:00'));
  expect(await s.cloud.harness.timer('booking', 'runReleaseDraws')).toMatchObject({ ok: true });

  const after = s.open('packages/release/mine/index', { ticket });
  await withText(after, '已中签，预约成功');
  await withText(after, '摇号顺位：第 1 位');
  expect(after.dom.textContent).toContain(`预约时段：${start}`);
  s.tap(after, await withText(after, '摇号公示'));
  const toDraw = await waitFor(() => s.wx.platform.moves.find((m) => m.url?.startsWith('/packages/release/draw/index')) ?? false, { ...WAIT, what: 'to 摇号公示' });
  expect(toDraw.url).toBe(`/packages/release/draw/index?hallId=${HALL}&date=${DAY}&ticket=${ticket}`);
  after.close();

  const draw = s.open('packages/release/draw/index', { hallId: HALL, date: DAY, ticket });
  await withText(draw, '已摇号');
  const [commitment, seed] = await codes(draw, 3);
  // The page's own "how to check": the seed hashes to the commitment published when applications opened.
  expect(sha256(`hukou-fair-release-seed:${seed}`)).toBe(commitment);
  expect(byClass(draw.dom, 'rl__order--mine').map(textOf).join('')).toContain(ticket);
  await withText(draw, '如何复核');
  expectClean(s, draw);
  draw.close();

  // The lead sees the result counted.
  s.actAs(OFFICER);
  const result = s.open('packages/release/lead/index', { hallId: HALL });
  await withText(result, '申请 1 份（撤回 0）：中签 1，候补 0');
  result.close();
});
