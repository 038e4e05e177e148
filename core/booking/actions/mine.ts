import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { shanghaiDate } from '../../time/shanghai';
import { TICKET_POLICY, issueTicket } from '../../ticket/TicketToken';
import type { BookingDeps } from '../BookingDeps';
import { resolveActingFor as resolveSubject } from '../../identity/actingFor';
import { AppointmentView, appointmentView } from '../views';
import { cancelDeadlineOf } from './cancel';

export const myAppointments = defineAction({
  summary: "The caller's appointments (for themselves and family members), newest first.",
  input: z.object({}).strict(),
  output: z.object({ appointments: z.array(AppointmentView) }),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run(_input, deps: BookingDeps) {
    const { account } = await resolveSubject(deps, undefined);
    const list = await deps.booking.appointmentsOf(account._id, 50);
    return { appointments: await Promise.all(list.map(async (a) => appointmentView(a, deps, await cancelDeadlineOf(deps, a)))) };
  },
});

export const ticket = defineAction({
  summary: 'A signed, short-lived QR token for a booked appointment of the caller; the page refreshes it every 30 s.',
  input: z.object({ appointmentId: z.string().min(8).max(64) }).strict(),
  output: z.object({ token: z.string(), expiresAt: z.string(), refreshAfterSeconds: z.number().int() }),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_ACTIVE'],
  async run({ appointmentId }, deps: BookingDeps) {
    const { account } = await resolveSubject(deps, undefined);
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
