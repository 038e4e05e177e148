import { DomainError } from '../errors/DomainError';
import { isVerified, type VerifiedAccount } from './Account';
import { requireOpenid, type CallerContext } from './caller';
import type { IdentityStore } from './ports';

type CallerDeps = { caller: CallerContext; identities: Pick<IdentityStore, 'account'> };

/** The caller's account with a verified identity, or NOT_VERIFIED (UNAUTHENTICATED without a caller). */
export async function requireVerified(deps: CallerDeps): Promise<VerifiedAccount> {
  const account = await deps.identities.account(requireOpenid(deps));
  if (!account || !isVerified(account)) throw new DomainError('NOT_VERIFIED');
  return account;
}
