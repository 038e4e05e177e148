import { DomainError } from '../errors/DomainError';
import { addDays, inShanghai, shanghaiDate } from '../time/shanghai';
import type { BookingDeps } from './BookingDeps';
import type { HallSchedule } from './HallSchedule';
import { blockedUntil } from './noShow';

/** BOOKING_BLOCKED (with the date booking is possible again) while the person's no-shows block booking. */
export async function refuseIfBlocked(deps: Pick<BookingDeps, 'booking' | 'clock'>, idIndex: string, schedule: HallSchedule): Promise<void> {
  const today = shanghaiDate(deps.clock.now());
  const noShows = await deps.booking.noShowDates(idIndex, addDays(today, -schedule.limits.noShowWindowDays));
  const until = blockedUntil(noShows, today, schedule.limits);
  if (until) throw new DomainError('BOOKING_BLOCKED', `${schedule.limits.noShowLimit}次预约未到，${inShanghai(`${until}T00:00:00+08:00`).format('M月D日')}起可再预约`);
}
