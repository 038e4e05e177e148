import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireAdmin } from '../hallAccess';
import { recordAudit } from '../recordAudit';
import { requireOpenid } from '../caller';
import { type IdentityDeps } from '../IdentityDeps';
import { INVITATION_POLICY, type OfficerInvitation } from '../Invitation';
import { StatusView } from '../views';
import { accountOf, statusOf } from './status';
import { lazySchema } from '../../function/lazySchema';

export const createOfficerInvitation = defineAction({
  summary: 'Admin: creates a one-time invitation that makes an account an officer of the given halls. The code is shown once.',
  input: lazySchema(() =>
    z.strictObject({ halls: z.array(stableId).check(z.minLength(1), z.maxLength(20)), validDays: z.int().check(z.gte(1), z.lte(INVITATION_POLICY.maxDays)) }),
  ),
  output: lazySchema(() => z.object({ code: z.string(), halls: z.array(z.string()), expiresAt: z.string() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'HALL_NOT_FOUND'],
  async run({ halls, validDays }, deps: IdentityDeps) {
    const admin = requireAdmin(await deps.identities.account(requireOpenid(deps)));
    const missing = await deps.identities.missingHalls(halls);
    if (missing.length) throw new DomainError('HALL_NOT_FOUND', missing.join('、'));
    const code = deps.secrets.randomToken(INVITATION_POLICY.codeLength);
    const now = deps.clock.now();
    const invitation: OfficerInvitation = {
      _id: deps.secrets.index('invitation', code),
      halls: [...new Set(halls)],
      createdBy: admin._id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + validDays * 86_400_000),
    };
    await deps.identities.addInvitation(invitation);
    await recordAudit(deps, admin, { action: 'officer.invite', target: invitation.halls.join(',') });
    return { code, halls: invitation.halls, expiresAt: invitation.expiresAt.toISOString() };
  },
});

export const acceptOfficerInvitation = defineAction({
  summary: 'Binds an officer invitation to the calling WeChat account, once.',
  input: lazySchema(() => z.strictObject({ code: z.string().check(z.trim(), z.minLength(INVITATION_POLICY.codeLength), z.maxLength(64)) })),
  output: StatusView,
  errors: ['UNAUTHENTICATED', 'INVITATION_INVALID'],
  async run({ code }, deps: IdentityDeps) {
    requireOpenid(deps);
    const account = await accountOf(deps);
    const now = deps.clock.now();
    const claimed = await deps.identities.claimInvitation(deps.secrets.index('invitation', code), account._id, now);
    if (!claimed) throw new DomainError('INVITATION_INVALID');
    const officer = {
      ...account,
      role: account.role === 'admin' ? ('admin' as const) : ('officer' as const),
      halls: [...new Set([...account.halls, ...claimed.halls])],
      updatedAt: now,
    };
    await deps.identities.saveAccount(officer);
    await recordAudit(deps, officer, { action: 'officer.bind', target: claimed.halls.join(','), hallId: claimed.halls[0] });
    return statusOf(deps, officer);
  },
});
