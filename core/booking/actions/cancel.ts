import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { ownsAppointment } from '../../assisted/owner';
import { DomainError } from '../../errors/DomainError';
import type { BookingDeps } from '../BookingDeps';
import { requireVerified } from '../../identity/callerAccount';
import { auditActingFor } from '../auditActingFor';
import { cancelAppointment } from '../cancelAppointment';
import { AppointmentView, appointmentView } from '../views';
import { AppointmentIdInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

export const cancel = defineAction({
  summary:
    "Cancels the caller's appointment before the hall's cancellation deadline; the place returns at once. At most 5 cancellations or reschedules a day. Idempotent under the envelope requestId.",
  input: lazySchema(() => z.strictObject({ appointmentId: AppointmentIdInput })),
  output: AppointmentView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'APPOINTMENT_NOT_FOUND',
    'APPOINTMENT_NOT_ACTIVE',
    'CANCEL_TOO_LATE',
    'CANCEL_LIMIT',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run({ appointmentId }, deps: BookingDeps, request) {
    const requestId = request?.requestId ?? deps.newId();
    const account = await requireVerified(deps);
    const a = await deps.booking.appointment(appointmentId);
    if (!a || !ownsAppointment(account, a)) throw new DomainError('APPOINTMENT_NOT_FOUND');
    const endedBy = deps.idFor(`cancel:${account._id}:${requestId}`);
    await cancelAppointment(deps, a, endedBy, account._id);
    await auditActingFor(deps, account, a, 'cancel', endedBy);
    return appointmentView({ ...a, status: 'cancelled' }, deps);
  },
});
