/**
 * The assisted channel's subpackage (issue 18) of the REAL weapp build in miniprogram-simulate: the
 * local officer (龙华) identifies 张桂兰, who has no account, by name and ID number (only masked
 * data on screen), enters the code texted to the registry's number, books a slot for her and sees
 * the 预约号, then closes the session; the hall's lead sees it on 代办统计. Needs `npx tsx scripts/build-functions.ts` and the weapp
 * build of weappSession.BUILD_COMMAND.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { waitFor } from './support/waitFor';
import { byClass, textOf } from './support/wxDom';
import { WAIT, expectClean, first, idle, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const OFFICER = 'local-officer';
const ZHANG = { name: '张桂兰', idNumber: '460106195801302642', phone: '13700137004' };
let s: WeappSession;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/assisted/session/index', persona: OFFICER });
});
afterAll(async () => {
  await s?.close();
});

const chip = (page: { dom: Element }, match: (text: string) => boolean, what: string) =>
  waitFor(() => byClass(page.dom, 'chip').find((c) => match(textOf(c)) && !c.className.includes('chip--off')) ?? false, { ...WAIT, what });
/** The last released date (today's slots may be past the cancellation deadline, which a move needs). */
const lastDate = (page: { dom: Element }) =>
  waitFor(
    () =>
      byClass(page.dom, 'chip')
        .filter((c) => /^\d\d-\d\d$/.test(textOf(c)))
        .at(-1) ?? false,
    { ...WAIT, what: 'a date' },
  );
const inputs = (page: { dom: Element }, count: number) =>
  waitFor(() => (page.dom.querySelectorAll('wx-input').length >= count ? Array.from(page.dom.querySelectorAll<HTMLElement>('wx-input')) : false), {
    ...WAIT,
    what: `${count} inputs`,
  });

