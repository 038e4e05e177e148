import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import type { AssistedDeps } from '../AssistedDeps';

/** How the timer deletes ended sessions: batches of this many, at most this many batches a run (the rest next time). */
export const SESSION_PURGE = { batch: 200, maxBatches: 25 };

export const purgeAssistedSessions = defineAction({
  summary:
    'Timer only (every 10 minutes, issue 18): deletes assisted sessions past their end (expiresAt: the code’s or the session’s time ran out, or the officer closed it), which hold the citizen’s name and phone encrypted, in batches; what an officer did stays in the audit log.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ sessions: z.int() })),
  errors: [],
  async run(_input, deps: AssistedDeps) {
    const now = deps.clock.now();
    let sessions = 0;
    for (let i = 0; i < SESSION_PURGE.maxBatches; i++) {
      const removed = await deps.assisted.sessions.removeEndedBefore(now, SESSION_PURGE.batch);
      sessions += removed;
      if (removed < SESSION_PURGE.batch) break;
    }
    return { sessions };
  },
});
