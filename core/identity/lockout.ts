import { addDays, inShanghai, shanghaiInstant } from '../time/shanghai';

/**
 * Failed verifications lock further attempts so the service cannot be used to test ID numbers.
 * Failures are counted per account per Asia/Shanghai day; the lock lifts at the next midnight.
 */
export const LOCKOUT_POLICY = {
  maxFailuresPerDay: 5,
  /**
   * Lookups in the population registry on a citizen's behalf (adding a family member), found or
   * not, per account per day: a verified account cannot test more people than a family needs.
   */
  maxRegistryLookupsPerDay: 10,
};

export interface LockoutState {
  locked: boolean;
  failuresToday: number;
  remaining: number;
  /** When attempts are possible again (next midnight in Asia/Shanghai). */
  until?: Date;
}

export function failureDay(now: Date): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

export function lockoutState(failuresToday: number, now: Date, policy: Pick<typeof LOCKOUT_POLICY, 'maxFailuresPerDay'> = LOCKOUT_POLICY): LockoutState {
  const remaining = Math.max(0, policy.maxFailuresPerDay - failuresToday);
  if (remaining > 0) return { locked: false, failuresToday, remaining };
  const nextDay = addDays(failureDay(now), 1);
  return { locked: true, failuresToday, remaining: 0, until: shanghaiInstant(nextDay) };
}

/** 11月24日 00:00 */
export function describeUntil(until: Date): string {
  return inShanghai(until).format('M月D日 HH:mm');
}
