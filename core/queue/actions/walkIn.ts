import * as z from 'zod';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { recordAudit } from '../../identity/recordAudit';
import type { BookingDeps } from '../../booking/BookingDeps';
import { slotsOn } from '../../booking/slots';
import { moveTicket } from '../callNext';
import { greenReasons } from '../greenReasons';
import { walkInTicket } from '../newTicket';
import { ticketLabel } from '../QueueTicket';
import { TicketView, ticketView } from '../views';
import { walkInQuota } from '../walkInRule';
import { markGreen } from '../windowMoves';
import { officerAtHall } from './officerAtHall';

const GreenReasonInput = lazySchema(() => z.enum(greenReasons as [string, ...string[]]));
const OFFICER_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'] as const;

/** Audits a green-channel mark once per ticket (the reason is the record's purpose). */
function auditGreen(
  deps: BookingDeps,
  officer: Parameters<typeof recordAudit>[1],
  hallId: string,
  t: { _id: string; source: 'booked' | 'walkIn'; number: number },
  reason: string,
) {
  return recordAudit(deps, officer, {
    id: deps.idFor(`queue.greenChannel:${t._id}`),
    action: 'queue.greenChannel',
    target: `${t._id} ${ticketLabel(t)}`,
    hallId,
    purpose: `green:${reason}`,
  });
}

export const takeWalkIn = defineAction({
  summary:
    "Officer (the hall's desk): gives a walk-in a number, within the day's walk-in share of the hall's capacity (hall_schedules walkInShare; one conditional increment, so the share is never exceeded); optionally straight into the green channel with a reason from the fixed list (audited). Idempotent under the envelope requestId.",
  input: lazySchema(() => z.object({ hallId: stableId, business: z.optional(stableId), green: GreenReasonInput.optional() }).strict()),
  output: lazySchema(() => z.object({ ticket: TicketView })),
  errors: [...OFFICER_ERRORS, 'HALL_NOT_FOUND', 'WALK_IN_FULL'],
  idempotent: 'required',
  async run({ hallId, business, green }, deps: BookingDeps, request) {
    const { officer, now, date, schedule } = await officerAtHall(deps, hallId);
    const id = deps.idFor(`walkIn:${officer._id}:${request?.requestId ?? deps.newId()}`);
    let t = await deps.queue.ticket(id);
    if (!t) {
      const hall = await deps.guides.hall(hallId);
      if (!hall || !schedule) throw new DomainError('HALL_NOT_FOUND');
      const quota = walkInQuota(schedule, slotsOn(hall, schedule, date, deps.calendar).length);
      if (!(await deps.queue.takeWalkInPlace(hallId, date, quota))) throw new DomainError('WALK_IN_FULL');
      const number = await deps.booking.nextQueueNumber(hallId, date);
      t = walkInTicket(id, hallId, date, number, now, business);
      if (!(await deps.queue.addTicket(t))) t = (await deps.queue.ticket(id)) ?? t;
    }
    if (green) {
      t = await moveTicket(deps.queue, t._id, hallId, (x) => (x.status === 'waiting' ? markGreen(x, green as never, officer._id, now) : null));
      await auditGreen(deps, officer, hallId, t, green);
    }
    return { ticket: ticketView(t) };
  },
});

export const markGreenChannel = defineAction({
  summary:
    "Officer: marks a waiting number of the hall for the green channel (served first) with a reason from the fixed list; the reason is audited. The ticket by its id, or by today's number as the citizen shows it (B012 → 12). Marking it again changes nothing.",
  input: lazySchema(() =>
    z
      .object({ hallId: stableId, ticketId: z.string().min(4).max(80).optional(), number: z.number().int().min(1).max(99_999).optional(), reason: GreenReasonInput })
      .strict()
      .refine((x) => (x.ticketId === undefined) !== (x.number === undefined), { message: 'ticketId or number, one of them', path: ['ticketId'] }),
  ),
  output: lazySchema(() => z.object({ ticket: TicketView })),
  errors: [...OFFICER_ERRORS, 'QUEUE_TICKET_NOT_FOUND', 'QUEUE_TICKET_STATE_CONFLICT'],
  idempotent: 'required',
  async run({ hallId, ticketId, number, reason }, deps: BookingDeps) {
    const { officer, now, date } = await officerAtHall(deps, hallId);
    const id = ticketId ?? (await deps.queue.ticketsOf(hallId, date)).find((x) => x.number === number)?._id;
    if (!id) throw new DomainError('QUEUE_TICKET_NOT_FOUND');
    const t = await moveTicket(deps.queue, id, hallId, (x) => markGreen(x, reason as never, officer._id, now));
    await auditGreen(deps, officer, hallId, t, t.green?.reason ?? reason);
    return { ticket: ticketView(t) };
  },
});
