import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { requireOpenid } from '../../identity/caller';
import { RatedKind, ratingId, ratingView, RatingView } from '../Rating';
import type { RatingDeps } from '../RatingDeps';
import { lazySchema } from '../../function/lazySchema';

/** Which of the caller's services (appointments or applications) they rated already, and how. */
export const myRatings = defineAction({
  summary: "The caller's own ratings of the given appointments or applications (at most 100 ids); services not rated (or not the caller's) are left out.",
  input: lazySchema(() =>
    z.strictObject({
      kind: RatedKind,
      serviceIds: z.array(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))).check(z.maxLength(100)),
    }),
  ),
  output: lazySchema(() => z.object({ ratings: z.array(RatingView) })),
  errors: ['UNAUTHENTICATED'],
  async run({ kind, serviceIds }, deps: RatingDeps) {
    const openid = requireOpenid(deps);
    if (serviceIds.length === 0) return { ratings: [] };
    const found = await deps.ratings.ofActor(
      openid,
      serviceIds.map((id) => ratingId(kind, id)),
    );
    return { ratings: found.map(ratingView) };
  },
});
