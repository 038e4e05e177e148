import type { ActingSubject } from '../identity/actingFor';
import type { PriorityGroupId } from './priorityGroups';

/**
 * A hall-day released by application (issue 17, docs/WAITLIST.md "Fair release"), collection
 * `release_draws`, one per hall and date (`releaseDrawId`). Every change is a compare-and-set on
 * `version`. The secret seed is kept encrypted (`seedEnc`) until the draw, when it is published
 * (`seed`); `commitment` is public from the start.
 */
export type DrawState = 'open' | 'drawing' | 'done';

/** One application's place in the published order: its opaque ticket and the group it was drawn in. */
export interface DrawnTicket {
  ticket: string;
  group?: PriorityGroupId;
  /** Private (never in a view): the application it stands for. */
  applicationId: string;
}

export interface ReleaseDraw {
  _id: string;
  hallId: string;
  date: string;
  opensAt: Date;
  closesAt: Date;
  /** The hall's priority groups, first drawn first. */
  groups: PriorityGroupId[];
  commitment: string;
  /** The seed, encrypted: private until the draw. */
  seedEnc: string;
  /** Published when the draw runs. */
  seed?: string;
  /** The draw order, fixed when the draw runs (from the applications standing when the window closed). */
  order?: DrawnTicket[];
  state: DrawState;
  /** Who holds the run now (a lease, so that two runs at once do not both work) and until when. */
  runner?: string;
  leaseUntil?: Date;
  /** How many of `order` are settled (the run resumes there). */
  settled?: number;
  openedBy: string;
  createdAt: Date;
  drawnAt?: Date;
  doneAt?: Date;
  version: number;
}

/**
 * One person's application (collection `release_applications`), `_id` = `releaseApplicationId`:
 * the database refuses a second for the same person, hall-day and business.
 */
export type ApplicationState = 'applied' | 'withdrawn' | 'placed' | 'waiting';

export interface ReleaseApplicationDoc {
  _id: string;
  drawId: string;
  hallId: string;
  date: string;
  business: string;
  actorOpenid: string;
  subject: ActingSubject;
  /** Acceptable slot ids, most wanted first (1 to 3). */
  preferences: string[];
  group?: PriorityGroupId;
  /** True when the group was declared by the applicant (not verified from data the system holds). */
  groupDeclared?: boolean;
  /** Opaque, published in the order instead of the id (which holds a blind index of the ID number). */
  ticket: string;
  state: ApplicationState;
  appliedAt: Date;
  /** When placed: the appointment booked and its slot. */
  appointmentId?: string;
  slotId?: string;
  /** When waiting because a booking rule refused it (the error code), not for want of a place. */
  reason?: string;
  /** The waiting-list entry it joined. */
  waitEntryId?: string;
  version: number;
}

export function releaseDrawId(hallId: string, date: string): string {
  return `${hallId}:${date}`;
}
