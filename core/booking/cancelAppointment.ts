import { DomainError } from '../errors/DomainError';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { requireBeforeCancelDeadline } from './cancelDeadline';
import { takeCancelQuota } from './cancelQuota';
import { endAppointment } from './endAppointment';
import { onceMore } from './onceMore';

/**
 * Cancels a booked appointment, whoever asks (the citizen, or an officer for them in an assisted
 * session): before the hall's deadline, one of `quotaOf`'s daily cancellations taken (given back if
 * the end does not happen), the place freed (offered to the waiting list first: endAppointment).
 * `endedBy` names this request: a retry after the cancellation was stored finishes it without taking
 * a second cancellation (`resumed`). APPOINTMENT_NOT_ACTIVE when it is not booked (or ended meanwhile).
 */
export async function cancelAppointment(deps: BookingDeps, a: Appointment, endedBy: string, quotaOf: string): Promise<{ resumed: boolean }> {
  const resumed = a.status === 'cancelled' && a.endedBy === endedBy;
  if (a.status !== 'booked' && !resumed) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
  let quota: string | undefined;
  if (!resumed) {
    await requireBeforeCancelDeadline(deps, a);
    quota = await takeCancelQuota(deps, quotaOf, a._id);
  }
  if (!(await onceMore(() => endAppointment(deps, a, { status: 'cancelled', endedBy })))) {
    if (quota) await deps.booking.releaseClaims([quota], a._id);
    throw new DomainError('APPOINTMENT_NOT_ACTIVE');
  }
  return { resumed };
}
