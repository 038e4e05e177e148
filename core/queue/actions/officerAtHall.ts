import { requireOpenid } from '../../identity/caller';
import { requireActingForHall } from '../../identity/hallAccess';
import type { BookingDeps } from '../../booking/BookingDeps';
import { shanghaiDate } from '../../time/shanghai';
import { bookedPerWalkIn } from '../walkInRule';
import { DEFAULT_SCHEDULE } from '../../booking/HallSchedule';

/** The officer acting for the hall (as checkIn: bound and verified), today's date there and the hall's calling rule. */
export async function officerAtHall(deps: BookingDeps, hallId: string) {
  const officer = requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
  const now = deps.clock.now();
  const schedule = await deps.booking.schedule(hallId);
  return { officer, now, date: shanghaiDate(now), schedule, perWalkIn: bookedPerWalkIn(schedule ?? DEFAULT_SCHEDULE) };
}
