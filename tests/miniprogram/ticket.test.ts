/**
 * The ticket page (subpackage packages/booking/ticket) of the REAL weapp build in
 * miniprogram-simulate, as the demo citizen 'local-citizen' who booked the appointment first
 * through the local cloud. The QR code is drawn with views (src/components/TicketQr.tsx); the test
 * reads it back from the rendered positions, decodes it, and checks the token with the dev ticket
 * key. As on a phone, there is no TextEncoder while the page runs.
 * Needs `npx tsx scripts/build-functions.ts && npx taro build --type weapp` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { create } from 'qrcode/lib/core/qrcode';
import { readTicket } from '../../core/ticket/TicketToken';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { HmacTicketSigner } from '../../server/ticket/hmacTicketSigner';
import { qrLayout } from '../../src/components/qrLayout';
import { bootMiniProgram, type MiniProgram, type OpenedPage } from './support/miniProgramHost';
import { startLocalCloudForWx, type LocalCloudForWx } from './support/localCloudBackend';
import { decodeMatrix, matrixOfRects, readRenderedQr } from './support/renderedQr';
import { waitFor } from './support/waitFor';
import { byClass, textOf } from './support/wxDom';
import { createWxStandIns, type CloudCall, type WxStandIns } from './support/wxStandIns';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist', 'weapp');
const TICKET = 'packages/booking/ticket/index';
const CITIZEN = 'local-citizen';
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
const DAY = '2026-12-02';
// Tuesday 2026-12-01, 08:30 in Shanghai: the week's slots are released; the appointment is tomorrow.
const NOW = new Date('2026-12-01T08:30:00+08:00');

const signer = new HmacTicketSigner(devEnvironment.HUKOU_TICKET_KEY);

let cloud: LocalCloudForWx | undefined;
let wx: WxStandIns;
let mp: MiniProgram | undefined;
let page: OpenedPage | undefined;
let textEncoder: PropertyDescriptor | undefined;
/** The fake clock (jest.now()) when each `ticket` call was answered. */
const ticketAnsweredAt: number[] = [];
let booked: { id: string; hallName: string; date: string; start: string; end: string; subjectNameMasked: string };

/** The clock the functions read (server/clock.ts: real time plus the harness's offset). */
function functionsNow(): Date {
  return new Date(Date.now() + Number(process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS ?? 0));
}

/** The `ticket` calls the page made through wx.cloud that were answered, in order. */
function answeredTicketCalls(): CloudCall[] {
  return wx.cloudCalls.filter((c) => c.name === 'booking' && (c.data as { action?: string }).action === 'ticket' && c.answer);
}

/** The token an answered `ticket` call brought the page (checking the answer's shape). */
function tokenOf(call: CloudCall): string {
  expect(call.answer).toEqual({ ok: true, result: { ok: true, data: { token: expect.any(String), expiresAt: expect.any(String), refreshAfterSeconds: 30 } } });
  return (call.answer as { result: { data: { token: string } } }).result.data.token;
}

function ticketPage(): OpenedPage {
  if (!page) throw new Error('the ticket page did not open');
  return page;
}

/** Waits until the QR on screen is the one of `token`, and returns what was read back. */
async function qrShowing(token: string) {
  const expected = qrLayout(token);
  return waitFor(
    () => {
      const qr = readRenderedQr(ticketPage().dom);
      expect(qr.matrix).toEqual(matrixOfRects(expected.rects, expected.total));
      return qr;
    },
    { what: 'QR of the received token on screen' },
  );
}

beforeAll(async () => {
  for (const file of [path.join(DIST, 'app.js'), path.join(DIST, TICKET + '.js'), path.join(ROOT, 'build', 'functions', 'booking', 'index.js')]) {
    if (!existsSync(file)) {
      throw new Error(`${path.relative(ROOT, file)} is missing: run \`npx tsx scripts/build-functions.ts && npx taro build --type weapp\` first`);
    }
  }
  cloud = await startLocalCloudForWx();
  cloud.harness.setNow(NOW);
  const reserved = await cloud.harness.call(
    'booking',
    { action: 'reserve', data: { hallId: HALL, business: BUSINESS, slotId: `${HALL}:${DAY}:0900` }, requestId: 'mp-ticket-reserve-1' },
    CITIZEN,
  );
  expect(reserved).toMatchObject({ status: 200, body: { ok: true, data: { status: 'booked', date: DAY, start: '09:00' } } });
  booked = reserved.body.data;

  // A phone's JavaScript engine has no TextEncoder: take it away before any of the build runs.
  textEncoder = Object.getOwnPropertyDescriptor(globalThis, 'TextEncoder');
  if (textEncoder) delete (globalThis as { TextEncoder?: unknown }).TextEncoder;

  // Only setTimeout is faked (the page's 30 s refresh is one): everything else keeps real time,
  // and the fake clock follows real time until the refresh test jumps it.
  jest.useFakeTimers({
    advanceTimers: true,
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
    ],
  });

  // Stamps each `ticket` answer with the fake clock: the page sets its refresh timer right after.
  const asCitizen = cloud.backendAs(CITIZEN);
  wx = createWxStandIns(async (name, data) => {
    const answer = await asCitizen(name, data);
    if ((data as { action?: string }).action === 'ticket') ticketAnsweredAt.push(jest.now());
    return answer;
  });
  mp = bootMiniProgram({ distDir: DIST, wx: wx.api, entry: TICKET });
  page = mp.openPage(TICKET, { id: booked.id });
  expect(mp.pages().map((p) => [p.route, p.options])).toEqual([[TICKET, { id: booked.id }]]);
});

