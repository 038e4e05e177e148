import * as z from 'zod/mini';
import type { Clock } from '../time/Clock';
import { defineAction } from './action';
import { lazySchema } from './lazySchema';

/**
 * How long a repeatable write's first result is kept for its `requestId` (the idempotency window):
 * a repeat inside it answers the first result; after it the record may be gone and the id is new.
 * Clients retry within minutes; a week covers a phone that comes back online days later.
 */
export const IDEMPOTENCY_WINDOW_DAYS = 7;
export const IDEMPOTENCY_WINDOW_MS = IDEMPOTENCY_WINDOW_DAYS * 86_400_000;
/** Records a purge run removes at most (a timer run stays short; the next run goes on). */
export const REQUEST_PURGE_BATCH = 500;

/** When a request record first written at `createdAt` may be removed. */
export const requestExpiresAt = (createdAt: Date): Date => new Date(createdAt.getTime() + IDEMPOTENCY_WINDOW_MS);

/** Port: removes request records whose window has passed. */
export interface ExpiringRequests {
  /** Removes at most `limit` records expired at `now` (oldest first); how many it removed. */
  removeExpired(now: Date, limit: number): Promise<number>;
}

/** Timer action of each function with repeatable writes: its request records past the window go. */
export const purgeExpiredRequests = defineAction({
  summary: `Timer only (daily): deletes the function's request records (first results of repeatable writes) ${IDEMPOTENCY_WINDOW_DAYS} days after they were written, at most ${REQUEST_PURGE_BATCH} a run.`,
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ removed: z.int() })),
  errors: [],
  async run(_input, deps: { clock: Clock; requests: ExpiringRequests }) {
    return { removed: await deps.requests.removeExpired(deps.clock.now(), REQUEST_PURGE_BATCH) };
  },
});
