import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { bookingActions } from '../../core/booking/bookingActions';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { identityFlow } from './support/identityFlow';
import { at, bookingFlow, requestId } from './support/bookingFlow';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(60_000);

let h: Harness;
let b: ReturnType<typeof bookingFlow>;
const HALL = 'haikou-longhua';
const RENEWAL = 'id-card-renewal';
const CERTIFICATE = 'household-certificate';
// Tuesday 2026-12-01, 08:30 in Shanghai: the week's dates are released.
const NOW = at('2026-12-01', '08:30');
const DAY = '2026-12-02';
const slot = (start: string) => `${HALL}:${DAY}:${start.replace(':', '')}`;

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = bookingFlow(h);
});
afterAll(async () => {
  await h.close();
});

test('booking options and availability: released dates, slots with the places left', async () => {
  const options = await b.ok(undefined, 'bookingOptions', { business: RENEWAL });
  expect(options.halls.map((x: { id: string }) => x.id)).toContain(HALL);
  expect(options.dates[0]).toBe('2026-12-01');
  const day = await b.ok(undefined, 'availability', { hallId: HALL, business: RENEWAL, date: DAY });
  expect(bookingActions.availability.output.parse(day)).toEqual(day);
  expect(day.slots.length).toBeGreaterThan(4);
  expect(day.slots[0]).toMatchObject({ slotId: slot('09:00'), start: '09:00', state: 'open' });
  expect(day.slots[0].remaining).toBe(day.slots[0].capacity);
  const sunday = await b.ok(undefined, 'availability', { hallId: HALL, business: RENEWAL, date: '2026-12-06' });
  expect(sunday.slots).toEqual([]);
  expect(sunday.closedReason).toBeTruthy();
  const notYet = await b.ok(undefined, 'availability', { hallId: HALL, business: RENEWAL, date: '2026-12-12' });
  expect(notYet.slots.every((s: { state: string }) => s.state === 'notReleased')).toBe(true);
});

test('a verified citizen books; the place is taken; repeating the request returns the first result', async () => {
  const before = await b.remaining(HALL, RENEWAL, DAY, slot('09:00'));
  const rid = requestId();
  const first = await b.ok('local-citizen', 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('09:00'), requestId: rid });
  expect(first).toMatchObject({ status: 'booked', date: DAY, start: '09:00', subjectNameMasked: '王**', forFamilyMember: false, businessTitle: expect.any(String) });
  const again = await b.ok('local-citizen', 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('09:00'), requestId: rid });
  expect(again.id).toBe(first.id);
  expect(await b.remaining(HALL, RENEWAL, DAY, slot('09:00'))).toBe(before - 1);
  expect((await b.reserve('local-citizen', HALL, RENEWAL, slot('10:00'))).error.code).toBe('ALREADY_BOOKED');
  expect((await b.reserve('local-citizen', HALL, CERTIFICATE, slot('10:00'))).error.code).toBe('ONE_PER_DAY');
  expect((await b.reserve('local-visitor', HALL, RENEWAL, slot('10:00'))).error.code).toBe('NOT_VERIFIED');
  expect((await b.reserve('local-citizen', HALL, 'no-such-business', slot('10:00'))).error.code).toBe('BUSINESS_NOT_BOOKABLE');
  expect((await b.reserve('local-citizen', HALL, CERTIFICATE, `${HALL}:${DAY}:0915`)).error.code).toBe('SLOT_NOT_FOUND');
  expect((await b.reserve('local-citizen', HALL, CERTIFICATE, `${HALL}:2026-12-12:0900`)).error.code).toBe('SLOT_NOT_OPEN');
  const mine = await b.ok('local-citizen', 'myAppointments');
  expect(mine.appointments[0]).toMatchObject({ id: first.id, status: 'booked', cancellableUntil: expect.any(String) });
});

