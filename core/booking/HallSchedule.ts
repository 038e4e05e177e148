import * as z from 'zod';
import { ClockTime, type Hall } from '../guide/Hall';
import { stableId, type ServiceGuide } from '../guide/ServiceGuide';
import { lazySchema } from '../function/lazySchema';

/**
 * A hall's booking settings (collection `hall_schedules`, `_id` = the hall's id). Opening hours
 * stay on the Hall; this says how those hours are cut into bookable slots and under which rules.
 */

/** Until when a booking can be cancelled (the place returns at once). */
export const CancelDeadline = lazySchema(() =>
  z.discriminatedUnion('kind', [
    /** e.g. 2 hours before the slot starts. */
    z.object({ kind: z.literal('hoursBefore'), hours: z.number().int().min(0).max(72) }),
    /** e.g. 15:00 the day before. */
    z.object({ kind: z.literal('dayBeforeAt'), time: ClockTime }),
  ]),
);
export type CancelDeadline = z.infer<typeof CancelDeadline>;

/** How long before and after the slot's start a citizen can be checked in at the window. */
export const CheckInRule = lazySchema(() =>
  z.object({
    earlyMinutes: z.number().int().min(0).max(240),
    lateMinutes: z.number().int().min(0).max(240),
  }),
);
export type CheckInRule = z.infer<typeof CheckInRule>;

/** Per-person limits and the no-show rule (Shenzhen: 3 no-shows in 180 days block 30 days). */
export const BookingLimits = lazySchema(() =>
  z.object({
    perWeek: z.number().int().min(1).max(14),
    noShowLimit: z.number().int().min(1).max(20),
    noShowWindowDays: z.number().int().min(1).max(730),
    noShowBlockDays: z.number().int().min(1).max(365),
  }),
);
export type BookingLimits = z.infer<typeof BookingLimits>;

/** The settings every field defaults to (DOMAIN.md, "Appointment practice"). */
export const DEFAULT_SCHEDULE = {
  slotMinutes: 30,
  windows: 4,
  perWindow: 1,
  /** Shenzhen keeps 50% for walk-ins; 30% is common elsewhere. */
  walkInShare: 0.3,
  /** Book up to 7 days ahead. */
  bookingWindowDays: 7,
  /** The newest day opens at midnight. */
  releaseTime: '00:00',
  cancelDeadline: { kind: 'hoursBefore', hours: 2 } as CancelDeadline,
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
  limits: { perWeek: 2, noShowLimit: 3, noShowWindowDays: 180, noShowBlockDays: 30 },
} as const satisfies Record<string, unknown>;

const d = DEFAULT_SCHEDULE;

export const HallSchedule = lazySchema(() =>
  z
    .object({
      _id: stableId,
      hallId: stableId,
      /** Guides bookable at this hall: each bookable and among the hall's services. */
      businesses: z.array(stableId).min(1),
      /** Length of a slot; a session's trailing piece shorter than this is not offered. */
      slotMinutes: z.number().int().min(10).max(120).default(d.slotMinutes),
      /** Windows serving booked citizens at once. */
      windows: z.number().int().min(1).max(50).default(d.windows),
      /** People one window serves in one slot. */
      perWindow: z.number().int().min(1).max(20).default(d.perWindow),
      /** Share of capacity kept for walk-ins (0–0.9). */
      walkInShare: z.number().min(0).max(0.9).default(d.walkInShare),
      /** How many days ahead the newest bookable day is (today + N once released). */
      bookingWindowDays: z.number().int().min(1).max(30).default(d.bookingWindowDays),
      /** Shanghai time at which the newest day opens each day. */
      releaseTime: z._default(ClockTime, d.releaseTime),
      cancelDeadline: CancelDeadline.default(d.cancelDeadline),
      checkIn: CheckInRule.default({ ...d.checkIn }),
      limits: BookingLimits.default({ ...d.limits }),
    })
    .refine((s) => s._id === s.hallId, { message: 'a schedule is stored under its hall id', path: ['_id'] })
    .refine((s) => new Set(s.businesses).size === s.businesses.length, { message: 'businesses are listed once', path: ['businesses'] }),
);
export type HallSchedule = z.infer<typeof HallSchedule>;

/**
 * What is wrong with a schedule given its hall and the guides: a business must be a bookable
 * guide the hall handles. Empty when consistent.
 */
export function scheduleProblems(schedule: HallSchedule, hall: Hall | undefined, guides: readonly ServiceGuide[]): string[] {
  if (!hall || hall._id !== schedule.hallId) return [`${schedule._id}: no hall ${schedule.hallId}`];
  const problems: string[] = [];
  for (const business of schedule.businesses) {
    const guide = guides.find((g) => g._id === business);
    if (!guide) problems.push(`${schedule._id}: no guide ${business}`);
    else if (!guide.bookable) problems.push(`${schedule._id}: ${business} is not bookable`);
    if (!hall.services.includes(business)) problems.push(`${schedule._id}: hall ${hall._id} does not handle ${business}`);
  }
  return problems;
}
