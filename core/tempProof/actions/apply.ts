import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { requireVerified } from '../../identity/callerAccount';
import { FIELD } from '../../identity/fieldNames';
import { recordAudit } from '../../identity/recordAudit';
import { maskIdNumber, maskName } from '../../privacy/mask';
import { basisOf } from '../basis';
import { decideIssue, expiryOf, monthOf } from '../issuance';
import { factsOf, settle } from '../settle';
import type { TempProof } from '../TempProof';
import type { TempProofDeps } from '../TempProofDeps';
import { proofView } from '../views';
import { ProofView, VerifyResultInput } from '../viewSchemas';
import { checkFace, faceKeyOf } from './faceCheck';

/** Far enough back to see every proof of this month and any still valid from the last. */
const RECENT_MS = 33 * 24 * 3_600_000;

export const applyTempProof = defineAction({
  summary:
    'Issues the caller an electronic temporary identity proof (电子临时身份证明) after a fresh face check (the verify_result of wx.startFacialRecognitionVerify, judged as in real-name verification): only while their card is being produced (an open reissue application) or reported lost; valid 24 hours; at most 3 a calendar month (Asia/Shanghai), enforced by the database (a proof takes one of 3 slots with a deterministic id); a new one only in the last 3 hours of the current one. Idempotent on the face result: sent again, it answers the proof that result made.',
  input: lazySchema(() => z.strictObject({ verifyResult: VerifyResultInput })),
  output: ProofView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'CONSENT_REQUIRED',
    'VERIFICATION_LOCKED',
    'FACE_VERIFICATION_FAILED',
    'TEMP_PROOF_NOT_ELIGIBLE',
    'TEMP_PROOF_STILL_VALID',
    'TEMP_PROOF_MONTHLY_LIMIT',
    'REGISTRY_UNAVAILABLE',
  ],
  async run({ verifyResult }, deps: TempProofDeps) {
    const account = await requireVerified(deps);
    const { idIndex, residentId } = account.identity;
    const now = deps.clock.now();
    const faceKey = faceKeyOf(deps, verifyResult);
    const recent = await deps.tempProofs.issuedSince(idIndex, new Date(now.getTime() - RECENT_MS));
    // A retry of a request whose answer was lost: the face result made this proof already.
    const made = recent.find((p) => p.openid === account._id && p.faceKey === faceKey);
    if (made) return proofView(await settle(deps, made), now);

    // Who may have one is decided before the face result is judged (a refusal counts no face try).
    const facts = await factsOf(deps, residentId, idIndex, 'required');
    const entitled = basisOf(facts);
    if (!entitled.ok) throw new DomainError('TEMP_PROOF_NOT_ELIGIBLE');
    await checkFace(deps, account, verifyResult);
    // Proofs the facts end are revoked before they count as the current one.
    const settled = await Promise.all(recent.map((p) => settle(deps, p, facts)));
    const decision = decideIssue(settled, now);
    if (!decision.ok) throw new DomainError(decision.code);

    const month = monthOf(now);
    const base: Omit<TempProof, '_id' | 'slot'> = {
      openid: account._id,
      idIndex,
      residentId,
      month,
      nameMasked: maskName(deps.secrets.decrypt(account.identity.nameEnc, FIELD.name)),
      idNumberMasked: maskIdNumber(deps.secrets.decrypt(account.identity.idNumberEnc, FIELD.idNumber)),
      photoOnFile: facts.card?.photoOnFile ?? false,
      basis: entitled.basis,
      issuedAt: now,
      expiresAt: expiryOf(now),
      faceAt: now,
      faceKey,
    };
    // The database decides the month's limit: each slot's id can be inserted once.
    for (const slot of decision.slots) {
      const proof: TempProof = { ...base, _id: deps.proofIdFor(idIndex, month, slot), slot };
      if (await deps.tempProofs.insert(proof)) {
        await recordAudit(deps, account, { id: `tempProof.apply:${proof._id}`, action: 'tempProof.apply', target: proof._id });
        return proofView(proof, now);
      }
      // Taken meanwhile: by this same request (a double tap), or by another that made a proof still
      // valid (then no second one while it stands); otherwise the next place of the month.
      const taken = await deps.tempProofs.proof(proof._id);
      if (taken?.faceKey === faceKey) return proofView(taken, now);
      if (taken) {
        const again = decideIssue([taken], now);
        if (!again.ok && again.code === 'TEMP_PROOF_STILL_VALID') throw new DomainError('TEMP_PROOF_STILL_VALID');
      }
    }
    throw new DomainError('TEMP_PROOF_MONTHLY_LIMIT');
  },
});
