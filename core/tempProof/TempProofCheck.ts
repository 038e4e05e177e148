/** Who checks a proof (the public page offers these; the name is typed freely, e.g. 某某中学考点). */
export const VERIFIER_KINDS = ['examHall', 'hotel', 'bank', 'other'] as const;
export type VerifierKind = (typeof VERIFIER_KINDS)[number];
export const VERIFIER_KIND_NAMES: Record<VerifierKind, string> = { examHall: '考场', hotel: '酒店', bank: '银行', other: '其他' };

export type CheckResult = 'valid' | 'expired' | 'revoked' | 'unknown';
export const CHECK_RESULT_NAMES: Record<CheckResult, string> = { valid: '有效', expired: '已过期', revoked: '已作废', unknown: '无法识别' };

/**
 * One verification of a proof (collection `temp_proof_checks`), kept for its holder to see: who
 * (the kind of verifier, the name they typed, their account), when, and what they were told.
 * Scans of codes that name no proof are not kept (they belong to no one).
 */
export interface TempProofCheck {
  _id: string;
  proofId: string;
  holderOpenid: string;
  at: Date;
  result: CheckResult;
  /** Why a known proof's code was refused (a code older than two minutes). */
  staleCode?: boolean;
  verifierKind: VerifierKind;
  verifierName?: string;
  verifierOpenid: string;
}
