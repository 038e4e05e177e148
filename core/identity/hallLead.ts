import { hallsActedFor, mayAdminister, type Holder } from './hallRights';

/*
 * Who edits a hall's special hours and duty roster (issue 16): its lead (大厅负责人: an account
 * acting for the hall whose `leads` names it, granted by an admin through identity `setHallLead`)
 * and any admin, for any hall. Apart from ./hallRights.ts so that the main package of the
 * mini-program, which carries that file, does not carry this one (only packages/hallAdmin does).
 */
/** The halls the account leads: those of its `leads` it acts for (bound and verified). */
export function hallsLed(account: Holder): readonly string[] {
  const acted = hallsActedFor(account);
  return (account?.leads ?? []).filter((h) => acted.includes(h));
}

/** Whether the account may edit this hall's special hours and duty roster: an admin, or the hall's lead. */
export function mayLeadHall(account: Holder, hallId: string): boolean {
  return mayAdminister(account) || hallsLed(account).includes(hallId);
}
