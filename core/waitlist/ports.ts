import type { WaitEntry } from './WaitEntry';

/** Waiting-list entries (collection `waitlist`). */
export interface WaitlistStore {
  /** Adds an entry; false when the person is on this list already. */
  add(entry: WaitEntry): Promise<boolean>;
  entry(id: string): Promise<WaitEntry | null>;
  /** The first `waiting` entries of a hall-day and business, in line order. */
  firstWaiting(hallId: string, date: string, business: string, limit: number): Promise<WaitEntry[]>;
  /** Compare-and-set: applies `change` only while the entry is at `version` (and raises it). */
  change(id: string, version: number, change: Partial<Pick<WaitEntry, 'state' | 'offer' | 'offers' | 'appointmentId' | 'joinedAt'>>): Promise<boolean>;
  /** The entries an account joined (for itself or a family member), newest first. */
  ofActor(actorOpenid: string, limit: number): Promise<WaitEntry[]>;
  /** How many wait before this entry in its line (waiting, joined earlier, or as early with a smaller id). */
  ahead(entry: WaitEntry): Promise<number>;
  /**
   * Takes one of the person's MAX_OPEN_WAITING places for this entry: a document whose id is the
   * person's blind index and the place's number, so the database's uniqueness of `_id` refuses a
   * place taken (no count-then-insert to race). True when the entry holds a place (taken now, or
   * before: then its `at` is renewed); false when every place is another entry's.
   */
  claimPlace(idIndex: string, entryId: string, at: Date): Promise<boolean>;
  /** The places the person's entries hold. */
  placesOf(idIndex: string): Promise<WaitPlace[]>;
  /** Gives the place back, only while it is still this entry's as of `at` (a place renewed since stays). */
  releasePlace(place: WaitPlace): Promise<void>;
  /** Entries whose offer ran out before `now`. */
  offersDue(now: Date, limit: number): Promise<WaitEntry[]>;
  /** A hall's waiting and offered entries dated from `from` to `to` (inclusive), at most `limit`. */
  openOfHall(hallId: string, from: string, to: string, limit: number): Promise<WaitEntry[]>;
}

/** One of a person's open waiting-list places (`waitlist_places`, _id = `<idIndex>:<n>`). */
export interface WaitPlace {
  _id: string;
  idIndex: string;
  entryId: string;
  at: Date;
}

/** What the person offered a place is told (a subscribe message). */
export interface OfferNotice {
  entryId: string;
  businessTitle: string;
  /** The held slot: its date and start. */
  date: string;
  start: string;
  until: Date;
}

/** Tells the person (the account that joined) a place is held for them: a WeChat subscribe message; rejects when WeChat refuses. */
export interface WaitlistNotifier {
  offered(openid: string, notice: OfferNotice): Promise<void>;
}
