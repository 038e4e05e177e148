/**
 * Issue 17: a cancellation offers its place to the first in line; accepting the offer books the held place with every booking rule (the
 * claims first), decided by the entry's compare-and-set; a lapsed offer is refused and gives back
 * what it took; the public cannot take a held place meanwhile.
 */
import { placeBooking } from '../../core/booking/placeBooking';
import { isDomainError } from '../../core/errors/DomainError';
import { lapseOffers } from '../../core/waitlist/offerPlace';
import { waitEntryId, type WaitEntry } from '../../core/waitlist/WaitEntry';
import { HALL, ID_CARD, bookingWorld, storeProblems, type BookingWorld } from './support/bookingWorld';

const TUE = '2026-11-24';

async function offeredWorld() {
  const w = bookingWorld({ capacity: 1 });
  const plan = w.slot(TUE, '09:00');
  const first = await w.reserve('o-a', plan, ID_CARD);
  if (!first.ok) throw new Error(first.error.code);
  const waitlist = w.waitlist;
  const account = (await w.identities.account('o-b'))!;
  const id = account.identity!;
  const entry: WaitEntry = {
    _id: waitEntryId(HALL, TUE, ID_CARD, id.idIndex),
    hallId: HALL,
    date: TUE,
    business: ID_CARD,
    actorOpenid: 'o-b',
    subject: { residentId: id.residentId, idIndex: id.idIndex, nameEnc: id.nameEnc },
    joinedAt: w.clock.now(),
    state: 'waiting',
    version: 0,
    offers: 0,
  };
  waitlist.entries.set(entry._id, entry);
  const deps = { waitlist, booking: w.booking, clock: w.clock };
  const appointment = w.stored((first.data as { id: string }).id);
  // The cancellation offers its place to the first in line instead of giving it back.
  expect((await w.call('o-a', 'cancel', { appointmentId: appointment._id })).ok).toBe(true);
  expect(waitlist.entries.get(entry._id)).toMatchObject({ state: 'offered', offer: { slotId: plan.slotId } });
  return { w, plan, waitlist, deps, entryId: entry._id };
}

const accept = (w: BookingWorld, waitlist: BookingWorld['waitlist'], entry: WaitEntry, appointmentId: string) =>
  placeBooking(w.deps('o-b'), {
    actorOpenid: 'o-b',
    subject: entry.subject,
    hallId: entry.hallId,
    business: entry.business,
    slotId: entry.offer!.slotId,
    appointmentId,
    offer: { entry, waitlist },
  });

it('the held place is the offered person’s: the public finds the slot full; accepted, it books with its claims and the entry is booked', async () => {
  const { w, plan, waitlist, entryId } = await offeredWorld();
  const refused = await w.reserve('o-c', plan, ID_CARD);
  expect(!refused.ok && refused.error.code).toBe('SLOT_FULL');
  const entry = (await waitlist.entry(entryId))!;
  const booked = await accept(w, waitlist, entry, 'offer-appt');
  expect(booked).toMatchObject({ _id: 'offer-appt', status: 'booked', slotId: plan.slotId });
  expect(await waitlist.entry(entryId)).toMatchObject({ state: 'booked', appointmentId: 'offer-appt' });
  expect(w.booking.slotDocs.get(plan.slotId)).toMatchObject({ booked: 1, holders: ['offer-appt'], holds: {} });
  // The same request again finds its booking.
  expect((await accept(w, waitlist, entry, 'offer-appt'))._id).toBe('offer-appt');
  expect(storeProblems(w.booking)).toEqual([]);
});

it('an offer the timer passed on is refused (OFFER_EXPIRED) and leaves nothing taken; the place went back to the public', async () => {
  const { w, plan, waitlist, deps, entryId } = await offeredWorld();
  const entry = (await waitlist.entry(entryId))!;
  w.clock.advance(31 * 60_000);
  expect(await lapseOffers(deps, 10)).toBe(1);
  const refused = await accept(w, waitlist, entry, 'late-appt').catch((e: unknown) => e);
  expect(isDomainError(refused) && refused.code).toBe('OFFER_EXPIRED');
  expect([...w.booking.claims.values()].filter((c) => c.appointmentId === 'late-appt')).toEqual([]);
  expect(w.booking.slotDocs.get(plan.slotId)).toMatchObject({ booked: 0, holds: {} });
  expect(storeProblems(w.booking)).toEqual([]);
});
