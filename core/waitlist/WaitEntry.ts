import type { ActingSubject } from '../identity/actingFor';

/**
 * One person on the waiting list of a full hall-day for one business (issue 17, docs/WAITLIST.md).
 * Every change of state is a compare-and-set on `version`, so a move of the place it holds is
 * done once, by whoever won the entry.
 */
export type WaitState = 'waiting' | 'offered' | 'booked' | 'lapsed' | 'left';

export interface WaitOffer {
  slotId: string;
  /** The hold in the slot document (`holds.<holdId>`): the entry id and the offer's number. */
  holdId: string;
  until: Date;
}

export interface WaitEntry {
  /** `waitEntryId`: one per person, hall-day and business. */
  _id: string;
  hallId: string;
  date: string;
  business: string;
  /** Who joined (the WeChat account; the family member they act for is the subject). */
  actorOpenid: string;
  subject: ActingSubject;
  /** The place in line: earlier first, then by id. */
  joinedAt: Date;
  state: WaitState;
  version: number;
  /** How many offers this entry has had (hold ids are numbered by it). */
  offers: number;
  offer?: WaitOffer;
  appointmentId?: string;
}

export function waitEntryId(hallId: string, date: string, business: string, subjectIdIndex: string): string {
  return `${hallId}:${date}:${business}:${subjectIdIndex}`;
}

/** The hold id of an entry's n-th offer: a field name of the slot document (no `.`, no `$`; `:` becomes `~`). */
export function holdIdOf(entryId: string, offer: number): string {
  if (/[.$~]/.test(entryId)) throw new Error(`a waiting-list entry id ${entryId} cannot name a hold`);
  return `${entryId.replace(/:/g, '~')}~${offer}`;
}
