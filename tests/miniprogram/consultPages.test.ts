/**
 * The consultation subpackage (issue 16) of the REAL weapp build in miniprogram-simulate: a citizen
 * asks the 龙华 hall from the guide's 问答与咨询 (subscribing to the answer), the hall's officer
 * answers and publishes an edited version on 本厅咨询, the citizen reads the answer on 我的咨询 and
 * the guide page shows the published question.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { waitFor } from './support/waitFor';
import { byClass, textOf } from './support/wxDom';
import { WAIT, expectClean, idle, texts, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const BUSINESS = 'household-certificate';
const QUESTION = '我想给孩子开户籍证明，需要带哪些材料？';
const ANSWER = '请携带户口簿和您本人的身份证，到大厅当场出具。';
const PUBLISHED = '为子女开具户籍证明需要带什么？';
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/consult/ask/index', persona: CITIZEN });
  s.cloud.harness.setNow(new Date('2026-12-02T10:00:00+08:00'));
});
afterAll(async () => {
  await s?.close();
});

test('问答与咨询 → 我的咨询 → 本厅咨询 (answer, publish) → the guide shows it', async () => {
  // The citizen asks from the guide: its halls to choose from, the (still empty) FAQ.
  const ask = s.open('packages/consult/ask/index', { business: BUSINESS });
  await withText(ask, '暂无公开的问答。');
  const text = await waitFor(() => ask.dom.querySelector<HTMLElement>('wx-textarea') ?? false, { ...WAIT, what: 'question box' });
  s.type(ask, text, QUESTION);
  // The guide's halls: none chosen for the citizen.
  await withText(ask, '请先选择要咨询的大厅：');
  s.tap(ask, await withText(ask, '海口市公安局龙华分局户政服务大厅'));
  await withText(ask, '向海口市公安局龙华分局户政服务大厅提问');
  s.wx.platform.subscriptions.push('accept');
  s.tap(ask, await withText(ask, '提交咨询'));
  const moved = await waitFor(() => s.wx.platform.moves.find((m) => m.api === 'redirectTo') ?? false, { ...WAIT, what: 'redirect to 我的咨询' });
  expect(moved.url).toMatch(/^\/packages\/consult\/mine\/index\?id=[\w-]+$/);
  expectClean(s, ask);
  ask.close();

  // The hall's officer answers on 本厅咨询, then publishes an edited version.
  s.actAs(OFFICER);
  const hall = s.open('packages/consult/hall/index');
  expect((await texts(hall, 'consult__question')).join('')).toContain(QUESTION);
  const answerBox = await waitFor(() => hall.dom.querySelector<HTMLElement>('wx-textarea') ?? false, { ...WAIT, what: 'answer box' });
  s.type(hall, answerBox, ANSWER);
  s.tap(hall, await withText(hall, '答复'));
  await withText(hall, '已答复，市民已收到微信通知');
  expect(s.cloud.harness.cloud.notifications.at(-1)).toMatchObject({ openid: CITIZEN, templateId: 'local-progress-template' });
  await withText(hall, '暂无。');
  s.tap(hall, await withText(hall, '已答复'));
  await withText(hall, '公开到常见问答…');
  s.tap(hall, await withText(hall, '公开到常见问答…'));
  // The version to publish: the question (prefilled with the one asked) and the answer.
  const boxes = await waitFor(() => (hall.dom.querySelectorAll('wx-textarea').length === 2 ? Array.from(hall.dom.querySelectorAll<HTMLElement>('wx-textarea')) : false), {
    ...WAIT,
    what: 'publish boxes',
  });
  s.type(hall, boxes[0]!, PUBLISHED);
  await idle(hall);
  s.tap(hall, await withText(hall, '公开'));
  await withText(hall, '已公开到办事指南的常见问答');
  expectClean(s, hall);
  hall.close();

  // The citizen reads the answer; the guide shows the published version, not the question asked.
  s.actAs(CITIZEN);
  const mine = s.open('packages/consult/mine/index', { id: moved.url!.split('id=')[1]! });
  expect((await texts(mine, 'consult__answer')).join('')).toContain(ANSWER);
  expect(byClass(mine.dom, 'consult__highlight')).toHaveLength(1);
  expectClean(s, mine);
  mine.close();

  s.actAs('local-visitor');
  const guide = s.open('pages/guide/index', { id: BUSINESS });
  const faq = await waitFor(() => byClass(guide.dom, 'guide__faq').map(textOf).join('') || false, { ...WAIT, what: 'the guide’s FAQ' });
  expect(faq).toContain(PUBLISHED);
  expect(faq).not.toContain('孩子');
  await withText(guide, '问答与咨询');
  expectClean(s, guide);
  guide.close();
});