test('booking for a family member of the household, and only for them', async () => {
  const idFlow = identityFlow(h);
  await idFlow.ok('local-citizen', 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  const forChild = await b.reserve('local-citizen', HALL, RENEWAL, slot('10:00'), { forMemberId: 'resident-003' });
  expect(forChild.ok).toBe(true);
  expect(forChild.data).toMatchObject({ forFamilyMember: true, subjectNameMasked: '王**' });
  expect((await b.reserve('local-citizen', HALL, RENEWAL, slot('10:30'), { forMemberId: 'resident-009' })).error.code).toBe('FAMILY_MEMBER_NOT_FOUND');
});

test('check-in: only a valid, current ticket, at the officer’s hall, in its window, once — each refusal says why', async () => {
  const booked = await b.ok('local-citizen', 'myAppointments');
  const own = booked.appointments.find((a: { start: string; forFamilyMember: boolean }) => a.start === '09:00' && !a.forFamilyMember);
  const { token, refreshAfterSeconds } = await b.ok('local-citizen', 'ticket', { appointmentId: own.id });
  expect(refreshAfterSeconds).toBe(30);
  expect((await b.error('local-citizen', 'checkIn', { token })).code).toBe('FORBIDDEN');
  expect((await b.error('local-officer', 'checkIn', { token })).code).toBe('TICKET_NOT_TODAY');

  h.setNow(at(DAY, '08:10'));
  const early = await b.ok('local-citizen', 'ticket', { appointmentId: own.id });
  expect((await b.error('local-officer', 'checkIn', { token: early.token })).code).toBe('CHECK_IN_TOO_EARLY');

  h.setNow(at(DAY, '08:50'));
  const fresh = await b.ok('local-citizen', 'ticket', { appointmentId: own.id });
  const forged = fresh.token.slice(0, -2) + (fresh.token.endsWith('AA') ? 'BB' : 'AA');
  expect((await b.error('local-officer', 'checkIn', { token: forged })).code).toBe('TICKET_INVALID');
  expect((await b.error('local-officer', 'checkIn', { token: 'not-a-ticket-at-all' })).code).toBe('TICKET_INVALID');
  await inviteOfficer(h, 'itest-futian-officer', ['shenzhen-futian']);
  expect((await b.error('itest-futian-officer', 'checkIn', { token: fresh.token })).code).toBe('TICKET_OTHER_HALL');

  const done = await b.ok('local-officer', 'checkIn', { token: fresh.token });
  expect(done).toMatchObject({ queueNumber: 1, appointment: { status: 'checkedIn', subjectNameMasked: '王**' } });
  // No business application names this appointment for its handover: nothing attached is shown.
  expect(done.business).toBeUndefined();
  expect((await b.error('local-officer', 'checkIn', { token: fresh.token })).code).toBe('ALREADY_CHECKED_IN');

  h.setNow(at(DAY, '08:52'));
  expect((await b.error('local-officer', 'checkIn', { token: fresh.token })).code).toBe('TICKET_EXPIRED');
  const mine = await b.ok('local-citizen', 'myAppointments');
  expect(mine.appointments.find((a: { id: string }) => a.id === own.id)).toMatchObject({ status: 'checkedIn', queueNumber: 1 });

  const day = await b.ok('local-officer', 'hallDay', { hallId: HALL, date: DAY });
  expect(day.byBusiness.find((x: { business: string }) => x.business === RENEWAL)).toMatchObject({ checkedIn: 1, booked: 1 });
  expect((await b.error('local-officer', 'hallDay', { hallId: 'shenzhen-futian', date: DAY })).code).toBe('FORBIDDEN');
  const week = await b.ok('local-officer', 'hallWeek', { hallId: HALL });
  expect(week.days).toHaveLength(7);
  h.setNow(NOW);
});

test('cancel before the deadline returns the place at once; after it, it is refused', async () => {
  const slotId = slot('14:00');
  const before = await b.remaining(HALL, CERTIFICATE, DAY, slotId);
  const [openid] = await seedVerifiedCitizens(h.cloud.url, 'itest-cancel', 1);
  const booked = await b.ok(openid, 'reserve', { hallId: HALL, business: CERTIFICATE, slotId, requestId: requestId() });
  expect(await b.remaining(HALL, CERTIFICATE, DAY, slotId)).toBe(before - 1);
  expect((await b.error('local-citizen', 'cancel', { appointmentId: booked.id, requestId: requestId() })).code).toBe('APPOINTMENT_NOT_FOUND');
  const cancelled = await b.ok(openid, 'cancel', { appointmentId: booked.id, requestId: requestId() });
  expect(cancelled.status).toBe('cancelled');
  expect(await b.remaining(HALL, CERTIFICATE, DAY, slotId)).toBe(before);
  expect((await b.error(openid, 'cancel', { appointmentId: booked.id, requestId: requestId() })).code).toBe('APPOINTMENT_NOT_ACTIVE');
  // The business is free again; a late cancellation is refused.
  const again = await b.ok(openid, 'reserve', { hallId: HALL, business: CERTIFICATE, slotId, requestId: requestId() });
  h.setNow(at(DAY, '13:00'));
  expect((await b.error(openid, 'cancel', { appointmentId: again.id, requestId: requestId() })).code).toBe('CANCEL_TOO_LATE');
  h.setNow(NOW);
});

test('reschedule takes the new place before giving back the old one', async () => {
  const [openid] = await seedVerifiedCitizens(h.cloud.url, 'itest-move', 1);
  const from = slot('15:00');
  const to = slot('15:30');
  const booked = await b.ok(openid, 'reserve', { hallId: HALL, business: RENEWAL, slotId: from, requestId: requestId() });
  const [fromBefore, toBefore] = [await b.remaining(HALL, RENEWAL, DAY, from), await b.remaining(HALL, RENEWAL, DAY, to)];
  const moved = await b.ok(openid, 'reschedule', { appointmentId: booked.id, slotId: to, requestId: requestId() });
  expect(moved).toMatchObject({ start: '15:30', status: 'booked' });
  expect(await b.remaining(HALL, RENEWAL, DAY, from)).toBe(fromBefore + 1);
  expect(await b.remaining(HALL, RENEWAL, DAY, to)).toBe(toBefore - 1);
  const mine = await b.ok(openid, 'myAppointments');
  expect(mine.appointments.map((a: { status: string }) => a.status).sort()).toEqual(['booked', 'cancelled']);
});

test('the day before, everyone booked for tomorrow is reminded once', async () => {
  h.setNow(at('2026-12-01', '18:00'));
  const first = await b.timer('sendReminders');
  expect(first.data.reminded).toBeGreaterThanOrEqual(1);
  // Sent as a subscribe message through 云调用 (the SDK's wx.api request the local cloud answers).
  expect(h.cloud.notifications).toContainEqual(
    expect.objectContaining({
      openid: 'local-citizen',
      templateId: devEnvironment.HUKOU_REMINDER_TEMPLATE_ID,
      data: expect.objectContaining({ time2: { value: expect.stringMatching(/^2026年12月2日 \d\d:\d\d$/) } }),
    }),
  );
  const second = await b.timer('sendReminders');
  expect(second.data.reminded).toBe(0);
  h.setNow(NOW);
});

test('a citizen who declined reminders (WeChat 43101) is counted as failed, not reminded, and not retried', async () => {
  const [openid] = await seedVerifiedCitizens(h.cloud.url, 'itest-declined', 1);
  h.cloud.declineReminders(openid);
  await b.ok(openid, 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('16:30'), requestId: requestId() });
  h.setNow(at('2026-12-01', '18:00'));
  const run = await b.timer('sendReminders');
  expect(run.data.failed).toBeGreaterThanOrEqual(1);
  expect(h.cloud.notifications.some((n) => n.openid === openid)).toBe(false);
  expect((await b.timer('sendReminders')).data).toEqual({ reminded: 0, failed: 0 });
  h.setNow(NOW);
});

