import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import type { VerifiedAccount } from '../../identity/Account';
import { requireVerified } from '../../identity/callerAccount';
import { faceIsFresh } from '../face';
import { decideIssue, monthOf } from '../issuance';
import { TEMP_PROOF_POLICY } from '../policy';
import { basisOf } from '../basis';
import { factsOf, settle } from '../settle';
import { statusOf, type TempProof } from '../TempProof';
import type { TempProofDeps } from '../TempProofDeps';
import { issueProofToken, windowEnd, windowOf } from '../token';
import { checkView, proofView } from '../views';
import { CheckView, ProofIdInput, ProofView, VerifyResultInput } from '../viewSchemas';
import { checkFace, faceKeyOf } from './faceCheck';

/** The caller's own proof, settled (revoked now if its facts say so); another's is indistinguishable from none. */
async function ownProof(deps: TempProofDeps, account: VerifiedAccount, proofId: string): Promise<TempProof> {
  const proof = await deps.tempProofs.proof(proofId);
  if (!proof || proof.openid !== account._id) throw new DomainError('TEMP_PROOF_NOT_FOUND');
  return settle(deps, proof);
}

/** Refuses a proof that cannot be shown now: expired or revoked. */
function ensureValid(proof: TempProof, now: Date): void {
  const status = statusOf(proof, now);
  if (status === 'expired') throw new DomainError('TEMP_PROOF_EXPIRED');
  if (status === 'revoked') throw new DomainError('TEMP_PROOF_REVOKED');
}

export const myTempProofs = defineAction({
  summary:
    "The caller's temporary identity proofs, newest first (each revoked at once if a reissue or withdrawal ends it), with how many of this month's 3 are used and whether the month's quota and the current proof allow another now (`mayApply`; whether the card entitles to one is decided at applyTempProof).",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ proofs: z.array(ProofView), usedThisMonth: z.int(), perMonth: z.int(), mayApply: z.boolean() })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run(_input, deps: TempProofDeps) {
    const account = await requireVerified(deps);
    const now = deps.clock.now();
    const proofs = await deps.tempProofs.proofsOf(account._id, 20);
    // Read every time: whether the person may apply at all is said here, before the page asks for a face check.
    const facts = await factsOf(deps, account.identity.residentId, account.identity.idIndex, 'optional');
    const settled = await Promise.all(proofs.map((p) => (statusOf(p, now) === 'valid' ? settle(deps, p, facts) : p)));
    const month = monthOf(now);
    return {
      proofs: settled.map((p) => proofView(p, now)),
      usedThisMonth: new Set(settled.filter((p) => p.month === month).map((p) => p.slot)).size,
      perMonth: TEMP_PROOF_POLICY.perMonth,
      // Entitled (a card being reissued or reported lost; when the registry does not answer, the open applications decide) and within the limits.
      mayApply: decideIssue(settled, now).ok && basisOf(facts).ok,
    };
  },
});

export const tempProofToken = defineAction({
  summary:
    "The QR token of the caller's valid proof for the current minute (it changes every 60 s; the page asks again each minute). Refused when the proof expired or was revoked, and when the last face check is older than 30 minutes (TEMP_PROOF_FACE_REQUIRED: refreshTempProofFace first).",
  input: lazySchema(() => z.strictObject({ proofId: ProofIdInput })),
  output: lazySchema(() => z.object({ token: z.string(), validUntil: z.string(), faceDueAt: z.string() })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'TEMP_PROOF_NOT_FOUND', 'TEMP_PROOF_EXPIRED', 'TEMP_PROOF_REVOKED', 'TEMP_PROOF_FACE_REQUIRED'],
  async run({ proofId }, deps: TempProofDeps) {
    const account = await requireVerified(deps);
    const proof = await ownProof(deps, account, proofId);
    const now = deps.clock.now();
    ensureValid(proof, now);
    if (!faceIsFresh(proof.faceAt, now)) throw new DomainError('TEMP_PROOF_FACE_REQUIRED');
    const view = proofView(proof, now);
    return { token: issueProofToken(proof._id, now, deps.proofSigner), validUntil: windowEnd(windowOf(now)).toISOString(), faceDueAt: view.faceDueAt };
  },
});

export const refreshTempProofFace = defineAction({
  summary:
    'A face check again on a valid proof (after 30 minutes on screen the page asks for one): the same check as at issue; the proof can be shown for 30 more minutes. A face result counts once; sent again it answers the proof as it stands.',
  input: lazySchema(() => z.strictObject({ proofId: ProofIdInput, verifyResult: VerifyResultInput })),
  output: ProofView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'CONSENT_REQUIRED',
    'VERIFICATION_LOCKED',
    'FACE_VERIFICATION_FAILED',
    'TEMP_PROOF_NOT_FOUND',
    'TEMP_PROOF_EXPIRED',
    'TEMP_PROOF_REVOKED',
    'SERVICE_BUSY',
  ],
  async run({ proofId, verifyResult }, deps: TempProofDeps) {
    const account = await requireVerified(deps);
    const proof = await ownProof(deps, account, proofId);
    const faceKey = faceKeyOf(deps, verifyResult);
    if (proof.faceKey === faceKey) return proofView(proof, deps.clock.now());
    ensureValid(proof, deps.clock.now());
    await checkFace(deps, account, verifyResult);
    const now = deps.clock.now();
    if (!(await deps.tempProofs.refreshFace(proof._id, proof.faceKey, now, faceKey))) {
      const current = await deps.tempProofs.proof(proof._id);
      // Another refresh won meanwhile; this one's result is what counts only if it was that one.
      if (current?.faceKey !== faceKey) throw new DomainError('SERVICE_BUSY');
      return proofView(current, now);
    }
    return proofView({ ...proof, faceAt: now, faceKey }, now);
  },
});

export const tempProofVerifications = defineAction({
  summary: "Every verification of the caller's temporary proofs, newest first: when, by what kind of verifier and the name they typed, and what they were told.",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ checks: z.array(CheckView) })),
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run(_input, deps: TempProofDeps) {
    const account = await requireVerified(deps);
    return { checks: (await deps.tempProofs.checksOf(account._id, 100)).map(checkView) };
  },
});
