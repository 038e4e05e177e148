import type { HallSchedule } from '../booking/HallSchedule';
import { slotCapacity } from '../booking/slots';

type Share = Pick<HallSchedule, 'windows' | 'perWindow' | 'walkInShare'>;

/**
 * Walk-in numbers a hall gives out in a day: the places its schedule keeps out of booking, slot by
 * slot (windows × perWindow − the bookable capacity), over the day's `slots`. The share is the
 * hall's `walkInShare` (hall_schedules; default 0.3).
 */
export function walkInQuota(schedule: Share, slots: number): number {
  return Math.max(0, slots * (schedule.windows * schedule.perWindow - slotCapacity(schedule)));
}

/**
 * The hall's calling rule between booked arrivals and walk-ins: after every `k` booked arrivals a
 * waiting walk-in is called, k = round((1 − share) / share), at least 1 (share 0.3: 2 booked then
 * 1 walk-in; 0.5: one each). The same share that splits the capacity splits the calls, so neither
 * line starves. A hall keeping nothing for walk-ins calls them only when no booked arrival waits.
 */
export function bookedPerWalkIn(schedule: Pick<HallSchedule, 'walkInShare'>): number {
  const s = schedule.walkInShare;
  if (s <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.round((1 - s) / s));
}
