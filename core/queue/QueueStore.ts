import type { QueueTicket } from './QueueTicket';
import type { TicketChanges } from './windowMoves';

/** Queue tickets of the hall floor (CloudBase: server/queue/CloudbaseQueueStore.ts). */
export interface QueueStore {
  /** Every ticket of a hall's day (a few hundred at most). */
  ticketsOf(hallId: string, date: string): Promise<QueueTicket[]>;
  /**
   * The same for a waiting citizen's place and wait (their ticket page polls every 10 s): as read by
   * this function instance at most a couple of seconds ago, so a hall's many open ticket pages share
   * one read instead of each reading the whole day. Officers' actions read ticketsOf, fresh.
   */
  ticketsForPlaces(hallId: string, date: string): Promise<QueueTicket[]>;
  ticket(id: string): Promise<QueueTicket | null>;
  /** Stores a new ticket; false when one with its id is stored already (a repeat: left as it is). */
  addTicket(t: QueueTicket): Promise<boolean>;
  /** Compare-and-set: applies the changes only while the ticket is still at `version`; false when it moved. */
  changeTicket(id: string, version: number, changes: TicketChanges): Promise<boolean>;
  /** Takes one of the hall-day's `quota` walk-in places (one conditional increment); false when none is left. */
  takeWalkInPlace(hallId: string, date: string, quota: number): Promise<boolean>;
  /** The hall-day's latest calls, newest first: the display board's one read. */
  latestCalls(hallId: string, date: string, limit: number): Promise<QueueTicket[]>;
}
