import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { appointmentFinished } from '../../rating/finished';
import { RatingInput, RatingView } from '../../rating/Rating';
import { rateService } from '../../rating/rateService';
import type { BookingDeps } from '../BookingDeps';
import { AppointmentIdInput } from './inputs';
import { lazySchema } from '../../function/lazySchema';

export const rateAppointment = defineAction({
  summary:
    'The citizen who booked rates an appointment once it was served (checked in): 好差评, five levels, reasons from the fixed list for a poor rating. Once per appointment: the same rating again answers the first; a different one is RATING_ALREADY_GIVEN.',
  input: lazySchema(() => z.extend(RatingInput, { appointmentId: AppointmentIdInput })),
  output: RatingView,
  errors: ['UNAUTHENTICATED', 'INVALID_INPUT', 'APPOINTMENT_NOT_FOUND', 'RATING_NOT_FINISHED', 'RATING_ALREADY_GIVEN', 'RATING_REASON_REQUIRED', 'RATING_COMMENT_INVALID'],
  async run({ appointmentId, ...rating }, deps: BookingDeps) {
    const a = await deps.booking.appointment(appointmentId);
    const service = a && { kind: 'appointment' as const, id: a._id, hallId: a.hallId, business: a.business, actorOpenid: a.actorOpenid, finished: appointmentFinished(a) };
    return rateService(deps, service, rating, 'APPOINTMENT_NOT_FOUND');
  },
});
