import { shanghaiDate } from '../time/shanghai';
import { basisOf } from './basis';
import type { RevocationReason, TempProof } from './TempProof';
import { completedAt, type CardFacts } from './facts';

/**
 * Whether a proof must be revoked now, decided from the person's current facts (lazily, each time a
 * proof is shown, refreshed or verified, so it is revoked the moment the facts change):
 * - reissued: an application completed (card delivered or collected) after the proof was issued, or
 *   the registry records a card issued on a later day than the proof (a card made at a window);
 * - withdrawn: nothing entitles the person any more (the application was cancelled or rejected and
 *   the card is not reported lost, or the loss report is gone from the registry).
 * Without the registry's answer (card undefined) only what the applications alone prove counts: a
 * completed one, or an abandoned replacement of a damaged card.
 */
export function revocationOf(proof: Pick<TempProof, 'basis' | 'issuedAt'>, facts: CardFacts): RevocationReason | undefined {
  const issued = proof.issuedAt.getTime();
  for (const app of facts.applications) {
    const done = completedAt(app);
    if (done !== undefined && done.getTime() >= issued) return 'reissued';
  }
  if (facts.card?.issuedOn && facts.card.issuedOn > shanghaiDate(proof.issuedAt)) return 'reissued';
  if (basisOf(facts).ok) return undefined;
  const decidable = facts.card !== undefined || (proof.basis.kind === 'application' && proof.basis.reason === 'damaged');
  return decidable ? 'withdrawn' : undefined;
}
