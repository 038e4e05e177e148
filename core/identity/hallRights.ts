import type { Account } from './Account';

/**
 * Who may do what, in one place (the refusals that follow from it are in ./hallAccess.ts, which
 * re-exports these; the pages import this file, which carries no error catalogue). Every officer-facing action of every function asks these
 * questions and nothing else:
 *
 * - An account acts for a hall (sees its day, checks in its tickets, reviews, ships and refunds its
 *   reissue applications) only when it is bound to that hall: an officer of the hall, or an admin
 *   who is also bound to it (an admin with halls acts for those halls as an officer does).
 * - …and only once its owner passed real-name verification (the account holds an identity): an
 *   officer bound to halls but not verified acts for none of them and is told to verify first
 *   (OFFICER_NOT_VERIFIED), wherever an officer acts. Accepting an invitation needs no verification;
 *   acting does.
 * - Being an admin by itself grants no hall: an admin manages officers (invitations, the officer
 *   list, revocations) and reads the whole audit log, nothing else. Administering needs no
 *   verification (the first admin is granted by ops, by openid).
 * - An officer reads the audit records of their own halls only (`auditScope`).
 * - A citizen acts for no hall, whatever their `halls` field holds.
 * - A hall's special hours and duty roster (issue 16) are edited by its lead and by any admin
 *   (./hallLead.ts).
 */
export type Holder =
  | (Pick<Account, 'role' | 'halls'> &
      Partial<Pick<Account, 'leads'>> & {
        /** An account: verified when it holds an identity. */
        identity?: unknown;
        /** A status view (core/identity/views.ts) says it in a flag. */
        verified?: boolean;
      })
  | null
  | undefined;

/** Whether the holder's owner passed real-name verification. */
function verifiedHolder(account: NonNullable<Holder>): boolean {
  return account.verified ?? Boolean(account.identity);
}

/** The halls the account is bound to as an officer, verified or not (empty for citizens and for admins without halls). */
export function hallsBoundTo(account: Holder): readonly string[] {
  if (!account || (account.role !== 'officer' && account.role !== 'admin')) return [];
  return account.halls;
}

/** The halls the account may act for as an officer: those it is bound to, once verified. */
export function hallsActedFor(account: Holder): readonly string[] {
  return account && verifiedHolder(account) ? hallsBoundTo(account) : [];
}

/** Whether the account may act as an officer of this hall. */
export function mayActForHall(account: Holder, hallId: string): boolean {
  return hallsActedFor(account).includes(hallId);
}

/** Whether the account acts for any hall at all (may use the officer pages). */
export function actsForAnyHall(account: Holder): boolean {
  return hallsActedFor(account).length > 0;
}

/** Whether the account is bound to halls but may not act for them until its owner's real-name verification. */
export function mustVerifyToAct(account: Holder): boolean {
  return Boolean(account) && hallsBoundTo(account).length > 0 && !verifiedHolder(account!);
}

/**
 * Whether the account may read a hall's numbers (its ratings, its statistics report): counts that hold
 * no personal data, so an admin reads every hall's and an officer those of the halls they act for.
 */
export function mayReadHallNumbers(account: Holder, hallId: string): boolean {
  return account?.role === 'admin' || mayActForHall(account, hallId);
}

/** Of `halls` (every hall's id), those whose numbers the account may read. */
export function hallsWithNumbersFor(account: Holder, halls: readonly string[]): readonly string[] {
  return account?.role === 'admin' ? halls : hallsActedFor(account);
}

/** Whether the account may invite officers, list and revoke them, and read the audit log. */
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
