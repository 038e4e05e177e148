import { DomainError } from '../errors/DomainError';
import { referenceNumberFrom } from '../reference/referenceNumber';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { NUMBER_TAKEN } from './ports';

/** How many 预约号 candidates an insert tries (each collides with probability ≈ appointments of the hall / 10⁷). */
export const NUMBER_ATTEMPTS = 12;

/** The `attempt`-th 预约号 candidate of an appointment: a keyed hash of its id, so every attempt of one request walks the same sequence. */
export function numberCandidate(deps: Pick<BookingDeps, 'idFor'>, appointmentId: string, attempt: number): string {
  return referenceNumberFrom(deps.idFor(`reference:${appointmentId}:${attempt}`));
}

/**
 * Inserts a new appointment with a 预约号 unique in its hall, in one request as a rule: the
 * database's unique index on (hallId, refNumber) refuses a number another appointment holds, and
 * the insert is tried again with the next candidate. Answers as `addAppointment`: null when this
 * insert stored it (`refNumber` is then set on `a`), the stored appointment when an earlier attempt
 * of the same request did (whatever number it got). After NUMBER_ATTEMPTS taken numbers,
 * SERVICE_BUSY (nothing stored; the caller gives back the place and claims).
 */
export async function insertNumbered(deps: Pick<BookingDeps, 'booking' | 'idFor'>, a: Appointment): Promise<Appointment | null> {
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    a.refNumber = numberCandidate(deps, a._id, attempt);
    const stored = await deps.booking.addAppointment(a);
    if (stored !== NUMBER_TAKEN) return stored;
  }
  delete a.refNumber;
  throw new DomainError('SERVICE_BUSY');
}
