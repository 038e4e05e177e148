import { DomainError } from '../errors/DomainError';
import { nextTicket } from './callOrder';
import type { QueueStore } from './QueueStore';
import type { QueueTicket } from './QueueTicket';
import { call, type TicketChanges } from './windowMoves';
import { windowState } from './windowState';

/** Attempts before a window gives up on a hall where other windows keep taking the ticket it picked. */
export const CALL_ATTEMPTS = 5;

/**
 * A window calls its next ticket: reads the hall-day, picks by the calling rule (./callOrder.ts)
 * and takes it by compare-and-set; when another window took it in between, reads again and picks
 * again. Two windows calling at once never get the same ticket; one window calling twice at once
 * calls one ticket at most. Refuses a busy window.
 */
export async function callNext(store: QueueStore, hallId: string, date: string, window: string, now: Date, perWalkIn: number): Promise<QueueTicket> {
  for (let attempt = 0; attempt < CALL_ATTEMPTS; attempt++) {
    const tickets = await store.ticketsOf(hallId, date);
    if (windowState(tickets, window).state !== 'idle') throw new DomainError('QUEUE_WINDOW_BUSY');
    const t = nextTicket(tickets, window, now, perWalkIn);
    if (!t) throw new DomainError('QUEUE_EMPTY');
    const changes = call(t, window, now);
    if (!(await store.changeTicket(t._id, t.version, changes))) continue;
    const called = { ...t, ...changes };
    // The busy check above is a read: two calls at one window (a double tap, two officers at one
    // desk) can both pass it. A call that finds, after taking its ticket, another one at its window
    // gives its own back and is refused; when both find each other both are, and the window is idle.
    if (!(await othersAtWindow(store, called))) return called;
    await store.changeTicket(called._id, called.version, undone(t, changes));
    throw new DomainError('QUEUE_WINDOW_BUSY');
  }
  throw new DomainError('SERVICE_BUSY');
}

async function othersAtWindow(store: QueueStore, mine: QueueTicket): Promise<boolean> {
  const tickets = await store.ticketsOf(mine.hallId, mine.date);
  return tickets.some((x) => x._id !== mine._id && x.window === mine.window && !x.transferred && (x.status === 'calling' || x.status === 'serving'));
}

/** The changes that put a ticket back as it was before `changes` (a version further on). */
function undone(before: QueueTicket, changes: TicketChanges): TicketChanges {
  const back: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) back[key] = before[key as keyof QueueTicket] ?? null;
  return { ...(back as Partial<TicketChanges>), version: changes.version + 1 };
}

/**
 * Another move of the ticket at a window (recall, serve, skip, transfer, finish): read, check,
 * compare-and-set; a move lost to a concurrent one is read again once, where the check refuses it
 * if it no longer applies.
 */
export async function moveTicket(store: QueueStore, ticketId: string, hallId: string, move: (t: QueueTicket) => ReturnType<typeof call> | null): Promise<QueueTicket> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const t = await store.ticket(ticketId);
    if (!t || t.hallId !== hallId) throw new DomainError('QUEUE_TICKET_NOT_FOUND');
    const changes = move(t);
    if (!changes) return t;
    if (await store.changeTicket(t._id, t.version, changes)) return { ...t, ...changes };
  }
  throw new DomainError('QUEUE_TICKET_STATE_CONFLICT');
}
