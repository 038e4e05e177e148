/**
 * The officer subpackage of the REAL weapp build in miniprogram-simulate, as the demo officer of
 * the 龙华 hall: 窗口签到 scans the citizen's QR with `wx.scanCode` (a closed camera does nothing;
 * the scanned token checks the appointment in), then 今日预约 shows it checked in.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { waitFor } from './support/waitFor';
import { byClass, byText, textOf } from './support/wxDom';
import { WAIT, expectClean, first, texts, withText } from './support/pageChecks';
import { startWeapp, type WeappSession } from './support/weappSession';
import { shanghaiDate } from '../../core/time/shanghai';

jest.setTimeout(180_000);

const HALL = 'haikou-longhua';
const DAY = '2026-12-02';
let s: WeappSession;
let booked: { id: string; hallName: string; subjectNameMasked: string; businessTitle: string };
let token: string;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/officer/scan/index', persona: 'local-officer' });
  const h = s.cloud.harness;
  h.setNow(new Date('2026-12-01T08:30:00+08:00'));
  const reserved = await h.call(
    'booking',
    { action: 'reserve', data: { hallId: HALL, business: 'id-card-renewal', slotId: `${HALL}:${DAY}:0900` }, requestId: 'mp-officer-reserve-1' },
    'local-citizen',
  );
  expect(reserved.body).toMatchObject({ ok: true, data: { status: 'booked', date: DAY } });
  booked = reserved.body.data;
  // At the window, five minutes into the slot: the citizen's ticket on screen.
  h.setNow(new Date('2026-12-02T09:05:00+08:00'));
  const ticket = await h.call('booking', { action: 'ticket', data: { appointmentId: booked.id } }, 'local-citizen');
  token = ticket.body.data.token;
  expect(token).toMatch(/^T1\./);
});
afterAll(async () => {
  await s?.close();
});

test('窗口签到: a closed camera does nothing; the scanned QR checks the appointment in and shows the queue number', async () => {
  const page = s.open('packages/officer/scan/index');
  const button = await withText(page, '扫码签到');
  const checkIns = () => s.wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === 'checkIn');

  s.wx.platform.scans.push('cancel');
  s.tap(page, button);
  await waitFor(() => expect(s.wx.platform.results.scanCode).toEqual([{ ok: false, res: { errMsg: 'scanCode:fail cancel' } }]), { ...WAIT, what: 'scan cancelled' });
  expect(s.wx.platform.calls.scanCode).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
  expect(checkIns()).toHaveLength(0);
  expect(byClass(page.dom, 'check-in')).toHaveLength(0);

  s.wx.platform.scans.push({ result: token });
  s.tap(page, byText(page.dom, '扫码签到')[0]!);
  const ok = await first(page, 'check-in--ok', 'check-in succeeded');
  expect(checkIns()).toHaveLength(1);
  expect(checkIns()[0]!.data).toMatchObject({ action: 'checkIn', data: { token } });
  const answer = checkIns()[0]!.answer as { ok: true; result: { data: { queueNumber: number } } };
  expect(textOf(byClass(ok, 'check-in__number')[0]!)).toBe(String(answer.result.data.queueNumber));
  const lines = byClass(ok, 'check-in__line').map(textOf).join(' ');
  expect(lines).toContain(booked.subjectNameMasked);
  expect(lines).toContain(booked.businessTitle);
  expect(page.dom.textContent).not.toContain('王建国');
  expect(s.wx.platform.calls.vibrateShort).toHaveLength(1);

  // The same code again (a replay) is refused, and the page says why.
  s.wx.platform.scans.push({ result: token });
  s.tap(page, byText(page.dom, '扫码签到')[0]!);
  const refused = await first(page, 'check-in--refused', 'replay refused');
  expect(textOf(byClass(refused, 'check-in__reason')[0]!).length).toBeGreaterThan(0);
  expectClean(s, page);
  page.close();
});

test('今日预约: the hall, and the appointment checked in under its slot', async () => {
  const page = s.open('packages/officer/day/index');
  expect(await texts(page, 'day__hall')).toEqual([booked.hallName]);
  const row = await waitFor(
    () => {
      const r = byClass(page.dom, 'day__appointment').find((el) => textOf(el).includes(booked.subjectNameMasked));
      return r ?? false;
    },
    { ...WAIT, what: 'appointment row' },
  );
  expect(byClass(page.dom, 'day__appointment--checkedIn')).toContain(row);
  expect(textOf(row)).toContain(booked.businessTitle);
  expectClean(s, page);
  page.close();
});

test('本厅好差评: the hall’s satisfaction from the booking function', async () => {
  const page = s.open('packages/officer/ratings/index');
  const caption = await texts(page, 'ratings__caption');
  expect(caption.join('')).toMatch(/满意率（共 \d+ 条评价）/);
  expectClean(s, page);
  page.close();
});

test('统计报表: the hall’s month as the booking function counts it (issue 16)', async () => {
  const page = s.open('packages/stats/report/index');
  const month = shanghaiDate(Date.now()).slice(0, 7);
  const numbers = await texts(page, 'stats__total-number');
  const answer = await s.cloud.harness.call('booking', { action: 'hallReport', data: { hallId: HALL, period: { kind: 'month', month } } }, 'local-officer');
  const t = answer.body.data.totals;
  expect(numbers).toEqual([t.appointments, t.checkedIn, t.noShow, t.cancelled].map(String));
  expect((await texts(page, 'stats__period-label')).join('')).toBe(answer.body.data.period.label);

  // 导出表格: the CSV written to the user folder and offered to a chat; closing the picker is no error.
  const exportButton = () => byClass(page.dom, 'stats__export-button')[0]!;
  s.wx.platform.shares.push('cancel', 'send');
  s.tap(page, exportButton());
  await waitFor(() => expect(s.wx.platform.results.shareFileMessage).toEqual([{ ok: false, res: { errMsg: 'shareFileMessage:fail cancel' } }]), { ...WAIT, what: 'picker closed' });
  expect(byClass(page.dom, 'stats__exported')).toHaveLength(0);
  s.tap(page, exportButton());
  await waitFor(() => expect(textOf(byClass(page.dom, 'stats__exported')[0]!)).toBe('已发送'), { ...WAIT, what: 'file sent' });
  const [shared] = s.wx.platform.calls.shareFileMessage!.slice(-1) as Array<{ filePath: string; fileName: string }>;
  expect(shared.fileName).toMatch(/\.csv$/);
  const csv = s.wx.platform.userFiles.get(shared.filePath)!;
  expect(csv.startsWith('\uFEFF大厅,')).toBe(true);
  expect(csv).toContain(`合计,${t.appointments},${t.booked},${t.checkedIn},${t.noShow},${t.cancelled}`);
  expectClean(s, page);
  page.close();
});
