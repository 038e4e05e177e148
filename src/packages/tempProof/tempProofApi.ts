import { call } from '../../services/api';

/** A proof as its holder sees it (identity.myTempProofs, applyTempProof, refreshTempProofFace). */
export interface ProofView {
  id: string;
  status: 'valid' | 'expired' | 'revoked';
  statusName: string;
  nameMasked: string;
  idNumberMasked: string;
  photoOnFile: boolean;
  issuedAt: string;
  issuedAtText: string;
  expiresAt: string;
  expiresAtText: string;
  faceFresh: boolean;
  faceDueAt: string;
  revokedReason?: 'reissued' | 'withdrawn';
  revokedReasonName?: string;
}

export type VerifierKind = 'examHall' | 'hotel' | 'bank' | 'other';

export interface VerificationResult {
  result: 'valid' | 'expired' | 'revoked' | 'unknown';
  resultName: string;
  message?: string;
  holder?: Pick<ProofView, 'nameMasked' | 'idNumberMasked' | 'photoOnFile' | 'issuedAtText' | 'expiresAtText'>;
}

export interface CheckView {
  at: string;
  atText: string;
  result: VerificationResult['result'];
  resultName: string;
  verifierKind: VerifierKind;
  verifierKindName: string;
  verifierName?: string;
  /** An old code was shown (a screenshot, or passed on). */
  staleCode?: true;
  note?: string;
}

/** Typed calls to the identity function's temporary-proof actions (issue 17). */
export const tempProofApi = {
  mine: () => call<{ proofs: ProofView[]; usedThisMonth: number; perMonth: number; mayApply: boolean }>('identity', 'myTempProofs'),
  apply: (verifyResult: string) => call<ProofView>('identity', 'applyTempProof', { verifyResult }),
  token: (proofId: string) => call<{ token: string; validUntil: string; faceDueAt: string }>('identity', 'tempProofToken', { proofId }),
  refreshFace: (proofId: string, verifyResult: string) => call<ProofView>('identity', 'refreshTempProofFace', { proofId, verifyResult }),
  verify: (token: string, verifierKind: VerifierKind, verifierName?: string) =>
    call<VerificationResult>('identity', 'verifyTempProof', { token, verifierKind, ...(verifierName ? { verifierName } : {}) }),
  verifications: () => call<{ checks: CheckView[] }>('identity', 'tempProofVerifications'),
};
