import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { requireVerified } from '../../identity/callerAccount';
import type { BookingDeps } from '../../booking/BookingDeps';
import { AppointmentIdInput } from '../../booking/actions/inputs';
import { DEFAULT_SCHEDULE } from '../../booking/HallSchedule';
import { ticketsAhead } from '../callOrder';
import { estimatedWaitMinutes } from '../estimatedWait';
import { bookedTicketId } from '../newTicket';
import { ticketLabel } from '../QueueTicket';
import { bookedPerWalkIn } from '../walkInRule';

export const myQueueTicket = defineAction({
  summary:
    "The caller's number for their checked-in appointment: its state, the window when called, how many are called before it and the estimated wait from the hall's measured service times. The appointment's booker only.",
  input: lazySchema(() => z.strictObject({ appointmentId: AppointmentIdInput })),
  output: lazySchema(() =>
    z.object({
      label: z.string(),
      status: z.enum(['waiting', 'calling', 'serving', 'done', 'missed']),
      window: z.nullable(z.string()),
      /** Waiting: tickets called before this one; null otherwise. */
      ahead: z.nullable(z.int()),
      waitMinutes: z.nullable(z.int()),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'APPOINTMENT_NOT_FOUND', 'QUEUE_TICKET_NOT_FOUND'],
  async run({ appointmentId }, deps: BookingDeps) {
    const account = await requireVerified(deps);
    const a = await deps.booking.appointment(appointmentId);
    if (!a || a.actorOpenid !== account._id) throw new DomainError('APPOINTMENT_NOT_FOUND');
    const t = await deps.queue.ticket(bookedTicketId(a._id));
    if (!t) throw new DomainError('QUEUE_TICKET_NOT_FOUND');
    if (t.status !== 'waiting') return { label: ticketLabel(t), status: t.status, window: t.transferred ? null : t.window, ahead: null, waitMinutes: null };
    const now = deps.clock.now();
    const [tickets, schedule] = await Promise.all([deps.queue.ticketsForPlaces(t.hallId, t.date), deps.booking.schedule(t.hallId)]);
    const ahead = ticketsAhead(tickets, t._id, now, bookedPerWalkIn(schedule ?? DEFAULT_SCHEDULE)) ?? 0;
    return { label: ticketLabel(t), status: t.status, window: null, ahead, waitMinutes: estimatedWaitMinutes(tickets, ahead, now) };
  },
});
