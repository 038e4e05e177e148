import type { CardFacts, ApplicationFacts } from './facts';
import type { RevocationReason, TempProof } from './TempProof';
import type { TempProofCheck } from './TempProofCheck';

/** Temporary proofs and their verification log (collections `temp_proofs`, `temp_proof_checks`, `temp_proof_lookups`). */
export interface TempProofStore {
  proof(id: string): Promise<TempProof | null>;
  /** Inserts a proof; false when its id (its holder's slot of the month) is taken already. */
  insert(proof: TempProof): Promise<boolean>;
  /** The holder's proofs issued at or after `since`, newest first (by blind index: whichever account applied). */
  issuedSince(idIndex: string, since: Date): Promise<TempProof[]>;
  /** The account's proofs, newest first. */
  proofsOf(openid: string, limit: number): Promise<TempProof[]>;
  /**
   * Records a passed face check on a proof: compare-and-set on the face result last used (`fromKey`),
   * so a face result counts once and two refreshes at once cannot both win. False when it changed.
   */
  refreshFace(id: string, fromKey: string, faceAt: Date, faceKey: string): Promise<boolean>;
  /** Marks a proof revoked, once: a revoked proof keeps its first reason and instant. */
  revoke(id: string, reason: RevocationReason, at: Date): Promise<void>;
  addCheck(check: TempProofCheck): Promise<void>;
  /** Verifications of the account's proofs, newest first. */
  checksOf(holderOpenid: string, limit: number): Promise<TempProofCheck[]>;
  /** Counts one public lookup by `key` in the window starting at `windowStart`; returns the count so far. */
  countLookup(key: string, windowStart: Date): Promise<number>;
  /** Retention (daily timer): each returns how many it deleted. */
  removeProofsExpiredBefore(before: Date): Promise<number>;
  removeChecksBefore(before: Date): Promise<number>;
  removeLookupsBefore(before: Date): Promise<number>;
  /** The person's reissue applications (collection `reissue_applications`), newest first. */
  applicationsFor(idIndex: string): Promise<ApplicationFacts[]>;
}

/** The registry's card record of a person (the reissue function's registry gateway); REGISTRY_UNAVAILABLE when it cannot be asked. */
export interface TempProofCards {
  card(residentId: string): Promise<NonNullable<CardFacts['card']> | null>;
}
