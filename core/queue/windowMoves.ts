import { DomainError } from '../errors/DomainError';
import { isCallable } from './callOrder';
import type { GreenReason } from './greenReasons';
import type { QueueTicket } from './QueueTicket';

/**
 * A ticket's moves at a window: each checks the ticket is where the move starts from and returns
 * the changes, which the store applies by compare-and-set on the ticket's version (a lost race is
 * retried on the fresh ticket, or refused).
 */
export type TicketChanges = Partial<Omit<QueueTicket, '_id' | 'hallId' | 'date' | 'number' | 'source'>> & { version: number };

/** No-answers before a ticket is marked missed (the citizen then takes a new number). */
export const MAX_SKIPS = 3;
/** After a no-answer, the ticket waits this long before it can be called again (the citizen stepped out). */
export const SKIP_PAUSE_MS = 3 * 60_000;

function conflict(): DomainError {
  return new DomainError('QUEUE_TICKET_STATE_CONFLICT');
}

const atWindow = (t: QueueTicket, window: string, ...statuses: QueueTicket['status'][]) => statuses.includes(t.status) && t.window === window;

/** Calls a waiting ticket to the window. */
export function call(t: QueueTicket, window: string, now: Date): TicketChanges {
  if (!isCallable(t, now) || (t.transferred && t.window !== window)) throw conflict();
  return { status: 'calling', window, transferred: false, notBefore: null, calls: t.calls + 1, firstCalledAt: t.firstCalledAt ?? now, lastCalledAt: now, version: t.version + 1 };
}

/** Calls the window's number again (the display and the sound repeat it). */
export function recall(t: QueueTicket, window: string, now: Date): TicketChanges {
  if (!atWindow(t, window, 'calling')) throw conflict();
  return { calls: t.calls + 1, lastCalledAt: now, version: t.version + 1 };
}

/** The citizen came to the window: service starts. */
export function serve(t: QueueTicket, window: string, now: Date): TicketChanges {
  if (!atWindow(t, window, 'calling')) throw conflict();
  return { status: 'serving', servedAt: now, version: t.version + 1 };
}

/**
 * Nobody answered: the ticket goes back to waiting (keeping its place in its line) and is not
 * called again for SKIP_PAUSE_MS; at the MAX_SKIPS-th no-answer it is marked missed.
 */
export function skip(t: QueueTicket, window: string, now: Date): TicketChanges {
  if (!atWindow(t, window, 'calling')) throw conflict();
  const skips = t.skips + 1;
  if (skips >= MAX_SKIPS) return { status: 'missed', skips, window: null, version: t.version + 1 };
  return { status: 'waiting', skips, window: null, notBefore: new Date(now.getTime() + SKIP_PAUSE_MS), version: t.version + 1 };
}

/** Sends the ticket to another window, where it is called next (before the green channel: it was already called). */
export function transfer(t: QueueTicket, from: string, to: string): TicketChanges {
  if (from === to || !atWindow(t, from, 'calling', 'serving')) throw conflict();
  return { status: 'waiting', window: to, transferred: true, notBefore: null, version: t.version + 1 };
}

/** Done, with the business handled (a called citizen who came straight to the counter counts as served from the call). */
export function finish(t: QueueTicket, window: string, handled: string, now: Date): TicketChanges {
  if (!atWindow(t, window, 'calling', 'serving')) throw conflict();
  return { status: 'done', handled, servedAt: t.servedAt ?? t.lastCalledAt ?? now, doneAt: now, version: t.version + 1 };
}

/** Marks a waiting ticket for the green channel; marking it again changes nothing (null). */
export function markGreen(t: QueueTicket, reason: GreenReason, by: string, now: Date): TicketChanges | null {
  if (t.status !== 'waiting') throw conflict();
  if (t.green) return null;
  return { green: { reason, by, at: now }, version: t.version + 1 };
}
