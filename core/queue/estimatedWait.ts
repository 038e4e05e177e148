import type { QueueTicket } from './QueueTicket';

/** Service time assumed before a hall has finished any ticket today (8 minutes). */
export const DEFAULT_SERVICE_SECONDS = 8 * 60;
/** Done tickets the mean is taken over (the latest). */
export const RECENT_DONE = 20;
/** A window counts as open when it called or finished within this time. */
export const ACTIVE_WINDOW_MS = 30 * 60_000;

/** Mean service time in seconds of the hall's latest done tickets (start of service to done); the default when none. */
export function meanServiceSeconds(tickets: readonly QueueTicket[]): number {
  const done = tickets
    .filter((t) => t.status === 'done' && t.doneAt && t.servedAt)
    .sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime())
    .slice(0, RECENT_DONE);
  if (!done.length) return DEFAULT_SERVICE_SECONDS;
  const total = done.reduce((s, t) => s + Math.max(0, t.doneAt!.getTime() - t.servedAt!.getTime()), 0);
  return Math.max(1, Math.round(total / done.length / 1000));
}

/** Windows at work: those calling or serving now, or that called or finished a ticket in the last ACTIVE_WINDOW_MS; at least 1. */
export function activeWindows(tickets: readonly QueueTicket[], now: Date): number {
  const since = now.getTime() - ACTIVE_WINDOW_MS;
  const windows = new Set<string>();
  for (const t of tickets) {
    if (!t.window || t.transferred) continue;
    if (t.status === 'calling' || t.status === 'serving' || (t.doneAt?.getTime() ?? 0) >= since || (t.lastCalledAt?.getTime() ?? 0) >= since) windows.add(t.window);
  }
  return Math.max(1, windows.size);
}

/** Estimated wait in minutes for a ticket with `ahead` tickets before it: ahead × mean service time ÷ windows at work, rounded up. */
export function estimatedWaitMinutes(tickets: readonly QueueTicket[], ahead: number, now: Date): number {
  return Math.ceil((ahead * meanServiceSeconds(tickets)) / activeWindows(tickets, now) / 60);
}
