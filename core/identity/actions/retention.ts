import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { addDays } from '../../time/shanghai';
import type { IdentityDeps } from '../IdentityDeps';
import { failureDay } from '../lockout';
import { lazySchema } from '../../function/lazySchema';

/** How long records that exist only for verification are kept (docs/PRIVACY.md). */
export const RETENTION = { verificationHoursAfterExpiry: 24, failureCounterDays: 7 };

export const purgeExpiredVerifications = defineAction({
  summary:
    'Timer only (daily): deletes verification sessions a day after they expired (they hold the encrypted details typed in), daily failure and SMS counters older than a week, and birth dates older versions stored in clear.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ verifications: z.int(), failureCounters: z.int(), smsCounters: z.int(), plainBirthDates: z.int() })),
  errors: [],
  async run(_input, deps: IdentityDeps) {
    const now = deps.clock.now();
    const before = new Date(now.getTime() - RETENTION.verificationHoursAfterExpiry * 3_600_000);
    const cutoff = addDays(failureDay(now), -RETENTION.failureCounterDays);
    return {
      verifications: await deps.identities.removeVerificationsExpiredBefore(before),
      failureCounters: await deps.identities.removeFailureCountersBefore(cutoff),
      smsCounters: await deps.identities.removeSmsCountersBefore(cutoff),
      plainBirthDates: await deps.identities.removePlainBirthDates(),
    };
  },
});
