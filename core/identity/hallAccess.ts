import { DomainError } from '../errors/DomainError';
import type { Account } from './Account';
import { actsForAnyHall, mayActForHall, mayAdminister, mustVerifyToAct, type Holder } from './hallRights';
import { mayLeadHall } from './hallLead';

/*
 * The refusals that follow from who may do what (./hallRights.ts, re-exported here for the
 * functions): OFFICER_NOT_VERIFIED when only the verification is missing, FORBIDDEN otherwise.
 */
export { actsForAnyHall, auditScope, hallsActedFor, hallsBoundTo, hallsWithNumbersFor, mayActForHall, mayAdminister, mayReadHallNumbers, mustVerifyToAct } from './hallRights';
export { hallsLed, mayLeadHall } from './hallLead';

/** Why an account that may not act is refused: verify first when only that is missing, FORBIDDEN otherwise. */
export function refusalOf(account: Holder): DomainError {
  return mustVerifyToAct(account) ? new DomainError('OFFICER_NOT_VERIFIED') : new DomainError('FORBIDDEN');
}

/** The account, when it may act for the hall; OFFICER_NOT_VERIFIED or FORBIDDEN otherwise. */
export function requireActingForHall<A extends Account>(account: A | null | undefined, hallId: string): A {
  if (!account || !mayActForHall(account, hallId)) throw refusalOf(account);
  return account;
}

/** The account, when it acts for at least one hall; OFFICER_NOT_VERIFIED or FORBIDDEN otherwise. */
export function requireActingForAnyHall<A extends Account>(account: A | null | undefined): A {
  if (!account || !actsForAnyHall(account)) throw refusalOf(account);
  return account;
}

/** The account, when it is an admin; FORBIDDEN otherwise. */
export function requireAdmin<A extends Account>(account: A | null | undefined): A {
  if (!account || !mayAdminister(account)) throw new DomainError('FORBIDDEN');
  return account;
}

/** The account, when it may edit the hall's special hours and duty roster (an admin, or the hall's lead); OFFICER_NOT_VERIFIED or FORBIDDEN otherwise. */
export function requireLeadOfHall<A extends Account>(account: A | null | undefined, hallId: string): A {
  if (!account || !mayLeadHall(account, hallId)) throw mustVerifyToAct(account) && (account?.leads ?? []).includes(hallId) ? refusalOf(account) : new DomainError('FORBIDDEN');
  return account;
}
