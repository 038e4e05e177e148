/**
 * One electronic temporary identity proof (collection `temp_proofs`). It names the holder only
 * masked (name 张*, ID number first 4 + last 4): a verifier never sees more, and the record needs no
 * decryption to answer a scan. Its `_id` is a keyed hash of the holder and a slot of the month
 * (tempProofIds in the server), so the database itself refuses a 4th proof in a month.
 */
export interface TempProof {
  _id: string;
  /** The WeChat account that applied (the holder: proofs are for oneself only). */
  openid: string;
  /** The holder's blind index (identity_bindings), for the reissue applications and the registry. */
  idIndex: string;
  residentId: string;
  /** Shanghai month of issue, YYYY-MM, and the slot (1..3) the proof took in it. */
  month: string;
  slot: number;
  nameMasked: string;
  idNumberMasked: string;
  /** The registry holds a photo for the holder's card (a verifier compares the face with it). */
  photoOnFile: boolean;
  /** Why the holder may have one: an open reissue application (being produced), or a card reported lost. */
  basis: TempProofBasis;
  issuedAt: Date;
  expiresAt: Date;
  /** The last passed face check (at issue, then each refresh). */
  faceAt: Date;
  /** The face result's keyed hash last used: a result is one check, never used again. */
  faceKey: string;
  revokedAt?: Date;
  revokedReason?: RevocationReason;
}

export type TempProofBasis = { kind: 'application'; applicationId: string; reason: 'lost' | 'damaged' } | { kind: 'lost'; lostAt: Date };

/** reissued: a new card reached the holder; withdrawn: the application was withdrawn or rejected, or the loss report withdrawn. */
export type RevocationReason = 'reissued' | 'withdrawn';

export type TempProofStatus = 'valid' | 'expired' | 'revoked';

/**
 * Where a proof stands at `now`: revoked wins over expired (a revoked proof is never valid again,
 * whatever instant its caller read the clock at: revocations are only ever recorded as they happen).
 */
export function statusOf(proof: Pick<TempProof, 'expiresAt' | 'revokedAt'>, now: Date): TempProofStatus {
  if (proof.revokedAt) return 'revoked';
  return now.getTime() < proof.expiresAt.getTime() ? 'valid' : 'expired';
}
