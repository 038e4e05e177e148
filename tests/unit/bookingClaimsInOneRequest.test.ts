/**
 * A booking takes its three claims (business, day, week) in one multi-document insert (issue 14,
 * release burst), and finds a booking an earlier attempt of the same request completed without a
 * read of its own: the claims insert meets its claims, or (once cancelled) the appointment insert
 * meets the appointment. The unit world dispatches without a request log, so a repeated request id
 * runs the use case again, as a resumed request does.
 */
import { claimIds } from '../../core/booking/claims';
import { InMemoryBookingStore } from './support/bookingInMemoryStore';
import { bookingWorld, ID_CARD, CERTIFICATE, storeProblems, type BookingWorld } from './support/bookingWorld';

const TUE = '2026-11-24';
const WED = '2026-11-25';

const personClaims = (w: BookingWorld, openid: string) => [...w.booking.claims.keys()].filter((c) => c.includes(w.idIndexOf(openid)) && !c.startsWith('cancel:')).sort();

async function booked(w: BookingWorld, openid: string, date: string, start: string, requestId?: string, business = ID_CARD) {
  const r = await w.reserve(openid, w.slot(date, start), business, {}, requestId);
  if (!r.ok) throw new Error(`reserve refused: ${r.error.code}`);
  return r.data as { id: string; status: string };
}

it('a first booking takes its claims in one request and reads no appointment; the first of a slot creates it before its one take', async () => {
  const w = bookingWorld();
  w.booking.ops.length = 0;
  const hoursRead = jest.spyOn(w.hallDuty, 'hours');
  await booked(w, 'o-a', TUE, '09:00');
  // A slot the hours planned is taken without reading the edited hours: an edit closes the slots it removes (core/hallDuty/slotEdits.ts).
  expect(hoursRead).not.toHaveBeenCalled();
  expect(w.booking.ops.filter((op) => op.startsWith('claims.'))).toEqual(['claims.addMany']);
  expect(w.booking.ops).not.toContain('appointments.get');
  // The "is it full?" read found no slot: created, then one conditional update (no miss, no second read).
  expect(w.booking.ops.filter((op) => op.startsWith('slots.'))).toEqual(['slots.get', 'slots.add', 'slots.takePlace']);
  expect(storeProblems(w.booking)).toEqual([]);
});

it('a second booking of the week finds week 1 taken, goes on one claim at a time, and takes week 2; nothing is left over', async () => {
  const w = bookingWorld();
  await booked(w, 'o-a', TUE, '09:00');
  const second = await booked(w, 'o-a', WED, '09:00', undefined, CERTIFICATE);
  expect(w.stored(second.id).claims).toContain(claimIds.week(w.idIndexOf('o-a'), WED, 2));
  const held = [...w.booking.appointments.values()].flatMap((a) => a.claims).sort();
  expect(personClaims(w, 'o-a')).toEqual(held);
  expect(storeProblems(w.booking)).toEqual([]);
});

it('the same request again after it completed answers the same booking and takes nothing more', async () => {
  const w = bookingWorld();
  const first = await booked(w, 'o-a', TUE, '09:00', 'retried-request-1');
  const claims = personClaims(w, 'o-a');
  const again = await booked(w, 'o-a', TUE, '09:00', 'retried-request-1');
  expect(again.id).toBe(first.id);
  expect(personClaims(w, 'o-a')).toEqual(claims);
  expect(w.booking.slotDocs.get(w.slot(TUE, '09:00').slotId)).toMatchObject({ booked: 1, holders: [first.id] });
  expect(storeProblems(w.booking)).toEqual([]);
});

it('the same request again after its booking was cancelled answers the cancelled booking and holds no place or claim', async () => {
  const w = bookingWorld({ capacity: 1 });
  const first = await booked(w, 'o-a', TUE, '09:00', 'retried-request-1');
  await w.ok('o-a', 'cancel', { appointmentId: first.id });
  const again = await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'retried-request-1');
  expect(again).toMatchObject({ ok: true, data: { id: first.id, status: 'cancelled' } });
  expect(w.booking.slotDocs.get(w.slot(TUE, '09:00').slotId)).toMatchObject({ booked: 0, holders: [] });
  expect(personClaims(w, 'o-a')).toEqual([]);
  expect(storeProblems(w.booking)).toEqual([]);
  // The place is free for the next person.
  await booked(w, 'o-b', TUE, '09:00');
});

it('the same request again after its booking is over answers it; the business stays free, the day and week stay used', async () => {
  const w = bookingWorld();
  const first = await booked(w, 'o-a', TUE, '09:00', 'retried-request-1');
  const idIndex = w.idIndexOf('o-a');
  // As a check-in ends it (core/booking/checkInAppointment.ts): the business is given back.
  await w.booking.changeStatus(first.id, 'booked', { status: 'checkedIn' });
  await w.booking.releaseClaims([claimIds.active(idIndex, ID_CARD)], first.id);
  const again = await w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'retried-request-1');
  expect(again).toMatchObject({ ok: true, data: { id: first.id } });
  expect(personClaims(w, 'o-a')).toEqual([claimIds.day(idIndex, TUE), claimIds.week(idIndex, TUE, 1)].sort());
  expect(w.booking.slotDocs.get(w.slot(TUE, '09:00').slotId)).toMatchObject({ booked: 1, holders: [first.id] });
  expect(storeProblems(w.booking)).toEqual([]);
});

it('a claims insert that fails after it was applied leaves no claim behind, and the same request then books', async () => {
  let failOnce = true;
  class LostAnswer extends InMemoryBookingStore {
    override async takeClaims(ids: readonly string[], appointmentId: string) {
      const taken = await super.takeClaims(ids, appointmentId);
      if (failOnce) {
        failOnce = false;
        throw new Error('socket hang up');
      }
      return taken;
    }
  }
  const w = bookingWorld({ store: (now, turn) => new LostAnswer(now, turn) });
  await expect(w.reserve('o-a', w.slot(TUE, '09:00'), ID_CARD, {}, 'retried-request-1')).rejects.toThrow('socket hang up');
  expect(personClaims(w, 'o-a')).toEqual([]);
  const again = await booked(w, 'o-a', TUE, '09:00', 'retried-request-1');
  expect(w.stored(again.id).claims).toHaveLength(3);
  expect(storeProblems(w.booking)).toEqual([]);
});

it('a refusal after the claims insert (the slot filled meanwhile) gives every claim back', async () => {
  const w = bookingWorld({ capacity: 1 });
  // The "is it full?" read sees a free place; another booking takes it before the conditional update.
  const slot = w.slot(TUE, '09:00');
  const real = w.booking.takePlace.bind(w.booking);
  let raced = false;
  w.booking.takePlace = async (plan, holder) => {
    if (!raced) {
      raced = true;
      await real(plan, 'someone-else');
    }
    return real(plan, holder);
  };
  expect(await w.reserve('o-a', slot)).toMatchObject({ ok: false, error: { code: 'SLOT_FULL' } });
  expect(personClaims(w, 'o-a')).toEqual([]);
});
