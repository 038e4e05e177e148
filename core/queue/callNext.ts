import { DomainError } from '../errors/DomainError';
import { nextTicket } from './callOrder';
import type { QueueStore } from './QueueStore';
import type { QueueTicket } from './QueueTicket';
import { call } from './windowMoves';
import { windowState } from './windowState';

/** Attempts before a window gives up on a hall where other windows keep taking the ticket it picked. */
export const CALL_ATTEMPTS = 5;

/**
 * A window calls its next ticket: reads the hall-day, picks by the calling rule (./callOrder.ts)
 * and takes it by compare-and-set; when another window took it in between, reads again and picks
 * again. Two windows calling at once never get the same ticket. Refuses a busy window.
 */
export async function callNext(store: QueueStore, hallId: string, date: string, window: string, now: Date, perWalkIn: number): Promise<QueueTicket> {
  for (let attempt = 0; attempt < CALL_ATTEMPTS; attempt++) {
    const tickets = await store.ticketsOf(hallId, date);
    if (windowState(tickets, window).state !== 'idle') throw new DomainError('QUEUE_WINDOW_BUSY');
    const t = nextTicket(tickets, window, now, perWalkIn);
    if (!t) throw new DomainError('QUEUE_EMPTY');
    const changes = call(t, window, now);
    if (await store.changeTicket(t._id, t.version, changes)) return { ...t, ...changes };
  }
  throw new DomainError('SERVICE_BUSY');
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
