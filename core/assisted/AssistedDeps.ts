import type { BookingDeps } from '../booking/BookingDeps';
import type { AssistedPorts } from './ports';

/**
 * What the assisted function's actions need (issue 18): the booking function's ports, for booking
 * through placeBooking with every rule, and the sessions, the registry and SMS, which only this
 * function holds (the citizen-facing booking function carries no registry or SMS credentials).
 */
export type AssistedDeps = BookingDeps & {
  /** Officers acting for citizens in assisted sessions (core/assisted): sessions, the registry, SMS. */
  assisted: AssistedPorts;
};
