import { hallsActedFor, hallsWithNumbersFor, mustVerifyToAct } from '../../core/identity/hallRights';
import { guideApi } from './guideApi';
import { identityApi } from './identityApi';

export interface OfficerHalls {
  status: Awaited<ReturnType<typeof identityApi.status>>;
  /** Bound to halls but not verified yet: told to verify before acting (core/identity/hallRights.ts). */
  mustVerify: boolean;
  /** The halls offered on the page, by name. */
  halls: Array<{ id: string; name: string }>;
}

/**
 * The halls an officer page offers, from the caller's status and the halls' names: those the account
 * acts for, or with `numbers` those whose numbers (ratings, the report) it may read — every hall for
 * an admin. The page only shows them; each action checks again.
 */
export async function officerHalls(scope: 'actedFor' | 'numbers' = 'actedFor'): Promise<OfficerHalls> {
  const [status, all] = await Promise.all([identityApi.status(), guideApi.halls()]);
  const names = new Map(all.halls.map((h) => [h.id, h.name]));
  const ids = scope === 'numbers' ? hallsWithNumbersFor(status, [...names.keys()]) : hallsActedFor(status);
  return { status, mustVerify: mustVerifyToAct(status) && (scope === 'actedFor' || status.role !== 'admin'), halls: ids.map((id) => ({ id, name: names.get(id) ?? id })) };
}
