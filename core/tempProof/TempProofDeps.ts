import type { IdentityDeps } from '../identity/IdentityDeps';
import type { TempProofCards, TempProofStore } from './ports';
import type { ProofSigner } from './token';

/** The identity function's ports plus what temporary proofs need (adapters in server/tempProof). */
export type TempProofDeps = IdentityDeps & {
  tempProofs: TempProofStore;
  cards: TempProofCards;
  /** HMAC-SHA256 under HUKOU_TICKET_KEY, as appointment tickets are signed. */
  proofSigner: ProofSigner;
  /** The id of the holder's proof in a slot of a month: a keyed hash, unguessable and unlinkable without the key. */
  proofIdFor(idIndex: string, month: string, slot: number): string;
};