test('代办预约: identify → code → book → close, with only masked data shown', async () => {
  const page = s.open('packages/assisted/session/index');
  s.tap(page, await chip(page, (t) => t === '电话', 'reason 电话'));
  const [name, idNumber] = await inputs(page, 2);
  s.type(page, name!, ZHANG.name);
  s.type(page, idNumber!, ZHANG.idNumber);
  await idle(page);
  s.tap(page, await withText(page, '核验身份并发送验证码'));
  await withText(page, '电话代办 · 短信发往 137****7004');
  expect(page.dom.textContent).toContain('张**  4601**********2642');
  const text = [...s.cloud.harness.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!;
  const [code] = await inputs(page, 1);
  s.type(page, code!, text.code);
  await idle(page);
  s.tap(page, await withText(page, '确认验证码'));
  s.tap(page, await chip(page, (t) => t === '到期换领居民身份证', 'business'));
  // The business's materials texted to the citizen (names only), shown to the officer.
  s.tap(page, await withText(page, '短信告知“到期换领居民身份证”所需材料'));
  await waitFor(() => page.dom.textContent?.includes('已短信告知“到期换领居民身份证”：需带') || false, { ...WAIT, what: 'the materials told' });
  expect([...s.cloud.harness.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!.text).toContain('材料告知');
  s.tap(page, await lastDate(page));
  s.tap(page, await chip(page, (t) => /^\d\d:\d\d 余\d+$/.test(t), 'an open slot'));
  // The choice is shown (and the button enabled) before it is tapped.
  await waitFor(() => page.dom.textContent?.includes('到期换领居民身份证 · ') || false, { ...WAIT, what: 'the chosen slot' });
  await idle(page);
  s.tap(page, await withText(page, '为群众预约'));
  await withText(page, '已短信告知群众');
  const ref = textOf((await first(page, 'ref-number__value')) as Element).replace(/\s/g, '');
  expect(ref).toMatch(/^\d{8}$/);
  expect(page.dom.textContent).toContain('已预约');
  expect([...s.cloud.harness.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!.text).toContain(ref);
  // Moved to the day's last open slot (改约): the old one shows cancelled, the new one booked with its 预约号.
  s.tap(page, await withText(page, '改约'));
  await waitFor(() => page.dom.textContent?.includes('请选择新时段') || false, { ...WAIT, what: 'the move' });
  s.tap(page, await lastDate(page));
  const slots = await waitFor(
    () => {
      const open = byClass(page.dom, 'chip').filter((c) => /^\d\d:\d\d 余\d+$/.test(textOf(c)) && !c.className.includes('chip--off'));
      return open.length > 1 ? open : false;
    },
    { ...WAIT, what: 'open slots' },
  );
  const start = textOf(slots.at(-1)!).slice(0, 5);
  s.tap(page, slots.at(-1)!);
  // The choice is shown (and the button enabled) before it is tapped.
  await waitFor(() => page.dom.textContent?.includes(` ${start}-`) || false, { ...WAIT, what: 'the chosen slot' });
  await idle(page);
  s.tap(page, await withText(page, '改约到该时段'));
  await waitFor(() => (byClass(page.dom, 'ref-number__value').length === 2 ? true : false), { ...WAIT, what: 'two appointments listed' });
  expect(page.dom.textContent).toContain('已取消');
  expect([...s.cloud.harness.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!.text).toContain('改约');
  s.tap(page, await withText(page, '结束代办会话'));
  await withText(page, '代办会话已结束。');
  // Nowhere on the page the full ID number or phone.
  expect(page.dom.textContent).not.toContain(ZHANG.idNumber);
  expect(page.dom.textContent).not.toContain(ZHANG.phone);
  expect(page.dom.textContent).toContain('本次办理');
  expectClean(s, page);
  page.close();

  // The hall's lead (the local officer, made its lead) sees it per officer on 代办统计.
  await localDatabase(s.cloud.harness.cloud.url)
    .collection('accounts')
    .doc(OFFICER)
    .update({ leads: ['haikou-longhua'] });
  const report = s.open('packages/assisted/report/index');
  await withText(report, '会话 1（核验通过 1，失败 0） · 代办预约 1 · 代办取消 0 · 代办改约 1 · 代办补换领 0 · 材料告知 1');
  expectClean(s, report);
  report.close();
});

test('代办补换领 at the desk: reason, address from the function’s lists, the fee, the receipt, then the 办件编号', async () => {
  const call = async (action: string, data: object, requestId?: string) =>
    (await s.cloud.harness.call('assisted', { action, data, ...(requestId ? { requestId } : {}) }, OFFICER)).body;
  const opened = await call('openAssistedSession', { hallId: 'haikou-longhua', reason: 'desk', name: ZHANG.name, idNumber: ZHANG.idNumber }, 'page-reissue-open');
  const code = [...s.cloud.harness.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!.code;
  expect((await call('confirmAssistedSession', { sessionId: opened.data.sessionId, code })).ok).toBe(true);
  const page = s.open('packages/assistedReissue/apply/index', { sessionId: opened.data.sessionId, name: opened.data.nameMasked });
  s.tap(page, await chip(page, (t) => t === '损坏换领', 'reason'));
  for (const place of ['海南省', '海口市', '美兰区']) s.tap(page, await chip(page, (t) => t === place, place));
  await withText(page, '海南省 海口市 美兰区');
  const [detail, recipient, phone] = await inputs(page, 3);
  s.type(page, detail!, '海府路88号2栋301室');
  s.type(page, recipient!, ZHANG.name);
  s.type(page, phone!, ZHANG.phone);
  const total = await waitFor(() => /合计 ¥\d+\.\d{2}/.exec(page.dom.textContent ?? '')?.[0] ?? false, { ...WAIT, what: 'the fee' });
  expect(total).toMatch(/^合计 ¥\d+\.\d{2}$/);
  const [, , , receipt] = await inputs(page, 4);
  s.type(page, receipt!, 'HN2026-000777');
  await idle(page);
  s.tap(page, await withText(page, `已当面收取 ${total.slice(3)}，提交申请`));
  await withText(page, '已短信告知群众，制证后邮寄');
  const ref = textOf((await first(page, 'ref-number__value')) as Element).replace(/\s/g, '');
  expect(ref).toMatch(/^\d{8}$/);
  expect([...s.cloud.harness.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!.text).toContain(`办件编号${ref}`);
  expect(page.dom.textContent).not.toContain(ZHANG.idNumber);
  expectClean(s, page);
  page.close();
});

test('代办补换领 opened without a session says where to start, with nothing to fill in', async () => {
  const page = s.open('packages/assistedReissue/apply/index');
  await withText(page, '请先在代办会话中核验群众身份，再从会话页进入代办补换领。');
  expect(page.dom.textContent).toContain('前往代办会话');
  expect(page.dom.textContent).not.toContain('邮寄地址');
  expectClean(s, page);
  page.close();
});
