/**
 * The queue subpackage (issue 16) of the REAL weapp build in miniprogram-simulate: the demo officer
 * of the 龙华 hall calls the checked-in citizen's number at 窗口叫号, the hall's 叫号屏 shows it at
 * window 1, the citizen's ticket says which window; then the officer starts and finishes the service.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, idle, texts, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const HALL = 'haikou-longhua';
const DAY = '2026-12-02';
let s: WeappSession;
let appointmentId: string;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/queue/window/index', persona: 'local-officer' });
  const h = s.cloud.harness;
  h.setNow(new Date('2026-12-01T08:30:00+08:00'));
  const reserved = await h.call(
    'booking',
    { action: 'reserve', data: { hallId: HALL, business: 'id-card-renewal', slotId: `${HALL}:${DAY}:0900` }, requestId: 'mp-queue-reserve-1' },
    'local-citizen',
  );
  appointmentId = reserved.body.data.id;
  h.setNow(new Date('2026-12-02T09:05:00+08:00'));
  const token = (await h.call('booking', { action: 'ticket', data: { appointmentId } }, 'local-citizen')).body.data.token;
  expect((await h.call('booking', { action: 'checkIn', data: { token } }, 'local-officer')).body).toMatchObject({ ok: true, data: { queueNumber: 1 } });
});
afterAll(async () => {
  await s?.close();
});

test('窗口叫号 calls the number; 叫号屏 shows it at the window; the citizen’s ticket says where to go; then service and done', async () => {
  const page = s.open('packages/queue/window/index');
  s.tap(page, await withText(page, '叫下一号'));
  expect(await texts(page, 'window__label')).toEqual(['A001']);
  const calls = s.wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === 'callNext');
  expect(calls.map((c) => c.data)).toEqual([expect.objectContaining({ action: 'callNext', data: { hallId: HALL, window: '1' } })]);

  const board = s.open('packages/queue/board/index', { hall: HALL });
  await waitFor(() => expect(byClass(board.dom, 'board__call').map(textOf)).toEqual([expect.stringMatching(/A001.*1号窗口/)]), { ...WAIT, what: 'the board shows A001' });
  expect(board.dom.textContent).not.toMatch(/王|local-/);
  board.close();

  s.actAs('local-citizen');
  const ticket = s.open('packages/booking/ticket/index', { id: appointmentId });
  await withText(ticket, '请到1号窗口');
  expect(await texts(ticket, 'ticket__queue-number')).toEqual(['A001']);
  ticket.close();
  s.actAs('local-officer');

  await idle(page);
  s.tap(page, await withText(page, '已到窗口，开始办理'));
  await waitFor(() => expect(byText(page.dom, '正在办理')).toHaveLength(1), { ...WAIT, what: 'serving' });
  await idle(page);
  s.tap(page, byText(page.dom, '办结')[0]!);
  await withText(page, '空闲，可叫下一号');
  expectClean(s, page);
  page.close();
});
