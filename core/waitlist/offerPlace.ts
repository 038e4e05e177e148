import type { BookingStore } from '../booking/ports';
import { parseSlotId, slotStart } from '../booking/slots';
import type { Clock } from '../time/Clock';
import { holdIdOf, type WaitEntry, type WaitOffer } from './WaitEntry';
import type { GuideRepository } from '../guide/GuideRepository';
import type { WaitlistNotifier, WaitlistStore } from './ports';
import { tellOffered } from './tellOffered';
import type { HallDutyStore } from '../hallDuty/ports';
import { holdMinutesOf } from './holdTime';

export interface WaitlistDeps {
  waitlist: WaitlistStore;
  booking: Pick<BookingStore, 'offerPlace' | 'passHold' | 'returnHold'>;
  clock: Clock;
  /** The notice of an offer (best effort: a failure never undoes the offer). */
  waitlistNotifier?: WaitlistNotifier;
  guides?: Pick<GuideRepository, 'guide'>;
  /** The halls' own hold times (core/waitlist/holdTime.ts); the default when absent. */
  hallDuty?: Pick<HallDutyStore, 'settings'>;
}

/** How long a hall keeps an offered place, in minutes. */
export type HoldMinutes = (hallId: string) => Promise<number>;

/**
 * Each hall's hold time as its lead set it, read when a place is about to be offered (so only when
 * someone waits), once per hall for the whole call.
 */
export function hallHoldMinutes(deps: Pick<WaitlistDeps, 'hallDuty'>): HoldMinutes {
  const read = new Map<string, Promise<number>>();
  return (hallId) => {
    let minutes = read.get(hallId);
    if (!minutes) {
      minutes = deps.hallDuty ? deps.hallDuty.settings(hallId).then(holdMinutesOf) : Promise.resolve(holdMinutesOf(null));
      read.set(hallId, minutes);
    }
    return minutes;
  };
}

/** How many times a move is tried again when another took the entry it chose meanwhile. */
const TRIES = 5;

/**
 * The next in line for a hall-day and business is offered a place held under `holdFrom`: the
 * entry is moved to `offered` (compare-and-set), then `hold` moves the place to the new hold. When
 * another request took that entry meanwhile, the next one is tried. Returns the entry offered, or
 * null when nobody waits (or the place could not be moved: then the entry waits again).
 */
async function offerToNext(
  deps: WaitlistDeps,
  at: { hallId: string; date: string; business: string; slotId: string },
  holdMinutes: HoldMinutes,
  hold: (offer: WaitOffer, entry: WaitEntry) => Promise<boolean>,
): Promise<WaitEntry | null> {
  for (let i = 0; i < TRIES; i++) {
    const [next] = await deps.waitlist.firstWaiting(at.hallId, at.date, at.business, 1);
    if (!next) return null;
    const minutes = await holdMinutes(at.hallId);
    const offers = next.offers + 1;
    // Kept at most until the slot starts: after that it cannot be booked.
    const starts = parseSlotId(at.slotId);
    const latest = starts ? slotStart(starts.date, starts.start).getTime() : Infinity;
    const offer: WaitOffer = { slotId: at.slotId, holdId: holdIdOf(next._id, offers), until: new Date(Math.min(deps.clock.now().getTime() + minutes * 60_000, latest)) };
    if (!(await deps.waitlist.change(next._id, next.version, { state: 'offered', offer, offers }))) continue;
    if (await hold(offer, next)) {
      const offered: WaitEntry = { ...next, state: 'offered', offer, offers, version: next.version + 1 };
      await tellOffered(deps, offered, offer);
      return offered;
    }
    // The place was not where it should be (given back already, or never held): the entry waits again.
    await deps.waitlist.change(next._id, next.version + 1, { state: 'waiting' });
    return null;
  }
  return null;
}

/**
 * A booked appointment is being cancelled and its hall-day has a waiting list for its business: its
 * place becomes a hold for the first in line instead of going back to the public. Returns the entry
 * offered, or null: then the caller gives the place back as usual.
 */
export function offerFreedPlace(
  deps: WaitlistDeps,
  appointment: { _id: string; hallId: string; date: string; business: string; slotId: string },
  holdMinutes: HoldMinutes = hallHoldMinutes(deps),
): Promise<WaitEntry | null> {
  return offerToNext(deps, appointment, holdMinutes, (offer, entry) =>
    deps.booking.offerPlace(appointment.slotId, appointment._id, offer.holdId, { entryId: entry._id, until: offer.until }),
  );
}

/**
 * The timer: offers not answered in time lapse (compare-and-set: an acceptance that won first
 * stands), and each lapsed offer's place passes to the next in line, or back to the public when
 * nobody waits. Returns how many offers lapsed.
 */
export async function lapseOffers(deps: WaitlistDeps, limit: number, holdMinutes: HoldMinutes = hallHoldMinutes(deps)): Promise<number> {
  const now = deps.clock.now();
  let lapsed = 0;
  for (const due of await deps.waitlist.offersDue(now, limit)) {
    const old = due.offer;
    if (due.state !== 'offered' || !old || old.until.getTime() > now.getTime()) continue;
    if (!(await deps.waitlist.change(due._id, due.version, { state: 'lapsed' }))) continue;
    lapsed++;
    await passOn(deps, { ...due, offer: old }, holdMinutes);
  }
  return lapsed;
}

/**
 * The place an entry was offered (and has given up: lapsed, declined; its compare-and-set done by
 * the caller) passes to the next in line, or back to the public when nobody waits.
 */
export async function passOn(deps: WaitlistDeps, from: WaitEntry & { offer: WaitOffer }, holdMinutes: HoldMinutes = hallHoldMinutes(deps)): Promise<void> {
  const old = from.offer;
  const next = await offerToNext(deps, { ...from, slotId: old.slotId }, holdMinutes, (offer, entry) =>
    deps.booking.passHold(old.slotId, old.holdId, offer.holdId, { entryId: entry._id, until: offer.until }),
  );
  if (!next) await deps.booking.returnHold(old.slotId, old.holdId);
}
