import { DomainError } from '../errors/DomainError';
import type { Account } from '../identity/Account';
import { requireOpenid } from '../identity/IdentityDeps';
import type { BookingSubject } from './Appointment';
import type { BookingDeps } from './BookingDeps';

/**
 * The verified caller and the person the booking is for: the caller, or a family member the caller
 * may act for (a family link), never anyone else.
 */
export async function resolveSubject(
  deps: BookingDeps,
  forMemberId: string | undefined,
): Promise<{ account: Account & { identity: NonNullable<Account['identity']> }; subject: BookingSubject }> {
  const account = await deps.identities.account(requireOpenid(deps));
  if (!account?.identity) throw new DomainError('NOT_VERIFIED');
  const verified = account as Account & { identity: NonNullable<Account['identity']> };
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
