import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { requireOpenid } from '../../identity/caller';
import { containsUnmaskedIdOrPhone } from '../../privacy/mask';
import { judgeScan } from '../scan';
import { settle } from '../settle';
import type { TempProofDeps } from '../TempProofDeps';
import { VERIFIER_KINDS } from '../TempProofCheck';
import { readProofToken, windowOf } from '../token';
import { checkId, verificationView } from '../views';
import { VerificationView } from '../viewSchemas';

/** At most this many verifications per account in one window (an exam hall checks a few a minute; a scraper many). */
export const VERIFY_TEMP_PROOF_LIMIT = { perWindow: 30, windowMs: 10 * 60_000 } as const;

export const verifyTempProof = defineAction({
  summary:
    'Public verification of an electronic temporary identity proof by its scanned or typed QR token (any WeChat user, no real-name verification needed; rate-limited per account): valid, expired, revoked or unknown, with the holder masked (name 张*, ID number first 4 + last 4), whether a photo is on file, issue and expiry. A code older than two minutes is unknown. Each verification of a proof is logged for its holder (verifier kind, the name typed, when, the result, and whether an old code was shown), once per verifier, minute and answer.',
  input: lazySchema(() =>
    z.strictObject({
      token: z.string().check(z.minLength(1), z.maxLength(200)),
      verifierKind: z.enum(VERIFIER_KINDS),
      verifierName: z.optional(z.string().check(z.trim(), z.maxLength(30))),
    }),
  ),
  output: VerificationView,
  errors: ['UNAUTHENTICATED', 'INVALID_INPUT', 'TOO_FREQUENT'],
  async run({ token, verifierKind, verifierName }, deps: TempProofDeps) {
    const openid = requireOpenid(deps);
    if (verifierName && containsUnmaskedIdOrPhone(verifierName).length) throw new DomainError('INVALID_INPUT', '核验单位名称中不能含有身份证号或手机号');
    const now = deps.clock.now();
    const windowStart = new Date(now.getTime() - (now.getTime() % VERIFY_TEMP_PROOF_LIMIT.windowMs));
    if ((await deps.tempProofs.countLookup(`verify:${openid}`, windowStart)) > VERIFY_TEMP_PROOF_LIMIT.perWindow) throw new DomainError('TOO_FREQUENT');

    const reading = readProofToken(token.trim(), deps.proofSigner, now);
    const named = reading.ok || reading.reason === 'stale' ? await deps.tempProofs.proof(reading.proofId) : null;
    const proof = named && reading.ok ? await settle(deps, named) : named;
    const outcome = judgeScan(reading, proof, now);
    if (outcome.proof) {
      await deps.tempProofs.addCheck({
        _id: checkId(outcome.proof._id, openid, windowOf(now), outcome.result),
        proofId: outcome.proof._id,
        holderOpenid: outcome.proof.openid,
        at: now,
        result: outcome.result,
        ...(outcome.staleCode ? { staleCode: true } : {}),
        verifierKind,
        ...(verifierName ? { verifierName } : {}),
        verifierOpenid: openid,
      });
    }
    return verificationView(outcome.result, outcome.proof, outcome.staleCode);
  },
});
