import type { HomeVisitDeps } from './HomeVisitDeps';
import { isOpenHomeVisit, MAX_OPEN_PER_PERSON } from './homeVisitNames';

/** The ids of a person's places, in the order they are tried: `<blind index>:<n>`. */
export const openPlaceIds = (idIndex: string): string[] => Array.from({ length: MAX_OPEN_PER_PERSON }, (_, n) => `${idIndex}:${n}`);

/** A place whose visit was never stored (a request cut off between its claim and its insert) is free again after this long. */
export const ORPHAN_PLACE_MS = 60_000;

/**
 * Takes one of the person's open-request places for the visit (ports.ts claimPlace). When all are
 * held, the places of visits that closed without giving theirs back (a step cut off after its
 * write) or that were never stored are freed, and the claim is tried once more.
 */
export async function takeOpenPlace(deps: Pick<HomeVisitDeps, 'homeVisits' | 'clock'>, idIndex: string, visitId: string): Promise<boolean> {
  const now = deps.clock.now();
  if (await deps.homeVisits.claimPlace(idIndex, visitId, now)) return true;
  let freed = false;
  for (const place of await deps.homeVisits.placesOf(idIndex)) {
    const visit = await deps.homeVisits.get(place.visitId);
    const stale = visit ? !isOpenHomeVisit(visit.state) : now.getTime() - place.at.getTime() > ORPHAN_PLACE_MS;
    if (!stale) continue;
    await deps.homeVisits.releasePlace(idIndex, place.visitId);
    freed = true;
  }
  return freed && deps.homeVisits.claimPlace(idIndex, visitId, now);
}
