import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { mayActForHall, requireActingForAnyHall } from '../../identity/hallAccess';
import { requireOpenid } from '../../identity/caller';
import { readTicket } from '../../ticket/TicketToken';
import type { BookingDeps } from '../BookingDeps';
import { AppointmentView } from '../views';
import { checkInAppointment } from '../checkInAppointment';
import { HandoverAtWindowView } from '../../business/handoverAtWindow';
import { lazySchema } from '../../function/lazySchema';

/**
 * Officer: checks a citizen in from the QR token. Accepts only a valid, unexpired token for an
 * appointment at one of the officer's halls, today, within the hall's check-in window, and only
 * once (compare-and-set); every refusal says why.
 */
export const checkIn = defineAction({
  summary: 'Officer: checks in the appointment of a scanned (or typed) QR token and gives a queue number. Each refusal says why.',
  input: lazySchema(() => z.strictObject({ token: z.string().check(z.trim(), z.minLength(10), z.maxLength(512)) })),
  output: lazySchema(() => z.object({ appointment: AppointmentView, queueNumber: z.int(), business: z.optional(HandoverAtWindowView) })),
  errors: [
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'OFFICER_NOT_VERIFIED',
    'TICKET_INVALID',
    'TICKET_EXPIRED',
    'TICKET_OTHER_HALL',
    'TICKET_NOT_TODAY',
    'CHECK_IN_TOO_EARLY',
    'CHECK_IN_TOO_LATE',
    'ALREADY_CHECKED_IN',
    'APPOINTMENT_NOT_ACTIVE',
  ],
  async run({ token }, deps: BookingDeps) {
    const officer = requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    const now = deps.clock.now();
    const read = readTicket(token, deps.tickets, now);
    if (!read.ok) throw new DomainError(read.reason === 'expired' ? 'TICKET_EXPIRED' : 'TICKET_INVALID');
    const a = await deps.booking.appointment(read.claims.appointmentId);
    if (!a || a.hallId !== read.claims.hallId) throw new DomainError('TICKET_INVALID');
    if (!mayActForHall(officer, a.hallId)) throw new DomainError('TICKET_OTHER_HALL');
    return checkInAppointment(deps, officer, a, now);
  },
});
