import { shanghaiWallClock } from '../time/shanghai';
import type { QueueTicket } from './QueueTicket';

/** Callable now: waiting, and past the pause after a no-answer. */
export function isCallable(t: QueueTicket, now: Date): boolean {
  return t.status === 'waiting' && (t.notBefore === null || t.notBefore.getTime() <= now.getTime());
}

const byNumber = (a: QueueTicket, b: QueueTicket) => a.number - b.number;
const byAppointment = (a: QueueTicket, b: QueueTicket) => (a.appointmentStart ?? '').localeCompare(b.appointmentStart ?? '') || a.number - b.number;
const byGreen = (a: QueueTicket, b: QueueTicket) => (a.green?.at.getTime() ?? 0) - (b.green?.at.getTime() ?? 0) || a.number - b.number;

/** Booked arrivals (not green) called since the last walk-in was, in call order: the walk-in rule's count. */
export function bookedSinceWalkIn(tickets: readonly QueueTicket[]): number {
  const called = tickets.filter((t) => t.firstCalledAt !== null && t.green === null).sort((a, b) => b.firstCalledAt!.getTime() - a.firstCalledAt!.getTime() || b.number - a.number);
  let n = 0;
  for (const t of called) {
    if (t.source === 'walkIn') break;
    n++;
  }
  return n;
}

/**
 * The ticket a window calls next, from the hall-day's tickets (none: null). In this order:
 * 1. a ticket transferred to this window (it keeps its place: served next there), lowest number first;
 * 2. the green channel, in the order marked;
 * 3. booked arrivals whose slot has started (Shanghai time), in appointment order, interleaved with
 *    walk-ins by the hall's rule: after `bookedPerWalkIn` booked arrivals (./walkInRule.ts) the
 *    oldest walk-in; when one line is empty the other is called;
 * 4. booked arrivals checked in early (their slot not started), when nothing else waits.
 * Tickets transferred to another window wait for that window only; a skipped ticket waits out its pause.
 */
export function nextTicket(tickets: readonly QueueTicket[], window: string, now: Date, perWalkIn: number): QueueTicket | null {
  const callable = tickets.filter((t) => isCallable(t, now));
  const transferred = callable.filter((t) => t.transferred && t.window === window).sort(byNumber);
  if (transferred.length) return transferred[0];
  const open = callable.filter((t) => !t.transferred);
  const green = open.filter((t) => t.green !== null).sort(byGreen);
  if (green.length) return green[0];
  const clock = shanghaiWallClock(now).clock;
  const booked = open.filter((t) => t.source === 'booked' && t.green === null).sort(byAppointment);
  const due = booked.filter((t) => (t.appointmentStart ?? '') <= clock);
  const walkIns = open.filter((t) => t.source === 'walkIn' && t.green === null).sort(byNumber);
  if (walkIns.length && (!due.length || bookedSinceWalkIn(tickets) >= perWalkIn)) return walkIns[0];
  return due[0] ?? booked[0] ?? null;
}

/**
 * Where a waiting ticket stands: how many tickets would be called before it if the windows called
 * one after another from now on (the same rule as nextTicket, one window's view), or null when it
 * is not waiting. A ticket transferred to a window is next there (0).
 */
export function ticketsAhead(tickets: readonly QueueTicket[], ticketId: string, now: Date, perWalkIn: number): number | null {
  const mine = tickets.find((t) => t._id === ticketId);
  if (!mine || mine.status !== 'waiting') return null;
  if (mine.transferred) return 0;
  // Paused tickets count as callable: they come back before long.
  let rest = tickets.map((t) => (t.status === 'waiting' ? { ...t, notBefore: null } : t));
  for (let ahead = 0; ahead <= tickets.length; ahead++) {
    const at = new Date(now.getTime() + ahead);
    const next = nextTicket(rest, '\u0000', at, perWalkIn);
    if (!next || next._id === ticketId) return ahead;
    rest = rest.map((t) => (t._id === next._id ? { ...t, status: 'done' as const, firstCalledAt: at } : t));
  }
  return null;
}
