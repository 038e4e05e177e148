import type { Account } from '../identity/Account';
import { requireOpenid } from '../identity/caller';
import { requireActingForHall } from '../identity/hallAccess';
import { recordAudit } from '../identity/recordAudit';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';

/** The caller's account when it acts for the application's hall (core/identity/hallAccess.ts), or FORBIDDEN. */
export async function requireOfficerOf(deps: Pick<ReissueDeps, 'caller' | 'identities'>, hallId: string): Promise<Account> {
  return requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
}

/** The audit record of an officer's act on an application (`reissue.<action>`, its hall). */
export function auditOfficer(deps: Pick<ReissueDeps, 'audit' | 'caller' | 'clock'>, account: Account, app: ReissueRecord, action: string): Promise<void> {
  return recordAudit(deps, account, { action: `reissue.${action}`, target: app._id, hallId: app.hallId });
}
