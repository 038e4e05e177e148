import { DomainError } from '../errors/DomainError';
import { shanghaiDate } from '../time/shanghai';
import type { BookingDeps } from './BookingDeps';

/** Cancellations (and reschedules) an account may make per Shanghai day: limits booking churn. */
export const CANCELS_PER_DAY = 5;

/** The k-th cancellation of an account on a day (1 … CANCELS_PER_DAY); held by the cancelled appointment. */
export const cancelQuotaId = (openid: string, date: string, k: number) => `cancel:${openid}:${date}:${k}`;

/**
 * Counts one cancellation (or reschedule) of the account today against CANCELS_PER_DAY: a claim
 * `cancel:<openid>:<date>:<k>` held by the appointment, so a retry counts once. Returns its id;
 * CANCEL_LIMIT when all of the day's are taken.
 */
export async function takeCancelQuota(deps: BookingDeps, openid: string, appointmentId: string): Promise<string> {
  const today = shanghaiDate(deps.clock.now());
  for (let k = 1; k <= CANCELS_PER_DAY; k++) {
    const id = cancelQuotaId(openid, today, k);
    if (await deps.booking.takeClaim(id, appointmentId)) return id;
  }
  throw new DomainError('CANCEL_LIMIT');
}
