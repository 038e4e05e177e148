/**
 * 预约号 / 办件编号 through the local cloud (gateway → bundled functions → SDK → emulator): every new
 * appointment and reissue application gets an eight-digit number, unique in its hall under a
 * concurrent burst (an appointment's by the unique index hall_ref on appointments, an application's
 * by its claim in reference_numbers), kept by a retried request; officers look it up in their own halls only, and
 * check in by number after confirming the last four characters of the ID number at the window.
 */
import { hasValidCheck, referenceNumberOf } from '../../core/reference/referenceNumber';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { scheduleChanged } from './support/scheduleChanged';
import { at, bookingFlow, requestId } from './support/bookingFlow';
import { identityFlow } from './support/identityFlow';
import { reissueFlow } from './support/reissueFlow';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(300_000);

let h: Harness;
let b: ReturnType<typeof bookingFlow>;
const HALL = 'haikou-longhua';
const RENEWAL = 'id-card-renewal';
const CERTIFICATE = 'household-certificate';
// Tuesday 2026-12-01, 08:30 in Shanghai: the week's dates are released.
const NOW = at('2026-12-01', '08:30');
const DAY = '2026-12-02';
const slot = (start: string) => `${HALL}:${DAY}:${start.replace(':', '')}`;
/** 王建国 (local-citizen): 460106198503141311. */
const LAST4 = '1311';
const FUTIAN_OFFICER = 'itest-refnum-futian-officer';

/** Changes one digit: a misheard number. */
const misheard = (n: string) => `${n.slice(0, 3)}${(Number(n[3]) + 1) % 10}${n.slice(4)}`;

let own: { id: string; refNumber: string };

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = bookingFlow(h);
  await inviteOfficer(h, FUTIAN_OFFICER, ['shenzhen-futian']);
});
afterAll(async () => {
  await h.close();
});

test('a booking gets a 预约号: eight digits with a valid check digit; a retry of the request keeps it; 我的预约 shows it', async () => {
  const rid = requestId();
  const first = await b.ok('local-citizen', 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('09:00'), requestId: rid });
  expect(first.refNumber).toMatch(/^\d{8}$/);
  expect(hasValidCheck(first.refNumber)).toBe(true);
  const again = await b.ok('local-citizen', 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('09:00'), requestId: rid });
  expect(again).toMatchObject({ id: first.id, refNumber: first.refNumber });
  const mine = await b.ok('local-citizen', 'myAppointments');
  expect(mine.appointments.find((a: { id: string }) => a.id === first.id)).toMatchObject({ refNumber: first.refNumber });
  // The number is the appointment's own field (unique in the hall by the index hall_ref): no claim document.
  const db = localDatabase(h.cloud.url);
  expect((await db.collection('appointments').doc(first.id).get()).data[0]).toMatchObject({ hallId: HALL, refNumber: first.refNumber });
  expect((await db.collection('reference_numbers').where({ targetId: first.id }).get()).data).toHaveLength(0);
  own = first;
});

