import { DomainError } from '../errors/DomainError';
import type { ReferenceNumberStore, ReferenceTarget } from './ports';
import { referenceNumberFrom } from './referenceNumber';

/** How many candidates are tried before giving up (each collides with probability ≈ numbers held in the hall / 10⁷). */
export const REFERENCE_ATTEMPTS = 12;

/**
 * Gives `target` a number unique in its hall. The candidates are a fixed sequence derived from the
 * target's own id (`seedOf(attempt)` is a keyed hash of it), so a retry of the same request — whose
 * id is the same — walks the same sequence and finds the number its first attempt claimed (the
 * store answers true for a claim the target already holds). A collision moves on to the next.
 */
export async function assignReferenceNumber(store: Pick<ReferenceNumberStore, 'claim'>, target: ReferenceTarget, seedOf: (attempt: number) => string, at: Date): Promise<string> {
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
    const candidate = referenceNumberFrom(seedOf(attempt));
    if (await store.claim(candidate, target, at)) return candidate;
  }
  throw new DomainError('SERVICE_BUSY');
}
