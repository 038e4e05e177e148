import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { ownsAppointment } from '../../assisted/owner';
import { DomainError, isDomainError } from '../../errors/DomainError';
import { requireVerified } from '../../identity/callerAccount';
import type { BookingDeps } from '../BookingDeps';
import { requireBeforeCancelDeadline } from '../cancelDeadline';
import { claimsFreedWhenOver } from '../claims';
import { takeCancelQuota } from '../cancelQuota';
import { endAppointment } from '../endAppointment';
import { auditActingFor } from '../auditActingFor';
import { onceMore } from '../onceMore';
import { placeBooking } from '../placeBooking';
import { AppointmentView, appointmentView } from '../views';
import { AppointmentIdInput, SlotIdInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

export const reschedule = defineAction({
  summary: 'Moves an appointment to another slot: the new place is taken before the old one is released, so both are never lost. Idempotent under the envelope requestId.',
  input: lazySchema(() => z.strictObject({ appointmentId: AppointmentIdInput, slotId: SlotIdInput })),
  output: AppointmentView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'APPOINTMENT_NOT_FOUND',
    'APPOINTMENT_NOT_ACTIVE',
    'CANCEL_TOO_LATE',
    'SLOT_NOT_FOUND',
    'SLOT_NOT_OPEN',
    'SLOT_FULL',
    'ONE_PER_DAY',
    'WEEKLY_LIMIT',
    'CANCEL_LIMIT',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    // Every 预约号 candidate taken in the hall (vanishingly rare; nothing is kept: core/booking/insertNumbered.ts).
    'SERVICE_BUSY',
  ],
  idempotent: 'required',
  async run(input, deps: BookingDeps, request) {
    const account = await requireVerified(deps);
    const old = await deps.booking.appointment(input.appointmentId);
    if (!old || !ownsAppointment(account, old)) throw new DomainError('APPOINTMENT_NOT_FOUND');
    // The new appointment's id comes from the request: a retry finds what the first attempt did.
    const freshId = deps.idFor(`reschedule:${account._id}:${request?.requestId ?? deps.newId()}`);
    const resumed = old.status === 'cancelled' && old.endedBy === freshId;
    if (old.status !== 'booked' && !resumed) throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    let quota: string | undefined;
    if (!resumed) {
      await requireBeforeCancelDeadline(deps, old);
      quota = await takeCancelQuota(deps, account._id, old._id);
    }
    const subject = { residentId: old.subjectResidentId, idIndex: old.subjectIdIndex, nameEnc: old.subjectNameEnc, actedFor: old.actedFor };
    const fresh = await placeBooking(deps, {
      actorOpenid: account._id,
      subject,
      hallId: old.hallId,
      business: old.business,
      slotId: input.slotId,
      replacing: old,
      appointmentId: freshId,
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
    await auditActingFor(deps, account, fresh, 'reschedule', freshId);
    return appointmentView(fresh, deps);
  },
});
