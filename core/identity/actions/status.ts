import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { newAccount, type Account } from '../Account';
import { CONSENT_VERSION, hasConsent, withConsents } from '../consent';
import { type IdentityDeps } from '../IdentityDeps';
import { requireOpenid } from '../caller';
import { failureDay, lockoutState } from '../lockout';
import { profileOf } from '../profile';
import { StatusView } from '../views';
import { lazySchema } from '../../function/lazySchema';

export async function statusOf(deps: IdentityDeps, account: Account): Promise<StatusView> {
  const now = deps.clock.now();
  const lock = lockoutState(await deps.identities.failures(account._id, failureDay(now)), now);
  return {
    openid: account._id,
    role: account.role,
    consents: { identity: hasConsent(account, 'identity'), face: hasConsent(account, 'face'), version: CONSENT_VERSION },
    verified: Boolean(account.identity),
    profile: account.identity ? profileOf(account.identity, deps.secrets, deps.divisions) : undefined,
    halls: account.halls,
    ...(account.leads?.length ? { leads: account.leads } : {}),
    lockout: { locked: lock.locked, remaining: lock.remaining, until: lock.until?.toISOString() },
  };
}

/** The caller's account, or a new (unsaved) one. */
export async function accountOf(deps: IdentityDeps): Promise<Account> {
  const openid = requireOpenid(deps);
  return (await deps.identities.account(openid)) ?? newAccount(openid, deps.clock.now());
}

export const status = defineAction({
  summary: "The caller's own openid (from the function context), role, consents, verification state, masked profile and lockout.",
  input: lazySchema(() => z.strictObject({})),
  output: StatusView,
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: IdentityDeps) {
    return statusOf(deps, await accountOf(deps));
  },
});

export const consent = defineAction({
  summary: 'Records separate consent to the processing of identity data and of face data (PIPL art. 29).',
  input: lazySchema(() =>
    z.strictObject({
      purposes: z.array(z.enum(['identity', 'face'])).check(z.minLength(1), z.maxLength(2)),
      version: z.int(),
    }),
  ),
  output: StatusView,
  errors: ['UNAUTHENTICATED', 'INVALID_INPUT'],
  async run({ purposes, version }, deps: IdentityDeps) {
    // Consent counts only for the text the citizen actually read.
    if (version !== CONSENT_VERSION) throw new DomainError('INVALID_INPUT', '同意书已更新，请重新阅读');
    const account = withConsents(await accountOf(deps), purposes, deps.clock.now());
    await deps.identities.saveAccount(account);
    return statusOf(deps, account);
  },
});
