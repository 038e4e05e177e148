import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { AssistedDeps } from '../AssistedDeps';
import type { Appointment } from '../../booking/Appointment';
import { placeBooking } from '../../booking/placeBooking';
import { cancelAppointment } from '../../booking/cancelAppointment';
import { moveAppointment } from '../../booking/moveAppointment';
import { AppointmentView, appointmentView } from '../../booking/views';
import { AppointmentIdInput, SlotIdInput } from '../../booking/actions/inputs';
import type { AssistedSession } from '../AssistedSession';
import { assistedOwner, requireSessionHall } from '../sessionRules';
import { auditAssisted } from '../auditAssisted';
import { noticeOf } from '../notice';
import { tellCitizen } from '../tellCitizen';
import { SESSION_ERRORS, SessionIdInput, usableSession } from './session';

/** Tells the citizen what was done (SMS, and a subscribe message with an account); a failure does not undo the act. */
async function tell(deps: AssistedDeps, s: AssistedSession, act: 'reserve' | 'cancel' | 'reschedule', a: Appointment): Promise<void> {
  const hall = await deps.guides.hall(a.hallId);
  await tellCitizen(deps, s, noticeOf(act, a, hall?.name ?? a.hallId), { kind: 'appointments' });
}

export const assistedReserve = defineAction({
  summary:
    "Officer, within a confirmed assisted session (issue 18): books a slot of the session's hall for its citizen, by the same rules and limits as online (placeBooking: one per business, one a day, the week's limit, the no-show block, all counted on the citizen). The appointment belongs to the citizen's account, or, without one, to the citizen's blind index until they verify (then it shows in myAppointments). The citizen is texted the 预约号. Audited with officer, hall, session and reason. Idempotent under the envelope requestId.",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, hallId: stableId, business: stableId, slotId: SlotIdInput })),
  output: AppointmentView,
  errors: [
    ...SESSION_ERRORS,
    'ASSISTED_OTHER_HALL',
    'HALL_NOT_FOUND',
    'BUSINESS_NOT_BOOKABLE',
    'SLOT_NOT_FOUND',
    'SLOT_NOT_OPEN',
    'SLOT_FULL',
    'ALREADY_BOOKED',
    'ONE_PER_DAY',
    'WEEKLY_LIMIT',
    'BOOKING_BLOCKED',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    'SERVICE_BUSY',
  ],
  idempotent: 'required',
  async run(input, deps: AssistedDeps, request) {
    const { officer, session: s } = await usableSession(deps, input.sessionId);
    requireSessionHall(s, input.hallId);
    const owner = (await deps.assisted.identities.boundOpenid(s.subjectIdIndex)) ?? assistedOwner(s.subjectIdIndex);
    const requestKey = `assisted-reserve:${s._id}:${request?.requestId ?? deps.newId()}`;
    const appointmentId = deps.idFor(requestKey);
    const appointment = await placeBooking(deps, {
      actorOpenid: owner,
      subject: { residentId: s.subjectResidentId, idIndex: s.subjectIdIndex, nameEnc: s.subjectNameEnc },
      hallId: input.hallId,
      business: input.business,
      slotId: input.slotId,
      appointmentId,
      beforeWrites: request?.beforeWrites,
      assisted: { sessionId: s._id, officerOpenid: officer._id, reason: s.reason },
    });
    await auditAssisted(deps, officer, s, 'reserve', appointment._id, deps.idFor(`audit:${requestKey}`));
    await tell(deps, s, 'reserve', appointment);
    return appointmentView(appointment, deps);
  },
});

/** An appointment of the session's citizen at the session's hall; someone else's is indistinguishable from a missing one. */
async function appointmentOfSession(deps: AssistedDeps, s: AssistedSession, appointmentId: string): Promise<Appointment> {
  const a = await deps.booking.appointment(appointmentId);
  if (!a || a.subjectIdIndex !== s.subjectIdIndex) throw new DomainError('APPOINTMENT_NOT_FOUND');
  requireSessionHall(s, a.hallId);
  return a;
}

export const assistedCancel = defineAction({
  summary:
    "Officer, within a confirmed assisted session: cancels an appointment of the session's citizen at the session's hall, before the hall's deadline, counted in the citizen's daily cancellations as online. The citizen is texted. Audited. Idempotent under the envelope requestId.",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, appointmentId: AppointmentIdInput })),
  output: AppointmentView,
  errors: [
    ...SESSION_ERRORS,
    'ASSISTED_OTHER_HALL',
    'APPOINTMENT_NOT_FOUND',
    'APPOINTMENT_NOT_ACTIVE',
    'CANCEL_TOO_LATE',
    'CANCEL_LIMIT',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run(input, deps: AssistedDeps, request) {
    const { officer, session: s } = await usableSession(deps, input.sessionId);
    const a = await appointmentOfSession(deps, s, input.appointmentId);
    const requestKey = `assisted-cancel:${s._id}:${request?.requestId ?? deps.newId()}`;
    const endedBy = deps.idFor(requestKey);
    // The citizen's own daily quota (the appointment's owner), as if they cancelled themselves.
    await cancelAppointment(deps, a, endedBy, a.actorOpenid);
    await auditAssisted(deps, officer, s, 'cancel', a._id, deps.idFor(`audit:${requestKey}`));
    // A resumed request is one whose first attempt did not finish (a finished one is answered from the
    // request log), so the citizen may not have been told yet: tell them (as assistedReissue does).
    await tell(deps, s, 'cancel', a);
    return appointmentView({ ...a, status: 'cancelled' }, deps);
  },
});

export const assistedReschedule = defineAction({
  summary:
    "Officer, within a confirmed assisted session: moves an appointment of the session's citizen at the session's hall to another slot, as the citizen's own reschedule does (the new place taken before the old one is released, the same limits, counted in the citizen's daily cancellations). The new appointment stays the citizen's. The citizen is texted the new time and 预约号. Audited. Idempotent under the envelope requestId.",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, appointmentId: AppointmentIdInput, slotId: SlotIdInput })),
  output: AppointmentView,
  errors: [
    ...SESSION_ERRORS,
    'ASSISTED_OTHER_HALL',
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
    'SERVICE_BUSY',
  ],
  idempotent: 'required',
  async run(input, deps: AssistedDeps, request) {
    const { officer, session: s } = await usableSession(deps, input.sessionId);
    const old = await appointmentOfSession(deps, s, input.appointmentId);
    const requestKey = `assisted-reschedule:${s._id}:${request?.requestId ?? deps.newId()}`;
    const fresh = await moveAppointment(deps, {
      old,
      actorOpenid: old.actorOpenid,
      quotaOwner: old.actorOpenid,
      slotId: input.slotId,
      freshId: deps.idFor(requestKey),
      assisted: { sessionId: s._id, officerOpenid: officer._id, reason: s.reason },
    });
    await auditAssisted(deps, officer, s, 'reschedule', fresh._id, deps.idFor(`audit:${requestKey}`));
    await tell(deps, s, 'reschedule', fresh);
    return appointmentView(fresh, deps);
  },
});
