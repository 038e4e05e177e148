import { DomainError, isDomainError } from '../errors/DomainError';
import type { ActingSubject } from '../identity/actingFor';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { claimIds, claimsHeldBy, mondayOf } from './claims';
import { refuseIfBlocked } from './refuseIfBlocked';
import { fullFor } from './fullFor';
import { bookingOpen, parseSlotId, slotsOn } from './slots';
import { insertNumbered } from './insertNumbered';
import { withFreshHours } from '../hallDuty/freshHours';
import type { WaitEntry } from '../waitlist/WaitEntry';
import type { WaitlistStore } from '../waitlist/ports';

export interface PlaceBookingInput {
  actorOpenid: string;
  /** Who will come to the window: the actor, or a family member the actor acts for. */
  subject: ActingSubject;
  hallId: string;
  business: string;
  slotId: string;
  /** When rescheduling: the appointment being replaced, whose claims can carry over. */
  replacing?: Appointment;
  /**
   * The new appointment's id, derived from the client's request (`deps.idFor`), so a retry of the
   * request finds the claims, the place and the appointment the first attempt took as its own.
   */
  appointmentId?: string;
  /** Called once every check that only reads has passed, before the first write (ActionRequest.beforeWrites). */
  beforeWrites?: () => Promise<void>;
  /**
   * Accepting a waiting-list offer (issue 17, docs/WAITLIST.md): the place is the entry's hold, not a
   * free one. After the claims, the entry's compare-and-set to `booked` decides (once, against the
   * timer passing the offer on), and the hold becomes this appointment's place in one update.
   */
  offer?: { entry: WaitEntry; waitlist: WaitlistStore };
  /**
   * A place allocated by a release draw (issue 17, core/fairRelease/runDraw.ts): the day may not be
   * released to first click yet and its slots are marked for the draw; every other rule applies.
   */
  draw?: true;
  /** Booked by an officer in an assisted session (issue 18): recorded on the appointment. */
  assisted?: Appointment['assisted'];
}

/**
 * Takes a place for one person in one slot. Capacity is enforced by the database in one atomic
 * step, never by a read-then-write:
 *  0. a read-only "is it full?" check of the slot (fullFor) refuses a sold-out slot before any
 *     claim or per-person check (an optimisation: it never books, and never refuses a free place);
 *  1. per-person limits are claim documents with deterministic ids (the database refuses a second),
 *     taken in one multi-document insert; when any exists, one at a time, to learn which;
 *  2. the place is one conditional update `where({ _id, booked < capacity }).update({ booked + 1 })`,
 *     whose `updated` count says whether a place was taken;
 *  3. the appointment is inserted with its 预约号, which the database's unique index keeps unique
 *     in the hall (another number is tried when it is taken); if that fails the place and claims
 *     are given back.
 * Why not a transaction: under a release-time burst on a hot slot most transactions conflict and
 * exhaust their retries, while the conditional update just serializes (see `npm run bench`).
 * A crash between 2 and 3 leaves a count one too high, repaired by the reconciliation sweep.
 *
 * Every step is idempotent under the appointment id: a claim or a place already held by this
 * appointment counts as taken, an insert already applied succeeds, and giving back only touches
 * what this appointment holds. So a retry of the same request (same id) after any failure, timeout
 * or repeat completes the booking instead of refusing the person their own claims. A booking an
 * earlier attempt completed is found without a read of its own: it holds its claims (the claims
 * insert finds them), or, once cancelled, the appointment insert finds it; it stands as stored.
 */
