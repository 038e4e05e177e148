import { DomainError } from '../errors/DomainError';
import type { VerifiedAccount } from './Account';
import type { CallerContext } from './caller';
import { requireVerified } from './callerAccount';
import type { IdentityStore } from './ports';

/** The person a verified caller acts for: themselves, or a family member of theirs. */
export interface ActingSubject {
  residentId: string;
  idIndex: string;
  nameEnc: string;
  /** Resident id when acting for a family member (recorded: who acted for whom). */
  actedFor?: string;
}

/**
 * The verified caller and the person they act for: the caller, or a family member the caller may
 * act for (a family link), never anyone else.
 */
export async function resolveActingFor(
  deps: { caller: CallerContext; identities: Pick<IdentityStore, 'account' | 'familyLinks'> },
  forMemberId: string | undefined,
): Promise<{ account: VerifiedAccount; subject: ActingSubject }> {
  const account = await requireVerified(deps);
  if (!forMemberId || forMemberId === account.identity.residentId) {
    const { residentId, idIndex, nameEnc } = account.identity;
    return { account, subject: { residentId, idIndex, nameEnc } };
  }
  const link = (await deps.identities.familyLinks(account._id)).find((l) => l.memberResidentId === forMemberId);
  if (!link) throw new DomainError('FAMILY_MEMBER_NOT_FOUND');
  return {
    account,
    subject: { residentId: link.memberResidentId, idIndex: link.memberIdIndex, nameEnc: link.memberNameEnc, actedFor: link.memberResidentId },
  };
}
