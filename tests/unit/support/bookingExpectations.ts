import type { HallSchedule } from '../../../core/booking/HallSchedule';
import type { BookingState } from '../../../core/booking/slots';
import { isoDate, shanghaiWallClock } from './arbHall';

/**
 * Booking times computed on their own, for comparison with core/booking/slots.ts: Shanghai is
 * UTC+8 without daylight saving, so a wall-clock time is a UTC time shifted by 8 hours.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instant (ms) of a Shanghai date and HH:mm. */
export function shanghaiMs(date: string, time: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +time.slice(0, 2), +time.slice(3, 5)) - 8 * HOUR;
}

export function plusDays(date: string, n: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + n * DAY);
}

export function expectedReleasedThrough(s: Pick<HallSchedule, 'bookingWindowDays' | 'releaseTime'>, now: Date): string {
  const wall = shanghaiWallClock(now);
  // Minutes since Shanghai midnight, compared as numbers (not strings) against the release time.
  const minute = Math.floor((now.getTime() + 8 * HOUR) / 60_000) % 1440;
  const release = +s.releaseTime.slice(0, 2) * 60 + +s.releaseTime.slice(3, 5);
  return plusDays(wall.date, minute >= release ? s.bookingWindowDays : s.bookingWindowDays - 1);
}

export function expectedState(s: HallSchedule, slot: { date: string; start: string }, now: Date): BookingState {
  if (now.getTime() >= shanghaiMs(slot.date, slot.start)) return 'past';
  return slot.date > expectedReleasedThrough(s, now) ? 'notReleased' : 'open';
}

export function expectedDeadline(s: HallSchedule, slot: { date: string; start: string }): number {
  const rule = s.cancelDeadline;
  return rule.kind === 'hoursBefore' ? shanghaiMs(slot.date, slot.start) - rule.hours * HOUR : shanghaiMs(plusDays(slot.date, -1), rule.time);
}
