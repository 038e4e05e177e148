import { appointmentActions, appointmentTimers } from '../../core/booking/appointmentActions';
import type { BookingDeps } from '../../core/booking/BookingDeps';
import { createMain } from '../../server/function/createMain';
import { bookingAdapters, type BookingAdapters } from '../../server/booking/bookingAdapters';
import { bookingEnvironment } from '../../server/booking/bookingEnvironment';

/** Hall appointments: availability, booking without overbooking, QR tickets, check-in, officer views. */
let adapters: BookingAdapters | undefined;

export const main = createMain<BookingDeps, (typeof bookingEnvironment)[number]>(
  'appointment',
  appointmentActions,
  (caller, env) => {
    adapters ??= bookingAdapters(env);
    return { ...adapters, caller: { openid: caller.openid, clientIp: caller.clientIp } };
  },
  { env: bookingEnvironment, healthCollection: 'appointments', timers: appointmentTimers, requestLog: 'booking_requests' },
);
