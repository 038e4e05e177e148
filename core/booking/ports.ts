import type { Appointment } from './Appointment';
import type { HallSchedule } from './HallSchedule';
import type { SlotPlan } from './slots';

/**
 * A slot as stored, created on its first booking. `capacity` is the schedule's figure as of the
 * latest place taken (every take writes the plan's capacity, so a schedule change applies from the
 * next booking on; places already taken stay taken); `booked` is the count of places held.
 */
export interface SlotState {
  _id: string;
  /** When a place was last taken (reconciliation leaves recently busy slots alone). */
  lastTakenAt?: Date;
  hallId: string;
  date: string;
  start: string;
  end: string;
  capacity: number;
  booked: number;
  /**
   * Ids of the appointments holding the `booked` places (one entry each, changed in the same atomic
   * update as `booked`), so taking or giving back a place is idempotent: a repeated request can
   * neither take a second place nor give back someone else's. Absent on slots stored before.
   */
  holders?: string[];
  /**
   * Taken off by an edit of the hall's hours (issue 16): no place can be taken while it is set, so a
   * reserve that planned the slot from hours read before the edit is refused without reading them
   * again (core/hallDuty/slotEdits.ts). Absent on slots never closed, or opened again.
   */
  closed?: boolean;
  /**
   * Places held for offers to people on the hall-day's waiting list (issue 17, docs/WAITLIST.md), by
   * hold id; `booked` counts them with the holders. A place moves between an appointment and holds
   * in one update (`offerPlace`, `passHold`, `acceptHold`, `returnHold`), never free in between.
   */
  holds?: Record<string, PlaceHold>;
  /**
   * The hall-day is released by draw (issue 17, core/fairRelease): while set, no first-click booking
   * takes a place (reserve refuses RELEASE_BY_DRAW on the read it makes anyway, and the conditional
   * update refuses too); only the draw's own bookings do. Cleared when the draw is done.
   */
  releaseDraw?: boolean;
}

/** An offer's hold on a place: whose entry it is for, and until when it is kept. */
export interface PlaceHold {
  entryId: string;
  until: Date;
}

/** addAppointment's answer when the 预约号 is held by another appointment of the hall. */
export const NUMBER_TAKEN = 'numberTaken';

/** A claim document: a per-person limit held by one appointment. */
export interface ClaimRef {
  id: string;
  appointmentId: string;
}

/** One page of a list and where the next one starts (absent when there is no more). */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** Booking data: schedules, slots, claims, appointments, queue counters (CloudBase: server/booking/CloudbaseBookingStore.ts; the request log is server/function/CloudbaseRequestLog). */
export interface BookingStore {
  schedule(hallId: string): Promise<HallSchedule | null>;
  /** Every stored slot of a hall on a day: one indexed query. */
  slots(hallId: string, date: string): Promise<SlotState[]>;
  /** One stored slot, read only (the "is it full?" check before claims: fullFor.ts); null before its first booking. */
  slot(slotId: string): Promise<SlotState | null>;
  /**
   * One conditional update: takes a place for `holder` only while booked < the plan's capacity and
   * the slot is not closed nor, unless `forDraw`, marked for a draw (creating the slot on first use), and stores that capacity on the slot. True when `holder`
   * holds a place afterwards, also when an earlier (retried or timed-out) attempt took it.
   * `readBefore`: the slot as the caller just read it, if it did (null: not stored then, so it is
   * created first instead of after a missed update and a read).
   */
  takePlace(plan: SlotPlan, holder: string, readBefore?: SlotState | null, forDraw?: boolean): Promise<boolean>;
  /**
   * Marks these slots (of one hall and day) released by draw, storing a marked one where none is
   * stored yet, so that no first-click booker can create it open (`forDraw` takes bypass the mark).
   */
  markReleaseDraw(plans: readonly SlotPlan[]): Promise<void>;
  /** Clears the draw mark of a hall-day's slots: its places left open to the public. */
  endReleaseDraw(hallId: string, date: string): Promise<void>;
  /**
   * Creates, empty, those of these slots (of one hall and day) that are not stored yet: one read of
   * the day's slots and one multi-document insert (one at a time when a booker created one in
   * between). Returns how many it created. Slots already stored are left as they are.
   */
  openSlots(plans: readonly SlotPlan[]): Promise<number>;
  /**
   * Closes these slots (of one hall) to new places, storing a closed one where none is stored yet, so
   * that no booker can create it open. Returns how many places are held in them afterwards: with the
   * slots closed, that number can only go down.
   */
  closeSlots(plans: readonly SlotPlan[]): Promise<number>;
  /** Opens these slots again where an earlier edit closed them (the others are left as they are). */
  reopenSlots(slotIds: readonly string[]): Promise<void>;
  /** The place of `appointmentId` becomes hold `holdId` (the appointment was cancelled; someone waits). True when the hold is there afterwards. */
  offerPlace(slotId: string, appointmentId: string, holdId: string, hold: PlaceHold): Promise<boolean>;
  /** Hold `fromHoldId` becomes hold `toHoldId` (an unanswered offer passes on). True when the new hold is there afterwards. */
  passHold(slotId: string, fromHoldId: string, toHoldId: string, hold: PlaceHold): Promise<boolean>;
  /** Hold `holdId` becomes `appointmentId`'s place (an accepted offer). True when the appointment holds it afterwards. */
  acceptHold(slotId: string, holdId: string, appointmentId: string): Promise<boolean>;
  /** Hold `holdId` is given back to the public (nobody else waits). True when this call gave it back. */
  returnHold(slotId: string, holdId: string): Promise<boolean>;
  /** Gives back the place `holder` holds, if it holds one (idempotent); true when one was given back. */
  releasePlace(slotId: string, holder: string): Promise<boolean>;
  /** Slots of dates from `date` on whose last place was taken before `quietSince` (reconciliation). */
  quietSlots(fromDate: string, quietSince: Date, limit: number): Promise<SlotState[]>;
  /** Ids of the appointments holding a place in a slot (booked, checked in, or a no-show's spent place). */
  holdingIn(slotId: string): Promise<string[]>;
  /** Compare-and-set of a slot's count: only if it is still `from` (slots without holders). */
  correctPlaces(slotId: string, from: number, to: number): Promise<boolean>;
  /**
   * Claims taken before `before` that no appointment should hold any more: its appointment does not
   * exist (a crash between claim and insert), is cancelled, or (an `active:` claim) has ended.
   * Quota claims (`cancel:`) are kept: they count what happened.
   */
  staleClaims(before: Date, limit: number): Promise<ClaimRef[]>;

