import type { Hall } from '../guide/Hall';
import { addDays, shanghaiInstant, shanghaiWallClock } from '../time/shanghai';
import type { CancelDeadline, HallSchedule } from './HallSchedule';
import { openingOn } from '../time/opening';
import type { WorkCalendar } from '../time/WorkCalendar';

/**
 * The bookable slots of a hall's day, cut from its opening sessions, and the times around a slot
 * (release, start, cancellation deadline, check-in window). Dates and HH:mm are Asia/Shanghai wall
 * clock; instants are computed as UTC+8 (core/time/shanghai.ts), never through the process zone.
 */

/** One slot of a hall's day as the schedule plans it (its stored state adds the booked count). */
export interface SlotPlan {
  slotId: string;
  hallId: string;
  date: string;
  /** HH:mm, Shanghai. */
  start: string;
  end: string;
  /** Places offered for booking (the walk-in share already kept back). */
  capacity: number;
}

/** The part of a slot the time rules need (a SlotPlan or an Appointment). */
export type SlotTime = Pick<SlotPlan, 'date' | 'start'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3])([0-5]\d)$/;

function minutesOf(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `${hallId}:${date}:${HHmm}`, e.g. shenzhen-futian:2026-11-23:0930. Hall ids have no colon. */
export function slotId(hallId: string, date: string, start: string): string {
  return `${hallId}:${date}:${start.replace(':', '')}`;
}

/** The parts of a slot id, or null when it is not one. */
export function parseSlotId(id: string): { hallId: string; date: string; start: string } | null {
  const parts = id.split(':');
  if (parts.length !== 3) return null;
  const [hallId, date, hhmm] = parts;
  const time = HHMM.exec(hhmm);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(hallId) || !DATE.test(date) || !time) return null;
  return { hallId, date, start: `${time[1]}:${time[2]}` };
}

/**
 * Places per slot: floor(windows × perWindow × (1 − walkInShare)), never negative. The share is
 * taken in basis points so that e.g. 10 × (1 − 0.9) gives 1, not 0.9999….
 */
export function slotCapacity(schedule: Pick<HallSchedule, 'windows' | 'perWindow' | 'walkInShare'>): number {
  const keptBp = Math.min(10_000, Math.max(0, Math.round(schedule.walkInShare * 10_000)));
  return Math.max(0, Math.floor((schedule.windows * schedule.perWindow * (10_000 - keptBp)) / 10_000));
}

/**
 * The slots of a hall on a date: each opening session (special periods, holidays and adjusted
 * workdays applied) cut into slotMinutes pieces from its start; a trailing piece shorter than
 * slotMinutes is not offered.
 */
export function slotsOn(hall: Hall, schedule: HallSchedule, date: string, calendar: WorkCalendar): SlotPlan[] {
  if (schedule.hallId !== hall._id) throw new Error(`schedule of ${schedule.hallId} used for hall ${hall._id}`);
  const capacity = slotCapacity(schedule);
  const plans: SlotPlan[] = [];
  for (const session of openingOn(hall, date, calendar).sessions) {
    const end = minutesOf(session.end);
    for (let from = minutesOf(session.start); from + schedule.slotMinutes <= end; from += schedule.slotMinutes) {
      const start = clockOf(from);
      plans.push({ slotId: slotId(hall._id, date, start), hallId: hall._id, date, start, end: clockOf(from + schedule.slotMinutes), capacity });
    }
  }
  return plans;
}

/** The instant a slot starts: its Shanghai date and HH:mm. */
export function slotStart(date: string, start: string): Date {
  return shanghaiInstant(date, start);
}

/** The instant a slot ends. */
export function slotEnd(date: string, end: string): Date {
  return shanghaiInstant(date, end);
}

/**
 * The newest bookable date: today + bookingWindowDays once the Shanghai clock has reached the
 * release time, one day less before it.
 */
export function releasedThrough(schedule: Pick<HallSchedule, 'bookingWindowDays' | 'releaseTime'>, now: Date): string {
  const { date, clock } = shanghaiWallClock(now);
  return addDays(date, clock >= schedule.releaseTime ? schedule.bookingWindowDays : schedule.bookingWindowDays - 1);
}

/** Dates that can be booked as of now: today (Shanghai) through releasedThrough. */
export function bookableDates(schedule: Pick<HallSchedule, 'bookingWindowDays' | 'releaseTime'>, now: Date): string[] {
  const last = releasedThrough(schedule, now);
  const dates: string[] = [];
  for (let date = shanghaiWallClock(now).date; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export type BookingState = 'open' | 'past' | 'notReleased';

/** Whether a slot can be booked now: not once it has started, not before its day is released. */
export function bookingOpen(slot: SlotTime, schedule: Pick<HallSchedule, 'bookingWindowDays' | 'releaseTime'>, now: Date): BookingState {
  if (now.getTime() >= slotStart(slot.date, slot.start).getTime()) return 'past';
  if (slot.date > releasedThrough(schedule, now)) return 'notReleased';
  return 'open';
}

/** The last instant a booking of the slot can be cancelled (inclusive). */
export function cancellationDeadline(schedule: { cancelDeadline: CancelDeadline }, slot: SlotTime): Date {
  const rule = schedule.cancelDeadline;
  if (rule.kind === 'hoursBefore') return new Date(slotStart(slot.date, slot.start).getTime() - rule.hours * 3_600_000);
  return shanghaiInstant(addDays(slot.date, -1), rule.time);
}

/** When a citizen with the slot can be checked in: from earlyMinutes before its start to lateMinutes after. */
export function checkInWindow(schedule: Pick<HallSchedule, 'checkIn'>, slot: SlotTime): { from: Date; to: Date } {
  const start = slotStart(slot.date, slot.start).getTime();
  return { from: new Date(start - schedule.checkIn.earlyMinutes * 60_000), to: new Date(start + schedule.checkIn.lateMinutes * 60_000) };
}
