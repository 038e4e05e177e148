import { DomainError } from '../errors/DomainError';
import type { Account } from './Account';

/**
 * Who may do what, in one place. Every officer-facing action of every function asks these
 * questions and nothing else:
 *
 * - An account acts for a hall (sees its day, checks in its tickets, reviews, ships and refunds its
 *   reissue applications) only when it is bound to that hall: an officer of the hall, or an admin
 *   who is also bound to it (an admin with halls acts for those halls as an officer does).
 * - Being an admin by itself grants no hall: an admin manages officers (invitations) and reads the
 *   whole audit log, nothing else.
 * - An officer reads the audit records of their own halls only (`auditScope`).
 * - A citizen acts for no hall, whatever their `halls` field holds.
 */
type Holder = Pick<Account, 'role' | 'halls'> | null | undefined;

/** The halls the account may act for as an officer (empty for citizens and for admins without halls). */
export function hallsActedFor(account: Holder): readonly string[] {
  if (!account || (account.role !== 'officer' && account.role !== 'admin')) return [];
  return account.halls;
}

/** Whether the account may act as an officer of this hall. */
export function mayActForHall(account: Holder, hallId: string): boolean {
  return hallsActedFor(account).includes(hallId);
}

/** Whether the account acts for any hall at all (may use the officer pages). */
export function actsForAnyHall(account: Holder): boolean {
  return hallsActedFor(account).length > 0;
}

/** Whether the account may invite officers and read the audit log. */
export function mayAdminister(account: Holder): boolean {
  return account?.role === 'admin';
}

/**
 * Which audit records the account may read: an admin all of them, an account acting for halls
 * those of its halls, anyone else none (null).
 */
export function auditScope(account: Holder): 'all' | readonly string[] | null {
  if (mayAdminister(account)) return 'all';
  return actsForAnyHall(account) ? hallsActedFor(account) : null;
}

/** The account, when it may act for the hall; FORBIDDEN otherwise. */
export function requireActingForHall<A extends Account>(account: A | null | undefined, hallId: string): A {
  if (!account || !mayActForHall(account, hallId)) throw new DomainError('FORBIDDEN');
  return account;
}

/** The account, when it acts for at least one hall; FORBIDDEN otherwise. */
export function requireActingForAnyHall<A extends Account>(account: A | null | undefined): A {
  if (!account || !actsForAnyHall(account)) throw new DomainError('FORBIDDEN');
  return account;
}

/** The account, when it is an admin; FORBIDDEN otherwise. */
export function requireAdmin<A extends Account>(account: A | null | undefined): A {
  if (!account || !mayAdminister(account)) throw new DomainError('FORBIDDEN');
  return account;
}
