import { DomainError } from '../errors/DomainError';
import type { Account } from './Account';
import { requireOpenid, type CallerContext } from './IdentityDeps';
import type { IdentityStore } from './ports';

/** The person a verified caller acts for: themselves, or a family member of theirs. */
export interface ActingSubject {
  residentId: string;
  idIndex: string;
  nameEnc: string;
  /** Resident id when acting for a family member (recorded: who acted for whom). */
  actedFor?: string;
}

export type VerifiedAccount = Account & { identity: NonNullable<Account['identity']> };

/**
 * The verified caller and the person they act for: the caller, or a family member the caller may
 * act for (a family link), never anyone else.
 */
export async function resolveActingFor(
  deps: { caller: CallerContext; identities: Pick<IdentityStore, 'account' | 'familyLinks'> },
  forMemberId: string | undefined,
): Promise<{ account: VerifiedAccount; subject: ActingSubject }> {
  const account = await deps.identities.account(requireOpenid(deps));
  if (!account?.identity) throw new DomainError('NOT_VERIFIED');
  const verified = account as VerifiedAccount;
  if (!forMemberId || forMemberId === account.identity.residentId) {
    const { residentId, idIndex, nameEnc } = account.identity;
    return { account: verified, subject: { residentId, idIndex, nameEnc } };
  }
  const link = (await deps.identities.familyLinks(account._id)).find((l) => l.memberResidentId === forMemberId);
  if (!link) throw new DomainError('FAMILY_MEMBER_NOT_FOUND');
  return {
    account: verified,
    subject: { residentId: link.memberResidentId, idIndex: link.memberIdIndex, nameEnc: link.memberNameEnc, actedFor: link.memberResidentId },
  };
}
