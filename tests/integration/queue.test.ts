import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { inviteOfficer } from '../support/verifiedOfficer';
import { at, bookingFlow, requestId } from './support/bookingFlow';

/**
 * The hall floor's queue (issue 16) through the local cloud: check-ins give booked-arrival tickets
 * (once each), the desk gives walk-in numbers (a repeated request gives one), windows call, recall,
 * serve, skip, transfer and finish; the display board shows numbers and windows only; the citizen
 * sees their place and wait; another hall's officer is refused; two windows calling at once get
 * two different numbers.
 */
jest.setTimeout(120_000);

let h: Harness;
let b: ReturnType<typeof bookingFlow>;
const HALL = 'haikou-longhua';
const RENEWAL = 'id-card-renewal';
// Tuesday 2026-12-01, 08:30 in Shanghai: Wednesday's slots are open.
const NOW = at('2026-12-01', '08:30');
const DAY = '2026-12-02';
const slot = (start: string) => `${HALL}:${DAY}:${start.replace(':', '')}`;
const OFFICER = 'local-officer';
const OFFICER2 = 'itest-queue-officer-2';
const OTHER_HALL_OFFICER = 'itest-queue-futian';
let citizens: string[] = [];
const appointments: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = bookingFlow(h);
  citizens = await seedVerifiedCitizens(h.cloud.url, 'itest-queue', 3);
  for (const [i, start] of ['09:00', '09:30', '10:00'].entries()) {
    appointments.push((await b.ok(citizens[i], 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot(start), requestId: requestId() })).id);
  }
  await inviteOfficer(h, OFFICER2, [HALL]);
  await inviteOfficer(h, OTHER_HALL_OFFICER, ['shenzhen-futian']);
});
afterAll(async () => {
  await h.close();
});

const tokenOf = async (i: number): Promise<string> => (await b.ok(citizens[i], 'ticket', { appointmentId: appointments[i] })).token;
const checkIn = async (i: number, token?: string) => b.call(OFFICER, 'checkIn', { token: token ?? (await tokenOf(i)) });
const board = () => b.ok(undefined, 'queueBoard', { hallId: HALL });
const ticketCount = async () => (await localDatabase(h.cloud.url).collection('queue_tickets').where({ hallId: HALL, date: DAY }).count()).total;

test('a day at the hall: check-ins and walk-ins take numbers, windows call them by the rule, the board and the citizen follow', async () => {
  h.setNow(at(DAY, '09:05'));
  const token = await tokenOf(0);
  const first = await checkIn(0, token);
  expect(first.ok).toBe(true);
  expect(first.data.queueNumber).toBe(1);
  // A repeated check-in is refused and creates no second ticket.
  expect((await checkIn(0, token)).error.code).toBe('ALREADY_CHECKED_IN');
  expect((await checkIn(1)).data.queueNumber).toBe(2);
  expect(await ticketCount()).toBe(2);
  expect(await b.ok(citizens[0], 'myQueueTicket', { appointmentId: appointments[0] })).toEqual({ label: 'A001', status: 'waiting', window: null, ahead: 0, waitMinutes: 0 });
  expect((await b.error(citizens[1], 'myQueueTicket', { appointmentId: appointments[0] })).code).toBe('APPOINTMENT_NOT_FOUND');

  // A walk-in number at the desk; the same request repeated gives the same number.
  const rid = requestId();
  const walkIn = (await b.ok(OFFICER, 'takeWalkIn', { hallId: HALL, business: RENEWAL, requestId: rid })).ticket;
  expect(walkIn).toMatchObject({ label: 'B003', source: 'walkIn', status: 'waiting' });
  expect((await b.ok(OFFICER, 'takeWalkIn', { hallId: HALL, business: RENEWAL, requestId: rid })).ticket.ticketId).toBe(walkIn.ticketId);
  expect(await ticketCount()).toBe(3);
  expect(await board()).toMatchObject({ hallName: expect.any(String), calling: [], recent: [] });

  // Window 1 calls: the booked arrival whose slot has started; it cannot call again while calling.
  const c1 = (await b.ok(OFFICER, 'callNext', { hallId: HALL, window: '1', requestId: requestId() })).ticket;
  expect(c1).toMatchObject({ label: 'A001', status: 'calling', window: '1' });
  expect((await b.error(OFFICER, 'callNext', { hallId: HALL, window: '1', requestId: requestId() })).code).toBe('QUEUE_WINDOW_BUSY');
  expect(await b.ok(citizens[0], 'myQueueTicket', { appointmentId: appointments[0] })).toMatchObject({ status: 'calling', window: '1', ahead: null });
  const shown = await board();
  expect(shown.calling).toEqual([{ label: 'A001', window: '1', status: 'calling', calledAt: expect.any(String), calls: 1 }]);
  // Numbers and windows only: nothing of the person.
  expect(JSON.stringify(shown)).not.toMatch(/王|appointment|citizen|openid|itest/);

  // The green channel: the walk-in marked (audited) is called next, before the early booked arrival.
  const green = await b.ok(OFFICER, 'markGreenChannel', { hallId: HALL, ticketId: walkIn.ticketId, reason: 'elderly', requestId: requestId() });
  expect(green.ticket.green).toEqual({ reason: 'elderly', reasonText: expect.stringContaining('老年人') });
  const audited = (await localDatabase(h.cloud.url).collection('audit_log').where({ action: 'queue.greenChannel' }).get()).data as Array<{ purpose: string; hallId: string }>;
  expect(audited).toEqual([expect.objectContaining({ purpose: 'green:elderly', hallId: HALL })]);
  const c2 = (await b.ok(OFFICER2, 'callNext', { hallId: HALL, window: '2', requestId: requestId() })).ticket;
  expect(c2.label).toBe('B003');

  // Window 1: recall, the citizen comes, done with the business handled.
  expect((await b.ok(OFFICER, 'recall', { hallId: HALL, window: '1', ticketId: c1.ticketId, requestId: requestId() })).ticket.calls).toBe(2);
  expect((await board()).recent.find((c: { label: string }) => c.label === 'A001').calls).toBe(2);
  await b.ok(OFFICER, 'serve', { hallId: HALL, window: '1', ticketId: c1.ticketId, requestId: requestId() });
  expect((await b.ok(OFFICER, 'windowState', { hallId: HALL, window: '1' })).state).toBe('serving');
  h.setNow(at(DAY, '09:11'));
  const done = await b.ok(OFFICER, 'finish', { hallId: HALL, window: '1', ticketId: c1.ticketId, business: RENEWAL, requestId: requestId() });
  expect(done.ticket.status).toBe('done');
  expect(await b.ok(OFFICER, 'windowState', { hallId: HALL, window: '1' })).toEqual({ window: '1', state: 'idle', waiting: 1 });
  expect((await b.error(OFFICER, 'finish', { hallId: HALL, window: '1', ticketId: c1.ticketId, business: RENEWAL, requestId: requestId() })).code).toBe(
    'QUEUE_TICKET_STATE_CONFLICT',
  );

  // Window 2: nobody answers; the number waits out its pause.
  expect((await b.ok(OFFICER2, 'skip', { hallId: HALL, window: '2', ticketId: c2.ticketId, requestId: requestId() })).ticket).toMatchObject({ status: 'waiting', skips: 1 });

  // The citizen checked in early sees their place and an estimate from the measured service time (6 min).
  expect(await b.ok(citizens[1], 'myQueueTicket', { appointmentId: appointments[1] })).toMatchObject({
    label: 'A002',
    status: 'waiting',
    ahead: expect.any(Number),
    waitMinutes: expect.any(Number),
  });

  // Window 1 calls A002 (the walk-in is paused) and transfers it to window 3, which calls it next.
  const c3 = (await b.ok(OFFICER, 'callNext', { hallId: HALL, window: '1', requestId: requestId() })).ticket;
  expect(c3.label).toBe('A002');
  await b.ok(OFFICER, 'transfer', { hallId: HALL, window: '1', ticketId: c3.ticketId, to: '3', requestId: requestId() });
  expect((await b.error(OFFICER, 'callNext', { hallId: HALL, window: '1', requestId: requestId() })).code).toBe('QUEUE_EMPTY');
  expect((await b.ok(OFFICER2, 'callNext', { hallId: HALL, window: '3', requestId: requestId() })).ticket.label).toBe('A002');
});

