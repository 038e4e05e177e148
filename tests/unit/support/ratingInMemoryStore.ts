import type { RatingStore } from '../../../core/rating/ports';
import type { RatingLevel, ServiceRating } from '../../../core/rating/Rating';

/** Ratings in memory, with the database's one-document-per-id. */
export class InMemoryRatingStore implements RatingStore {
  readonly docs = new Map<string, ServiceRating>();

  async add(rating: ServiceRating) {
    const stored = this.docs.get(rating._id);
    if (stored) return { created: false, rating: structuredClone(stored) };
    this.docs.set(rating._id, structuredClone(rating));
    return { created: true, rating };
  }

  async ofActor(actorOpenid: string, ids: readonly string[]) {
    return ids.flatMap((id) => {
      const r = this.docs.get(id);
      return r && r.actorOpenid === actorOpenid ? [structuredClone(r)] : [];
    });
  }

  async countOf(hallId: string, level: RatingLevel) {
    return [...this.docs.values()].filter((r) => r.hallId === hallId && r.level === level).length;
  }

  async recentPoor(hallId: string, limit: number) {
    return [...this.docs.values()]
      .filter((r) => r.hallId === hallId && r.poor)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }
}
