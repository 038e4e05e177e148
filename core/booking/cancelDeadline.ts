import { DomainError } from '../errors/DomainError';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { cancellationDeadline } from './slots';

/** When the appointment can no longer be cancelled or moved, per its hall's schedule (none without one). */
export async function cancelDeadlineOf(deps: BookingDeps, a: Appointment): Promise<Date | undefined> {
  const schedule = await deps.booking.schedule(a.hallId);
  return schedule ? cancellationDeadline(schedule, a) : undefined;
}

/** CANCEL_TOO_LATE once the deadline has passed (the deadline itself still counts as in time). */
export async function requireBeforeCancelDeadline(deps: BookingDeps, a: Appointment): Promise<void> {
  const deadline = await cancelDeadlineOf(deps, a);
  if (deadline && deps.clock.now().getTime() > deadline.getTime()) throw new DomainError('CANCEL_TOO_LATE');
}