  /**
   * Creates a claim document with this id for `appointmentId`; false when another appointment holds
   * it (the database refuses a second). True when this appointment already holds it (a retry), or
   * when the holder was an orphan (older than any function run, its appointment never stored) and
   * is taken over by compare-and-set.
   */
  takeClaim(id: string, appointmentId: string): Promise<boolean>;
  /**
   * Creates all these claim documents for `appointmentId` in one request (a multi-document insert);
   * true when every one was created. False when any id already exists: which of the others were
   * created then is not specified (the real service's partial outcome is not documented), so the
   * caller goes on one claim at a time with `takeClaim` (which counts a claim this appointment
   * holds as taken) and gives back, by `releaseClaims`, whatever it does not keep.
   */
  takeClaims(ids: readonly string[], appointmentId: string): Promise<boolean>;
  /** The appointment holding this claim, or null when nobody does. */
  claimHolder(id: string): Promise<string | null>;
  /** Removes those of the claims that `appointmentId` holds (never another appointment's). */
  releaseClaims(ids: readonly string[], appointmentId: string): Promise<void>;
  /** Hands claims held by `from` to `to` (a rescheduled appointment keeps them); idempotent. */
  transferClaims(ids: readonly string[], from: string, to: string): Promise<void>;

  /**
   * Inserts; null when inserted. When an appointment with this id is stored already (same actor and
   * slot: an earlier attempt of the same request, or this insert retried after it was applied),
   * returns the stored one as it is now (it may have ended since). `NUMBER_TAKEN` when another
   * appointment of the hall holds `a.refNumber` (the database's unique index on hall and 预约号
   * refused it; nothing was stored): the caller tries another number.
   */
  addAppointment(a: Appointment): Promise<Appointment | null | typeof NUMBER_TAKEN>;
  appointment(id: string): Promise<Appointment | null>;
  /** The appointment holding this 预约号 in the hall, if any (one indexed read; numbers are unique per hall). */
  appointmentByNumber(hallId: string, refNumber: string): Promise<Appointment | null>;
  /** Compare-and-set on the status. */
  changeStatus(id: string, from: Appointment['status'], changes: Partial<Appointment>): Promise<boolean>;
  /** The appointments of these owners (an account, and the assisted owner of its person: core/assisted/owner.ts), newest first, a page at a time (`cursor`: the previous page's `next`). */
  appointmentsOf(owners: string | readonly string[], limit: number, cursor?: string): Promise<Page<Appointment>>;
  /** Dates of a person's no-shows after `since` (at most 100). */
  noShowDates(subjectIdIndex: string, since: string): Promise<string[]>;
  /** A hall's day's appointments in one of `statuses`, by start time then id, a page at a time (`cursor`: the previous page's `next`). */
  appointmentsOfHallDay(hallId: string, date: string, statuses: readonly Appointment['status'][], limit: number, cursor?: string): Promise<Page<Appointment>>;
  /**
   * How many appointments of a hall's day there are, by business and status: one paged read of
   * their businesses and statuses alone (cancelled ones included, which a churning citizen can multiply).
   */
  countsOfHallDay(hallId: string, date: string): Promise<Record<string, Partial<Record<Appointment['status'], number>>>>;
  nextQueueNumber(hallId: string, date: string): Promise<number>;
  /** Booked appointments dated before `date` (no-show sweep), oldest first. */
  bookedBefore(date: string, limit: number): Promise<Appointment[]>;
  /** Booked appointments on `date` not yet reminded. */
  unremindedOn(date: string, limit: number): Promise<Appointment[]>;
}

/** Sends the day-before reminder (WeChat subscribe message in production). */
export interface Notifier {
  remindAppointment(openid: string, reminder: { hallName: string; businessTitle: string; date: string; start: string; end: string }): Promise<void>;
}
