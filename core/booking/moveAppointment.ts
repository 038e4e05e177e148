import { DomainError, isDomainError } from '../errors/DomainError';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import { requireBeforeCancelDeadline } from './cancelDeadline';
import { claimsFreedWhenOver } from './claims';
import { takeCancelQuota } from './cancelQuota';
import { endAppointment } from './endAppointment';
import { onceMore } from './onceMore';
import { placeBooking } from './placeBooking';

export interface Move {
  /** The appointment to move (its owner's, checked by the caller). */
  old: Appointment;
  /** Who the new appointment belongs to. */
  actorOpenid: string;
  /** Whose daily cancellations count the move. */
  quotaOwner: string;
  slotId: string;
  /** The new appointment's id, derived from the request: a retry finds what the first attempt did. */
  freshId: string;
  /** Moved by an officer in an assisted session (issue 18): recorded on the new appointment. */
  assisted?: Appointment['assisted'];
}

/**
 * Moves an appointment to another slot of its hall and business: the new place is taken before the
 * old one is released, so both are never lost. Counted as a cancellation of the day (before the
 * hall's deadline). Resumable under `freshId`. Shared by the citizen's reschedule and the officer's
 * assisted one, so both follow one rule.
 */
export async function moveAppointment(deps: BookingDeps, m: Move): Promise<Appointment> {
  const { old, freshId } = m;
  const resumed = old.status === 'cancelled' && old.endedBy === freshId;
  if (old.status !== 'booked' && !resumed) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
  let quota: string | undefined;
  if (!resumed) {
    await requireBeforeCancelDeadline(deps, old);
    quota = await takeCancelQuota(deps, m.quotaOwner, old._id);
  }
  const subject = { residentId: old.subjectResidentId, idIndex: old.subjectIdIndex, nameEnc: old.subjectNameEnc, actedFor: old.actedFor };
  const fresh = await placeBooking(deps, {
    actorOpenid: m.actorOpenid,
    subject,
    hallId: old.hallId,
    business: old.business,
    slotId: m.slotId,
    replacing: old,
    appointmentId: freshId,
    ...(m.assisted ? { assisted: m.assisted } : {}),
  }).catch(async (e: unknown) => {
    // Refused (full, limits): nothing moved, so the move does not count against the day's quota.
    if (quota && isDomainError(e)) await deps.booking.releaseClaims([quota], old._id);
    throw e;
  });
  // Claims carried over change hands before the old appointment lets go of the rest; both steps
  // are idempotent and run once more after a lost answer, so the move does not stop half-way.
  const carried = fresh.claims.filter((c) => old.claims.includes(c));
  const ended = await onceMore(async () => {
    await deps.booking.transferClaims(carried, old._id, fresh._id);
    return endAppointment(deps, old, { status: 'cancelled', rescheduledTo: fresh._id, endedBy: freshId }, fresh.claims);
  });
  if (!ended) {
    // The old one changed meanwhile (checked in or cancelled elsewhere): undo the new one. The
    // carried claims were away while the old one ended, so its ending did not free them: they go
    // back and are freed now as that ending would have (all of them for a cancellation, the
    // business for a check-in), or the person is refused until the reconciliation sweep.
    await deps.booking.transferClaims(carried, fresh._id, old._id);
    await endAppointment(deps, fresh, { status: 'cancelled', endedBy: `undo:${freshId}` }, carried);
    const ending = await deps.booking.appointment(old._id);
    if (ending && ending.status !== 'booked') await deps.booking.releaseClaims(ending.status === 'cancelled' ? carried : claimsFreedWhenOver(carried), old._id);
    throw new DomainError('APPOINTMENT_NOT_ACTIVE');
  }
  return fresh;
}
