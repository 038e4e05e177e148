import type { Account } from '../identity/Account';
import type { AuditLog } from '../identity/ports';
import type { CallerContext } from '../identity/caller';
import type { Clock } from '../time/Clock';
import { recordAudit } from '../identity/recordAudit';
import { FIELD } from '../identity/fieldNames';
import { maskName } from '../privacy/mask';
import type { AssistedSession } from './AssistedSession';

/** The assisted acts, each audited as `assisted.<act>` with the officer, hall, session and reason. */
export type AssistedAct = 'open' | 'confirm' | 'fail' | 'close' | 'reserve' | 'cancel' | 'reschedule' | 'reissue' | 'materials';

export function auditAssisted(
  deps: { audit: AuditLog; caller: CallerContext; clock: Clock; secrets: { decrypt(c: string, context: string): string } },
  officer: Account,
  s: AssistedSession,
  act: AssistedAct,
  target: string,
  id?: string,
): Promise<void> {
  return recordAudit(deps, officer, {
    ...(id ? { id } : {}),
    action: `assisted.${act}`,
    target,
    hallId: s.hallId,
    actedFor: s.subjectResidentId,
    actedForName: maskName(deps.secrets.decrypt(s.subjectNameEnc, FIELD.name)),
    session: s._id,
    reason: s.reason,
  });
}
