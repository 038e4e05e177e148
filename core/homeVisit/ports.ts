import type { HomeVisit } from './HomeVisit';
import type { HomeVisitState } from './homeVisitNames';
import type { VisitWindow } from './visitWindow';

/** Home visits in CloudBase (`home_visits`: server/homeVisit/CloudbaseHomeVisitStore.ts). */
export interface HomeVisitStore {
  get(id: string): Promise<HomeVisit | null>;
  /** Inserts it under its id; when that id exists (a retried request) nothing is written and the stored one is returned. */
  add(v: HomeVisit): Promise<{ created: boolean; visit: HomeVisit }>;
  /** The requests an account made, newest first. */
  ofRequester(openid: string, limit: number): Promise<HomeVisit[]>;
  /** The requests for these people (blind indexes of their ID numbers), newest first. */
  ofSubjects(idIndexes: readonly string[], limit: number): Promise<HomeVisit[]>;
  /**
   * Takes one of the person's MAX_OPEN_PER_PERSON places for this visit: a claim document whose id
   * is the person's blind index and the place's number, so the database's uniqueness of `_id`
   * refuses a place taken (no count-then-insert to race). True when the visit holds a place (taken
   * now, or by an earlier attempt of the same request); false when every place is another visit's.
   */
  claimPlace(idIndex: string, visitId: string, at: Date): Promise<boolean>;
  /** The places the person's visits hold. */
  placesOf(idIndex: string): Promise<OpenPlace[]>;
  /** Gives back the place this visit holds (nothing when it holds none). */
  releasePlace(idIndex: string, visitId: string): Promise<void>;
  /**
   * A hall's requests in these states: `oldest` requested first (open ones, handled in turn), or
   * `newest` changed first (closed ones: what just happened).
   */
  ofHall(hallId: string, states: readonly HomeVisitState[], limit: number, order: 'oldest' | 'newest'): Promise<HomeVisit[]>;
  /** Writes `next` only when the stored version is still `expectedVersion` (a compare-and-set); false when it was not. */
  save(next: HomeVisit, expectedVersion: number): Promise<boolean>;
}

/** One of a person's open-request places (`home_visit_places`, _id = `<idIndex>:<n>`). */
export interface OpenPlace {
  _id: string;
  idIndex: string;
  visitId: string;
  at: Date;
}

/** Tells the citizen what the hall decided: a WeChat subscribe message; rejects when WeChat refuses. */
export interface HomeVisitNotifier {
  /** The hall arranged (or moved) a visit: the citizen confirms the time. */
  scheduled(openid: string, notice: { visitId: string; businessTitle: string; window: VisitWindow; rescheduled: boolean }): Promise<void>;
  /** The hall refused the request, with a reason the citizen reads. */
  refused(openid: string, notice: { visitId: string; businessTitle: string; reason: string; at: Date }): Promise<void>;
}