test('after the day closes, unattended appointments become no-shows; three in 180 days block booking for 30 days', async () => {
  const [openid] = await seedVerifiedCitizens(h.cloud.url, 'itest-noshow', 1);
  const booked = await b.ok(openid, 'reserve', { hallId: HALL, business: RENEWAL, slotId: slot('16:00'), requestId: requestId() });
  expect((await b.timer('markNoShows')).ok).toBe(true);
  h.setNow(at('2026-12-03', '00:30'));
  const swept = await b.timer('markNoShows');
  expect(swept.data.marked).toBeGreaterThanOrEqual(1);
  const mine = await b.ok(openid, 'myAppointments');
  expect(mine.appointments.find((a: { id: string }) => a.id === booked.id).status).toBe('noShow');
  expect((await b.call(openid, 'markNoShows')).error.code).toBe('UNKNOWN_ACTION');
  // Two earlier no-shows on record make three.
  const db = localDatabase(h.cloud.url);
  const account = (await db.collection('accounts').doc(openid).get()).data[0];
  for (const date of ['2026-10-10', '2026-11-11']) {
    await db.collection('appointments').add({
      ...booked,
      _id: `itest-noshow-${date}`,
      // A 预约号 of its own (unique in the hall by the index hall_ref).
      refNumber: date.replace(/-/g, ''),
      actorOpenid: openid,
      subjectIdIndex: account.identity.idIndex,
      date,
      status: 'noShow',
      claims: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  }
  const blocked = await b.error(openid, 'reserve', { hallId: HALL, business: RENEWAL, slotId: `${HALL}:2026-12-04:0900`, requestId: requestId() });
  expect(blocked.code).toBe('BOOKING_BLOCKED');
  // The latest no-show was 12-02: blocked 12-03 … 01-01 (30 days).
  expect(blocked.message).toContain('1月2日起可再预约');
  h.setNow(NOW);
});

test('reconciliation repairs a crash between taking a place and inserting the appointment, and leaves busy slots alone', async () => {
  const db = localDatabase(h.cloud.url);
  const crashed = slot('11:00');
  const busy = slot('11:30');
  // Plans exist once someone books; take one place in each the normal way.
  const [a, c] = await seedVerifiedCitizens(h.cloud.url, 'itest-reconcile', 2);
  await b.ok(a, 'reserve', { hallId: HALL, business: RENEWAL, slotId: crashed, requestId: requestId() });
  await b.ok(c, 'reserve', { hallId: HALL, business: RENEWAL, slotId: busy, requestId: requestId() });
  const before = await b.remaining(HALL, RENEWAL, DAY, crashed);
  // A crash: a place and a claim taken, the appointment never inserted — ten minutes ago.
  const longAgo = new Date(NOW.getTime() - 10 * 60_000);
  await db
    .collection('slots')
    .doc(crashed)
    .update({ booked: db.command.inc(1), holders: db.command.push('never-inserted'), lastTakenAt: longAgo });
  await db.collection('booking_claims').add({ _id: 'active:crashed-person:id-card-renewal', appointmentId: 'never-inserted', at: longAgo });
  // The same on a slot that is busy right now must not be touched (the insert may still be on its way).
  await db
    .collection('slots')
    .doc(busy)
    .update({ booked: db.command.inc(1), holders: db.command.push('on-its-way'), lastTakenAt: NOW });
  expect(await b.remaining(HALL, RENEWAL, DAY, crashed)).toBe(before - 1);

  const swept = await b.timer('reconcileSlots');
  expect(swept.ok).toBe(true);
  expect(swept.data.placesReturned).toBe(1);
  expect(swept.data.claimsReleased).toBeGreaterThanOrEqual(1);
  expect(await b.remaining(HALL, RENEWAL, DAY, crashed)).toBe(before);
  expect((await db.collection('booking_claims').doc('active:crashed-person:id-card-renewal').get()).data).toEqual([]);
  const busySlot = (await db.collection('slots').doc(busy).get()).data[0];
  expect(busySlot.booked).toBe(2);
});

test('no ID or phone number appears unmasked in any response or log line', () => {
  const leaks = [...h.responses, ...h.logs].flatMap((text) => containsUnmaskedIdOrPhone(text));
  expect(leaks).toEqual([]);
});
