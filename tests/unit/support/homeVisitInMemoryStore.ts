import type { HomeVisit } from '../../../core/homeVisit/HomeVisit';
import type { HomeVisitState } from '../../../core/homeVisit/homeVisitNames';
import { openPlaceIds } from '../../../core/homeVisit/openPlaces';
import { windowText } from '../../../core/homeVisit/visitWindow';
import type { HomeVisitNotifier, HomeVisitStore, OpenPlace } from '../../../core/homeVisit/ports';

const newestFirst = (a: HomeVisit, b: HomeVisit) => b.createdAt.getTime() - a.createdAt.getTime();

/** The home-visit store in memory, as CloudbaseHomeVisitStore behaves (one document per id, compare-and-set on version, one place per id). */
export class InMemoryHomeVisitStore implements HomeVisitStore {
  readonly docs = new Map<string, HomeVisit>();
  async get(id: string) {
    const v = this.docs.get(id);
    return v ? structuredClone(v) : null;
  }
  async add(v: HomeVisit) {
    const stored = this.docs.get(v._id);
    if (stored) return { created: false, visit: structuredClone(stored) };
    this.docs.set(v._id, structuredClone(v));
    return { created: true, visit: structuredClone(v) };
  }
  async ofRequester(openid: string, limit: number) {
    return [...this.docs.values()]
      .filter((v) => v.requesterOpenid === openid)
      .sort(newestFirst)
      .slice(0, limit);
  }
  async ofSubjects(idIndexes: readonly string[], limit: number) {
    return [...this.docs.values()]
      .filter((v) => idIndexes.includes(v.subjectIdIndex))
      .sort(newestFirst)
      .slice(0, limit);
  }
  readonly places = new Map<string, OpenPlace>();
  async claimPlace(idIndex: string, visitId: string, at: Date) {
    for (const id of openPlaceIds(idIndex)) {
      const held = this.places.get(id);
      if (!held) {
        this.places.set(id, { _id: id, idIndex, visitId, at });
        return true;
      }
      if (held.visitId === visitId) return true;
      // The database answers each insert on its own: let others run between two.
      await Promise.resolve();
    }
    return false;
  }
  async placesOf(idIndex: string) {
    return [...this.places.values()].filter((p) => p.idIndex === idIndex);
  }
  async releasePlace(idIndex: string, visitId: string) {
    for (const [id, p] of this.places) if (p.idIndex === idIndex && p.visitId === visitId) this.places.delete(id);
  }
  async ofHall(hallId: string, states: readonly HomeVisitState[], limit: number, order: 'oldest' | 'newest') {
    return [...this.docs.values()]
      .filter((v) => v.hallId === hallId && states.includes(v.state))
      .sort(order === 'oldest' ? (a, b) => -newestFirst(a, b) : (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .slice(0, limit);
  }
  async save(next: HomeVisit, expectedVersion: number) {
    const stored = this.docs.get(next._id);
    if (!stored || stored.version !== expectedVersion) return false;
    this.docs.set(next._id, structuredClone(next));
    return true;
  }
}

/** Records the arrangements and refusals told; `refuse` makes WeChat refuse (not subscribed). */
export class RecordingHomeVisitNotifier implements HomeVisitNotifier {
  readonly told: { openid: string; visitId: string; windowText: string; rescheduled: boolean }[] = [];
  readonly refusals: { openid: string; visitId: string; reason: string }[] = [];
  refuse = false;
  async scheduled(openid: string, n: Parameters<HomeVisitNotifier['scheduled']>[1]) {
    if (this.refuse) throw new Error('43101');
    this.told.push({ openid, visitId: n.visitId, windowText: windowText(n.window), rescheduled: n.rescheduled });
  }
  async refused(openid: string, n: Parameters<HomeVisitNotifier['refused']>[1]) {
    if (this.refuse) throw new Error('43101');
    this.refusals.push({ openid, visitId: n.visitId, reason: n.reason });
  }
}
