import { localNow } from '../../../devcloud/localClock';
import { SCHEDULE_CACHE_MS } from '../../../server/booking/ScheduleCache';
import type { Harness } from '../../support/localCloudHarness';

/**
 * After a test changes a hall's schedule in the database: moves the functions' clock on by the
 * schedule cache's bound (server/booking/ScheduleCache.ts), the longest a warm instance may go on
 * using the schedule it read before, so the next call reads the change. Returns the new instant.
 */
export function scheduleChanged(h: Harness): Date {
  const next = new Date(localNow() + SCHEDULE_CACHE_MS);
  h.setNow(next);
  return next;
}
