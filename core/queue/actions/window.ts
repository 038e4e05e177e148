import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { stableId } from '../../guide/ServiceGuide';
import type { BookingDeps } from '../../booking/BookingDeps';
import { callNext as callNextTicket, moveTicket } from '../callNext';
import type { QueueTicket } from '../QueueTicket';
import { TicketView, WindowInput, WindowStateView, ticketView, windowStateView } from '../views';
import { finish as finishMove, recall as recallMove, serve as serveMove, skip as skipMove, transfer as transferMove, type TicketChanges } from '../windowMoves';
import { windowState as stateOf } from '../windowState';
import { officerAtHall } from './officerAtHall';

const OFFICER_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'] as const;
const MOVE_ERRORS = [...OFFICER_ERRORS, 'QUEUE_TICKET_NOT_FOUND', 'QUEUE_TICKET_STATE_CONFLICT'] as const;
const TicketIdInput = lazySchema(() => z.string().check(z.minLength(4), z.maxLength(80)));
const AtWindow = lazySchema(() => z.strictObject({ hallId: stableId, window: WindowInput, ticketId: TicketIdInput }));
const Moved = lazySchema(() => z.object({ ticket: TicketView }));

/** A move of the ticket at the officer's window, by compare-and-set (core/queue/windowMoves.ts). */
async function move(deps: BookingDeps, hallId: string, ticketId: string, apply: (t: QueueTicket, now: Date) => TicketChanges) {
  const { now } = await officerAtHall(deps, hallId);
  return { ticket: ticketView(await moveTicket(deps.queue, ticketId, hallId, (t) => apply(t, now))) };
}

export const callNext = defineAction({
  summary:
    "Officer: the window calls the hall's next number — a ticket transferred to it, then the green channel, then booked arrivals whose slot has started in appointment order interleaved with walk-ins by the hall's share (core/queue/callOrder.ts). Two windows calling at once never get the same ticket (compare-and-set, retried). Refuses a window still calling or serving.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, window: WindowInput })),
  output: Moved,
  errors: [...OFFICER_ERRORS, 'QUEUE_WINDOW_BUSY', 'QUEUE_EMPTY', 'SERVICE_BUSY'],
  idempotent: 'required',
  async run({ hallId, window }, deps: BookingDeps) {
    const { now, date, perWalkIn } = await officerAtHall(deps, hallId);
    return { ticket: ticketView(await callNextTicket(deps.queue, hallId, date, window, now, perWalkIn)) };
  },
});

export const recall = defineAction({
  summary: 'Officer: calls the number the window is calling once more (the display shows it again).',
  input: AtWindow,
  output: Moved,
  errors: MOVE_ERRORS,
  idempotent: 'required',
  run: ({ hallId, window, ticketId }, deps: BookingDeps) => move(deps, hallId, ticketId, (t, now) => recallMove(t, window, now)),
});

export const serve = defineAction({
  summary: 'Officer: the called citizen came to the window; service starts (the hall’s service times are measured from here).',
  input: AtWindow,
  output: Moved,
  errors: MOVE_ERRORS,
  idempotent: 'required',
  run: ({ hallId, window, ticketId }, deps: BookingDeps) => move(deps, hallId, ticketId, (t, now) => serveMove(t, window, now)),
});

export const skip = defineAction({
  summary: 'Officer: nobody answered the call. The ticket goes back to waiting and is not called again for 3 minutes; at the third no-answer it is marked missed.',
  input: AtWindow,
  output: Moved,
  errors: MOVE_ERRORS,
  idempotent: 'required',
  run: ({ hallId, window, ticketId }, deps: BookingDeps) => move(deps, hallId, ticketId, (t, now) => skipMove(t, window, now)),
});

export const transfer = defineAction({
  summary: 'Officer: sends the ticket the window is calling or serving to another window, which calls it next.',
  input: lazySchema(() => z.strictObject({ hallId: stableId, window: WindowInput, ticketId: TicketIdInput, to: WindowInput })),
  output: Moved,
  errors: MOVE_ERRORS,
  idempotent: 'required',
  run: ({ hallId, window, ticketId, to }, deps: BookingDeps) => move(deps, hallId, ticketId, (t) => transferMove(t, window, to)),
});

export const finish = defineAction({
  summary: 'Officer: the ticket at the window is done, with the business handled (a guide id).',
  input: lazySchema(() => z.strictObject({ hallId: stableId, window: WindowInput, ticketId: TicketIdInput, business: stableId })),
  output: Moved,
  errors: MOVE_ERRORS,
  idempotent: 'required',
  run: ({ hallId, window, ticketId, business }, deps: BookingDeps) => move(deps, hallId, ticketId, (t, now) => finishMove(t, window, business, now)),
});

export const windowState = defineAction({
  summary: 'Officer: what the window is doing (idle, calling or serving which number) and how many wait in the hall.',
  input: lazySchema(() => z.strictObject({ hallId: stableId, window: WindowInput })),
  output: WindowStateView,
  errors: OFFICER_ERRORS,
  async run({ hallId, window }, deps: BookingDeps) {
    const { date } = await officerAtHall(deps, hallId);
    const tickets = await deps.queue.ticketsOf(hallId, date);
    return windowStateView(stateOf(tickets, window), tickets);
  },
});
