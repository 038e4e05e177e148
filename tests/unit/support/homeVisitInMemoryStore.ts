import type { HomeVisit } from '../../../core/homeVisit/HomeVisit';
import { isOpenHomeVisit, type HomeVisitState } from '../../../core/homeVisit/homeVisitNames';
import type { HomeVisitNotifier, HomeVisitStore } from '../../../core/homeVisit/ports';

const newestFirst = (a: HomeVisit, b: HomeVisit) => b.createdAt.getTime() - a.createdAt.getTime();

/** The home-visit store in memory, as CloudbaseHomeVisitStore behaves (one document per id, compare-and-set on version). */
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
  async countOpenOfSubject(idIndex: string) {
    return [...this.docs.values()].filter((v) => v.subjectIdIndex === idIndex && isOpenHomeVisit(v.state)).length;
  }
  async ofHall(hallId: string, states: readonly HomeVisitState[], limit: number) {
    return [...this.docs.values()]
      .filter((v) => v.hallId === hallId && states.includes(v.state))
      .sort((a, b) => -newestFirst(a, b))
      .slice(0, limit);
  }
  async save(next: HomeVisit, expectedVersion: number) {
    const stored = this.docs.get(next._id);
    if (!stored || stored.version !== expectedVersion) return false;
    this.docs.set(next._id, structuredClone(next));
    return true;
  }
}

/** Records the arrangements told; `refuse` makes WeChat refuse (not subscribed). */
export class RecordingHomeVisitNotifier implements HomeVisitNotifier {
  readonly told: { openid: string; visitId: string; windowText: string; rescheduled: boolean }[] = [];
  refuse = false;
  async scheduled(openid: string, n: Parameters<HomeVisitNotifier['scheduled']>[1]) {
    if (this.refuse) throw new Error('43101');
    this.told.push({ openid, visitId: n.visitId, windowText: n.windowText, rescheduled: n.rescheduled });
  }
}