afterAll(async () => {
  page?.close();
  mp?.close();
  jest.useRealTimers();
  if (textEncoder) Object.defineProperty(globalThis, 'TextEncoder', textEncoder);
  await cloud?.close();
});

test('the test runs without TextEncoder, where encoding a string QR would fail', () => {
  expect(typeof (globalThis as { TextEncoder?: unknown }).TextEncoder).toBe('undefined');
  // What qrcode 1.5.4 does for a string: the reason TicketQr hands it bytes.
  expect(() => create('T1.abc', { errorCorrectionLevel: 'M' })).toThrow(/TextEncoder/);
});

test('shows the booked appointment: hall, date and time window, the masked name', async () => {
  const dom = ticketPage().dom;
  await waitFor(() => expect(byClass(dom, 'summary-row').length).toBeGreaterThan(0), { what: 'appointment details' });

  const rows = Object.fromEntries(byClass(dom, 'summary-row').map((row) => [textOf(byClass(row, 'summary-row__label')[0]!), textOf(byClass(row, 'summary-row__value')[0]!)]));
  expect(rows['大厅']).toBe(booked.hallName);
  expect(booked.hallName).toContain('龙华');
  expect(rows['时间']).toBe('12月2日 周三 09:00–09:30');
  expect(booked).toMatchObject({ start: '09:00', end: '09:30', subjectNameMasked: '王**' });
  expect(rows['办理人']).toBe('王**（本人）');
  // The full name never reaches the page.
  expect(dom.textContent).not.toContain('王建国');
  expect(byClass(dom, 'ticket__business').map(textOf)).toEqual([expect.stringContaining('身份证')]);
});

test('draws the QR of the token it received: > 200 dark views, no missing template, decodes, verifies', async () => {
  const [first] = await waitFor(
    () => {
      const calls = answeredTicketCalls();
      expect(calls.length).toBeGreaterThan(0);
      return calls;
    },
    { what: 'ticket call answered' },
  );
  expect(first!.data).toEqual({ action: 'ticket', data: { appointmentId: booked.id }, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
  const token = tokenOf(first!);

  const qr = await qrShowing(token);
  expect(qr.views).toBeGreaterThan(200);
  expect(qr.views).toBe(qrLayout(token).rects.length);
  expect(qr.unit).toBeGreaterThanOrEqual(1);
  expect(byClass(ticketPage().dom, 'ticket__qr-placeholder')).toHaveLength(0);
  expect(byClass(ticketPage().dom, 'ticket__qr-note').map(textOf)).toEqual(['预约码每 30 秒自动刷新，截图无效']);
  expect(mp?.wxmlWarnings ?? []).toEqual([]);

  // What the officer's camera would read is the token itself…
  expect(decodeMatrix(qr.matrix)).toBe(token);
  // …and the ticket key accepts it for this appointment.
  expect(readTicket(token, signer, functionsNow())).toEqual({
    ok: true,
    claims: { appointmentId: booked.id, hallId: HALL, date: DAY, expiresAt: expect.any(Number) },
  });
});

test('after refreshAfterSeconds (30 s, fake timers) the page fetches a new token and redraws', async () => {
  const before = answeredTicketCalls();
  expect(before).toHaveLength(1);
  const firstToken = tokenOf(before[0]!);
  await qrShowing(firstToken);
  const requested = () => wx.cloudCalls.filter((c) => (c.data as { action?: string }).action === 'ticket').length;

  // 30 s pass on the functions' clock too, so the new token carries a later expiry.
  cloud!.harness.setNow(new Date(functionsNow().getTime() + 30_000));
  // The fake clock has followed real time since the answer; jump to just before the refresh is
  // due (the answer's stamp + 30 s, give or take the 20 ms steps of the auto-advance), then past it.
  expect(ticketAnsweredAt).toHaveLength(1);
  const due = ticketAnsweredAt[0]! + 30_000;
  jest.advanceTimersByTime(due - jest.now() - 200);
  expect(requested()).toBe(1);
  jest.advanceTimersByTime(400);
  // The stand-in records a call as soon as the page makes it.
  expect(requested()).toBe(2);

  const second = await waitFor(
    () => {
      const calls = answeredTicketCalls();
      expect(calls).toHaveLength(2);
      return calls[1]!;
    },
    { what: 'second ticket call answered' },
  );
  const secondToken = tokenOf(second);
  expect(secondToken).not.toBe(firstToken);
  const qr = await qrShowing(secondToken);
  expect(decodeMatrix(qr.matrix)).toBe(secondToken);

  const reading = readTicket(secondToken, signer, functionsNow());
  const firstReading = readTicket(firstToken, signer, functionsNow());
  expect(reading).toMatchObject({ ok: true, claims: { appointmentId: booked.id, hallId: HALL, date: DAY } });
  expect(firstReading).toMatchObject({ ok: true });
  if (reading.ok && firstReading.ok) expect(reading.claims.expiresAt - firstReading.claims.expiresAt).toBeGreaterThanOrEqual(30);
  expect(mp?.wxmlWarnings ?? []).toEqual([]);
});
