import type { GreenReason } from './greenReasons';

/** Where a ticket came from: a checked-in booking, or a number taken at the hall. */
export type TicketSource = 'booked' | 'walkIn';

/**
 * waiting → calling (a window called it) → serving (the citizen came) → done; a no-answer goes
 * back to waiting (after a pause) or, at the last skip, to missed; a transfer puts it back to
 * waiting for another window.
 */
export type TicketStatus = 'waiting' | 'calling' | 'serving' | 'done' | 'missed';

/** The green channel (绿色通道): who marked the ticket, why and when (the reason is audited). */
export interface GreenMark {
  reason: GreenReason;
  by: string;
  at: Date;
}

/**
 * One number of a hall's day (collection `queue_tickets`). Changed only by compare-and-set on
 * (status, version), so two windows can never take the same ticket.
 */
export interface QueueTicket {
  _id: string;
  hallId: string;
  date: string;
  /** The hall-day's number (one counter for bookings and walk-ins: no two tickets share one). */
  number: number;
  source: TicketSource;
  /** A booked arrival's appointment and its slot's start (HH:mm): the order booked arrivals are called in. */
  appointmentId?: string;
  appointmentStart?: string;
  business?: string;
  takenAt: Date;
  status: TicketStatus;
  /** Bumped by every change: the compare-and-set's token. */
  version: number;
  /** The window calling or serving it, or (transferred) the one it waits for; null when none. */
  window: string | null;
  /** Waiting for `window` after a transfer: that window calls it before anything else. */
  transferred: boolean;
  /** Calls, recalls included. */
  calls: number;
  /** No-answers so far. */
  skips: number;
  /** After a no-answer: not called again before then. */
  notBefore: Date | null;
  /** The first call (the order calls are counted in for the walk-in rule), the latest call, service start and end. */
  firstCalledAt: Date | null;
  lastCalledAt: Date | null;
  servedAt: Date | null;
  doneAt: Date | null;
  green: GreenMark | null;
  /** The business handled, recorded when done. */
  handled: string | null;
}

/** A ticket's display label: A for a booked arrival, B for a walk-in, then three digits (A007). */
export function ticketLabel(t: Pick<QueueTicket, 'source' | 'number'>): string {
  return `${t.source === 'booked' ? 'A' : 'B'}${String(t.number).padStart(3, '0')}`;
}
