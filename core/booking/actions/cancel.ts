import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import type { Appointment } from '../Appointment';
import type { BookingDeps } from '../BookingDeps';
import { cancellationDeadline, type SlotPlan } from '../slots';
import { resolveActingFor as resolveSubject } from '../../identity/actingFor';
import { AppointmentView, appointmentView } from '../views';

export function planOf(a: Appointment): SlotPlan {
  return { slotId: a.slotId, hallId: a.hallId, date: a.date, start: a.start, end: a.end, capacity: 0 };
}

/** When the appointment can no longer be cancelled or moved, per its hall's schedule. */
export async function cancelDeadlineOf(deps: BookingDeps, a: Appointment): Promise<Date | undefined> {
  const schedule = await deps.booking.schedule(a.hallId);
  return schedule ? cancellationDeadline(schedule, planOf(a)) : undefined;
}

/**
 * Ends a booked appointment (compare-and-set from 'booked'); a cancellation gives its place back at
 * once. Claims listed in `keep` (carried over to a rescheduled appointment) stay taken.
 */
export async function endAppointment(
  deps: BookingDeps,
  a: Appointment,
  changes: Partial<Appointment> & { status: 'cancelled' | 'noShow' },
  keep: readonly string[] = [],
): Promise<boolean> {
  const now = deps.clock.now();
  const extra = changes.status === 'cancelled' ? { cancelledAt: now } : {};
  if (!(await deps.booking.changeStatus(a._id, 'booked', { ...changes, ...extra, updatedAt: now }))) return false;
  if (changes.status === 'cancelled') await deps.booking.releasePlace(a.slotId);
  // A no-show frees the business for a new booking but its day and week stay used.
  const release = changes.status === 'cancelled' ? a.claims : a.claims.filter((c) => c.startsWith('active:'));
  await deps.booking.releaseClaims(release.filter((c) => !keep.includes(c)));
  return true;
}

export const cancel = defineAction({
  summary: "Cancels the caller's appointment before the hall's cancellation deadline; the place returns at once. Idempotent under the envelope requestId.",
  input: z.object({ appointmentId: z.string().min(8).max(64) }).strict(),
  output: AppointmentView,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_ACTIVE', 'CANCEL_TOO_LATE', 'REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED'],
  idempotent: 'required',
  async run({ appointmentId }, deps: BookingDeps) {
    const { account } = await resolveSubject(deps, undefined);
    const a = await deps.booking.appointment(appointmentId);
    if (!a || a.actorOpenid !== account._id) throw new DomainError('APPOINTMENT_NOT_FOUND');
    if (a.status !== 'booked') throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    const deadline = await cancelDeadlineOf(deps, a);
    if (deadline && deps.clock.now().getTime() > deadline.getTime()) throw new DomainError('CANCEL_TOO_LATE');
    if (!(await endAppointment(deps, a, { status: 'cancelled' }))) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    return appointmentView({ ...a, status: 'cancelled' }, deps);
  },
});
