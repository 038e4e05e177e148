import type { AuditEntry } from '../../core/identity/AuditEntry';
import type { AuditLog } from '../../core/identity/ports';
import type { Database } from '../cloudbase/app';

/** Append-only: this adapter only adds and reads; nothing in the code base updates or removes. */
export class CloudbaseAuditLog implements AuditLog {
  constructor(private readonly db: Database) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.collection('audit_log').add(entry);
  }

  async recent(limit: number, actorOpenid?: string) {
    const query = actorOpenid ? this.db.collection('audit_log').where({ actorOpenid }) : this.db.collection('audit_log').where({});
    const res = await query.orderBy('at', 'desc').limit(limit).get();
    return (res.data ?? []) as Array<AuditEntry & { _id: string }>;
  }
}
