/**
 * The booking use cases (reserve, cancel, reschedule, ticket, checkIn, myAppointments, the timers,
 * availability and the officer's day and week) through dispatch, as the cloud function runs them, on in-memory ports with the CloudBase store's
 * semantics (support/bookingInMemoryStore.ts) and a clock the tests move: the rules where they
 * live — per-person limits, release and start, the cancellation deadline and quota, the no-show
 * block, acting for a family member, the check-in window — each at its edge. The same journeys
 * against the local cloud are in tests/integration/booking*.test.ts; interleavings in
 * bookingInterleavings.test.ts.
 */
import { claimIds } from '../../core/booking/claims';
import { CANCELS_PER_DAY, cancelQuotaId } from '../../core/booking/cancelQuota';
import { TICKET_POLICY } from '../../core/ticket/TicketToken';
import { CERTIFICATE, CHILD_RESIDENT, HALL, HOUR, ID_CARD, MIGRATION, MIN, OFFICER, OTHER_OFFICER, bookingWorld, storeProblems, type BookingWorld } from './support/bookingWorld';

/** A Shanghai wall-clock time as an instant. */
const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

const TUE = '2026-11-24';
const WED = '2026-11-25';
const THU = '2026-11-26';
const NEXT_MON = '2026-11-30';

async function book(w: BookingWorld, openid: string, date: string, start: string, business = ID_CARD, extra: Record<string, unknown> = {}) {
  const r = await w.reserve(openid, w.slot(date, start), business, extra);
  if (!r.ok) throw new Error(`reserve refused: ${r.error.code}`);
  return r.data as { id: string; status: string; forFamilyMember: boolean; subjectNameMasked: string; cancellableUntil?: string };
}

async function code(p: Promise<{ ok: boolean; error?: { code: string } }>) {
  const r = await p;
  return r.ok ? 'ok' : r.error!.code;
}

