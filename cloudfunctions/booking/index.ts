import { bookingActions, bookingTimers } from '../../core/booking/bookingActions';
import type { BookingDeps } from '../../core/booking/BookingDeps';
import { createMain } from '../../server/function/createMain';
import { bookingAdapters, type BookingAdapters } from '../../server/booking/bookingAdapters';
import { bookingEnvironment } from '../../config/bookingEnvironment';

/** Hall appointments: availability, booking without overbooking, QR tickets, check-in, officer views. */
let adapters: BookingAdapters | undefined;

export const main = createMain<BookingDeps, (typeof bookingEnvironment)[number]>(
  'booking',
  bookingActions,
  (caller, env) => {
    adapters ??= bookingAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: bookingEnvironment, healthCollection: 'appointments', timers: bookingTimers, requestLog: 'booking_requests' },
);