export async function placeBooking(deps: BookingDeps, input: PlaceBookingInput): Promise<Appointment> {
  const { subject, hallId, business, slotId, replacing } = input;
  const now = deps.clock.now();
  const hall = await deps.guides.hall(hallId);
  if (!hall) throw new DomainError('HALL_NOT_FOUND');
  const schedule = await deps.booking.schedule(hallId);
  if (!schedule || !schedule.businesses.includes(business)) throw new DomainError('BUSINESS_NOT_BOOKABLE');
  const parsed = parseSlotId(slotId);
  if (!parsed || parsed.hallId !== hallId) throw new DomainError('SLOT_NOT_FOUND');
  // The hours of the guide snapshot (up to a minute old) plan the slot; a slot they do not know may
  // have been added by an edit since: the stored hours are read then. A slot an edit removed since
  // is closed on its document (core/hallDuty/slotEdits.ts), which the read and the conditional
  // update below refuse: a booking is only ever taken in a slot of the hours as they are now.
  const planOf = (h: typeof hall) => slotsOn(h!, schedule, parsed.date, deps.calendar).find((s) => s.slotId === slotId);
  let plan = planOf(hall);
  if (!plan) plan = planOf(await withFreshHours(deps, hall));
  if (!plan) throw new DomainError('SLOT_NOT_FOUND');
  const open = bookingOpen(plan, schedule, now);
  if (open === 'past') throw new DomainError('SLOT_NOT_OPEN', '该时段已开始或已结束');
  if (open === 'notReleased' && !input.draw) throw new DomainError('SLOT_NOT_OPEN', `尚未放号，每天 ${schedule.releaseTime} 放出新一天的号`);

  const id = input.appointmentId ?? deps.newId();
  // A full slot refuses at once (one read, no claim taken, no per-person check): at a release most
  // attempts are for slots already sold out. The conditional update below still guards capacity.
  const slotRead = await deps.booking.slot(slotId);
  if (slotRead?.closed && !slotRead.holders?.includes(id)) throw new DomainError('SLOT_NOT_FOUND');
  // A hall-day released by draw: its places are for the applicants (the mark is on the slot read anyway: no extra read).
  if (slotRead?.releaseDraw && !input.draw && !input.offer && !slotRead.holders?.includes(id)) throw new DomainError('RELEASE_BY_DRAW');
  // An offer's place is held for it: the slot is full to everyone else.
  if (!input.offer && fullFor(slotRead, plan, id)) throw new DomainError('SLOT_FULL');

  await refuseIfBlocked(deps, subject.idIndex, schedule);

  // Nothing was written so far: a refusal up to here is recorded in one write (core/function/oncePerRequest.ts).
  await input.beforeWrites?.();

  const carried = replacing?.claims ?? [];
  const held: string[] = [];
  /** Claims whose take was tried (in one request, or one by one): a take that failed may still have been applied. */
  const tried: string[] = [];
  let placeTried = false;
  const tryTake = (ids: readonly string[]) => tried.push(...ids.filter((c) => !tried.includes(c)));
  const give = async (code: 'ALREADY_BOOKED' | 'ONE_PER_DAY' | 'WEEKLY_LIMIT' | 'SLOT_FULL' | 'OFFER_EXPIRED') => {
    // Only this appointment's own are removed (a claim another holds is left alone).
    await deps.booking.releaseClaims(tried, id);
    throw new DomainError(code);
  };
  /**
   * An appointment under this id is stored already: an earlier attempt of the same request made it
   * (its answer lost). The booking stands as it is now; what this attempt took and the stored one
   * does not hold (it may have been cancelled since, or be over) is given back.
   */
  const settle = async (stored: Appointment): Promise<Appointment> => {
    if (stored.actorOpenid !== input.actorOpenid || stored.slotId !== slotId) throw new DomainError('INTERNAL');
    const keep = claimsHeldBy(stored);
    await deps.booking.releaseClaims(
      tried.filter((c) => !keep.includes(c)),
      id,
    );
    if (placeTried && stored.status === 'cancelled') await deps.booking.releasePlace(slotId, id);
    return stored;
  };
  const claim = async (claimId: string): Promise<boolean> => {
    if (carried.includes(claimId)) {
      held.push(claimId);
      return true;
    }
    tryTake([claimId]);
    if (!(await deps.booking.takeClaim(claimId, id))) return false;
    held.push(claimId);
    return true;
  };

  try {
    const active = claimIds.active(subject.idIndex, business);
    const day = claimIds.day(subject.idIndex, parsed.date);
    const carriedWeek = carried.find((c) => c.startsWith(`week:${subject.idIndex}:${mondayOf(parsed.date)}:`));
    const firstWeek = carriedWeek ?? claimIds.week(subject.idIndex, parsed.date, 1);
    // The usual case (the person's first booking of this business, day and week): every claim in
    // one request. When any exists, it is a limit of the person, or this appointment's own from an
    // earlier attempt of the same request, which may have completed the booking: then it stands.
    const batch = [active, day, firstWeek].filter((c) => !carried.includes(c));
    tryTake(batch);
    if (await deps.booking.takeClaims(batch, id)) held.push(active, day, firstWeek);
    else {
      const done = input.appointmentId ? await deps.booking.appointment(id) : null;
      if (done) return await settle(done);
      if (!(await claim(active))) await give('ALREADY_BOOKED');
      if (!(await claim(day))) await give('ONE_PER_DAY');
      let week = await claim(firstWeek);
      for (let k = 2; !week && k <= schedule.limits.perWeek; k++) week = await claim(claimIds.week(subject.idIndex, parsed.date, k));
      if (!week) await give('WEEKLY_LIMIT');
    }

    placeTried = true;
    if (input.offer) {
      if (!(await acceptOffered(deps, input.offer, id))) await give('OFFER_EXPIRED');
    } else if (!(await deps.booking.takePlace(plan, id, slotRead, input.draw))) await give('SLOT_FULL');
    const appointment: Appointment = {
      _id: id,
      actorOpenid: input.actorOpenid,
      subjectResidentId: subject.residentId,
      subjectIdIndex: subject.idIndex,
      subjectNameEnc: subject.nameEnc,
      ...(subject.actedFor ? { actedFor: subject.actedFor } : {}),
      ...(input.assisted ? { assisted: input.assisted } : {}),
      hallId,
      business,
      date: plan.date,
      start: plan.start,
      end: plan.end,
      slotId,
      status: 'booked',
      claims: held,
      createdAt: now,
      updatedAt: now,
    };
    // The 预约号 comes with the insert: unique in the hall by the database's index (insertNumbered.ts).
    const stored = await insertNumbered(deps, appointment);
    return stored ? await settle(stored) : appointment;
  } catch (e) {
    // SERVICE_BUSY (no free number) comes after the place was taken: given back below like a failure.
    if (isDomainError(e) && e.code !== 'SERVICE_BUSY') throw e;
    // The insert may have been applied before its answer was lost: then the booking stands.
    const stored = await undoUnlessStored(deps, id, slotId, placeTried, tried, settle);
    if (stored) return stored;
    throw e;
  }
}

