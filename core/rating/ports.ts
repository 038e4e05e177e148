import type { RatingLevel, ServiceRating } from './Rating';

/** Ratings in CloudBase (`service_ratings`, server/rating/CloudbaseRatingStore.ts). */
export interface RatingStore {
  /**
   * Inserts the rating under its id; when a rating with that id exists already (a retry, or a
   * second attempt) nothing is written and the stored one is returned with `created: false`.
   */
  add(rating: ServiceRating): Promise<{ created: boolean; rating: ServiceRating }>;
  /** The ratings with these ids that this account gave (at most 100 ids). */
  ofActor(actorOpenid: string, ids: readonly string[]): Promise<ServiceRating[]>;
  /** How many ratings of a hall have this level (counted by the database). */
  countOf(hallId: string, level: RatingLevel): Promise<number>;
  /** A hall's poor ratings, newest first. */
  recentPoor(hallId: string, limit: number): Promise<ServiceRating[]>;
}
