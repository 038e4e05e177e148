import type { VerifiedAccount } from '../identity/Account';
import type { Appointment } from '../booking/Appointment';
import { assistedOwner } from './sessionRules';

/**
 * Whose appointments a verified account sees and acts on: the account's own bookings, and those an
 * officer booked in an assisted session for this person before they had an account (owned by the
 * person's blind index, core/assisted/sessionRules.ts assistedOwner).
 */
export function ownersOf(account: VerifiedAccount): string[] {
  return [account._id, assistedOwner(account.identity.idIndex)];
}

export function ownsAppointment(account: VerifiedAccount, a: Pick<Appointment, 'actorOpenid'>): boolean {
  return ownersOf(account).includes(a.actorOpenid);
}
