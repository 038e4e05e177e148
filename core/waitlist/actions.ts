import * as z from 'zod/mini';
import { DomainError } from '../errors/DomainError';
import { defineAction } from '../function/action';
import { lazySchema } from '../function/lazySchema';
import { stableId } from '../guide/ServiceGuide';
import { requireOpenid } from '../identity/caller';
import { resolveActingFor } from '../identity/actingFor';
import type { BookingDeps } from '../booking/BookingDeps';
import { placeBooking } from '../booking/placeBooking';
import { auditActingFor } from '../booking/auditActingFor';
import { bookingOpen, slotsOn } from '../booking/slots';
import { AppointmentView, appointmentView } from '../booking/views';
import { WaitEntryView, waitEntryView } from './views';
import { DateInput } from '../booking/actions/inputs';
import { refuseIfBlocked } from '../booking/refuseIfBlocked';
import { lapseOffers, passOn } from './offerPlace';
import { takeWaitPlace } from './openPlaces';
import { refuseIfActive } from './refuseIfActive';
import { waitEntryId, type WaitEntry } from './WaitEntry';

/**
 * The waiting list's actions (issue 17, docs/WAITLIST.md): a citizen joins the list of a full
 * hall-day for a business, sees where they stand, leaves (or declines an offer), and accepts an
 * offer, which books with every booking rule; a timer passes unanswered offers on.
 */

/** The caller's own entry (they joined it), or WAITLIST_NOT_FOUND. */
async function ownEntry(deps: BookingDeps, entryId: string): Promise<WaitEntry> {
  const openid = requireOpenid(deps);
  const entry = await deps.waitlist.entry(entryId);
  if (!entry || entry.actorOpenid !== openid) throw new DomainError('WAITLIST_NOT_FOUND');
  return entry;
}

export const joinWaitlist = defineAction({
  summary:
    'Joins the waiting list of a hall-day whose places for a business are all taken, for the caller or a family member acted for. A place freed by a cancellation is offered to the first in line and held 30 minutes. Joining again after leaving, a lapsed offer or a booking from the list that was cancelled goes to the back of the line. Refused while the person is blocked for no-shows, has an active appointment for the business, or waits on 3 lists already.',
  input: lazySchema(() => z.strictObject({ hallId: stableId, business: stableId, date: DateInput, forMemberId: z.optional(z.string().check(z.maxLength(64))) })),
  output: WaitEntryView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'FAMILY_MEMBER_NOT_FOUND',
    'HALL_NOT_FOUND',
    'BUSINESS_NOT_BOOKABLE',
    'SLOT_NOT_OPEN',
    'WAITLIST_NOT_FULL',
    'BOOKING_BLOCKED',
    'ALREADY_BOOKED',
    'WAITLIST_LIMIT',
  ],
  async run(input, deps: BookingDeps) {
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    const hall = await deps.guides.hall(input.hallId);
    if (!hall) throw new DomainError('HALL_NOT_FOUND');
    const schedule = await deps.booking.schedule(input.hallId);
    if (!schedule || !schedule.businesses.includes(input.business)) throw new DomainError('BUSINESS_NOT_BOOKABLE');
    const now = deps.clock.now();
    const open = slotsOn(hall, schedule, input.date, deps.calendar).filter((p) => bookingOpen(p, schedule, now) === 'open');
    if (!open.length) throw new DomainError('SLOT_NOT_OPEN', '该日不可预约或尚未放号');
    const stored = new Map((await deps.booking.slots(input.hallId, input.date)).map((s) => [s._id, s]));
    if (open.some((p) => (stored.get(p.slotId)?.booked ?? 0) < p.capacity && !stored.get(p.slotId)?.closed)) throw new DomainError('WAITLIST_NOT_FULL');
    // The booking limits that need no slot (docs/WAITLIST.md): checked again on accepting.
    await refuseIfBlocked(deps, subject.idIndex, schedule);
    await refuseIfActive(deps, subject.idIndex, input.business);
    const id = waitEntryId(input.hallId, input.date, input.business, subject.idIndex);
    if (!(await takeWaitPlace(deps, subject.idIndex, id))) throw new DomainError('WAITLIST_LIMIT');
    const entry: WaitEntry = {
      _id: id,
      hallId: input.hallId,
      date: input.date,
      business: input.business,
      actorOpenid: account._id,
      subject,
      joinedAt: now,
      state: 'waiting',
      version: 0,
      offers: 0,
    };
    if (await deps.waitlist.add(entry)) return waitEntryView(entry, deps, true);
    const existing = (await deps.waitlist.entry(entry._id))!;
    if (
      (existing.state === 'left' || existing.state === 'lapsed' || existing.state === 'booked') &&
      (await deps.waitlist.change(existing._id, existing.version, { state: 'waiting', joinedAt: now }))
    ) {
      return waitEntryView({ ...existing, state: 'waiting', joinedAt: now, version: existing.version + 1 }, deps, true);
    }
    return waitEntryView(existing, deps, true);
  },
});