test('another hall’s officer and citizens are refused every window action of the hall', async () => {
  for (const who of [OTHER_HALL_OFFICER, citizens[0]]) {
    expect((await b.error(who, 'callNext', { hallId: HALL, window: '1', requestId: requestId() })).code).toBe('FORBIDDEN');
    expect((await b.error(who, 'windowState', { hallId: HALL, window: '1' })).code).toBe('FORBIDDEN');
    expect((await b.error(who, 'takeWalkIn', { hallId: HALL, requestId: requestId() })).code).toBe('FORBIDDEN');
  }
  // A ticket of this hall named at another hall does not exist there.
  const ticketId = `appt:${appointments[0]}`;
  await inviteOfficer(h, 'itest-queue-meilan', ['haikou-meilan']);
  expect((await b.error('itest-queue-meilan', 'recall', { hallId: 'haikou-meilan', window: '1', ticketId, requestId: requestId() })).code).toBe('QUEUE_TICKET_NOT_FOUND');
});

test('two windows calling at once get two different numbers; a repeated call request calls once', async () => {
  h.setNow(at(DAY, '09:40'));
  expect((await checkIn(2)).ok).toBe(true);
  const walkIns = [];
  for (let i = 0; i < 3; i++) walkIns.push((await b.ok(OFFICER, 'takeWalkIn', { hallId: HALL, requestId: requestId() })).ticket);
  // The last walk-in into the green channel by the number the citizen shows.
  const last = walkIns[2];
  expect((await b.ok(OFFICER, 'markGreenChannel', { hallId: HALL, number: last.number, reason: 'pregnant', requestId: requestId() })).ticket.ticketId).toBe(last.ticketId);
  expect((await b.error(OFFICER, 'markGreenChannel', { hallId: HALL, number: 999, reason: 'pregnant', requestId: requestId() })).code).toBe('QUEUE_TICKET_NOT_FOUND');
  // Five wait (A003, the paused B003 back, three walk-ins): four windows call at once.
  const called = await Promise.all(['5', '6', '8', '9'].map((window, i) => b.ok(i % 2 ? OFFICER2 : OFFICER, 'callNext', { hallId: HALL, window, requestId: requestId() })));
  expect(new Set(called.map((c) => c.ticket.ticketId)).size).toBe(4);
  expect(called.map((c) => c.ticket.ticketId)).toContain(last.ticketId);
  const rid = requestId();
  const once = await b.ok(OFFICER, 'callNext', { hallId: HALL, window: '7', requestId: rid });
  expect((await b.ok(OFFICER, 'callNext', { hallId: HALL, window: '7', requestId: rid })).ticket.ticketId).toBe(once.ticket.ticketId);
  const calling = (await localDatabase(h.cloud.url).collection('queue_tickets').where({ hallId: HALL, date: DAY, status: 'calling' }).get()).data as Array<{ window: string }>;
  // Windows 3 (A002), 5, 6, 7, 8 and 9: one ticket each.
  expect(calling.map((t) => t.window).sort()).toEqual(['3', '5', '6', '7', '8', '9']);
});
