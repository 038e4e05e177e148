import { ticketLabel, type QueueTicket } from './QueueTicket';

/** What a window is doing: idle, calling a number (nobody came yet), or serving one. */
export type WindowState = { window: string; state: 'idle' } | { window: string; state: 'calling' | 'serving'; ticketId: string; number: number; label: string; since: Date };

/** The window's state from the hall-day's tickets (at most one is at a window: callNext refuses a busy window). */
export function windowState(tickets: readonly QueueTicket[], window: string): WindowState {
  const t = tickets.find((x) => (x.status === 'calling' || x.status === 'serving') && x.window === window);
  if (!t) return { window, state: 'idle' };
  const since = (t.status === 'serving' ? t.servedAt : t.lastCalledAt) ?? t.takenAt;
  return { window, state: t.status as 'calling' | 'serving', ticketId: t._id, number: t.number, label: ticketLabel(t), since };
}
