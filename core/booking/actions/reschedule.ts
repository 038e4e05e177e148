import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { ownsAppointment } from '../../assisted/owner';
import { DomainError } from '../../errors/DomainError';
import { requireVerified } from '../../identity/callerAccount';
import type { BookingDeps } from '../BookingDeps';
import { auditActingFor } from '../auditActingFor';
import { moveAppointment } from '../moveAppointment';
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
    'RELEASE_BY_DRAW',
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
    const fresh = await moveAppointment(deps, { old, actorOpenid: account._id, quotaOwner: account._id, slotId: input.slotId, freshId });
    await auditActingFor(deps, account, fresh, 'reschedule', freshId);
    return appointmentView(fresh, deps);
  },
});
