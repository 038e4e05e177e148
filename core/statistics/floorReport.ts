import type { ConsultState } from '../consult/consultNames';
import type { TicketSource, TicketStatus } from '../queue/QueueTicket';

/**
 * The hall floor's numbers for a period (issue 16), from the database's aggregation of its queue
 * tickets and consultations: walk-ins against booked arrivals, the green channel by reason, numbers
 * missed, the mean wait (taking a number to the first call) and service time (the citizen at the
 * window to done), what each window served and what business was handled. Pure.
 */

export interface TicketCount {
  source: TicketSource;
  status: TicketStatus;
  /** The green-channel reason, or null for an ordinary number. */
  green: string | null;
  count: number;
}

export interface QueueCounts {
  tickets: TicketCount[];
  /** Means over the period's done tickets, in milliseconds; null when none was done. */
  meanWaitMs: number | null;
  meanServiceMs: number | null;
  /** Done tickets per window (its number, "1"…"99"). */
  byWindow: Array<{ window: string; count: number }>;
  /** Done tickets per business handled. */
  handled: Array<{ business: string; count: number }>;
}

export interface ConsultationCounts {
  byState: Array<{ state: ConsultState; count: number }>;
}

export interface FloorReport {
  /** Numbers taken: booked arrivals (checked in) and walk-ins. */
  bookedArrivals: number;
  walkIns: number;
  /** Of those, marked for the green channel, and by reason (most first). */
  green: number;
  greenByReason: Array<{ reason: string; count: number }>;
  served: number;
  /** Skipped three times without an answer. */
  missed: number;
  /** Minutes, one decimal; null when no number was served. */
  meanWaitMinutes: number | null;
  meanServiceMinutes: number | null;
  byWindow: Array<{ window: string; served: number }>;
  handled: Array<{ business: string; count: number }>;
  consultations: { asked: number; answered: number; published: number; closed: number; open: number };
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

export function floorReport(queue: QueueCounts, consultations: ConsultationCounts): FloorReport {
  let bookedArrivals = 0;
  let walkIns = 0;
  let served = 0;
  let missed = 0;
  const reasons = new Map<string, number>();
  for (const t of queue.tickets) {
    if (t.source === 'booked') bookedArrivals += t.count;
    else walkIns += t.count;
    if (t.status === 'done') served += t.count;
    if (t.status === 'missed') missed += t.count;
    if (t.green) reasons.set(t.green, (reasons.get(t.green) ?? 0) + t.count);
  }
  const state = (s: ConsultState) => consultations.byState.filter((c) => c.state === s).reduce((n, c) => n + c.count, 0);
  // Published answers were answered first; closed ones were never answered.
  const answered = state('answered') + state('published');
  return {
    bookedArrivals,
    walkIns,
    green: [...reasons.values()].reduce((n, c) => n + c, 0),
    greenByReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    served,
    missed,
    meanWaitMinutes: minutes(queue.meanWaitMs),
    meanServiceMinutes: minutes(queue.meanServiceMs),
    byWindow: queue.byWindow.map((w) => ({ window: w.window, served: w.count })).sort((a, b) => a.window.localeCompare(b.window, 'zh-Hans-CN', { numeric: true })),
    handled: [...queue.handled].sort((a, b) => b.count - a.count || a.business.localeCompare(b.business)),
    consultations: { asked: answered + state('open') + state('closed'), answered, published: state('published'), closed: state('closed'), open: state('open') },
  };
}
