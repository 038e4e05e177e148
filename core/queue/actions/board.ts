import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { BookingDeps } from '../../booking/BookingDeps';
import { shanghaiDate } from '../../time/shanghai';
import { ticketLabel } from '../QueueTicket';

/** Calls the board shows. */
export const BOARD_CALLS = 10;

const Call = lazySchema(() =>
  z.object({
    label: z.string(),
    window: z.string(),
    /** calling: please come to the window; serving: at the window. */
    status: z.enum(['calling', 'serving', 'done', 'waiting', 'missed']),
    calledAt: z.string(),
    /** Times called: a recall raises it (the display calls again). */
    calls: z.int(),
  }),
);

export const queueBoard = defineAction({
  summary:
    "Public, no login (the hall's display): the numbers being called and at which window, and the latest calls, newest first. Numbers and window names only, no personal data. One indexed read; the display polls it every second or so.",
  input: lazySchema(() => z.strictObject({ hallId: stableId })),
  output: lazySchema(() => z.object({ hallId: z.string(), hallName: z.string(), date: z.string(), serverTime: z.string(), calling: z.array(Call), recent: z.array(Call) })),
  errors: ['HALL_NOT_FOUND'],
  async run({ hallId }, deps: BookingDeps) {
    const now = deps.clock.now();
    const date = shanghaiDate(now);
    const [hall, latest] = await Promise.all([deps.guides.hall(hallId), deps.queue.latestCalls(hallId, date, BOARD_CALLS)]);
    if (!hall) throw new DomainError('HALL_NOT_FOUND');
    // A transferred ticket waits for its window: not on the board until that window calls it.
    const calls = latest
      .filter((t) => t.lastCalledAt && t.window !== null && !t.transferred)
      .map((t) => ({ label: ticketLabel(t), window: t.window!, status: t.status, calledAt: t.lastCalledAt!.toISOString(), calls: t.calls }));
    return { hallId, hallName: hall.name, date, serverTime: now.toISOString(), calling: calls.filter((c) => c.status === 'calling'), recent: calls };
  },
});
