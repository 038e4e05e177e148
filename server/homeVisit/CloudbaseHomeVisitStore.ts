import type { HomeVisit } from '../../core/homeVisit/HomeVisit';
import type { HomeVisitState } from '../../core/homeVisit/homeVisitNames';
import { openPlaceIds } from '../../core/homeVisit/openPlaces';
import type { HomeVisitStore, OpenPlace } from '../../core/homeVisit/ports';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { saveVersioned } from '../cloudbase/versionedSave';

const COLLECTION = 'home_visits';
const PLACES = 'home_visit_places';

/** Dates come back from the database as strings or Date-likes: made Dates again. */
function revive(doc: HomeVisit): HomeVisit {
  return { ...doc, createdAt: new Date(doc.createdAt), updatedAt: new Date(doc.updatedAt), history: (doc.history ?? []).map((s) => ({ ...s, at: new Date(s.at) })) };
}

/** Home visits in CloudBase (`home_visits`), every change a conditional update on `version`; the per-person places (`home_visit_places`). */
export class CloudbaseHomeVisitStore implements HomeVisitStore {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<HomeVisit | null> {
    const doc = await getDoc<HomeVisit>(this.db, COLLECTION, id);
    return doc ? revive(doc) : null;
  }

  async add(v: HomeVisit): Promise<{ created: boolean; visit: HomeVisit }> {
    try {
      await this.db.collection(COLLECTION).add(v);
      return { created: true, visit: v };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const stored = await this.get(v._id);
      if (!stored) throw e;
      return { created: false, visit: stored };
    }
  }

  async ofRequester(openid: string, limit: number): Promise<HomeVisit[]> {
    const res = await this.db.collection(COLLECTION).where({ requesterOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as HomeVisit[]).map(revive);
  }

  async ofSubjects(idIndexes: readonly string[], limit: number): Promise<HomeVisit[]> {
    const res = await this.db
      .collection(COLLECTION)
      .where({ subjectIdIndex: this.db.command.in([...idIndexes]) })
      .orderBy('createdAt', 'desc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as HomeVisit[]).map(revive);
  }

  async claimPlace(idIndex: string, visitId: string, at: Date): Promise<boolean> {
    for (const _id of openPlaceIds(idIndex)) {
      try {
        await this.db.collection(PLACES).add({ _id, idIndex, visitId, at });
        return true;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // Taken: by this very visit (a retried request) or another.
        if ((await getDoc<OpenPlace>(this.db, PLACES, _id))?.visitId === visitId) return true;
      }
    }
    return false;
  }

  async placesOf(idIndex: string): Promise<OpenPlace[]> {
    const res = await this.db.collection(PLACES).where({ idIndex }).limit(20).get();
    return ((res.data ?? []) as OpenPlace[]).map((p) => ({ ...p, at: new Date(p.at) }));
  }

  /** Conditional on the visit, so a place another visit took since is left alone. */
  async releasePlace(idIndex: string, visitId: string): Promise<void> {
    await this.db.collection(PLACES).where({ idIndex, visitId }).remove();
  }

  async ofHall(hallId: string, states: readonly HomeVisitState[], limit: number, order: 'oldest' | 'newest'): Promise<HomeVisit[]> {
    const res = await this.db
      .collection(COLLECTION)
      .where({ hallId, state: this.db.command.in([...states]) })
      .orderBy(order === 'oldest' ? 'createdAt' : 'updatedAt', order === 'oldest' ? 'asc' : 'desc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as HomeVisit[]).map(revive);
  }

  /** One conditional update on `{ _id, version }` (server/cloudbase/versionedSave.ts): of two writers on one version, one wins. */
  save(next: HomeVisit, expectedVersion: number): Promise<boolean> {
    return saveVersioned(this.db, COLLECTION, next, expectedVersion);
  }
}
