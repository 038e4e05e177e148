import type { ReleaseApplicationDoc, ReleaseDraw } from './ReleaseDraw';

export type DrawChange = Partial<Pick<ReleaseDraw, 'state' | 'seed' | 'order' | 'runner' | 'leaseUntil' | 'settled' | 'drawnAt' | 'doneAt'>>;
export type ApplicationChange = Partial<
  Pick<ReleaseApplicationDoc, 'state' | 'preferences' | 'group' | 'groupDeclared' | 'appliedAt' | 'appointmentId' | 'slotId' | 'reason' | 'waitEntryId' | 'actorOpenid' | 'subject'>
>;

/** Releases by draw and their applications (collections `release_draws`, `release_applications`). */
export interface FairReleaseStore {
  /** Adds a draw; false when the hall-day has one already. */
  addDraw(draw: ReleaseDraw): Promise<boolean>;
  draw(id: string): Promise<ReleaseDraw | null>;
  /** Compare-and-set: applies `change` only while the draw is at `version` (and raises it). */
  changeDraw(id: string, version: number, change: DrawChange): Promise<boolean>;
  /** Draws of hall-days from `fromDate` on, by date (a hall's, or every hall's when `hallId` is absent). */
  draws(fromDate: string, limit: number, hallId?: string): Promise<ReleaseDraw[]>;
  /** Draws not done whose window closed before `before`, oldest first. */
  drawsDue(before: Date, limit: number): Promise<ReleaseDraw[]>;
  /** Adds an application; false when the person applied already for this hall-day and business. */
  addApplication(a: ReleaseApplicationDoc): Promise<boolean>;
  application(id: string): Promise<ReleaseApplicationDoc | null>;
  changeApplication(id: string, version: number, change: ApplicationChange): Promise<boolean>;
  /** Every application of a draw (paged through by the store). */
  applicationsOf(drawId: string): Promise<ReleaseApplicationDoc[]>;
  /** How many applications of a draw are in each state. */
  countsOf(drawId: string): Promise<Partial<Record<ReleaseApplicationDoc['state'], number>>>;
  /** The applications an account made (for itself or a family member), newest first. */
  ofActor(actorOpenid: string, limit: number): Promise<ReleaseApplicationDoc[]>;
}
