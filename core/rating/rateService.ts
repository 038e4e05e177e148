import { DomainError } from '../errors/DomainError';
import { requireOpenid } from '../identity/caller';
import { judgeRating, sameRating } from './judgeRating';
import { ratingId, ratingView, type RatedKind, type RatingInput, type RatingView } from './Rating';
import type { RatingDeps } from './RatingDeps';

/** The service being rated, as its own domain loaded it. */
export interface RatedService {
  kind: RatedKind;
  id: string;
  hallId: string;
  business: string;
  /** Who booked or applied: the one account that may rate it. */
  actorOpenid: string;
  finished: boolean;
}

/**
 * Rates a finished service once. Only the account that booked or applied rates it — also when it
 * acted for a family member (a child or an elderly parent, who may have no account of their own
 * and never sees the service in a list); anyone else is told the service does not exist (as
 * elsewhere, so ids cannot be probed). The id is the service's, so the database keeps one rating:
 * a retry of the same rating answers the stored one; a different second rating is refused.
 */
export async function rateService(
  deps: RatingDeps,
  service: RatedService | null,
  input: RatingInput,
  notFound: 'APPOINTMENT_NOT_FOUND' | 'REISSUE_NOT_FOUND',
): Promise<RatingView> {
  const openid = requireOpenid(deps);
  if (!service || service.actorOpenid !== openid) throw new DomainError(notFound);
  if (!service.finished) throw new DomainError('RATING_NOT_FINISHED');
  const judged = judgeRating(input);
  const wanted = {
    _id: ratingId(service.kind, service.id),
    kind: service.kind,
    serviceId: service.id,
    hallId: service.hallId,
    business: service.business,
    actorOpenid: openid,
    ...judged,
    createdAt: deps.clock.now(),
  };
  const { created, rating: stored } = await deps.ratings.add(wanted);
  if (!created && !sameRating(stored, judged)) throw new DomainError('RATING_ALREADY_GIVEN');
  return ratingView(stored);
}
