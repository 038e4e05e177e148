import type { TempProofBasis } from './TempProof';
import { IN_PROGRESS, completedAt, type CardFacts } from './facts';

export type BasisDecision = { ok: true; basis: TempProofBasis } | { ok: false };

/**
 * Who may get a temporary proof: a person whose card is being produced (an open reissue or
 * replacement application, lost or damaged), or whose card is reported lost in the registry and no
 * new card reached them since. Anyone else (a valid card, no card at all) may not.
 */
export function basisOf(facts: CardFacts): BasisDecision {
  const open = facts.applications.find((a) => IN_PROGRESS.includes(a.state));
  if (open) return { ok: true, basis: { kind: 'application', applicationId: open._id, reason: open.reason } };
  const lostAt = facts.card?.lostAt;
  if (lostAt) {
    const replaced = facts.applications.some((a) => {
      const done = completedAt(a);
      return done !== undefined && done.getTime() >= lostAt.getTime();
    });
    if (!replaced) return { ok: true, basis: { kind: 'lost', lostAt } };
  }
  return { ok: false };
}
