import type { HomeVisit } from './HomeVisit';
import type { HomeVisitState } from './homeVisitNames';

/** Home visits in CloudBase (`home_visits`: server/homeVisit/CloudbaseHomeVisitStore.ts). */
export interface HomeVisitStore {
  get(id: string): Promise<HomeVisit | null>;
  /** Inserts it under its id; when that id exists (a retried request) nothing is written and the stored one is returned. */
  add(v: HomeVisit): Promise<{ created: boolean; visit: HomeVisit }>;
  /** The requests an account made, newest first. */
  ofRequester(openid: string, limit: number): Promise<HomeVisit[]>;
  /** The requests for these people (blind indexes of their ID numbers), newest first. */
  ofSubjects(idIndexes: readonly string[], limit: number): Promise<HomeVisit[]>;
  /** How many open requests (requested, assigned, confirmed) the person has. */
  countOpenOfSubject(idIndex: string): Promise<number>;
  /** A hall's requests in these states, oldest first (handled in turn). */
  ofHall(hallId: string, states: readonly HomeVisitState[], limit: number): Promise<HomeVisit[]>;
  /** Writes `next` only when the stored version is still `expectedVersion` (a compare-and-set); false when it was not. */
  save(next: HomeVisit, expectedVersion: number): Promise<boolean>;
}

/** Tells the citizen the hall arranged (or moved) a visit: a WeChat subscribe message; rejects when WeChat refuses. */
export interface HomeVisitNotifier {
  scheduled(openid: string, notice: { visitId: string; businessTitle: string; windowText: string; rescheduled: boolean; at: Date }): Promise<void>;
}
