/**
 * A warm function instance's short memory of hall schedules, so a release burst does not read the
 * same small document on every call (issue 14). Bounded in time and size:
 *  - an entry is used for at most SCHEDULE_CACHE_MS after it was read (by the store's clock; a clock
 *    that moved backwards makes the entry stale too), then read again. Schedules change only through
 *    the ops import (`npm run seed`: server/seed/importSchedules.ts); so a changed schedule (businesses,
 *    capacity, release time, limits) reaches every instance's reserve and availability within
 *    SCHEDULE_CACHE_MS, and a deleted one (the hall no longer bookable) as well;
 *    Opening hours are not cached here: special hours edited in the mini-program (issue 16,
 *    `hall_hours`) are read fresh by availability and by reserve before its first write
 *    (core/hallDuty/freshHours.ts), so an edit applies at once on every instance;
 *  - at most SCHEDULE_CACHE_SIZE halls; the oldest entry makes room;
 *  - concurrent misses of one hall share one read; a failed read is not kept (the next call reads).
 * Lives in the adapter layer: core asks `schedule(hallId)` and never knows. The queue store keeps a
 * hall-day's tickets in one too, for waiting citizens' polls (server/queue/CloudbaseQueueStore.ts).
 */
export const SCHEDULE_CACHE_MS = 10_000;
export const SCHEDULE_CACHE_SIZE = 256;

interface Entry<T> {
  readAt: number;
  value: Promise<T>;
}

export class ScheduleCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly read: (hallId: string) => Promise<T>,
    private readonly now: () => number,
    private readonly maxAgeMs = SCHEDULE_CACHE_MS,
    private readonly maxEntries = SCHEDULE_CACHE_SIZE,
  ) {}

  get(hallId: string): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(hallId);
    if (hit && now >= hit.readAt && now - hit.readAt < this.maxAgeMs) return hit.value;
    this.entries.delete(hallId);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const value = this.read(hallId);
    const entry: Entry<T> = { readAt: now, value };
    this.entries.set(hallId, entry);
    value.catch(() => {
      if (this.entries.get(hallId) === entry) this.entries.delete(hallId);
    });
    return value;
  }

  /** Forgets every entry (this instance reads each schedule again on its next use). */
  clear(): void {
    this.entries.clear();
  }
}
