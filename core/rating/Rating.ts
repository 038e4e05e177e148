import * as z from 'zod/mini';
import { COMMENT_MAX, LEVEL_NAMES, POOR_REASONS, RATING_LEVELS, REASON_NAMES } from './ratingNames';
import { lazySchema } from '../function/lazySchema';

/**
 * A 好差评 rating of one finished service (国办发〔2019〕51号): five levels, and for a poor
 * rating the reasons from a fixed list. One per service: the stored id is derived from the
 * service, so the database itself refuses a second (collection `service_ratings`).
 */

/** From best to worst, as the national platform lists them. */
// The names and lists are zod-free (ratingNames.ts) so the client's rating sheet carries no zod.
export { COMMENT_MAX, isPoor, LEVEL_NAMES, POOR_REASONS, RATING_LEVELS, REASON_NAMES } from './ratingNames';
export const RatingLevel = lazySchema(() => z.enum(RATING_LEVELS));
export type RatingLevel = z.infer<typeof RatingLevel>;
export const PoorReason = lazySchema(() => z.enum(POOR_REASONS));
export type PoorReason = z.infer<typeof PoorReason>;

/** What a rating is of: an appointment at a hall, or an online reissue application. */
export const RatedKind = lazySchema(() => z.enum(['appointment', 'application']));
export type RatedKind = z.infer<typeof RatedKind>;

/** What the citizen sends (the service is named by the action's own id field). */
export const RatingInput = lazySchema(() =>
  z.strictObject({
    level: RatingLevel,
    reasons: z.optional(z.array(PoorReason).check(z.maxLength(POOR_REASONS.length))),
    comment: z.optional(z.string().check(z.maxLength(COMMENT_MAX * 2))),
  }),
);
export type RatingInput = z.infer<typeof RatingInput>;

export interface ServiceRating {
  /** `<kind>:<service id>`: one rating per service. */
  _id: string;
  kind: RatedKind;
  serviceId: string;
  /** The hall that served it (and sees the rating). */
  hallId: string;
  /** The business rated (a guide id, or `id-card-reissue`). */
  business: string;
  /** The account that booked or applied and rated (it may have acted for a family member). */
  actorOpenid: string;
  level: RatingLevel;
  poor: boolean;
  reasons: PoorReason[];
  comment?: string;
  createdAt: Date;
}

export function ratingId(kind: RatedKind, serviceId: string): string {
  return `${kind}:${serviceId}`;
}

/** What a citizen or the hall sees of a rating: no account, no person. */
export const RatingView = lazySchema(() =>
  z.object({
    id: z.string(),
    kind: RatedKind,
    serviceId: z.string(),
    level: RatingLevel,
    levelName: z.string(),
    reasons: z.array(z.object({ code: PoorReason, name: z.string() })),
    comment: z.optional(z.string()),
    createdAt: z.string(),
  }),
);
export type RatingView = z.infer<typeof RatingView>;

export function ratingView(r: ServiceRating): RatingView {
  return {
    id: r._id,
    kind: r.kind,
    serviceId: r.serviceId,
    level: r.level,
    levelName: LEVEL_NAMES[r.level],
    reasons: r.reasons.map((code) => ({ code, name: REASON_NAMES[code] })),
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  };
}