/**
 * After an unexpected failure (a timeout, a lost answer): if the appointment is stored, returns it
 * (the booking stands; `settle` gives back what it does not hold). Otherwise gives back what this
 * attempt may hold, best effort (each release only touches this appointment's own). If the check
 * fails, nothing is given back: a retry of the same request or the reconciliation sweep settles it.
 */
async function undoUnlessStored(
  deps: BookingDeps,
  id: string,
  slotId: string,
  placeTried: boolean,
  tried: readonly string[],
  settle: (stored: Appointment) => Promise<Appointment>,
): Promise<Appointment | null> {
  try {
    const stored = await deps.booking.appointment(id);
    if (stored) return await settle(stored);
    if (placeTried) await deps.booking.releasePlace(slotId, id);
    await deps.booking.releaseClaims(tried, id);
  } catch {
    // Left to a retry of the same request or to the reconciliation sweep.
  }
  return null;
}

/**
 * The offer's entry moves to `booked` for this appointment (compare-and-set on the version read: an
 * offer the timer passed on meanwhile is refused), then its hold becomes the appointment's place.
 * A retry of the same request finds the entry booked for this appointment and goes on. False when
 * the offer is gone (lapsed, or its hold never made: then the entry lapses).
 */
async function acceptOffered(deps: BookingDeps, offer: { entry: WaitEntry; waitlist: WaitlistStore }, appointmentId: string): Promise<boolean> {
  const { entry, waitlist } = offer;
  const held = entry.offer;
  if (!held) return false;
  if (!(await waitlist.change(entry._id, entry.version, { state: 'booked', appointmentId }))) {
    const now = await waitlist.entry(entry._id);
    if (now?.state !== 'booked' || now.appointmentId !== appointmentId) return false;
  }
  if (await deps.booking.acceptHold(held.slotId, held.holdId, appointmentId)) return true;
  await waitlist.change(entry._id, entry.version + 1, { state: 'lapsed' });
  return false;
}
