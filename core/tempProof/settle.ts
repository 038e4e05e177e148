import { DomainError } from '../errors/DomainError';
import type { CardFacts } from './facts';
import { revocationOf } from './revocation';
import type { TempProof } from './TempProof';
import type { TempProofDeps } from './TempProofDeps';

/**
 * The holder's current facts. `registry: 'required'` (issuing) lets REGISTRY_UNAVAILABLE through;
 * 'optional' (showing, verifying) goes on without the card record, and then only what the
 * applications prove revokes (revocation.ts).
 */
export async function factsOf(deps: TempProofDeps, residentId: string, idIndex: string, registry: 'required' | 'optional'): Promise<CardFacts> {
  const [applications, card] = await Promise.all([
    deps.tempProofs.applicationsFor(idIndex),
    deps.cards.card(residentId).catch((e: unknown) => {
      if (registry === 'optional' && e instanceof DomainError && e.code === 'REGISTRY_UNAVAILABLE') return undefined;
      throw e;
    }),
  ]);
  return { applications, ...(card ? { card } : {}) };
}

/**
 * Revokes the proof now if its holder's facts say so (a card reissued, the loss or application
 * withdrawn): the lazy revocation every show, token and verification goes through, so a proof is
 * never shown or verified valid after the fact that ends it. Returns the proof as it now stands.
 */
export async function settle(deps: TempProofDeps, proof: TempProof, facts?: CardFacts): Promise<TempProof> {
  if (proof.revokedAt) return proof;
  const now = deps.clock.now();
  if (now.getTime() >= proof.expiresAt.getTime()) return proof;
  const reason = revocationOf(proof, facts ?? (await factsOf(deps, proof.residentId, proof.idIndex, 'optional')));
  if (!reason) return proof;
  await deps.tempProofs.revoke(proof._id, reason, now);
  return (await deps.tempProofs.proof(proof._id)) ?? { ...proof, revokedAt: now, revokedReason: reason };
}