export const myWaitlist = defineAction({
  summary: 'Citizen: the waiting lists the caller joined (the 50 latest), each with its state and, when offered, the slot held and until when.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ entries: z.array(WaitEntryView) })),
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: BookingDeps) {
    const entries = await deps.waitlist.ofActor(requireOpenid(deps), 50);
    return { entries: await Promise.all(entries.map((e) => waitEntryView(e, deps, true))) };
  },
});

export const leaveWaitlist = defineAction({
  summary: 'Citizen: leaves a waiting list, or declines the place offered (it passes to the next in line at once).',
  input: lazySchema(() => z.strictObject({ entryId: z.string().check(z.maxLength(200)) })),
  output: WaitEntryView,
  errors: ['UNAUTHENTICATED', 'WAITLIST_NOT_FOUND'],
  async run({ entryId }, deps: BookingDeps) {
    const entry = await ownEntry(deps, entryId);
    if (entry.state !== 'waiting' && entry.state !== 'offered') return waitEntryView(entry, deps);
    if (!(await deps.waitlist.change(entry._id, entry.version, { state: 'left' }))) return waitEntryView((await deps.waitlist.entry(entry._id))!, deps);
    if (entry.state === 'offered' && entry.offer) await passOn(deps, { ...entry, offer: entry.offer });
    return waitEntryView({ ...entry, state: 'left', version: entry.version + 1 }, deps);
  },
});

export const acceptWaitlistOffer = defineAction({
  summary:
    'Citizen: accepts the place offered from a waiting list before it lapses; it is booked like any reservation (the same limits and no-show block). OFFER_EXPIRED once the offer passed on. Idempotent under the envelope requestId.',
  input: lazySchema(() => z.strictObject({ entryId: z.string().check(z.maxLength(200)) })),
  output: AppointmentView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'FAMILY_MEMBER_NOT_FOUND',
    'WAITLIST_NOT_FOUND',
    'OFFER_EXPIRED',
    'SLOT_NOT_FOUND',
    'SLOT_NOT_OPEN',
    'ALREADY_BOOKED',
    'ONE_PER_DAY',
    'WEEKLY_LIMIT',
    'BOOKING_BLOCKED',
    'BUSINESS_NOT_BOOKABLE',
    'HALL_NOT_FOUND',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    'SERVICE_BUSY',
  ],
  idempotent: 'required',
  async run({ entryId }, deps: BookingDeps, request) {
    const entry = await ownEntry(deps, entryId);
    // The caller must still be verified and still act for the person (a family link removed since
    // the joining ends it), as a reservation checks.
    const { account, subject } = await resolveActingFor(deps, entry.subject.actedFor);
    if (subject.idIndex !== entry.subject.idIndex) throw new DomainError('WAITLIST_NOT_FOUND');
    const appointmentId = deps.idFor(`acceptOffer:${entry.actorOpenid}:${request?.requestId ?? deps.newId()}`);
    const retried = entry.state === 'booked' && entry.appointmentId === appointmentId;
    if (!retried && (entry.state !== 'offered' || !entry.offer || entry.offer.until.getTime() <= deps.clock.now().getTime())) throw new DomainError('OFFER_EXPIRED');
    const slotId = entry.offer!.slotId;
    const appointment = await placeBooking(deps, {
      actorOpenid: entry.actorOpenid,
      subject: entry.subject,
      hallId: entry.hallId,
      business: entry.business,
      slotId,
      appointmentId,
      offer: { entry, waitlist: deps.waitlist },
    });
    await auditActingFor(deps, account, appointment, 'reserve', appointmentId);
    return appointmentView(appointment, deps);
  },
});

export const lapseWaitlistOffers = defineAction({
  summary: 'Timer only (every 5 min): offers not accepted in time pass to the next in line, or back to the public when nobody waits.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ lapsed: z.int() })),
  errors: [],
  async run(_input, deps: BookingDeps) {
    return { lapsed: await lapseOffers(deps, 100) };
  },
});
