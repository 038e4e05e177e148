import { DomainError } from '../errors/DomainError';
import type { Account } from '../identity/Account';
import { recordAudit } from '../identity/recordAudit';
import { shanghaiDate } from '../time/shanghai';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { claimsFreedWhenOver } from './claims';
import { onceMore } from './onceMore';
import { checkInWindow } from './slots';
import { appointmentView, type AppointmentView } from './views';
import { handoverAtWindowOf, type HandoverAtWindowView } from '../business/handoverAtWindow';
import { bookedTicket, bookedTicketId } from '../queue/newTicket';

/** Already checked in: with its queue number when it has one (the officer may have lost the first answer). */
export function alreadyCheckedIn(queueNumber: number | undefined): DomainError {
  return queueNumber === undefined ? new DomainError('ALREADY_CHECKED_IN') : new DomainError('ALREADY_CHECKED_IN', `排队号 ${queueNumber}`);
}

/**
 * Checks in an appointment of the officer's hall (found from a scanned ticket, or from its 预约号
 * with the identity confirmed at the window): today, within the hall's check-in window, and only
 * once (compare-and-set); then the queue number. `how` is recorded in the audit log.
 */
export async function checkInAppointment(
  deps: BookingDeps,
  officer: Account,
  a: Appointment,
  now: Date,
  how: 'ticket' | 'number' = 'ticket',
): Promise<{ appointment: AppointmentView; queueNumber: number; business?: HandoverAtWindowView }> {
  // A check-in by this officer that stopped before its queue number was given (a lost answer) is finished.
  const resumed = a.status === 'checkedIn' && a.queueNumber === undefined && a.checkedInBy === officer._id;
  if (a.status === 'checkedIn' && !resumed) throw alreadyCheckedIn(a.queueNumber);
  if (a.status !== 'booked' && !resumed) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
  if (a.date !== shanghaiDate(now)) throw new DomainError('TICKET_NOT_TODAY');
  const schedule = await deps.booking.schedule(a.hallId);
  if (schedule) {
    const window = checkInWindow(schedule, a);
    if (now.getTime() < window.from.getTime()) throw new DomainError('CHECK_IN_TOO_EARLY', `可于 ${a.start} 前${schedule.checkIn.earlyMinutes}分钟内签到`);
    if (now.getTime() > window.to.getTime()) throw new DomainError('CHECK_IN_TOO_LATE');
  }
  if (!resumed && !(await deps.booking.changeStatus(a._id, 'booked', { status: 'checkedIn', checkedInAt: now, checkedInBy: officer._id, updatedAt: now }))) {
    // Lost the compare-and-set: say what it became (a racing cancel is not a check-in), unless
    // it was this very check-in applied twice (its answer lost), which goes on to its number.
    const current = await deps.booking.appointment(a._id);
    if (current?.status !== 'checkedIn') throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    if (current.queueNumber !== undefined || current.checkedInBy !== officer._id) throw alreadyCheckedIn(current.queueNumber);
  }
  // Checked in: the number and the claims follow, once more after a lost answer (a number taken
  // twice leaves a gap in the queue, never a duplicate).
  const queueNumber = await onceMore(async () => {
    const current = await deps.booking.appointment(a._id);
    // The ticket first (its id follows from the appointment: one per check-in), then its number on
    // the appointment; a check-in cut off in between finds the ticket and keeps its number.
    const stored = current?.queueNumber === undefined ? await deps.queue.ticket(bookedTicketId(a._id)) : null;
    const n = current?.queueNumber ?? stored?.number ?? (await deps.booking.nextQueueNumber(a.hallId, a.date));
    if (!stored && current?.queueNumber === undefined) await deps.queue.addTicket(bookedTicket(a, n, now));
    if (current?.queueNumber === undefined) await deps.booking.changeStatus(a._id, 'checkedIn', { queueNumber: n });
    await deps.booking.releaseClaims(claimsFreedWhenOver(a.claims), a._id);
    return n;
  });
  await recordAudit(deps, officer, { action: how === 'number' ? 'appointment.checkInByNumber' : 'appointment.checkIn', target: a._id, hallId: a.hallId, actedFor: a.actedFor });
  // A handover of a business application: the officer sees which one and the originals to check.
  const [appointment, business] = await Promise.all([
    appointmentView({ ...a, status: 'checkedIn', checkedInAt: now, queueNumber }, deps),
    deps.handovers.forAppointment(a._id).then((app) => handoverAtWindowOf(app, a)),
  ]);
  return { appointment, queueNumber, ...(business ? { business } : {}) };
}
