import { addDays, isoWeekday } from '../time/shanghai';
import type { Appointment } from './Appointment';

/**
 * Per-person limits are claim documents with deterministic ids: the database's own uniqueness
 * of `_id` refuses a second claim, so no read-then-write can be raced. (The per-account cancel
 * quota is a claim too: cancelQuota.ts.)
 */
export const claimIds = {
  /** One active appointment per person per business. */
  active: (idIndex: string, business: string) => `active:${idIndex}:${business}`,
  /** One booking per person per day. */
  day: (idIndex: string, date: string) => `day:${idIndex}:${date}`,
  /** The k-th booking of a person in the week (Monday date) — at most `perWeek` exist. */
  week: (idIndex: string, date: string, k: number) => `week:${idIndex}:${mondayOf(date)}:${k}`,
};

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * Claims an appointment gives back once it is over (checked in, or a no-show): the business is
 * free again; the day and week stay used.
 */
export function claimsFreedWhenOver(claims: readonly string[]): string[] {
  return claims.filter((c) => c.startsWith('active:'));
}

/**
 * The claims an appointment holds now: all of its own while booked, none once cancelled (or
 * rescheduled away), the day and week once over (checked in, or a no-show).
 */
export function claimsHeldBy(a: Pick<Appointment, 'status' | 'claims'>): string[] {
  if (a.status === 'booked') return [...a.claims];
  if (a.status === 'cancelled') return [];
  const freed = claimsFreedWhenOver(a.claims);
  return a.claims.filter((c) => !freed.includes(c));
}
