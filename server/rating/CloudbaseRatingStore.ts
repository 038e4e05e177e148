import type { RatingStore } from '../../core/rating/ports';
import type { RatingLevel, ServiceRating } from '../../core/rating/Rating';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';

/** 好差评 ratings in CloudBase (`service_ratings`): the id is the service's, so the database keeps one each. */
export class CloudbaseRatingStore implements RatingStore {
  constructor(private readonly db: Database) {}

  async add(rating: ServiceRating): Promise<{ created: boolean; rating: ServiceRating }> {
    try {
      await this.db.collection('service_ratings').add(rating);
      return { created: true, rating };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const stored = await getDoc<ServiceRating>(this.db, 'service_ratings', rating._id);
      if (!stored) throw e;
      return { created: false, rating: { ...stored, createdAt: new Date(stored.createdAt) } };
    }
  }

  async ofActor(actorOpenid: string, ids: readonly string[]): Promise<ServiceRating[]> {
    const res = await this.db
      .collection('service_ratings')
      .where({ actorOpenid, _id: this.db.command.in([...ids]) })
      .limit(100)
      .get();
    return ((res.data ?? []) as ServiceRating[]).map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }

  async countOf(hallId: string, level: RatingLevel): Promise<number> {
    return (await this.db.collection('service_ratings').where({ hallId, level }).count()).total ?? 0;
  }

  async recentPoor(hallId: string, limit: number): Promise<ServiceRating[]> {
    const res = await this.db.collection('service_ratings').where({ hallId, poor: true }).orderBy('createdAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as ServiceRating[]).map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }
}
