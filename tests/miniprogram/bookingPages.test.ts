/**
 * The booking subpackage of the REAL weapp build in miniprogram-simulate, as the demo citizen:
 * 预约办理 (hall, a released slot, confirm) asks for the reminder subscription with
 * `wx.requestSubscribeMessage` inside the tap — accepted, then (tapping again) rejected, the booking
 * goes on either way — and lands on the ticket; 我的预约 lists the appointment.
 * Needs `npx tsx scripts/build-functions.ts` and the weapp build of weappSession.BUILD_COMMAND.
 */
import { waitFor } from './support/waitFor';
import { byClass, byText, classesOf, textOf } from './support/wxDom';
import { WAIT, expectClean, idle, texts, withText } from './support/pageChecks';
import { LOCAL_REMINDER_TEMPLATE, startWeapp, type WeappSession } from './support/weappSession';

jest.setTimeout(180_000);

const BUSINESS = 'id-card-renewal';
let s: WeappSession;
let appointmentId: string;

beforeAll(async () => {
  s = await startWeapp({ entry: 'packages/booking/book/index', persona: 'local-citizen' });
  // Tuesday 08:30 in Shanghai: the week's slots are released.
  s.cloud.harness.setNow(new Date('2026-12-01T08:30:00+08:00'));
});
afterAll(async () => {
  await s?.close();
});

const reserves = () => s.wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === 'reserve');

test('预约办理: hall and slot from the cloud; 确认预约 asks for the reminder inside the tap (accept), then books', async () => {
  const page = s.open('packages/booking/book/index', { business: BUSINESS });
  const optionsCall = await waitFor(() => s.wx.cloudCalls.find((c) => (c.data as { action?: string }).action === 'bookingOptions' && c.answer) ?? false, {
    ...WAIT,
    what: 'bookingOptions answered',
  });
  const halls = (optionsCall.answer as { ok: true; result: { data: { halls: Array<{ id: string; name: string }> } } }).result.data.halls;
  const hall = halls.find((h) => h.id === 'haikou-longhua')!;
  expect(hall).toBeDefined();
  s.tap(page, await withText(page, hall.name));

  const slot = await waitFor(() => byClass(page.dom, 'slot').find((el) => !classesOf(el).includes('slot--disabled')) ?? false, { ...WAIT, what: 'an open slot' });
  const time = textOf(byClass(slot, 'slot__time')[0]!);
  s.tap(page, byClass(slot, 'slot__time')[0]!);
  s.tap(page, await withText(page, `下一步：确认 ${time}`));

  const rows = await texts(page, 'summary-row__value', 'confirm step');
  expect(rows).toContain(hall.name);
  expect(rows.join(' ')).toContain('王**（本人）');

  s.wx.platform.subscriptions.push('accept');
  s.tap(page, await withText(page, '确认预约'));
  await waitFor(() => expect(s.wx.platform.moves.some((m) => m.api === 'redirectTo')).toBe(true), { ...WAIT, what: 'to the ticket' });
  expect(s.wx.platform.calls.requestSubscribeMessage).toEqual([{ tmplIds: [LOCAL_REMINDER_TEMPLATE] }]);
  expect(s.wx.platform.results.requestSubscribeMessage).toEqual([{ ok: true, res: { errMsg: 'requestSubscribeMessage:ok', [LOCAL_REMINDER_TEMPLATE]: 'accept' } }]);
  expect(reserves()).toHaveLength(1);
  const answer = reserves()[0]!.answer as { ok: true; result: { ok: true; data: { id: string; hallName: string; start: string } } };
  appointmentId = answer.result.data.id;
  expect(answer.result.data).toMatchObject({ hallName: hall.name });
  expect(s.wx.platform.moves.filter((m) => m.api === 'redirectTo').map((m) => m.url)).toEqual([`/packages/booking/ticket/index?id=${appointmentId}`]);

  // Tapping 确认预约 again and rejecting the reminder: the same request, the same appointment.
  s.wx.platform.subscriptions.push('reject');
  await idle(page);
  s.tap(page, byText(page.dom, '确认预约')[0]!);
  await waitFor(() => expect(s.wx.platform.results.requestSubscribeMessage).toHaveLength(2), { ...WAIT, what: 'asked again' });
  await waitFor(() => expect(reserves()[1]?.answer).toEqual({ ok: true, result: expect.objectContaining({ ok: true }) }), { ...WAIT, what: 'booked again' });
  await waitFor(() => expect(s.wx.platform.moves.filter((m) => m.api === 'redirectTo')).toHaveLength(2), { ...WAIT, what: 'to the ticket again' });
  expect(s.wx.platform.results.requestSubscribeMessage?.[1]).toEqual({ ok: true, res: { errMsg: 'requestSubscribeMessage:ok', [LOCAL_REMINDER_TEMPLATE]: 'reject' } });
  expect(reserves()).toHaveLength(2);
  expect((reserves()[1]!.answer as { ok: true; result: { data: { id: string } } }).result.data.id).toBe(appointmentId);
  expectClean(s, page);
  page.close();
});

test('我的预约: the appointment, its hall and the masked name', async () => {
  const page = s.open('packages/booking/mine/index');
  expect(await texts(page, 'appointment__title')).toEqual([expect.stringContaining('身份证')]);
  const lines = byClass(page.dom, 'appointment__line').map(textOf);
  expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('龙华'), '办理人 王**（本人）']));
  expect(page.dom.textContent).not.toContain('王建国');
  expectClean(s, page);
  page.close();
});
