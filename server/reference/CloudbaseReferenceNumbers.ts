import type { ReferenceNumberStore, ReferenceTarget } from '../../core/reference/ports';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';

interface ClaimDoc extends Omit<ReferenceTarget, 'id'> {
  targetId: string;
  _id: string;
  number: string;
  at: Date;
}

/**
 * Reference numbers in CloudBase: `reference_numbers` (`_id = hallId:number`, so the database
 * refuses a second holder of a number in a hall) and `reference_check_failures` (counters of wrong
 * identity confirmations, `_id` = the key).
 */
export class CloudbaseReferenceNumbers implements ReferenceNumberStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  async claim(number: string, target: ReferenceTarget, at: Date): Promise<boolean> {
    const id = `${target.hallId}:${number}`;
    try {
      await this.db.collection('reference_numbers').add({ _id: id, number, kind: target.kind, targetId: target.id, hallId: target.hallId, at });
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    // Held: by this target (an earlier attempt of the same request), or by another.
    const held = await getDoc<ClaimDoc>(this.db, 'reference_numbers', id);
    return held?.kind === target.kind && held.targetId === target.id;
  }

  async holder(hallId: string, number: string): Promise<ReferenceTarget | null> {
    const held = await getDoc<ClaimDoc>(this.db, 'reference_numbers', `${hallId}:${number}`);
    return held ? { kind: held.kind, id: held.targetId, hallId: held.hallId } : null;
  }

  async countFailure(key: string, at: Date): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.db
        .collection('reference_check_failures')
        .where({ _id: key })
        .updateAndReturn({ count: this._.inc(1), at });
      const doc = (res as { doc?: { count?: number } | null }).doc;
      if (res.updated === 1 && doc?.count !== undefined) return doc.count;
      try {
        await this.db.collection('reference_check_failures').add({ _id: key, count: 1, at });
        return 1;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    return Number.MAX_SAFE_INTEGER;
  }

  async failures(key: string): Promise<number> {
    return (await getDoc<{ count: number }>(this.db, 'reference_check_failures', key))?.count ?? 0;
  }
}
