import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { GREEN_REASONS } from './greenReasons';
import { ticketLabel, type QueueTicket } from './QueueTicket';
import type { WindowState } from './windowState';

/** A window's id as officers and the display name it (1–99: 「3号窗口」). */
export const WindowInput = lazySchema(() => z.string().check(z.regex(/^[1-9][0-9]?$/, 'window: 1–99')));

/** What a window sees of a ticket: its number and line, never the person. */
export const TicketView = lazySchema(() =>
  z.object({
    ticketId: z.string(),
    number: z.int(),
    label: z.string(),
    source: z.enum(['booked', 'walkIn']),
    status: z.enum(['waiting', 'calling', 'serving', 'done', 'missed']),
    window: z.nullable(z.string()),
    business: z.optional(z.string()),
    appointmentStart: z.optional(z.string()),
    green: z.nullable(z.object({ reason: z.string(), reasonText: z.string() })),
    calls: z.int(),
    skips: z.int(),
  }),
);
export type TicketView = z.infer<typeof TicketView>;

export function ticketView(t: QueueTicket): TicketView {
  return {
    ticketId: t._id,
    number: t.number,
    label: ticketLabel(t),
    source: t.source,
    status: t.status,
    window: t.window,
    ...(t.business ? { business: t.business } : {}),
    ...(t.appointmentStart ? { appointmentStart: t.appointmentStart } : {}),
    green: t.green ? { reason: t.green.reason, reasonText: GREEN_REASONS[t.green.reason] } : null,
    calls: t.calls,
    skips: t.skips,
  };
}

export const WindowStateView = lazySchema(() =>
  z.object({
    window: z.string(),
    state: z.enum(['idle', 'calling', 'serving']),
    ticket: z.optional(TicketView),
    since: z.optional(z.string()),
    /** Tickets waiting in the hall (paused ones included). */
    waiting: z.int(),
  }),
);
export type WindowStateView = z.infer<typeof WindowStateView>;

export function windowStateView(state: WindowState, tickets: readonly QueueTicket[]): WindowStateView {
  const waiting = tickets.filter((t) => t.status === 'waiting').length;
  if (state.state === 'idle') return { window: state.window, state: 'idle', waiting };
  const t = tickets.find((x) => x._id === state.ticketId)!;
  return { window: state.window, state: state.state, ticket: ticketView(t), since: state.since.toISOString(), waiting };
}
