import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { BookingDeps } from '../BookingDeps';
import { placeBooking } from '../placeBooking';
import { resolveActingFor as resolveSubject } from '../../identity/actingFor';
import { AppointmentView, appointmentView } from '../views';
import { cancelDeadlineOf, endAppointment } from './cancel';

const SlotIdInput = z.string().min(10).max(120);

export const reserve = defineAction({
  summary:
    'Books a place in a slot for the caller or a family member. Never overbooks (one conditional update per place). Idempotent under the envelope requestId.',
  input: z.object({ hallId: stableId, business: stableId, slotId: SlotIdInput, forMemberId: z.string().max(64).optional() }).strict(),
  output: AppointmentView,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND', 'HALL_NOT_FOUND', 'BUSINESS_NOT_BOOKABLE', 'SLOT_NOT_FOUND', 'SLOT_NOT_OPEN', 'SLOT_FULL', 'ALREADY_BOOKED', 'ONE_PER_DAY', 'WEEKLY_LIMIT', 'BOOKING_BLOCKED', 'REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED'],
  idempotent: 'required',
  async run(input, deps: BookingDeps) {
    const { account, subject } = await resolveSubject(deps, input.forMemberId);
    const appointment = await placeBooking(deps, { actorOpenid: account._id, subject, hallId: input.hallId, business: input.business, slotId: input.slotId });
    return appointmentView(appointment, deps);
  },
});

export const reschedule = defineAction({
  summary: 'Moves an appointment to another slot: the new place is taken before the old one is released, so both are never lost. Idempotent under the envelope requestId.',
  input: z.object({ appointmentId: z.string().min(8).max(64), slotId: SlotIdInput }).strict(),
  output: AppointmentView,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_ACTIVE', 'CANCEL_TOO_LATE', 'SLOT_NOT_FOUND', 'SLOT_NOT_OPEN', 'SLOT_FULL', 'ONE_PER_DAY', 'WEEKLY_LIMIT', 'REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED'],
  idempotent: 'required',
  async run(input, deps: BookingDeps) {
    const { account } = await resolveSubject(deps, undefined);
    const old = await deps.booking.appointment(input.appointmentId);
    if (!old || old.actorOpenid !== account._id) throw new DomainError('APPOINTMENT_NOT_FOUND');
    if (old.status !== 'booked') throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    const deadline = await cancelDeadlineOf(deps, old);
    if (deadline && deps.clock.now().getTime() > deadline.getTime()) throw new DomainError('CANCEL_TOO_LATE');
    const subject = { residentId: old.subjectResidentId, idIndex: old.subjectIdIndex, nameEnc: old.subjectNameEnc, actedFor: old.actedFor };
    const fresh = await placeBooking(deps, { actorOpenid: account._id, subject, hallId: old.hallId, business: old.business, slotId: input.slotId, replacing: old });
    const ended = await endAppointment(deps, old, { status: 'cancelled', rescheduledTo: fresh._id }, fresh.claims);
    if (!ended) {
      // The old one changed meanwhile (checked in or cancelled elsewhere): undo the new one.
      await endAppointment(deps, fresh, { status: 'cancelled' }, old.claims);
      throw new DomainError('APPOINTMENT_NOT_ACTIVE');
    }
    return appointmentView(fresh, deps);
  },
});
