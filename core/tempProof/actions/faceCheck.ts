import { DomainError } from '../../errors/DomainError';
import type { VerifiedAccount } from '../../identity/Account';
import { hasConsent } from '../../identity/consent';
import { judgeFaceResult } from '../../identity/faceResult';
import { FIELD } from '../../identity/fieldNames';
import { countFailure, ensureNotLocked } from '../../identity/actions/verification';
import type { TempProofDeps } from '../TempProofDeps';

/** The keyed hash a face result is known by (the verification's own: one result, one check). */
export function faceKeyOf(deps: TempProofDeps, verifyResult: string): string {
  return deps.secrets.index('face', verifyResult);
}

/**
 * A fresh face check of the verified holder, as real-name verification judges one (core/identity/
 * faceResult.ts): WeChat's result confirmed server-side, for this account, this name and ID number,
 * at most 10 minutes old. Face consent and the daily lock apply; a failed check counts towards it.
 */
export async function checkFace(deps: TempProofDeps, account: VerifiedAccount, verifyResult: string): Promise<void> {
  if (!hasConsent(account, 'face')) throw new DomainError('CONSENT_REQUIRED');
  await ensureNotLocked(deps, account._id);
  const info = await deps.face.identifyInfo(verifyResult);
  const idNumber = deps.secrets.decrypt(account.identity.idNumberEnc, FIELD.idNumber);
  const name = deps.secrets.decrypt(account.identity.nameEnc, FIELD.name);
  const verdict = judgeFaceResult(info, { openid: account._id, idNumberMd5: deps.secrets.md5(idNumber), nameMd5: deps.secrets.md5(name) }, deps.clock.now());
  if (!verdict.ok) {
    if (verdict.reason !== 'service') await countFailure(deps, account._id);
    throw new DomainError('FACE_VERIFICATION_FAILED');
  }
}
