import type { Clock } from '../time/Clock';
import { DomainError } from '../errors/DomainError';
import type { Account } from './Account';
import type { AuditEntry } from './AuditEntry';
import type { DivisionDirectory } from './idNumber';
import type { AuditLog, FaceVerifier, IdentityStore, PopulationRegistry, Secrets, SmsSender } from './ports';

/** Who calls, as the function context says (never the payload). */
export interface CallerContext {
  openid?: string;
  clientIp?: string;
}

export interface IdentityDeps {
  caller: CallerContext;
  store: IdentityStore;
  registry: PopulationRegistry;
  sms: SmsSender;
  face: FaceVerifier;
  audit: AuditLog;
  secrets: Secrets;
  divisions: DivisionDirectory;
  clock: Clock;
}

/** The caller's openid, or UNAUTHENTICATED. */
export function requireOpenid(deps: Pick<IdentityDeps, 'caller'>): string {
  const openid = deps.caller.openid;
  if (!openid) throw new DomainError('UNAUTHENTICATED');
  return openid;
}

/** The caller's account with a verified identity, or NOT_VERIFIED. */
export async function requireVerified(deps: Pick<IdentityDeps, 'caller' | 'store'>): Promise<Account & { identity: NonNullable<Account['identity']> }> {
  const account = await deps.store.account(requireOpenid(deps));
  if (!account?.identity) throw new DomainError('NOT_VERIFIED');
  return account as Account & { identity: NonNullable<Account['identity']> };
}

/** The caller's account when it has one of the roles, or FORBIDDEN. */
export async function requireRole(deps: Pick<IdentityDeps, 'caller' | 'store'>, roles: readonly Account['role'][]): Promise<Account> {
  const account = await deps.store.account(requireOpenid(deps));
  if (!account || !roles.includes(account.role)) throw new DomainError('FORBIDDEN');
  return account;
}

export function audit(deps: Pick<IdentityDeps, 'audit' | 'caller' | 'clock'>, account: Account, entry: Pick<AuditEntry, 'action' | 'target'> & Partial<AuditEntry>): Promise<void> {
  return deps.audit.record({
    actorOpenid: account._id,
    role: account.role,
    at: deps.clock.now(),
    clientIp: deps.caller.clientIp,
    ...entry,
  });
}

/** Field names used as authenticated data, so an encrypted phone cannot pass for an ID number. */
export const FIELD = { idNumber: 'idNumber', name: 'name', phone: 'phone', address: 'address' } as const;
