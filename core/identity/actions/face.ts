import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { maskIdNumber } from '../../privacy/mask';
import type { Account } from '../Account';
import { decideBinding } from '../binding';
import { hasConsent } from '../consent';
import { judgeFaceResult } from '../faceResult';
import { FIELD } from '../fieldNames';
import { recordAudit } from '../recordAudit';
import { type IdentityDeps } from '../IdentityDeps';
import { VerificationIdInput } from '../inputs';
import { StatusView } from '../views';
import { countFailure, ownVerification } from './verification';
import { accountOf, statusOf } from './status';

export const confirmFace = defineAction({
  summary:
    "Confirms WeChat's face verification result server-side, matches the person against the population registry, and binds the identity to this account (moving it from another account if needed).",
  input: z.object({ verificationId: VerificationIdInput, verifyResult: z.string().min(8).max(512) }).strict(),
  output: StatusView,
  errors: [
    'UNAUTHENTICATED',
    'CONSENT_REQUIRED',
    'VERIFICATION_EXPIRED',
    'VERIFICATION_OUT_OF_ORDER',
    'FACE_VERIFICATION_FAILED',
    'REGISTRY_MISMATCH',
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
    const idNumber = deps.secrets.decrypt(v.idNumberEnc, FIELD.idNumber);
    const name = deps.secrets.decrypt(v.nameEnc, FIELD.name);
    const now = deps.clock.now();

    const fail = async (code: 'FACE_VERIFICATION_FAILED' | 'REGISTRY_MISMATCH') => {
      if (await deps.identities.advanceVerification(v._id, 'face', { step: 'failed' })) await countFailure(deps, account._id);
      throw new DomainError(code);
    };

    const info = await deps.face.identifyInfo(verifyResult);
    const verdict = judgeFaceResult(info, { openid: account._id, idNumberMd5: deps.secrets.md5(idNumber), nameMd5: deps.secrets.md5(name) }, now);
    if (!verdict.ok) await fail('FACE_VERIFICATION_FAILED');

    const resident = await deps.registry.findByIdIndex(v.idIndex);
    if (!resident || deps.secrets.decrypt(resident.nameEnc, FIELD.name) !== name) await fail('REGISTRY_MISMATCH');

    const boundOpenid = await deps.identities.boundOpenid(v.idIndex);
    const decision = decideBinding({ openid: account._id, accountIdIndex: account.identity?.idIndex, idIndex: v.idIndex, boundOpenid });
    if (decision.kind === 'refuse') throw new DomainError('ACCOUNT_HAS_OTHER_IDENTITY');

    const verified: Account = {
      ...account,
      identity: {
        residentId: resident!._id,
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
  input: z.object({}).strict(),
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
