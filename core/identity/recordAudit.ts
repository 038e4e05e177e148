import type { Clock } from '../time/Clock';
import type { Account } from './Account';
import type { AuditEntry } from './AuditEntry';
import type { CallerContext } from './caller';
import type { AuditLog } from './ports';

/**
 * Writes the audit record of an act by `account` (who, role, when, from where, plus the entry).
 * `id`, when given (derived from the request), makes the record once-only: a retried request
 * records nothing more.
 */
export function recordAudit(
  deps: { audit: AuditLog; caller: CallerContext; clock: Clock },
  account: Account,
  entry: Pick<AuditEntry, 'action' | 'target'> & Partial<AuditEntry> & { id?: string },
): Promise<void> {
  const { id, ...fields } = entry;
  return deps.audit.record(
    {
      actorOpenid: account._id,
      role: account.role,
      at: deps.clock.now(),
      clientIp: deps.caller.clientIp,
      ...fields,
    },
    id,
  );
}
