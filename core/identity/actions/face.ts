import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { maskIdNumber } from '../../privacy/mask';
import type { Account } from '../Account';
import { decideBinding } from '../binding';
import { hasConsent } from '../consent';
import { judgeFaceResult } from '../faceResult';
import { FIELD } from '../fieldNames';
import { describeUntil, failureDay, lockoutState } from '../lockout';
import { recordAudit } from '../recordAudit';
import { type IdentityDeps } from '../IdentityDeps';
import { VerificationIdInput } from '../inputs';
import { VERIFICATION_POLICY } from '../Verification';
import { StatusView } from '../views';
import { countFailure, ensureNotLocked, ownVerification } from './verification';
import { accountOf, statusOf } from './status';
import { lazySchema } from '../../function/lazySchema';

export const confirmFace = defineAction({
  summary:
    "Confirms WeChat's face verification result server-side, matches the person against the population registry, and binds the identity to this account (moving it from another account if needed). A failed face check counts towards the lock and leaves the verification at the face step while tries remain (3 per verification); a face result is one try (sent again, it is judged again but not counted again, at most 3 times).",
  input: lazySchema(() => z.strictObject({ verificationId: VerificationIdInput, verifyResult: z.string().check(z.minLength(8), z.maxLength(512)) })),
  output: StatusView,
  errors: [
    'UNAUTHENTICATED',
    'CONSENT_REQUIRED',
    'VERIFICATION_EXPIRED',
    'VERIFICATION_OUT_OF_ORDER',
    'VERIFICATION_LOCKED',
    'FACE_VERIFICATION_FAILED',
    'FACE_ATTEMPTS_USED_UP',
    'FACE_RESULT_RESENT_TOO_OFTEN',
    'REGISTRY_MISMATCH',
    'REGISTRY_UNAVAILABLE',
    'ACCOUNT_HAS_OTHER_IDENTITY',
    'SERVICE_BUSY',
  ],
  async run({ verificationId, verifyResult }, deps: IdentityDeps) {
    const account = await accountOf(deps);
    if (!hasConsent(account, 'face')) throw new DomainError('CONSENT_REQUIRED');
    if (account.identity) {
      // A retry whose first attempt bound the identity (its answer was lost) gets that answer.
      const done = await deps.identities.verification(verificationId);
      if (done?.openid === account._id && done.step === 'done' && done.idIndex === account.identity.idIndex) return statusOf(deps, account);
    }
    const v = await ownVerification(deps, account._id, verificationId, 'face');
    await ensureNotLocked(deps, account._id);
    const idNumber = deps.secrets.decrypt(v.idNumberEnc, FIELD.idNumber);
    const name = deps.secrets.decrypt(v.nameEnc, FIELD.name);
    const now = deps.clock.now();

    // One face result is one try, counted before WeChat is asked, so concurrent tries cannot exceed
    // the limit. Sent again (a retried request whose answer was lost), it is judged again but never
    // counted again: it can complete its own try, not make another.
    const resultKey = deps.secrets.index('face', verifyResult);
    const counted = await deps.identities.countFaceAttempt(v._id, resultKey);
    const replay = counted === null;
    if (replay) {
      const replays = await deps.identities.countFaceReplay(v._id);
      if (replays === null) throw new DomainError('VERIFICATION_OUT_OF_ORDER');
      if (replays > VERIFICATION_POLICY.faceReplaysMax) throw new DomainError('FACE_RESULT_RESENT_TOO_OFTEN');
    }
    const attempts = counted ?? (await ownVerification(deps, account._id, v._id, 'face')).faceAttempts ?? 0;
    if (attempts > VERIFICATION_POLICY.faceMaxAttempts) throw new DomainError('FACE_ATTEMPTS_USED_UP', '请重新开始认证');

    /** A failed face check counts towards the lock; the verification stays at the face step while tries remain. */
    const failFace = async (): Promise<never> => {
      const day = failureDay(now);
      const failures = replay ? await deps.identities.failures(account._id, day) : await deps.identities.recordFailure(account._id, day);
      const lock = lockoutState(failures, now);
      const left = Math.min(VERIFICATION_POLICY.faceMaxAttempts - attempts, lock.remaining);
      if (left > 0) throw new DomainError('FACE_VERIFICATION_FAILED', `本次认证还可重试${left}次`);
      await deps.identities.advanceVerification(v._id, 'face', { step: 'failed' });
      throw new DomainError('FACE_ATTEMPTS_USED_UP', lock.until ? `今日验证失败次数已达上限，请于${describeUntil(lock.until)}后再试` : '请重新开始认证');
    };

    const info = await deps.face.identifyInfo(verifyResult);
    const verdict = judgeFaceResult(info, { openid: account._id, idNumberMd5: deps.secrets.md5(idNumber), nameMd5: deps.secrets.md5(name) }, now);
    if (!verdict.ok) await failFace();

    // The face matches the details given, but the registry does not know them: the person starts over.
    // An unreachable registry (REGISTRY_UNAVAILABLE) decided nothing: the face try is given back and
    // no failure counted, so outages never use up a verification; it stays at the face step.
    const resident = await deps.registry.match(idNumber, name).catch(async (e: unknown) => {
      if (e instanceof DomainError && e.code === 'REGISTRY_UNAVAILABLE' && !replay) await deps.identities.uncountFaceAttempt(v._id, resultKey);
      throw e;
    });
    if (!resident) {
      if (await deps.identities.advanceVerification(v._id, 'face', { step: 'failed' })) await countFailure(deps, account._id);
      throw new DomainError('REGISTRY_MISMATCH');
    }

    const boundOpenid = await deps.identities.boundOpenid(v.idIndex);
    const decision = decideBinding({ openid: account._id, accountIdIndex: account.identity?.idIndex, idIndex: v.idIndex, boundOpenid });
    if (decision.kind === 'refuse') throw new DomainError('ACCOUNT_HAS_OTHER_IDENTITY');

    const verified: Account = {
      ...account,
      identity: {
        residentId: resident._id,
        idIndex: v.idIndex,
        idNumberEnc: v.idNumberEnc,
        nameEnc: v.nameEnc,
        phoneEnc: v.phoneEnc,
        phoneIndex: v.phoneIndex,
        verifiedAt: now,
      },
      updatedAt: now,
    };
    if (!(await deps.identities.bindIdentity(verified, boundOpenid))) throw new DomainError('SERVICE_BUSY');
    await deps.identities.advanceVerification(v._id, 'face', { step: 'done' });
    await recordAudit(deps, verified, {
      action: decision.kind === 'move' ? 'identity.move' : 'identity.bind',
      target: maskIdNumber(idNumber),
    });
    return statusOf(deps, verified);
  },
});

export const unbind = defineAction({
  summary: 'Unbinds the verified identity from this WeChat account (family links go with it). Unbinding an account that holds none answers its status (a retried unbind succeeds).',
  input: lazySchema(() => z.strictObject({})),
  output: StatusView,
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: IdentityDeps) {
    const account = await accountOf(deps);
    if (!account.identity) {
      // A retry after the identity went: what an interrupted unbind left goes too.
      await deps.identities.unbindIdentity(account._id, undefined, deps.clock.now());
      return statusOf(deps, account);
    }
    const target = maskIdNumber(deps.secrets.decrypt(account.identity.idNumberEnc, FIELD.idNumber));
    await deps.identities.unbindIdentity(account._id, account.identity.idIndex, deps.clock.now());
    await recordAudit(deps, account, { action: 'identity.unbind', target });
    const { identity: _gone, ...rest } = account;
    void _gone;
    return statusOf(deps, { ...rest, updatedAt: deps.clock.now() });
  },
});
