import { shanghaiMinuteText } from '../time/shanghai';
import { faceDueAt, faceIsFresh } from './face';
import { statusOf, type RevocationReason, type TempProof, type TempProofStatus } from './TempProof';
import { CHECK_RESULT_NAMES, VERIFIER_KIND_NAMES, type CheckResult, type TempProofCheck } from './TempProofCheck';

export const STATUS_NAMES: Record<TempProofStatus, string> = { valid: '有效', expired: '已过期', revoked: '已作废' };
export const REVOCATION_NAMES: Record<RevocationReason, string> = { reissued: '新身份证已领取', withdrawn: '补领申请已撤回或挂失已撤销' };

/** What a verifier is shown: masked data only, never more. */
export function holderView(p: TempProof) {
  return {
    nameMasked: p.nameMasked,
    idNumberMasked: p.idNumberMasked,
    photoOnFile: p.photoOnFile,
    issuedAt: p.issuedAt.toISOString(),
    issuedAtText: shanghaiMinuteText(p.issuedAt),
    expiresAt: p.expiresAt.toISOString(),
    expiresAtText: shanghaiMinuteText(p.expiresAt),
  };
}

/** The holder's own view of a proof. */
export function proofView(p: TempProof, now: Date) {
  const status = statusOf(p, now);
  return {
    id: p._id,
    status,
    statusName: STATUS_NAMES[status],
    ...holderView(p),
    faceFresh: faceIsFresh(p.faceAt, now),
    faceDueAt: faceDueAt(p.faceAt).toISOString(),
    ...(p.revokedReason ? { revokedReason: p.revokedReason, revokedReasonName: REVOCATION_NAMES[p.revokedReason] } : {}),
  };
}

/** The public page's answer. A token that names no proof (or a forged one) shows nothing but "unknown". */
export function verificationView(result: CheckResult, proof: TempProof | undefined, staleCode = false) {
  return {
    result,
    resultName: CHECK_RESULT_NAMES[result],
    ...(staleCode ? { message: '二维码已失效，请持证人刷新后重新出示' } : {}),
    ...(proof && result !== 'unknown' ? { holder: holderView(proof) } : {}),
  };
}

export function checkView(c: TempProofCheck) {
  return {
    at: c.at.toISOString(),
    atText: shanghaiMinuteText(c.at),
    result: c.result,
    resultName: CHECK_RESULT_NAMES[c.result],
    verifierKind: c.verifierKind,
    verifierKindName: VERIFIER_KIND_NAMES[c.verifierKind],
    ...(c.verifierName ? { verifierName: c.verifierName } : {}),
    ...(c.staleCode ? { staleCode: true as const, note: STALE_CODE_NOTE } : {}),
  };
}

/** What the holder reads beside a check of an old code: it did not come from their screen just then. */
export const STALE_CODE_NOTE = '出示的是已失效的二维码（可能是截图或转发）；如非本人出示，请注意保管证明';

/**
 * A check's id: one per proof, verifier, minute and answer, so the same code sent twice by one
 * verifier (a double tap, a retry) is one entry in the holder's log; another minute, verifier or
 * answer (the proof revoked meanwhile) is another.
 */
export function checkId(proofId: string, verifierOpenid: string, minuteWindow: number, result: CheckResult): string {
  return `${proofId}:${minuteWindow}:${result}:${verifierOpenid}`.slice(0, 128);
}
