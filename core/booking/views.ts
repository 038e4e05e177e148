import * as z from 'zod/mini';
import { maskName } from '../privacy/mask';
import { FIELD } from '../identity/fieldNames';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';
import type { HallSchedule } from './HallSchedule';
import type { Hall } from '../guide/Hall';
import type { WorkCalendar } from '../time/WorkCalendar';
import { slotsOn } from './slots';
import { lazySchema } from '../function/lazySchema';

export const SlotView = lazySchema(() =>
  z.object({
    slotId: z.string(),
    start: z.string(),
    end: z.string(),
    capacity: z.int(),
    remaining: z.int(),
    /** 'open', or why not: 'past', 'notReleased', 'full', 'draw' (released by draw, issue 17: apply in the release package). */
    state: z.enum(['open', 'past', 'notReleased', 'full', 'draw']),
  }),
);
export type SlotView = z.infer<typeof SlotView>;

export const AppointmentView = lazySchema(() =>
  z.object({
    id: z.string(),
    hallId: z.string(),
    hallName: z.string(),
    hallAddress: z.string(),
    business: z.string(),
    businessTitle: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.enum(['booked', 'checkedIn', 'noShow', 'cancelled']),
    /** 预约号 (eight digits; shown grouped). Absent on appointments booked before numbers existed. */
    refNumber: z.optional(z.string()),
    /** Masked name of who comes to the window. */
    subjectNameMasked: z.string(),
    forFamilyMember: z.boolean(),
    queueNumber: z.optional(z.int()),
    cancellableUntil: z.optional(z.string()),
    checkedInAt: z.optional(z.string()),
    /** A cancelled appointment that a reschedule replaced: the one it moved to. */
    rescheduledTo: z.optional(z.object({ id: z.string(), date: z.string(), start: z.string(), end: z.string() })),
  }),
);
export type AppointmentView = z.infer<typeof AppointmentView>;

/** Shapes an appointment for its owner or an officer: names masked, hall and business named. */
export async function appointmentView(a: Appointment, deps: BookingDeps, cancellableUntil?: Date): Promise<AppointmentView> {
  const [hall, guide, moved] = await Promise.all([
    deps.guides.hall(a.hallId),
    deps.guides.guide(a.business),
    a.status === 'cancelled' && a.rescheduledTo ? deps.booking.appointment(a.rescheduledTo) : null,
  ]);
  return {
    id: a._id,
    hallId: a.hallId,
    hallName: hall?.name ?? a.hallId,
    hallAddress: hall?.address ?? '',
    business: a.business,
    businessTitle: guide?.title ?? a.business,
    date: a.date,
    start: a.start,
    end: a.end,
    status: a.status,
    refNumber: a.refNumber,
    subjectNameMasked: maskName(deps.secrets.decrypt(a.subjectNameEnc, FIELD.name)),
    forFamilyMember: Boolean(a.actedFor),
    queueNumber: a.queueNumber,
    cancellableUntil: a.status === 'booked' && cancellableUntil ? cancellableUntil.toISOString() : undefined,
    checkedInAt: a.checkedInAt?.toISOString(),
    rescheduledTo: moved ? { id: moved._id, date: moved.date, start: moved.start, end: moved.end } : undefined,
  };
}

// Zod-free, for 我的预约 (the client).
export { currentFirst } from './currentFirst';

/** Why nobody can book a hall on a date (no slot at all), or undefined when it has slots. */
export function closedReason(hall: Hall, schedule: HallSchedule, date: string, calendar: WorkCalendar, plans = slotsOn(hall, schedule, date, calendar)): string | undefined {
  return plans.length === 0 ? (calendar.holidayName(date) ?? '当日不办公') : undefined;
}
