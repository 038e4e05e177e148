import type { HomeVisit } from '../../core/homeVisit/HomeVisit';
import { OPEN_HOME_VISIT_STATES, type HomeVisitState } from '../../core/homeVisit/homeVisitNames';
import type { HomeVisitStore } from '../../core/homeVisit/ports';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { saveVersioned } from '../cloudbase/versionedSave';

const COLLECTION = 'home_visits';

/** Dates come back from the database as strings or Date-likes: made Dates again. */
function revive(doc: HomeVisit): HomeVisit {
  return { ...doc, createdAt: new Date(doc.createdAt), updatedAt: new Date(doc.updatedAt), history: (doc.history ?? []).map((s) => ({ ...s, at: new Date(s.at) })) };
}

/** Home visits in CloudBase (`home_visits`); every change a conditional update on `version`. */
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

  async countOpenOfSubject(idIndex: string): Promise<number> {
    return (
      (
        await this.db
          .collection(COLLECTION)
          .where({ subjectIdIndex: idIndex, state: this.db.command.in([...OPEN_HOME_VISIT_STATES]) })
          .count()
      ).total ?? 0
    );
  }

  async ofHall(hallId: string, states: readonly HomeVisitState[], limit: number): Promise<HomeVisit[]> {
    const res = await this.db
      .collection(COLLECTION)
      .where({ hallId, state: this.db.command.in([...states]) })
      .orderBy('createdAt', 'asc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as HomeVisit[]).map(revive);
  }

  /** One conditional update on `{ _id, version }` (server/cloudbase/versionedSave.ts): of two writers on one version, one wins. */
  save(next: HomeVisit, expectedVersion: number): Promise<boolean> {
    return saveVersioned(this.db, COLLECTION, next, expectedVersion);
  }
}
