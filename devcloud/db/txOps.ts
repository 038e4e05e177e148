/**
 * Reads and writes inside a transaction: they see the snapshot taken at start overlaid with the
 * transaction's own buffered writes, and buffer their writes until commit (transactions.ts).
 *
 * As in MongoDB, an error in any operation aborts the whole transaction; later operations and
 * the commit on it fail.
 */
import { toDbError } from './errors';
import { type ReadSpec, type ModifyResult, shape } from './direct';
import type { KeyedLocks } from './locks';
import { docKey, type Mvcc } from './mvcc';
import { compareThings, deepCopy, isPlainObject, match, type Doc, type DocId, type NedbQuery } from './nedbModel';
import type { Store } from './store';
import type { Transaction, Transactions } from './transactions';
import { planModify, prepareInsert, type ModifySpec } from './writes';

/** The id of a `{ _id: <id> }` query (what `doc(id)` sends), for a direct lookup. */
function idOnly(query: unknown): DocId | undefined {
  if (!isPlainObject(query)) return undefined;
  const keys = Object.keys(query);
  const id = query._id;
  return keys.length === 1 && (typeof id === 'string' || typeof id === 'number') ? id : undefined;
}

export class TxOps {
  constructor(
    private readonly store: Store,
    private readonly mvcc: Mvcc,
    private readonly locks: KeyedLocks,
    private readonly txs: Transactions,
  ) {}

  async get(txId: string, collection: string, query: unknown, spec: ReadSpec): Promise<Doc[]> {
    return this.run(txId, collection, async (tx) => shape(await this.visible(tx, collection, query, spec.nedbQuery), spec));
  }

  async count(txId: string, collection: string, query: unknown, nedbQuery: NedbQuery): Promise<number> {
    return this.run(txId, collection, async (tx) => (await this.visible(tx, collection, query, nedbQuery)).length);
  }

  async insert(txId: string, collection: string, data: unknown[]): Promise<DocId[]> {
    return this.run(txId, collection, async (tx) => {
      const ids: DocId[] = [];
      for (const item of data) {
        const doc = prepareInsert(item);
        if ((await this.visible(tx, collection, { _id: doc._id }, { _id: doc._id })).length > 0) {
          throw this.store.findDuplicate(collection, doc, [doc], true);
        }
        this.write(tx, collection, doc._id, doc);
        ids.push(doc._id);
      }
      return ids;
    });
  }

  async modify(txId: string, collection: string, spec: ModifySpec): Promise<ModifyResult> {
    return this.run(txId, collection, async (tx) => {
      const candidates = await this.visible(tx, collection, spec.query, spec.nedbQuery);
      const plan = planModify(candidates, spec);
      for (const change of plan.changes) this.write(tx, collection, change.after._id, change.after);
      const first = plan.upsertedId !== undefined ? plan.changes[0].after : candidates[0];
      const changed = plan.changes.find((c) => c.before === first)?.after;
      return {
        matched: plan.matched,
        updated: plan.upsertedId === undefined ? plan.changes.length : 0,
        upsertedId: plan.upsertedId ?? null,
        doc: changed ?? first ?? null,
      };
    });
  }

  async remove(txId: string, collection: string, query: unknown, nedbQuery: NedbQuery, multi: boolean): Promise<number> {
    return this.run(txId, collection, async (tx) => {
      const found = await this.visible(tx, collection, query, nedbQuery);
      const targets = multi ? found : found.slice(0, 1);
      for (const doc of targets) this.write(tx, collection, doc._id, null);
      return targets.length;
    });
  }

  /** Runs one operation under the collection lock; any error aborts the transaction. */
  private async run<T>(txId: string, collection: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.locks.with(collection, async () => {
      const tx = this.txs.active(txId);
      try {
        this.store.assertExists(collection);
        return await fn(tx);
      } catch (err) {
        throw this.txs.fail(tx, toDbError(err));
      }
    });
  }

  /** Claims the document (conflict check), checks unique indexes, buffers the write. */
  private write(tx: Transaction, collection: string, id: DocId, doc: Doc | null): void {
    this.txs.claim(tx, collection, id);
    if (doc && this.store.uniqueIndexes(collection).length > 0) {
      const others = this.overlay(tx, collection, this.store.peekAll(collection));
      const duplicate = this.store.findDuplicate(collection, doc, others, false);
      if (duplicate) throw duplicate;
    }
    tx.writes.set(docKey(collection, id), { collection, id, doc: doc && deepCopy(doc) });
  }

  /** Documents visible to the transaction that match the query, in `_id` order. */
  private async visible(tx: Transaction, collection: string, query: unknown, nedbQuery: NedbQuery): Promise<Doc[]> {
    const id = idOnly(query);
    if (id !== undefined) {
      const own = tx.writes.get(docKey(collection, id));
      const doc = own ? own.doc && deepCopy(own.doc) : this.mvcc.snapshotOf(collection, id, await this.store.getById(collection, id), tx.snapshotSeq);
      return doc && match(doc, nedbQuery) ? [doc] : [];
    }
    const snapshot = this.mvcc.snapshotCollection(collection, this.store.all(collection), tx.snapshotSeq);
    return this.overlay(tx, collection, snapshot)
      .filter((doc) => match(doc, nedbQuery))
      .sort((a, b) => compareThings(a._id, b._id));
  }

  /** `docs` with the transaction's own writes to `collection` applied. */
  private overlay(tx: Transaction, collection: string, docs: readonly Doc[]): Doc[] {
    const byKey = new Map(docs.map((doc) => [docKey(collection, doc._id), doc]));
    for (const [key, write] of tx.writes) {
      if (write.collection !== collection) continue;
      if (write.doc) byKey.set(key, deepCopy(write.doc));
      else byKey.delete(key);
    }
    return [...byKey.values()];
  }
}
