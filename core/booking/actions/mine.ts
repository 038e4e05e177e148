import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { shanghaiDate } from '../../time/shanghai';
import { TICKET_POLICY, issueTicket } from '../../ticket/TicketToken';
import type { BookingDeps } from '../BookingDeps';
import { requireVerified } from '../../identity/callerAccount';
import { AppointmentView, appointmentView } from '../views';
import { cancelDeadlineOf } from './cancel';

const PAGE_SIZE = 50;

export const myAppointments = defineAction({
  summary: "The caller's appointments (for themselves and family members), newest first, 50 a page: `next` (absent on the last page) is the `cursor` of the next page.",
  input: z
    .object({
      cursor: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9_-]+$/)
        .optional(),
    })
    .strict(),
  output: z.object({ appointments: z.array(AppointmentView), next: z.string().optional() }),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run({ cursor }, deps: BookingDeps) {
    const account = await requireVerified(deps);
    const page = await deps.booking.appointmentsOf(account._id, PAGE_SIZE, cursor);
    const appointments = await Promise.all(page.items.map(async (a) => appointmentView(a, deps, await cancelDeadlineOf(deps, a))));
    return page.next ? { appointments, next: page.next } : { appointments };
  },
});

export const ticket = defineAction({
  summary: 'A signed, short-lived QR token for a booked appointment of the caller; the page refreshes it every 30 s.',
  input: z.object({ appointmentId: z.string().min(8).max(64) }).strict(),
  output: z.object({ token: z.string(), expiresAt: z.string(), refreshAfterSeconds: z.number().int() }),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_ACTIVE'],
  async run({ appointmentId }, deps: BookingDeps) {
    const account = await requireVerified(deps);
    const a = await deps.booking.appointment(appointmentId);
    if (!a || a.actorOpenid !== account._id) throw new DomainError('APPOINTMENT_NOT_FOUND');
    const now = deps.clock.now();
    if (a.status !== 'booked' || a.date < shanghaiDate(now)) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    const expiresAt = Math.floor(now.getTime() / 1000) + TICKET_POLICY.ttlSeconds;
    return {
      token: issueTicket({ appointmentId: a._id, hallId: a.hallId, date: a.date, expiresAt }, deps.tickets),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      refreshAfterSeconds: TICKET_POLICY.refreshSeconds,
    };
  },
});
