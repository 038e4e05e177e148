import { claimIds } from '../booking/claims';
import type { BookingDeps } from '../booking/BookingDeps';
import { DomainError } from '../errors/DomainError';

/**
 * ALREADY_BOOKED when the person has an active appointment for the business (its `active:` claim,
 * held by an appointment still booked: a claim left by one cancelled or over does not count).
 */
export async function refuseIfActive(deps: Pick<BookingDeps, 'booking'>, idIndex: string, business: string): Promise<void> {
  const holder = await deps.booking.claimHolder(claimIds.active(idIndex, business));
  if (holder && (await deps.booking.appointment(holder))?.status === 'booked') throw new DomainError('ALREADY_BOOKED');
}
