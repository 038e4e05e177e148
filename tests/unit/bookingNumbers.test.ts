/**
 * 预约号 of new appointments: unique in the hall by the database's unique index on (hallId,
 * refNumber), which the in-memory store enforces as the database does; an insert refused for its
 * number is tried again with the next candidate (core/booking/insertNumbered.ts), and a retry of the
 * same request still answers with the booking its first attempt made.
 */
import type { Appointment } from '../../core/booking/Appointment';
import { NUMBER_ATTEMPTS, insertNumbered, numberCandidate } from '../../core/booking/insertNumbered';
import { HALL, ID_CARD, OTHER_HALL, bookingWorld, storeProblems, type BookingWorld } from './support/bookingWorld';

const TUE = '2026-11-24';

/** The id the appointment of `openid`'s request `requestId` gets (reserve derives it from both). */
const appointmentIdOf = (w: BookingWorld, openid: string, requestId: string) => w.deps(openid).idFor(`reserve:${openid}:${requestId}`);

/** Another person's appointment of `hallId` that holds `refNumber` (cancelled: it keeps its number, not its place). */
function holding(w: BookingWorld, hallId: string, refNumber: string, i: number): Appointment {
  const a = {
    _id: `other-${hallId}-${i}`,
    actorOpenid: `o-other-${i}`,
    subjectIdIndex: `other-${i}`,
    hallId,
    business: ID_CARD,
    slotId: `${hallId}:${TUE}:1500`,
    refNumber,
    status: 'cancelled',
    claims: [],
  } as unknown as Appointment;
  w.booking.appointments.set(a._id, a);
  return a;
}

const addsOf = (w: BookingWorld) => w.booking.ops.filter((op) => op === 'appointments.add').length;

it('a number another appointment of the hall holds is retried with the next candidate; a retry of the request answers with the same booking', async () => {
  const w = bookingWorld();
  const id = appointmentIdOf(w, 'o-a', 'request-numbers-1');
  const deps = w.deps('o-a');
  holding(w, HALL, numberCandidate(deps, id, 0), 0);
  holding(w, HALL, numberCandidate(deps, id, 1), 1);
  const adds = addsOf(w);

  const first = await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'request-numbers-1');
  expect(first).toMatchObject({ ok: true, data: { id, refNumber: numberCandidate(deps, id, 2) } });
  // Three inserts: two refused for their number, the third stored.
  expect(addsOf(w) - adds).toBe(3);
  expect(w.stored(id).refNumber).toBe(numberCandidate(deps, id, 2));

  const again = await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'request-numbers-1');
  expect(again).toEqual(first);
  expect([...w.booking.appointments.values()].filter((a) => a.actorOpenid === 'o-a')).toHaveLength(1);
  expect(storeProblems(w.booking)).toEqual([]);
});

it('an insert of an appointment stored already (an earlier attempt of the request) answers with the stored one, whatever number it got', async () => {
  const w = bookingWorld();
  const id = appointmentIdOf(w, 'o-a', 'request-numbers-lost');
  const deps = w.deps('o-a');
  holding(w, HALL, numberCandidate(deps, id, 0), 0);
  expect((await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'request-numbers-lost')).ok).toBe(true);
  const stored = w.stored(id);
  expect(stored.refNumber).toBe(numberCandidate(deps, id, 1));
  // Candidate 0 is free again: the next insert of this id collides with its own id, not a number.
  w.booking.appointments.delete('other-haikou-longhua-0');
  const again: Appointment = { ...stored };
  delete again.refNumber;
  expect(await insertNumbered(deps, again)).toMatchObject({ _id: id, refNumber: numberCandidate(deps, id, 1) });
  expect([...w.booking.appointments.values()].filter((a) => a.actorOpenid === 'o-a')).toHaveLength(1);
  expect(storeProblems(w.booking)).toEqual([]);
});

it('a number is unique per hall: the same number in another hall does not collide', async () => {
  const w = bookingWorld();
  const id = appointmentIdOf(w, 'o-a', 'request-numbers-2');
  holding(w, OTHER_HALL, numberCandidate(w.deps('o-a'), id, 0), 0);
  const r = await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'request-numbers-2');
  expect(r).toMatchObject({ ok: true, data: { refNumber: numberCandidate(w.deps('o-a'), id, 0) } });
});

it('every candidate taken: SERVICE_BUSY, and the place and claims are given back', async () => {
  const w = bookingWorld();
  const id = appointmentIdOf(w, 'o-a', 'request-numbers-3');
  for (let k = 0; k < NUMBER_ATTEMPTS; k++) holding(w, HALL, numberCandidate(w.deps('o-a'), id, k), k);
  const r = await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'request-numbers-3');
  expect(r).toMatchObject({ ok: false, error: { code: 'SERVICE_BUSY' } });
  expect(w.booking.appointments.has(id)).toBe(false);
  expect(w.booking.slotDocs.get(w.slot(TUE, '09:00').slotId)).toMatchObject({ booked: 0, holders: [] });
  expect([...w.booking.claims.values()].filter((c) => c.appointmentId === id)).toEqual([]);
  // The same person books at once with another request.
  expect((await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'request-numbers-4')).ok).toBe(true);
});
