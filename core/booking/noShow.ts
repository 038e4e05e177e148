import { addDays } from '../time/shanghai';

export interface NoShowPolicy {
  noShowLimit: number;
  noShowWindowDays: number;
  noShowBlockDays: number;
}

/**
 * After `noShowLimit` no-shows within `noShowWindowDays`, booking is blocked for `noShowBlockDays`
 * counted from the latest no-show. Returns the first date booking is possible again, or null.
 */
export function blockedUntil(noShowDates: readonly string[], today: string, policy: NoShowPolicy): string | null {
  const since = addDays(today, -policy.noShowWindowDays);
  const recent = noShowDates.filter((d) => d > since && d <= today).sort();
  if (recent.length < policy.noShowLimit) return null;
  const until = addDays(recent[recent.length - 1], policy.noShowBlockDays + 1);
  return until > today ? until : null;
}
