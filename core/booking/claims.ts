import { addDays, isoWeekday } from '../time/shanghai';

/**
 * Per-person limits are claim documents with deterministic ids: the database's own uniqueness
 * of `_id` refuses a second claim, so no read-then-write can be raced.
 */
export const claimIds = {
  /** One active appointment per person per business. */
  active: (idIndex: string, business: string) => `active:${idIndex}:${business}`,
  /** One booking per person per day. */
  day: (idIndex: string, date: string) => `day:${idIndex}:${date}`,
  /** The k-th booking of a person in the week (Monday date) — at most `perWeek` exist. */
  week: (idIndex: string, date: string, k: number) => `week:${idIndex}:${mondayOf(date)}:${k}`,
};

/** Cancellations (and reschedules) an account may make per Shanghai day: limits booking churn. */
export const CANCELS_PER_DAY = 5;

/** The k-th cancellation of an account on a day (1 … CANCELS_PER_DAY); held by the cancelled appointment. */
export const cancelQuotaId = (openid: string, date: string, k: number) => `cancel:${openid}:${date}:${k}`;

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Claims an appointment keeps after check-in: the day and week stay used; the business is free again. */
export function claimsToReleaseOnCheckIn(claims: readonly string[]): string[] {
  return claims.filter((c) => c.startsWith('active:'));
}
