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
  /** Entries whose offer ran out before `now`. */
  offersDue(now: Date, limit: number): Promise<WaitEntry[]>;
}