test('numbers are unique in the hall under a concurrent burst of bookings (retried requests keep theirs)', async () => {
  const db = localDatabase(h.cloud.url);
  await db.collection('hall_schedules').doc(HALL).update({ windows: 20, perWindow: 3, walkInShare: 0 });
  scheduleChanged(h);
  const openids = await seedVerifiedCitizens(h.cloud.url, 'refnum', 40);
  const requests = openids.map((openid) => ({ openid, requestId: requestId() }));
  const send = (r: { openid: string; requestId: string }) =>
    h.call('booking', { action: 'reserve', data: { hallId: HALL, business: CERTIFICATE, slotId: slot('10:00') }, requestId: r.requestId }, r.openid);
  let results = await Promise.all(requests.map(send));
  // On a busy machine a call may outlast the SDK's timeout: the client sends the same request again.
  for (let round = 0; round < 5 && results.some((r) => !r.body.ok); round++) {
    results = await Promise.all(requests.map((r, i) => (results[i].body.ok ? results[i] : send(r))));
  }
  const numbers = results.map((r) => {
    expect(r.body.ok).toBe(true);
    return r.body.data.refNumber as string;
  });
  expect(new Set(numbers).size).toBe(numbers.length);
  // A retry of any of them keeps its number.
  const retried = await send(requests[7]);
  expect(retried.body.data.refNumber).toBe(numbers[7]);
  // Two bookings never share a number: every appointment of the hall, as stored, and each answer's is its stored one.
  const stored = (await db.collection('appointments').where({ hallId: HALL }).limit(1000).get()).data as Array<{ _id: string; refNumber: string }>;
  expect(new Set(stored.map((a) => a.refNumber)).size).toBe(stored.length);
  for (const [i, r] of results.entries()) expect(stored.find((a) => a._id === r.body.data.id)?.refNumber).toBe(numbers[i]);
  // The database itself refuses a second holder of a number in the hall (the unique index as deployed), not in another hall.
  const copy = { actorOpenid: 'itest-nobody', hallId: HALL, slotId: slot('11:00'), refNumber: numbers[0], status: 'cancelled', claims: [] };
  await expect(db.collection('appointments').add({ _id: 'itest-duplicate-number', ...copy })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  await db.collection('appointments').add({ _id: 'itest-other-hall-number', ...copy, hallId: 'shenzhen-futian' });
  await db.collection('appointments').doc('itest-other-hall-number').remove();
});

test('officer lookup: own hall only (another hall’s number is not found, as a number nobody holds), misheard numbers refused, name and ID number masked, audited', async () => {
  const found = await b.ok('local-officer', 'appointmentByNumber', { number: `${own.refNumber.slice(0, 4)} ${own.refNumber.slice(4)}` });
  expect(found.appointment).toMatchObject({ id: own.id, refNumber: own.refNumber, subjectNameMasked: '王**', status: 'booked' });
  expect(found.idNumberMasked).toBe('4601**************');
  expect(found.identityCheckAttemptsLeft).toBe(3);
  expect(JSON.stringify(found)).not.toContain(LAST4);

  const otherHall = await b.error(FUTIAN_OFFICER, 'appointmentByNumber', { number: own.refNumber });
  let nobody = referenceNumberOf('0000000');
  for (let i = 1; nobody === own.refNumber; i++) nobody = referenceNumberOf(String(i).padStart(7, '0'));
  const unknown = await b.error('local-officer', 'appointmentByNumber', { number: nobody });
  expect(otherHall).toEqual(unknown);
  expect(otherHall.code).toBe('APPOINTMENT_NOT_FOUND');
  expect((await b.error(FUTIAN_OFFICER, 'checkInByNumber', { number: own.refNumber, idLast4: LAST4 })).code).toBe('APPOINTMENT_NOT_FOUND');

  expect((await b.error('local-officer', 'appointmentByNumber', { number: misheard(own.refNumber) })).code).toBe('REFERENCE_NUMBER_INVALID');
  expect((await b.error('local-officer', 'appointmentByNumber', { number: '1234' })).code).toBe('REFERENCE_NUMBER_INVALID');
  expect((await b.error('local-citizen', 'appointmentByNumber', { number: own.refNumber })).code).toBe('FORBIDDEN');

  const audit = (await localDatabase(h.cloud.url).collection('audit_log').where({ action: 'appointment.lookupByNumber' }).limit(100).get()).data as Array<{
    actorOpenid: string;
    target: string;
  }>;
  expect(audit.filter((e) => e.actorOpenid === 'local-officer' && e.target === own.id).length).toBeGreaterThanOrEqual(1);
  expect(audit.some((e) => e.actorOpenid === FUTIAN_OFFICER && e.target === `预约号 ${own.refNumber}`)).toBe(true);
});

test('check-in by number: wrong last four refused and counted, right ones check in, a repeat says already checked in with the same queue number', async () => {
  h.setNow(at(DAY, '08:50'));
  const wrong = await b.error('local-officer', 'checkInByNumber', { number: own.refNumber, idLast4: '0000' });
  expect(wrong.code).toBe('IDENTITY_CHECK_FAILED');
  expect(wrong.message).toContain('还可核对2次');
  expect((await b.error('local-officer', 'checkInByNumber', { number: own.refNumber, idLast4: '13' })).code).toBe('INVALID_INPUT');
  expect((await b.ok('local-officer', 'appointmentByNumber', { number: own.refNumber })).identityCheckAttemptsLeft).toBe(2);

  const done = await b.ok('local-officer', 'checkInByNumber', { number: own.refNumber, idLast4: LAST4 });
  expect(done).toMatchObject({ queueNumber: expect.any(Number), appointment: { id: own.id, status: 'checkedIn', refNumber: own.refNumber } });
  const repeat = await b.error('local-officer', 'checkInByNumber', { number: own.refNumber, idLast4: LAST4 });
  expect(repeat.code).toBe('ALREADY_CHECKED_IN');
  expect(repeat.message).toContain(`排队号 ${done.queueNumber}`);
  const mine = await b.ok('local-citizen', 'myAppointments');
  expect(mine.appointments.find((a: { id: string }) => a.id === own.id)).toMatchObject({ status: 'checkedIn', queueNumber: done.queueNumber });
  const audit = (await localDatabase(h.cloud.url).collection('audit_log').where({ target: own.id }).limit(100).get()).data as Array<{ action: string }>;
  expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['appointment.identityCheckFailed', 'appointment.checkInByNumber']));
});

