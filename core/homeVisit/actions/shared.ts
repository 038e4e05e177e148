import * as z from 'zod/mini';
import { DomainError } from '../../errors/DomainError';
import { lazySchema } from '../../function/lazySchema';
import type { Hall } from '../../guide/Hall';
import { shanghaiWallClock } from '../../time/shanghai';
import type { HomeVisit } from '../HomeVisit';
import type { HomeVisitDeps } from '../HomeVisitDeps';
import { fireHomeVisit, type HomeVisitCommand, type Now } from '../fire';
import { isOpenHomeVisit } from '../homeVisitNames';
import type { HomeVisitSide } from '../homeVisitStates';
import { homeVisitView, type HomeVisitView, type ViewNames, type Viewer } from '../views';

/** A home visit's id as the server made it (base64url). */
export const HomeVisitId = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));
/** The version the person saw (every step is decided on it). */
export const ExpectedVersion = lazySchema(() => z.int().check(z.gte(1)));
/** Text fields take at most twice the rule's length here; the rules (requestRules.ts) count characters and say why. */
export const Text = (max: number) => lazySchema(() => z.string().check(z.maxLength(max * 2)));

const UNKNOWN_HALL = { name: '', phone: '', province: '', city: '', district: '' };

/** The halls and business titles to show beside these visits (the id when one is gone). */
export async function namesFor(deps: Pick<HomeVisitDeps, 'guides'>, visits: readonly HomeVisit[]): Promise<(v: HomeVisit) => ViewNames> {
  const halls = new Map<string, ViewNames['hall']>();
  const titles = new Map<string, string>();
  for (const id of new Set(visits.map((v) => v.hallId))) halls.set(id, (await deps.guides.hall(id)) ?? { ...UNKNOWN_HALL, name: id });
  for (const id of new Set(visits.map((v) => v.business))) titles.set(id, (await deps.guides.guide(id))?.title ?? id);
  return (v) => ({ hall: halls.get(v.hallId) ?? { ...UNKNOWN_HALL, name: v.hallId }, businessTitle: titles.get(v.business) ?? v.business });
}

/** The viewer now: the citizen's side, or the hall's (`lead`: its lead, or an admin bound to it). */
function viewerOf(deps: Pick<HomeVisitDeps, 'clock'>, side: HomeVisitSide, lead: boolean): Viewer {
  const { today, clock } = nowOf(deps);
  return { side, lead, today, clock };
}

export async function viewsOf(deps: HomeVisitDeps, visits: readonly HomeVisit[], side: HomeVisitSide, lead = false): Promise<HomeVisitView[]> {
  const names = await namesFor(deps, visits);
  const viewer = viewerOf(deps, side, lead);
  return visits.map((v) => homeVisitView(v, viewer, names(v), deps.secrets));
}

export const viewOf = async (deps: HomeVisitDeps, v: HomeVisit, side: HomeVisitSide, hall?: Hall, lead = false): Promise<HomeVisitView> =>
  hall
    ? homeVisitView(v, viewerOf(deps, side, lead), { hall, businessTitle: (await deps.guides.guide(v.business))?.title ?? v.business }, deps.secrets)
    : (await viewsOf(deps, [v], side, lead))[0]!;

export function nowOf(deps: Pick<HomeVisitDeps, 'clock'>): Now {
  const at = deps.clock.now();
  const { date, clock } = shanghaiWallClock(at);
  return { at, today: date, clock };
}

/**
 * One step: decided on the version the person saw, written only if the stored version is still
 * that one. A lost race is HOME_VISIT_VERSION_CONFLICT, and nothing was written.
 */
export async function step(deps: HomeVisitDeps, visit: HomeVisit, command: HomeVisitCommand, side: HomeVisitSide, expectedVersion: number): Promise<HomeVisit> {
  const next = fireHomeVisit(visit, command, side, expectedVersion, nowOf(deps));
  if (!(await deps.homeVisits.save(next, expectedVersion))) throw new DomainError('HOME_VISIT_VERSION_CONFLICT');
  // Closed: its place goes back (if this is cut off, the next request over the limit frees it: openPlaces.ts).
  if (!isOpenHomeVisit(next.state)) await deps.homeVisits.releasePlace(next.subjectIdIndex, next._id);
  return next;
}
