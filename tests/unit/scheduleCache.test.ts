/**
 * The per-instance schedule cache (server/booking/ScheduleCache.ts): a schedule read is used for
 * less than SCHEDULE_CACHE_MS by the store's clock and then read again, so a change (a business
 * dropped, the schedule deleted: the hall or business no longer bookable) applies within that bound.
 */
import { SCHEDULE_CACHE_MS, ScheduleCache } from '../../server/booking/ScheduleCache';

function world(size?: number) {
  let now = 1_000_000;
  const stored = new Map<string, string | null>([['hall-a', 'v1']]);
  const reads: string[] = [];
  let failNext = false;
  const cache = new ScheduleCache<string | null>(
    async (hallId) => {
      reads.push(hallId);
      if (failNext) {
        failNext = false;
        throw new Error('database unavailable');
      }
      return stored.get(hallId) ?? null;
    },
    () => now,
    SCHEDULE_CACHE_MS,
    size,
  );
  return {
    cache,
    stored,
    reads,
    advance: (ms: number) => (now += ms),
    failOnce: () => (failNext = true),
  };
}

test('one read serves a hall until SCHEDULE_CACHE_MS has passed; then the stored schedule is read again', async () => {
  const w = world();
  expect(await w.cache.get('hall-a')).toBe('v1');
  w.stored.set('hall-a', 'v2');
  w.advance(SCHEDULE_CACHE_MS - 1);
  expect(await w.cache.get('hall-a')).toBe('v1');
  expect(w.reads).toEqual(['hall-a']);
  w.advance(1);
  expect(await w.cache.get('hall-a')).toBe('v2');
  expect(w.reads).toEqual(['hall-a', 'hall-a']);
});

test('a deleted schedule (hall no longer bookable) is seen as gone within the bound, and a missing one is kept no longer than a found one', async () => {
  const w = world();
  expect(await w.cache.get('hall-a')).toBe('v1');
  w.stored.delete('hall-a');
  w.advance(SCHEDULE_CACHE_MS);
  expect(await w.cache.get('hall-a')).toBeNull();
  w.stored.set('hall-a', 'v3');
  w.advance(SCHEDULE_CACHE_MS);
  expect(await w.cache.get('hall-a')).toBe('v3');
});

test('a clock that moved backwards makes the entry stale (never kept for longer than the bound)', async () => {
  const w = world();
  await w.cache.get('hall-a');
  w.stored.set('hall-a', 'v2');
  w.advance(-60_000);
  expect(await w.cache.get('hall-a')).toBe('v2');
});

test('concurrent misses share one read; a failed read is not kept', async () => {
  const w = world();
  w.failOnce();
  const first = await Promise.allSettled([w.cache.get('hall-a'), w.cache.get('hall-a'), w.cache.get('hall-a')]);
  expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(w.reads).toHaveLength(1);
  expect(await w.cache.get('hall-a')).toBe('v1');
  expect(w.reads).toHaveLength(2);
});

test('bounded: at most `size` halls are kept, the oldest makes room', async () => {
  const w = world(2);
  for (const h of ['h1', 'h2', 'h3']) await w.cache.get(h);
  await w.cache.get('h3');
  await w.cache.get('h2');
  expect(w.reads).toEqual(['h1', 'h2', 'h3']);
  await w.cache.get('h1');
  expect(w.reads).toEqual(['h1', 'h2', 'h3', 'h1']);
});
