import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { ownsAppointment } from '../../assisted/owner';
import { DomainError } from '../../errors/DomainError';
import { requireVerified } from '../../identity/callerAccount';
import { shanghaiDate } from '../../time/shanghai';
import { TICKET_POLICY, issueTicket, ticketExpiry } from '../../ticket/TicketToken';
import type { BookingDeps } from '../BookingDeps';
import { AppointmentIdInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

export const ticket = defineAction({
  summary: 'A signed, short-lived QR token for a booked appointment of the caller; the page refreshes it every 30 s.',
  input: lazySchema(() => z.strictObject({ appointmentId: AppointmentIdInput })),
  output: lazySchema(() => z.object({ token: z.string(), expiresAt: z.string(), refreshAfterSeconds: z.int() })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_ACTIVE'],
  async run({ appointmentId }, deps: BookingDeps) {
    const account = await requireVerified(deps);
    const a = await deps.booking.appointment(appointmentId);
    if (!a || !ownsAppointment(account, a)) throw new DomainError('APPOINTMENT_NOT_FOUND');
    const now = deps.clock.now();
    if (a.status !== 'booked' || a.date < shanghaiDate(now)) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    const expiresAt = ticketExpiry(now);
    return {
      token: issueTicket({ appointmentId: a._id, hallId: a.hallId, date: a.date, expiresAt }, deps.tickets),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      refreshAfterSeconds: TICKET_POLICY.refreshSeconds,
    };
  },
});
