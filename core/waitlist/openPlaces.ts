import type { Clock } from '../time/Clock';
import type { WaitlistStore } from './ports';

/** At most this many waiting lists open at once per person (the subject: a citizen or the family member acted for). */
export const MAX_OPEN_WAITING = 3;

/** The ids of a person's places, in the order they are tried: `<blind index>:<n>`. */
export const waitPlaceIds = (idIndex: string): string[] => Array.from({ length: MAX_OPEN_WAITING }, (_, n) => `${idIndex}:${n}`);

/**
 * A place is taken before its entry is stored or reopened; within this long a place is never
 * freed, so a join in flight keeps it. (An entry left within a minute of joining keeps its place
 * that long.)
 */
export const PLACE_GRACE_MS = 60_000;

/**
 * Takes one of the person's open-waiting places for the entry (ports.ts claimPlace). When all are
 * held, the places of entries no longer waiting or offered (booked, lapsed, left: no step gives a
 * place back, so they are freed here) and of entries never stored are freed, and the claim is
 * tried once more. Each release is conditional on the place as read, so a place renewed meanwhile
 * by a join of its entry stays.
 */
export async function takeWaitPlace(deps: { waitlist: WaitlistStore; clock: Clock }, idIndex: string, entryId: string): Promise<boolean> {
  const now = deps.clock.now();
  if (await deps.waitlist.claimPlace(idIndex, entryId, now)) return true;
  let freed = false;
  for (const place of await deps.waitlist.placesOf(idIndex)) {
    if (now.getTime() - place.at.getTime() <= PLACE_GRACE_MS) continue;
    const entry = await deps.waitlist.entry(place.entryId);
    if (entry && (entry.state === 'waiting' || entry.state === 'offered')) continue;
    await deps.waitlist.releasePlace(place);
    freed = true;
  }
  return freed && deps.waitlist.claimPlace(idIndex, entryId, now);
}
