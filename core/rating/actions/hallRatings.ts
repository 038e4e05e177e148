import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import type { GuideRepository } from '../../guide/GuideRepository';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { mayReadHallNumbers, refusalOf } from '../../identity/hallAccess';
import { hallSummary } from '../hallSummary';
import { RATING_LEVELS, RatingLevel, ratingView, RatingView } from '../Rating';
import type { RatingDeps } from '../RatingDeps';
import { lazySchema } from '../../function/lazySchema';

const RECENT_POOR = 20;

/**
 * Officer: a hall's 好差评 — counts per level, the satisfaction rate, and the latest poor ratings
 * with their reasons, to follow up. An officer sees the halls they act for; an admin, every hall
 * (ratings are published per hall and count in its assessment). No rating names the citizen.
 */
export const hallRatings = defineAction({
  summary: "Officer (of the hall) or admin: a hall's ratings (好差评): counts per level, satisfaction rate, the 20 latest poor ratings with their reasons.",
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      hallName: z.string(),
      total: z.int(),
      byLevel: z.array(z.object({ level: RatingLevel, name: z.string(), count: z.int() })),
      satisfactionPercent: z.optional(z.int()),
      poorCount: z.int(),
      recentPoor: z.array(z.extend(RatingView, { businessTitle: z.string() })),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'HALL_NOT_FOUND'],
  async run({ hallId }, deps: RatingDeps & { guides: Pick<GuideRepository, 'hall' | 'guide'> }) {
    const account = await deps.identities.account(requireOpenid(deps));
    if (!mayReadHallNumbers(account, hallId)) throw refusalOf(account);
    const hall = await deps.guides.hall(hallId);
    if (!hall) throw new DomainError('HALL_NOT_FOUND');
    const [counts, poor] = await Promise.all([Promise.all(RATING_LEVELS.map((l) => deps.ratings.countOf(hallId, l))), deps.ratings.recentPoor(hallId, RECENT_POOR)]);
    const summary = hallSummary(Object.fromEntries(RATING_LEVELS.map((l, i) => [l, counts[i]])) as Record<RatingLevel, number>);
    const titles = new Map<string, string>();
    for (const b of new Set(poor.map((r) => r.business))) titles.set(b, (await deps.guides.guide(b))?.title ?? b);
    return { hallId, hallName: hall.name, ...summary, recentPoor: poor.map((r) => ({ ...ratingView(r), businessTitle: titles.get(r.business) ?? r.business })) };
  },
});
