/**
 * Issue 16 in the REAL weapp build: the admin edits a hall's special hours and duty roster on
 * packages/hallAdmin (a new subpackage), and the citizen's hall page shows the edited hours and
 * the duty board with its phone. Needs `npx tsx scripts/build-functions.ts` and the weapp build
 * of weappSession.BUILD_COMMAND.
 */
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, first, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const HALL = 'haikou-longhua';
const HALL_NAME = '海口市公安局龙华分局户政服务大厅';
/** The page starts its forms on today (the device's clock, in Shanghai), as the functions' clock is here. */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const chip = (page: { dom: Element }, text: string) => waitFor(() => byClass(page.dom, 'chip').find((c) => textOf(c) === text) ?? false, { ...WAIT, what: `chip ${text}` });
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/hallAdmin/hours/index', persona: 'local-admin' });
});
afterAll(async () => {
  await s?.close();
});

const calls = (action: string) => s.wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === action);

test('值班与特别办公时间: a closure saved from the page; a duty day saved; the hall page shows both', async () => {
  const page = s.open('packages/hallAdmin/hours/index');
  // An admin may edit every hall: the 龙华 hall is chosen among them.
  s.tap(page, await chip(page, HALL_NAME));
  await waitFor(() => expect(calls('hallHours').map((c) => (c.data as { data: { hallId: string } }).data.hallId)).toContain(HALL), { ...WAIT, what: 'hall chosen' });
  await waitFor(() => calls('hallHours').some((c) => (c.data as { data: { hallId: string } }).data.hallId === HALL && c.answer) || false, { ...WAIT, what: 'its hours read' });
  await withText(page, '新增特别安排');
  s.tap(page, await chip(page, '暂停办公'));
  await waitFor(
    () =>
      byClass(page.dom, 'chip--on').some((c) => textOf(c) === '暂停办公')
        ? true
        : (s.tap(
            page,
            byClass(page.dom, 'chip').find((c) => textOf(c) === '暂停办公')!,
          ),
          false),
    { ...WAIT, what: 'closure chosen' },
  );
  // From, to, then the note citizens see.
  const label = await waitFor(() => page.dom.querySelectorAll('wx-input')[2] ?? false, { ...WAIT, what: 'label input' });
  s.type(page, label, '设备检修暂停办公');
  s.tap(page, await withText(page, '保存'));
  await waitFor(() => expect(calls('saveSpecialHours')[0]?.answer).toMatchObject({ ok: true, result: { ok: true } }), { ...WAIT, what: 'special hours saved' });
  expect(calls('saveSpecialHours')[0]!.data).toMatchObject({
    data: { hallId: HALL, entry: { from: TODAY, to: TODAY, kind: 'closed', label: '设备检修暂停办公', sessions: [] }, expectedVersion: 0 },
  });
  await waitFor(() => expect(byClass(page.dom, 'ha__item-title').map(textOf)).toContain('设备检修暂停办公（暂停办公）'), { ...WAIT, what: 'listed' });

  s.tap(page, await withText(page, '值班安排'));
  await withText(page, '编辑某日值班');
  const inputs = await waitFor(() => (page.dom.querySelectorAll('wx-input').length >= 6 ? Array.from(page.dom.querySelectorAll('wx-input')) : false), {
    ...WAIT,
    what: 'duty inputs',
  });
  // Date, duty phone, then window, officer and business of the first row.
  s.type(page, inputs[1]!, '0898-66531299');
  s.type(page, inputs[3]!, '李警官');
  s.type(page, inputs[4]!, '身份证');
  s.tap(page, await withText(page, '保存值班'));
  await waitFor(() => expect(calls('saveDutyDay')[0]?.answer).toMatchObject({ ok: true, result: { ok: true } }), { ...WAIT, what: 'duty day saved' });
  expect(calls('saveDutyDay')[0]!.data).toMatchObject({
    data: { hallId: HALL, day: { date: TODAY, phone: '0898-66531299', windows: [{ window: 1, officer: '李警官', business: '身份证' }] } },
  });
  expectClean(s, page);
  page.close();

  s.actAs(undefined);
  const hall = s.open('pages/hall/index', { id: HALL });
  const duty = await first(hall, 'hall__special', 'special and duty rows');
  expect(duty).toBeTruthy();
  await waitFor(() => expect(hall.dom.textContent).toContain('值班电话 0898-66531299'), { ...WAIT, what: 'duty board' });
  expect(hall.dom.textContent).toContain('1号窗口 李警官（身份证）');
  expect(byText(hall.dom, '设备检修暂停办公').length).toBeGreaterThan(0);
  expect(textOf(byClass(hall.dom, 'hall__status')[0]!)).toContain('今日休息');
  hall.close();
});

test('负责人: the admin makes the 龙华 officer its lead; the officer’s day then links to the editor, which offers that hall', async () => {
  s.actAs('local-admin');
  const page = s.open('packages/hallAdmin/hours/index');
  s.tap(page, await chip(page, HALL_NAME));
  await waitFor(() => calls('hallHours').filter((c) => (c.data as { data: { hallId: string } }).data.hallId === HALL && c.answer).length >= 2 || false, {
    ...WAIT,
    what: 'its hours read',
  });
  s.tap(page, await withText(page, '负责人'));
  s.tap(page, await withText(page, '设为负责人'));
  await waitFor(() => expect(calls('setHallLead')[0]?.answer).toMatchObject({ ok: true, result: { ok: true, data: { changed: true } } }), { ...WAIT, what: 'lead granted' });
  expect(calls('setHallLead')[0]!.data).toMatchObject({ data: { openid: 'local-officer', hallId: HALL, lead: true } });
  await withText(page, '取消负责人');
  page.close();

  s.actAs('local-officer');
  const day = s.open('packages/officer/day/index');
  s.tap(day, await withText(day, '值班与特别办公时间 ›'));
  await waitFor(() => expect(s.wx.platform.moves.at(-1)).toMatchObject({ url: '/packages/hallAdmin/hours/index' }), { ...WAIT, what: 'editor opened' });
  day.close();
  const editor = s.open('packages/hallAdmin/hours/index');
  await withText(editor, '新增特别安排');
  // One hall led: no chips to choose from, its hours read.
  expect(byClass(editor.dom, 'hall-chips')).toHaveLength(0);
  await waitFor(() => expect(calls('hallHours').at(-1)).toMatchObject({ data: { data: { hallId: HALL } } }), { ...WAIT, what: 'the led hall' });
  expectClean(s, editor);
  editor.close();
});
