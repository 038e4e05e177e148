import { statusOf, type TempProof } from './TempProof';
import type { CheckResult } from './TempProofCheck';
import type { TokenReading } from './token';

export interface ScanOutcome {
  result: CheckResult;
  /** The proof the token named (signed by us), when it exists: the scan goes into its holder's log. */
  proof?: TempProof;
  staleCode: boolean;
}

/**
 * What a verifier is told for a scanned token, given the proof it names (already revoked if its
 * facts say so): unknown for anything not signed by us or naming no proof, and for an old code
 * (never valid: a screenshot passed on); otherwise the proof's status.
 */
export function judgeScan(reading: TokenReading, proof: TempProof | null | undefined, now: Date): ScanOutcome {
  if (!reading.ok && reading.reason !== 'stale') return { result: 'unknown', staleCode: false };
  if (!proof) return { result: 'unknown', staleCode: false };
  if (!reading.ok) return { result: 'unknown', proof, staleCode: true };
  return { result: statusOf(proof, now), proof, staleCode: false };
}
