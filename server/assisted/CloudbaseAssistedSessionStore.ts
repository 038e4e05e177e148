import type { AssistedSession, AssistedState } from '../../core/assisted/AssistedSession';
import type { AssistedSessionStore } from '../../core/assisted/ports';
import type { Database } from '../cloudbase/app';
import { getDoc } from '../cloudbase/documents';

/** Assisted sessions (issue 18) in CloudBase: collection `assisted_sessions`. */
export class CloudbaseAssistedSessionStore implements AssistedSessionStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  session(id: string): Promise<AssistedSession | null> {
    return getDoc<AssistedSession>(this.db, 'assisted_sessions', id);
  }

  async add(session: AssistedSession): Promise<void> {
    await this.db.collection('assisted_sessions').add(session);
  }

  async change(id: string, from: AssistedState, changes: Partial<AssistedSession>): Promise<boolean> {
    const res = await this.db.collection('assisted_sessions').where({ _id: id, state: from }).update(changes);
    return res.updated === 1;
  }

  async countCodeAttempt(id: string): Promise<number> {
    await this.db
      .collection('assisted_sessions')
      .doc(id)
      .update({ codeAttempts: this._.inc(1) });
    return (await this.session(id))?.codeAttempts ?? Number.MAX_SAFE_INTEGER;
  }

  async removeEndedBefore(before: Date, limit: number): Promise<number> {
    // One batch: the oldest ids first (index `expires`), then those documents by id.
    const found = await this.db
      .collection('assisted_sessions')
      .where({ expiresAt: this._.lt(before) })
      .orderBy('expiresAt', 'asc')
      .limit(limit)
      .field({ _id: true })
      .get();
    const ids = ((found.data ?? []) as Array<{ _id: string }>).map((d) => d._id);
    if (ids.length === 0) return 0;
    const res = await this.db
      .collection('assisted_sessions')
      .where({ _id: this._.in(ids), expiresAt: this._.lt(before) })
      .remove();
    return res.deleted ?? 0;
  }
}