test('three wrong endings lock the number check-in of that appointment (the QR ticket still works)', async () => {
  h.setNow(NOW);
  const idFlow = identityFlow(h);
  await idFlow.ok('local-citizen', 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  const forChild = await b.ok('local-citizen', 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('09:30'), forMemberId: 'resident-003', requestId: requestId() });
  h.setNow(at(DAY, '09:20'));
  // The child's card, not the father's: the subject is who comes to the window.
  expect((await b.error('local-officer', 'checkInByNumber', { number: forChild.refNumber, idLast4: LAST4 })).code).toBe('IDENTITY_CHECK_FAILED');
  expect((await b.error('local-officer', 'checkInByNumber', { number: forChild.refNumber, idLast4: '0001' })).code).toBe('IDENTITY_CHECK_FAILED');
  expect((await b.error('local-officer', 'checkInByNumber', { number: forChild.refNumber, idLast4: '0002' })).code).toBe('IDENTITY_CHECK_LOCKED');
  expect((await b.error('local-officer', 'checkInByNumber', { number: forChild.refNumber, idLast4: '1539' })).code).toBe('IDENTITY_CHECK_LOCKED');
  const { token } = await b.ok('local-citizen', 'ticket', { appointmentId: forChild.id });
  expect((await b.ok('local-officer', 'checkIn', { token })).appointment).toMatchObject({ id: forChild.id, status: 'checkedIn' });
  h.setNow(NOW);
});

test('a reissue application gets a 办件编号 (kept by a retry); the officer of its hall finds it by number, another hall does not', async () => {
  h.setNow(at('2026-03-02', '10:00'));
  const r = reissueFlow(h);
  const rid = requestId();
  const first = await r.applyByMail('local-citizen', { requestId: rid });
  expect(first.ok).toBe(true);
  expect(first.data.refNumber).toMatch(/^\d{8}$/);
  expect(hasValidCheck(first.data.refNumber)).toBe(true);
  const again = await r.applyByMail('local-citizen', { requestId: rid });
  expect(again.data.refNumber).toBe(first.data.refNumber);
  expect((await r.ok('local-citizen', 'application', { applicationId: first.data.id })).refNumber).toBe(first.data.refNumber);
  const officer = first.data.hallId === HALL ? 'local-officer' : FUTIAN_OFFICER;
  expect(first.data.hallId).toBe(HALL);
  const found = await r.ok(officer, 'applicationByNumber', { number: first.data.refNumber });
  expect(found).toMatchObject({ id: first.data.id, refNumber: first.data.refNumber, subjectNameMasked: '王**' });
  expect((await r.error(FUTIAN_OFFICER, 'applicationByNumber', { number: first.data.refNumber })).code).toBe('REISSUE_NOT_FOUND');
  expect((await r.error(officer, 'applicationByNumber', { number: misheard(first.data.refNumber) })).code).toBe('REFERENCE_NUMBER_INVALID');
  // An appointment's number is not an application's.
  expect((await r.error(officer, 'applicationByNumber', { number: own.refNumber })).code).toBe('REISSUE_NOT_FOUND');
});
