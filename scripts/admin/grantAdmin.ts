import { randomUUID } from 'node:crypto';
import { newAccount, type Account, type Role } from '../../core/identity/Account';
import { OPS_ACTOR_PREFIX, type AuditEntry } from '../../core/identity/AuditEntry';
import type { Database } from '../../server/cloudbase/app';

/** The audit code of the grant (core/identity/auditActionNames.ts names it). */
export const GRANT_ADMIN_ACTION = 'admin.grant';

/** A mini-program openid as WeChat issues them: 28 characters of letters, digits, `-` and `_`. */
export const WECHAT_OPENID = /^[A-Za-z0-9_-]{28}$/;
/** The local cloud's persona openids (`local-admin`, a test's `itest-…`): only with a local target. */
export const LOCAL_OPENID = /^[a-z][a-z0-9-]{2,63}$/;

/** Why an openid cannot be granted, or undefined when it can. */
export function openidProblem(openid: string, opts: { allowLocal: boolean }): string | undefined {
  if (WECHAT_OPENID.test(openid) || (opts.allowLocal && LOCAL_OPENID.test(openid))) return undefined;
  return `"${openid}" is not a WeChat openid (28 letters, digits, - or _; copy it from 我的 → 我的用户标识 in the mini-program)`;
}

export type GrantOutcome =
  /** No account yet (the person has not opened the mini-program): one was made, as an admin. */
  | 'created'
  /** A citizen's or officer's account became an admin's, its identity and halls kept. */
  | 'promoted'
  /** Already an admin: nothing changed, nothing audited. */
  | 'alreadyAdmin';

export interface GrantResult {
  outcome: GrantOutcome;
  openid: string;
  /** The role before the grant (absent when there was no account). */
  previousRole?: Role;
  /** Halls the account already worked at, kept. */
  halls: string[];
  /** Whether the account holds a verified identity (kept; never printed). */
  verified: boolean;
  /** The audit record written (absent when nothing changed or on a dry run). */
  auditId?: string;
  dryRun: boolean;
}

/** What the grant uses of the SDK's transaction (its `runTransaction` is typed `any`). */
interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }>; set(data: object): Promise<unknown>; update(data: object): Promise<unknown> };
  };
}

function planOf(account: Account | null): Pick<GrantResult, 'outcome' | 'previousRole' | 'halls' | 'verified'> {
  if (!account) return { outcome: 'created', halls: [], verified: false };
  return { outcome: account.role === 'admin' ? 'alreadyAdmin' : 'promoted', previousRole: account.role, halls: account.halls ?? [], verified: Boolean(account.identity) };
}

/**
 * Makes the account of `openid` an admin, in one transaction with its audit record: creates the
 * account (as `newAccount` makes them, role admin) when the person has not opened the mini-program
 * yet; otherwise changes only its role, so a verified identity, consents and halls stay as they
 * are. Idempotent: an admin stays one and nothing is written. `operator` names who ran it (the
 * audit record's actor is `ops:<operator>`: no WeChat account acts here).
 */
export async function grantAdmin(db: Database, openid: string, opts: { now: Date; operator: string; dryRun?: boolean; allowLocal?: boolean }): Promise<GrantResult> {
  const problem = openidProblem(openid, { allowLocal: opts.allowLocal ?? false });
  if (problem) throw new Error(problem);
  const dryRun = opts.dryRun ?? false;
  if (dryRun) {
    const found = ((await db.collection('accounts').doc(openid).get()).data ?? []) as Account[];
    return { ...planOf(found[0] ?? null), openid, dryRun };
  }
  const auditId = `admin-grant-${randomUUID()}`;
  const entry: AuditEntry = { actorOpenid: `${OPS_ACTOR_PREFIX}${opts.operator}`, role: 'admin', action: GRANT_ADMIN_ACTION, target: openid, at: opts.now };
  const plan = (await db.runTransaction(async (tx: Tx) => {
    const accounts = tx.collection('accounts');
    const account = (await accounts.doc(openid).get()).data as Account | null;
    const plan = planOf(account);
    if (plan.outcome === 'alreadyAdmin') return plan;
    if (account) await accounts.doc(openid).update({ role: 'admin', updatedAt: opts.now });
    else {
      const { _id, ...fresh } = newAccount(openid, opts.now);
      await accounts.doc(_id).set({ ...fresh, role: 'admin' });
    }
    await tx.collection('audit_log').doc(auditId).set(entry);
    return plan;
  })) as ReturnType<typeof planOf>;
  return { ...plan, openid, dryRun, ...(plan.outcome === 'alreadyAdmin' ? {} : { auditId }) };
}

/** One line for the operator: what was (or, on a dry run, would be) done. */
export function describeGrant(r: GrantResult, target: string): string {
  const kept = [r.verified ? 'verified identity' : '', r.halls.length ? `halls ${r.halls.join(', ')}` : ''].filter(Boolean).join(' and ');
  const would = r.dryRun ? 'dry run, nothing changed: would ' : '';
  switch (r.outcome) {
    case 'alreadyAdmin':
      return `${r.openid} is already an admin in ${target}: nothing to do`;
    case 'created':
      return `${would}${r.dryRun ? 'create' : 'created'} the account ${r.openid} as an admin in ${target} (the person has not opened the mini-program yet)${r.auditId ? `; audit record ${r.auditId}` : ''}`;
    case 'promoted':
      return `${would}${r.dryRun ? 'make' : 'made'} ${r.openid} an admin in ${target} (was ${r.previousRole}${kept ? `; ${kept} kept` : ''})${r.auditId ? `; audit record ${r.auditId}` : ''}`;
  }
}
