import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { stableId } from '../../guide/ServiceGuide';
import type { BookingDeps } from '../BookingDeps';
import { placeBooking } from '../placeBooking';
import { auditActingFor } from '../auditActingFor';
import { resolveActingFor } from '../../identity/actingFor';
import { AppointmentView, appointmentView } from '../views';
import { SlotIdInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

export const reserve = defineAction({
  summary: 'Books a place in a slot for the caller or a family member. Never overbooks (one conditional update per place). Idempotent under the envelope requestId.',
  input: lazySchema(() => z.strictObject({ hallId: stableId, business: stableId, slotId: SlotIdInput, forMemberId: z.optional(z.string().check(z.maxLength(64))) })),
  output: AppointmentView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'FAMILY_MEMBER_NOT_FOUND',
    'HALL_NOT_FOUND',
    'BUSINESS_NOT_BOOKABLE',
    'SLOT_NOT_FOUND',
    'SLOT_NOT_OPEN',
    'SLOT_FULL',
    'RELEASE_BY_DRAW',
    'ALREADY_BOOKED',
    'ONE_PER_DAY',
    'WEEKLY_LIMIT',
    'BOOKING_BLOCKED',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    // Every 预约号 candidate taken in the hall (vanishingly rare; nothing is kept: core/booking/insertNumbered.ts).
    'SERVICE_BUSY',
  ],
  idempotent: 'required',
  // Most refusals at a release (a full slot) are found by reads alone: recorded in one write.
  readsFirst: true,
  async run(input, deps: BookingDeps, request) {
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    const appointmentId = deps.idFor(`reserve:${account._id}:${request?.requestId ?? deps.newId()}`);
    const appointment = await placeBooking(deps, {
      actorOpenid: account._id,
      subject,
      hallId: input.hallId,
      business: input.business,
      slotId: input.slotId,
      appointmentId,
      beforeWrites: request?.beforeWrites,
    });
    await auditActingFor(deps, account, appointment, 'reserve', appointmentId);
    return appointmentView(appointment, deps);
  },
});
