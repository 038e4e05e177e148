import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import type { TempProofDeps } from '../TempProofDeps';

/**
 * How long the temporary proof's records are kept (docs/PRIVACY.md): proofs and their verification
 * log 180 days after the proof expired (at least the 6 months network logs are kept), the rate
 * limit's counters a day.
 */
export const TEMP_PROOF_RETENTION = { proofDaysAfterExpiry: 180, lookupHours: 24 } as const;

export const purgeTempProofs = defineAction({
  summary:
    'Timer only (daily): deletes temporary identity proofs expired more than 180 days ago with their verification log, and the public verification rate-limit counters older than a day.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ proofs: z.int(), checks: z.int(), lookups: z.int() })),
  errors: [],
  async run(_input, deps: TempProofDeps) {
    const now = deps.clock.now().getTime();
    const proofsBefore = new Date(now - TEMP_PROOF_RETENTION.proofDaysAfterExpiry * 86_400_000);
    // A check is made while its proof is valid (or within minutes after): the same cut-off, less the proof's day.
    const checks = await deps.tempProofs.removeChecksBefore(proofsBefore);
    const proofs = await deps.tempProofs.removeProofsExpiredBefore(proofsBefore);
    const lookups = await deps.tempProofs.removeLookupsBefore(new Date(now - TEMP_PROOF_RETENTION.lookupHours * 3_600_000));
    return { proofs, checks, lookups };
  },
});
