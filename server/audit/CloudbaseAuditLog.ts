import type { AuditEntry, AuditQuery } from '../../core/identity/AuditEntry';
import type { AuditLog } from '../../core/identity/ports';
import type { Database } from '../cloudbase/app';
import { isDuplicateKey } from '../cloudbase/documents';

/** Append-only: this adapter only adds and reads; nothing in the code base updates or removes. */
export class CloudbaseAuditLog implements AuditLog {
  constructor(private readonly db: Database) {}

  /** With an id, an insert of that id: a second one (a retried request) is refused by the database and ignored, the first stays. */
  async record(entry: AuditEntry, id?: string): Promise<void> {
    try {
      await this.db.collection('audit_log').add(id ? { _id: id, ...entry } : entry);
    } catch (e) {
      if (!id || !isDuplicateKey(e)) throw e;
    }
  }

  async query(q: AuditQuery) {
    const _ = this.db.command;
    const parts: object[] = [];
    if (q.halls) parts.push({ hallId: _.in([...q.halls]) });
    if (q.action) parts.push({ action: q.action });
    if (q.actorOpenid) parts.push({ actorOpenid: q.actorOpenid });
    if (q.from) parts.push({ at: _.gte(q.from) });
    if (q.to) parts.push({ at: _.lt(q.to) });
    const where = parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : _.and(parts);
    const res = await this.db.collection('audit_log').where(where).orderBy('at', 'desc').orderBy('_id', 'desc').skip(q.offset).limit(q.limit).get();
    return (res.data ?? []) as Array<AuditEntry & { _id: string }>;
  }
}