describe('reserve: the rules', () => {
  it('takes one place and the three claims (business, day, week); the view shows the name masked', async () => {
    const w = bookingWorld();
    const view = await book(w, 'o-a', TUE, '09:00');
    expect(view).toMatchObject({ status: 'booked', forFamilyMember: false, subjectNameMasked: '陈**', hallId: HALL, business: ID_CARD, date: TUE, start: '09:00' });
    expect(view.cancellableUntil).toBeUndefined(); // only myAppointments says until when
    const a = w.stored(view.id);
    const idIndex = w.idIndexOf('o-a');
    expect(a.claims.sort()).toEqual([claimIds.active(idIndex, ID_CARD), claimIds.day(idIndex, TUE), claimIds.week(idIndex, TUE, 1)].sort());
    expect(w.booking.slotDocs.get(a.slotId)).toMatchObject({ booked: 1, holders: [a._id], capacity: 2 });
    expect(storeProblems(w.booking)).toEqual([]);
  });

  it('one booking per business, one per day, two per week; each refusal gives back what it took', async () => {
    const w = bookingWorld();
    await book(w, 'o-a', TUE, '09:00', ID_CARD);
    expect(await code(w.reserve('o-a', w.slot(WED, '09:00'), ID_CARD))).toBe('ALREADY_BOOKED');
    expect(await code(w.reserve('o-a', w.slot(TUE, '10:00'), CERTIFICATE))).toBe('ONE_PER_DAY');
    await book(w, 'o-a', WED, '09:00', CERTIFICATE);
    expect(await code(w.reserve('o-a', w.slot(THU, '09:00'), MIGRATION))).toBe('WEEKLY_LIMIT');
    // Next week is another week.
    await book(w, 'o-a', NEXT_MON, '09:00', MIGRATION);
    // Only the three bookings' claims exist: the refusals left nothing behind.
    const held = [...w.booking.appointments.values()].flatMap((a) => a.claims);
    expect([...w.booking.claims.keys()].sort()).toEqual(held.sort());
    expect(storeProblems(w.booking)).toEqual([]);
  });

  it('a full slot is SLOT_FULL and the refused person keeps no claim; the next slot is theirs', async () => {
    const w = bookingWorld({ capacity: 1 });
    await book(w, 'o-a', TUE, '09:00');
    expect(await code(w.reserve('o-b', w.slot(TUE, '09:00')))).toBe('SLOT_FULL');
    expect([...w.booking.claims.keys()].filter((c) => c.includes(w.idIndexOf('o-b')))).toEqual([]);
    await book(w, 'o-b', TUE, '09:30');
  });

  it('a day opens at its release time (7 days ahead at 00:00) and a slot closes when it starts', async () => {
    const w = bookingWorld();
    const dec1 = w.slot('2026-12-01', '09:00');
    w.clock.set(new Date(at('2026-12-01', '00:00').getTime() - 7 * 24 * HOUR - 1));
    expect(await code(w.reserve('o-a', dec1))).toBe('SLOT_NOT_OPEN');
    w.clock.advance(1);
    expect(await code(w.reserve('o-a', dec1))).toBe('ok');

    w.clock.set(at(TUE, '09:30'));
    expect(await code(w.reserve('o-b', w.slot(TUE, '09:30')))).toBe('SLOT_NOT_OPEN');
    w.clock.set(new Date(at(TUE, '09:30').getTime() - 1));
    expect(await code(w.reserve('o-b', w.slot(TUE, '09:30')))).toBe('ok');
  });

  it('who and what: a verified caller, a slot of this hall, a business the hall books', async () => {
    const w = bookingWorld();
    const s = w.slot(TUE, '09:00');
    expect(await code(w.reserve('o-unverified', s))).toBe('NOT_VERIFIED');
    expect(await code(w.call(undefined, 'reserve', { hallId: HALL, business: ID_CARD, slotId: s.slotId }))).toBe('UNAUTHENTICATED');
    expect(await code(w.call('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: `haikou-meilan:${TUE}:0900` }))).toBe('SLOT_NOT_FOUND');
    expect(await code(w.call('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: `${HALL}:${TUE}:0915` }))).toBe('SLOT_NOT_FOUND');
    expect(await code(w.call('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: `${HALL}:2026-11-29:0900` }))).toBe('SLOT_NOT_FOUND'); // a Sunday
    expect(await code(w.reserve('o-a', s, 'id-card-temporary'))).toBe('BUSINESS_NOT_BOOKABLE');
    expect(await code(w.call('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: s.slotId }, 'x'))).toBe('INVALID_REQUEST');
    expect(w.booking.appointments.size).toBe(0);
  });

  it('acting for a family member: the member is the subject, with their own limits; nobody else may act for them', async () => {
    const w = bookingWorld();
    await book(w, 'o-a', TUE, '09:00');
    const forChild = await book(w, 'o-a', TUE, '09:00', ID_CARD, { forMemberId: CHILD_RESIDENT });
    expect(forChild).toMatchObject({ forFamilyMember: true, subjectNameMasked: '王**' });
    const a = w.stored(forChild.id);
    expect(a).toMatchObject({ actorOpenid: 'o-a', subjectResidentId: CHILD_RESIDENT, actedFor: CHILD_RESIDENT });
    expect(a.subjectIdIndex).not.toBe(w.idIndexOf('o-a'));
    expect(await code(w.reserve('o-a', w.slot(WED, '09:00'), ID_CARD, { forMemberId: CHILD_RESIDENT }))).toBe('ALREADY_BOOKED');
    expect(await code(w.reserve('o-b', w.slot(WED, '09:00'), ID_CARD, { forMemberId: CHILD_RESIDENT }))).toBe('FAMILY_MEMBER_NOT_FOUND');
    // Naming oneself is booking for oneself.
    expect(await code(w.reserve('o-b', w.slot(WED, '09:00'), ID_CARD, { forMemberId: 'r-o-b' }))).toBe('ok');
    expect(w.stored([...w.booking.appointments.values()].find((x) => x.actorOpenid === 'o-b')!._id).actedFor).toBeUndefined();
  });

  it('three no-shows within 180 days block booking for 30 days from the last one; the day and week stay used', async () => {
    const w = bookingWorld({ schedule: { limits: { perWeek: 7, noShowLimit: 3, noShowWindowDays: 180, noShowBlockDays: 30 } } });
    await book(w, 'o-a', TUE, '09:00', ID_CARD);
    await book(w, 'o-a', WED, '09:00', CERTIFICATE);
    const last = await book(w, 'o-a', THU, '09:00', MIGRATION);
    w.clock.set(at('2026-11-27', '00:05'));
    expect(await w.ok(undefined, 'markNoShows')).toEqual({ marked: 3 });
    const idIndex = w.idIndexOf('o-a');
    // The businesses are free again; the days and the week stay used.
    expect(w.stored(last.id).status).toBe('noShow');
    expect([...w.booking.claims.keys()].filter((c) => c.startsWith('active:'))).toEqual([]);
    expect(w.booking.claims.has(claimIds.day(idIndex, THU))).toBe(true);

    expect(await w.refused('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: w.slot('2026-11-28', '09:00').slotId })).toBe('BOOKING_BLOCKED');
    const r = await w.call('o-a', 'reserve', { hallId: HALL, business: ID_CARD, slotId: w.slot('2026-11-28', '09:00').slotId });
    expect(!r.ok && r.error.message).toContain('12月27日起可再预约');
    // Someone else, and the family member booked for, are not blocked.
    await book(w, 'o-b', '2026-11-28', '09:00');
    await book(w, 'o-a', '2026-11-28', '09:00', ID_CARD, { forMemberId: CHILD_RESIDENT });

    w.clock.set(new Date(at('2026-12-27', '00:00').getTime() - 1));
    expect(await code(w.reserve('o-a', w.slot('2026-12-28', '09:00')))).toBe('BOOKING_BLOCKED');
    w.clock.advance(1);
    expect(await code(w.reserve('o-a', w.slot('2026-12-28', '09:00')))).toBe('ok');
  });
});

describe('cancel and reschedule', () => {
  it('cancel until the deadline (2 hours before, inclusive) returns the place and every claim at once; then CANCEL_TOO_LATE', async () => {
    const w = bookingWorld({ capacity: 1 });
    const mine = await book(w, 'o-a', TUE, '09:00');
    w.clock.set(at(TUE, '07:00'));
    expect(await w.ok('o-a', 'cancel', { appointmentId: mine.id })).toMatchObject({ id: mine.id, status: 'cancelled' });
    expect(w.booking.slotDocs.get(w.slot(TUE, '09:00').slotId)).toMatchObject({ booked: 0, holders: [] });
    expect([...w.booking.claims.keys()].filter((c) => !c.startsWith('cancel:'))).toEqual([]);
    const theirs = await book(w, 'o-b', TUE, '09:00');
    w.clock.advance(1);
    expect(await w.refused('o-b', 'cancel', { appointmentId: theirs.id })).toBe('CANCEL_TOO_LATE');
    expect(await w.refused('o-b', 'reschedule', { appointmentId: theirs.id, slotId: w.slot(TUE, '10:00').slotId })).toBe('CANCEL_TOO_LATE');
    expect(w.stored(theirs.id).status).toBe('booked');
  });

  it('a hall may set the deadline to a time the day before (15:00)', async () => {
    const w = bookingWorld({ schedule: { cancelDeadline: { kind: 'dayBeforeAt', time: '15:00' } } });
    const a = await book(w, 'o-a', TUE, '09:00');
    const b = await book(w, 'o-b', TUE, '09:00');
    w.clock.set(at('2026-11-23', '15:00'));
    expect((await w.ok('o-a', 'myAppointments')).appointments[0].cancellableUntil).toBe(at('2026-11-23', '15:00').toISOString());
    expect(await code(w.call('o-a', 'cancel', { appointmentId: a.id }))).toBe('ok');
    w.clock.advance(1);
    expect(await code(w.call('o-b', 'cancel', { appointmentId: b.id }))).toBe('CANCEL_TOO_LATE');
  });

  it(`at most ${CANCELS_PER_DAY} cancellations or reschedules a Shanghai day; a refused move does not count; the quota returns at midnight`, async () => {
    const w = bookingWorld({ capacity: 1 });
    await book(w, 'o-b', TUE, '10:00');
    const first = await book(w, 'o-a', TUE, '09:00');
    // Refused (full): nothing moved, nothing counted.
    expect(await w.refused('o-a', 'reschedule', { appointmentId: first.id, slotId: w.slot(TUE, '10:00').slotId })).toBe('SLOT_FULL');
    expect([...w.booking.claims.keys()].filter((c) => c.startsWith('cancel:'))).toEqual([]);
    let current = first.id;
    // Moves 09:00 → 11:00, or cancels at 11:00 and books 09:00 again.
    for (let k = 1; k <= CANCELS_PER_DAY; k++) {
      if (k % 2) current = (await w.ok('o-a', 'reschedule', { appointmentId: current, slotId: w.slot(TUE, '11:00').slotId })).id;
      else {
        await w.ok('o-a', 'cancel', { appointmentId: current });
        current = (await book(w, 'o-a', TUE, '09:00')).id;
      }
    }
    expect(w.booking.claims.has(cancelQuotaId('o-a', '2026-11-23', CANCELS_PER_DAY))).toBe(true);
    expect(await w.refused('o-a', 'cancel', { appointmentId: current })).toBe('CANCEL_LIMIT');
    expect(await w.refused('o-a', 'reschedule', { appointmentId: current, slotId: w.slot(TUE, '11:30').slotId })).toBe('CANCEL_LIMIT');
    expect(w.stored(current).status).toBe('booked');
    // Another account has its own quota.
    const other = await book(w, 'o-c', WED, '09:00');
    expect(await code(w.call('o-c', 'cancel', { appointmentId: other.id }))).toBe('ok');
    w.clock.set(at(TUE, '00:00'));
    expect(await code(w.call('o-a', 'cancel', { appointmentId: current }))).toBe('ok');
    expect(storeProblems(w.booking)).toEqual([]);
  });

  it('reschedule takes the new place before giving back the old; the day and week carry over; a retry answers the same', async () => {
    const w = bookingWorld();
    const old = await book(w, 'o-a', TUE, '09:00');
    const slotId = w.slot(TUE, '10:00').slotId;
    const moved = await w.ok('o-a', 'reschedule', { appointmentId: old.id, slotId }, 'move-request-1');
    expect(moved).toMatchObject({ status: 'booked', date: TUE, start: '10:00' });
    expect(w.stored(old.id)).toMatchObject({ status: 'cancelled', rescheduledTo: moved.id });
    expect(w.booking.slotDocs.get(w.slot(TUE, '09:00').slotId)).toMatchObject({ booked: 0 });
    expect(w.booking.slotDocs.get(slotId)).toMatchObject({ booked: 1, holders: [moved.id] });
    const idIndex = w.idIndexOf('o-a');
    expect(w.stored(moved.id).claims.sort()).toEqual([claimIds.active(idIndex, ID_CARD), claimIds.day(idIndex, TUE), claimIds.week(idIndex, TUE, 1)].sort());
    expect(await w.ok('o-a', 'reschedule', { appointmentId: old.id, slotId }, 'move-request-1')).toMatchObject({ id: moved.id });
    // Another day of the same week: the week claim carries, the day is a new one.
    const again = await w.ok('o-a', 'reschedule', { appointmentId: moved.id, slotId: w.slot(WED, '09:00').slotId });
    expect(w.stored(again.id).claims).toContain(claimIds.week(idIndex, TUE, 1));
    expect(w.booking.claims.has(claimIds.day(idIndex, TUE))).toBe(false);
    expect(storeProblems(w.booking)).toEqual([]);
  });

  it("one's own only, booked only; a retry of a cancel answers again and counts once", async () => {
    const w = bookingWorld();
    const a = await book(w, 'o-a', TUE, '09:00');
    expect(await w.refused('o-b', 'cancel', { appointmentId: a.id })).toBe('APPOINTMENT_NOT_FOUND');
    expect(await w.refused('o-b', 'reschedule', { appointmentId: a.id, slotId: w.slot(TUE, '10:00').slotId })).toBe('APPOINTMENT_NOT_FOUND');
    await w.ok('o-a', 'cancel', { appointmentId: a.id }, 'cancel-request-1');
    expect(await w.ok('o-a', 'cancel', { appointmentId: a.id }, 'cancel-request-1')).toMatchObject({ status: 'cancelled' });
    expect([...w.booking.claims.keys()].filter((c) => c.startsWith('cancel:'))).toEqual([cancelQuotaId('o-a', '2026-11-23', 1)]);
    expect(await w.refused('o-a', 'cancel', { appointmentId: a.id })).toBe('APPOINTMENT_NOT_ACTIVE');
    expect(await w.refused('o-a', 'reschedule', { appointmentId: a.id, slotId: w.slot(TUE, '10:00').slotId })).toBe('APPOINTMENT_NOT_ACTIVE');
  });
});

describe('tickets and check-in', () => {
  async function ticket(w: BookingWorld, openid: string, appointmentId: string): Promise<string> {
    return (await w.ok(openid, 'ticket', { appointmentId })).token;
  }

  it('a ticket lives 60 s (ticketExpiry) and is refreshed every 30 s; only for a booked appointment of the caller, not a past one', async () => {
    const w = bookingWorld();
    const a = await book(w, 'o-a', TUE, '09:00');
    const issued = await w.ok('o-a', 'ticket', { appointmentId: a.id });
    expect(issued).toMatchObject({ expiresAt: new Date(w.clock.now().getTime() + TICKET_POLICY.ttlSeconds * 1000).toISOString(), refreshAfterSeconds: 30 });
    expect(await w.refused('o-b', 'ticket', { appointmentId: a.id })).toBe('APPOINTMENT_NOT_FOUND');
    w.clock.set(at(WED, '00:00'));
    expect(await w.refused('o-a', 'ticket', { appointmentId: a.id })).toBe('APPOINTMENT_NOT_ACTIVE');
  });

  it('checks in from 30 minutes before the start to 15 after (both inclusive), in queue order; the business frees, the day stays used', async () => {
    const w = bookingWorld({ capacity: 3 });
    const a = await book(w, 'o-a', TUE, '09:00');
    const b = await book(w, 'o-b', TUE, '09:00');
    const c = await book(w, 'o-c', TUE, '09:00');
    w.clock.set(new Date(at(TUE, '08:30').getTime() - 1));
    expect(await w.refused(OFFICER, 'checkIn', { token: await ticket(w, 'o-a', a.id) })).toBe('CHECK_IN_TOO_EARLY');
    w.clock.advance(1);
    expect(await w.ok(OFFICER, 'checkIn', { token: await ticket(w, 'o-a', a.id) })).toMatchObject({ queueNumber: 1, appointment: { id: a.id, status: 'checkedIn' } });
    w.clock.set(at(TUE, '09:15'));
    expect((await w.ok(OFFICER, 'checkIn', { token: await ticket(w, 'o-b', b.id) })).queueNumber).toBe(2);
    const late = await ticket(w, 'o-c', c.id);
    w.clock.advance(1);
    expect(await w.refused(OFFICER, 'checkIn', { token: late })).toBe('CHECK_IN_TOO_LATE');
    expect(w.audit.entries.map((e) => [e.action, e.target])).toEqual([
      ['appointment.checkIn', a.id],
      ['appointment.checkIn', b.id],
    ]);
    // Checked in: the business can be booked again (another day); the day is still used.
    expect(await code(w.reserve('o-a', w.slot(WED, '09:00')))).toBe('ok');
    expect(await code(w.reserve('o-a', w.slot(TUE, '16:00'), CERTIFICATE))).toBe('ONE_PER_DAY');
    expect(storeProblems(w.booking)).toEqual([]);
  });

  it('refuses an expired or forged ticket, another hall, another day, a second scan (with its number), a citizen, a cancelled booking', async () => {
    const w = bookingWorld();
    const a = await book(w, 'o-a', TUE, '09:00');
    const b = await book(w, 'o-b', TUE, '09:00');
    const early = await ticket(w, 'o-a', a.id);
    w.clock.set(at(TUE, '09:00'));
    expect(await w.refused(OFFICER, 'checkIn', { token: early })).toBe('TICKET_EXPIRED');
    const token = await ticket(w, 'o-a', a.id);
    w.clock.advance(TICKET_POLICY.ttlSeconds * 1000 - 1);
    const [head, payload, sig] = token.split('.');
    expect(await w.refused(OFFICER, 'checkIn', { token: `${head}.${payload}.${sig!.slice(1)}A` })).toBe('TICKET_INVALID');
    expect(await w.refused(OTHER_OFFICER, 'checkIn', { token })).toBe('TICKET_OTHER_HALL');
    expect(await w.refused('o-b', 'checkIn', { token })).toBe('FORBIDDEN');
    expect((await w.ok(OFFICER, 'checkIn', { token })).queueNumber).toBe(1);
    const again = await w.call(OFFICER, 'checkIn', { token });
    expect(!again.ok && again.error).toMatchObject({ code: 'ALREADY_CHECKED_IN', message: '该预约已签到，请勿重复签到（排队号 1）' });

    w.clock.set(at('2026-11-23', '12:00'));
    const dayBefore = await ticket(w, 'o-b', b.id);
    expect(await w.refused(OFFICER, 'checkIn', { token: dayBefore })).toBe('TICKET_NOT_TODAY');
    const cancelledTicket = await ticket(w, 'o-b', b.id);
    await w.ok('o-b', 'cancel', { appointmentId: b.id });
    expect(await w.refused(OFFICER, 'checkIn', { token: cancelledTicket })).toBe('APPOINTMENT_NOT_ACTIVE');
    expect(w.audit.entries).toHaveLength(1);
  });
});

describe('my appointments', () => {
  it('newest first, with until when a booked one can be cancelled; 50 a page', async () => {
    const w = bookingWorld();
    const first = await book(w, 'o-a', TUE, '09:00', ID_CARD);
    w.clock.advance(MIN);
    const second = await book(w, 'o-a', WED, '09:00', CERTIFICATE);
    w.clock.advance(MIN);
    await w.ok('o-a', 'cancel', { appointmentId: first.id });
    const { appointments, next } = await w.ok('o-a', 'myAppointments');
    expect(next).toBeUndefined();
    expect(appointments.map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
    expect(appointments[0].cancellableUntil).toBe(at(WED, '07:00').toISOString());
    expect(appointments[1]).toMatchObject({ status: 'cancelled', cancellableUntil: undefined });
    expect((await w.ok('o-b', 'myAppointments')).appointments).toEqual([]);

    // 55 more, stored as the store would hold them: two pages, none repeated or skipped.
    const template = w.stored(second.id);
    for (let i = 0; i < 55; i++)
      w.booking.appointments.set(`past-${i}`, { ...template, _id: `past-${i}`, status: 'checkedIn', createdAt: new Date(Date.parse('2026-01-01T00:00:00Z') + i * MIN) });
    const page1 = await w.ok('o-a', 'myAppointments');
    expect(page1.appointments).toHaveLength(50);
    const page2 = await w.ok('o-a', 'myAppointments', { cursor: page1.next });
    expect(page2.next).toBeUndefined();
    expect(new Set([...page1.appointments, ...page2.appointments].map((a: { id: string }) => a.id)).size).toBe(57);
  });
});

describe('timers', () => {
  it('markNoShows ends what is still booked after its day, once; sendReminders reminds tomorrow once each', async () => {
    const w = bookingWorld();
    const a = await book(w, 'o-a', TUE, '09:00');
    const b = await book(w, 'o-b', TUE, '09:00');
    const c = await book(w, 'o-c', WED, '09:00');
    w.notifier.failFor.add('o-b');
    w.clock.set(at('2026-11-23', '16:00'));
    expect(await w.ok(undefined, 'sendReminders')).toEqual({ reminded: 1, failed: 1 });
    expect(await w.ok(undefined, 'sendReminders')).toEqual({ reminded: 0, failed: 0 });
    expect(w.notifier.sent).toEqual([{ openid: 'o-a', date: TUE, start: '09:00' }]);

    w.clock.set(at(TUE, '09:00'));
    await w.ok(OFFICER, 'checkIn', { token: (await w.ok('o-a', 'ticket', { appointmentId: a.id })).token });
    expect(await w.ok(undefined, 'markNoShows')).toEqual({ marked: 0 });
    w.clock.set(at(WED, '00:00'));
    expect(await w.ok(undefined, 'markNoShows')).toEqual({ marked: 1 });
    expect(await w.ok(undefined, 'markNoShows')).toEqual({ marked: 0 });
    expect([w.stored(a.id).status, w.stored(b.id).status, w.stored(c.id).status]).toEqual(['checkedIn', 'noShow', 'booked']);
    expect(storeProblems(w.booking)).toEqual([]);
  });

  it('reconcileSlots gives back a place and claims nobody holds once the slot has been quiet 5 minutes', async () => {
    const w = bookingWorld();
    const kept = await book(w, 'o-a', TUE, '09:00');
    const plan = w.slot(TUE, '09:00');
    // A crash between the place and the insert: a place and a claim of an appointment never stored.
    await w.booking.takePlace(plan, 'ghost');
    await w.booking.takeClaim(claimIds.day(w.idIndexOf('o-b'), TUE), 'ghost');
    w.clock.advance(5 * MIN);
    expect(await w.ok(undefined, 'reconcileSlots')).toEqual({ slotsChecked: 0, placesReturned: 0, claimsReleased: 0 });
    w.clock.advance(1);
    expect(await w.ok(undefined, 'reconcileSlots')).toEqual({ slotsChecked: 1, placesReturned: 1, claimsReleased: 1 });
    expect(w.booking.slotDocs.get(plan.slotId)).toMatchObject({ booked: 1, holders: [kept.id] });
    expect(storeProblems(w.booking)).toEqual([]);

    // A slot stored before places had holders: only ever lowered to the appointments holding it.
    w.booking.slotDocs.set(plan.slotId, { ...w.booking.slotDocs.get(plan.slotId)!, booked: 2, holders: undefined });
    expect((await w.ok(undefined, 'reconcileSlots')).placesReturned).toBe(1);
    expect(w.booking.slotDocs.get(plan.slotId)!.booked).toBe(1);
  });
});

describe('availability and the officer views', () => {
  it("availability counts the places left from the stored slots; a closed day says why; the officer's day and week count by the database", async () => {
    const w = bookingWorld({ capacity: 2 });
    const a = await book(w, 'o-a', TUE, '09:00');
    await book(w, 'o-b', TUE, '09:00');
    await book(w, 'o-c', TUE, '09:30', CERTIFICATE);
    await w.ok('o-c', 'cancel', { appointmentId: [...w.booking.appointments.values()].find((x) => x.actorOpenid === 'o-c')!._id });
    const day = await w.ok('o-d', 'availability', { hallId: HALL, business: ID_CARD, date: TUE });
    expect(day.slots.slice(0, 2)).toEqual([
      { slotId: w.slot(TUE, '09:00').slotId, start: '09:00', end: '09:30', capacity: 2, remaining: 0, state: 'full' },
      { slotId: w.slot(TUE, '09:30').slotId, start: '09:30', end: '10:00', capacity: 2, remaining: 2, state: 'open' },
    ]);
    expect(await w.ok('o-d', 'availability', { hallId: HALL, business: ID_CARD, date: '2026-11-29' })).toMatchObject({ slots: [], closedReason: '当日不办公' });
    expect(await w.refused('o-d', 'availability', { hallId: HALL, business: 'id-card-temporary', date: TUE })).toBe('BUSINESS_NOT_BOOKABLE');

    expect(await w.refused('o-a', 'hallDay', { hallId: HALL, date: TUE })).toBe('FORBIDDEN');
    expect(await w.refused(OTHER_OFFICER, 'hallDay', { hallId: HALL, date: TUE })).toBe('FORBIDDEN');
    const hallDay = await w.ok(OFFICER, 'hallDay', { hallId: HALL, date: TUE });
    expect(hallDay.slots).toHaveLength(1); // the cancelled one is counted, not listed
    expect(hallDay.slots[0].appointments.map((v: { id: string; subjectNameMasked: string }) => [v.id === a.id, v.subjectNameMasked])).toEqual(
      expect.arrayContaining([
        [true, '陈**'],
        [false, '林**'],
      ]),
    );
    expect(hallDay.byBusiness).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ business: ID_CARD, booked: 2, checkedIn: 0, noShow: 0, cancelled: 0 }),
        expect.objectContaining({ business: CERTIFICATE, booked: 0, cancelled: 1 }),
      ]),
    );
    const week = await w.ok(OFFICER, 'hallWeek', { hallId: HALL });
    expect(week.days).toHaveLength(7);
    expect(week.days[1].slots[0]).toEqual({ start: '09:00', end: '09:30', capacity: 2, booked: 2 });
  });
});
