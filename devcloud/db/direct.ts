/**
 * Requests outside a transaction: reads straight from the committed state, writes under the
 * collection lock (so each one is atomic, as a MongoDB single-document write is), each committed
 * write recorded in the version history that open transactions check against.
 */
import type { KeyedLocks } from './locks';
import type { Mvcc } from './mvcc';
import type { Doc, DocId, NedbQuery } from './nedbModel';
import { page, project, sortDocs, type Order } from './results';
import type { Store } from './store';
import { planModify, prepareInsert, type ModifySpec } from './writes';

export interface ReadSpec {
  nedbQuery: NedbQuery;
  order: Order;
  offset: unknown;
  limit: number;
  projection: unknown;
}

export interface ModifyResult {
  matched: number;
  updated: number;
  upsertedId: DocId | null;
  /** The first matching document after the update (modifyAndReturnDoc). */
  doc: Doc | null;
}

/** Sort, page and project matching documents the way `get()` returns them. */
export function shape(docs: Doc[], spec: ReadSpec): Doc[] {
  return page(sortDocs(docs, spec.order), spec.offset, spec.limit).map((d) => project(d, spec.projection));
}

export class DirectOps {
  constructor(
    private readonly store: Store,
    private readonly mvcc: Mvcc,
    private readonly locks: KeyedLocks,
  ) {}

  async get(collection: string, spec: ReadSpec): Promise<Doc[]> {
    return shape(await this.store.find(collection, spec.nedbQuery), spec);
  }

  async count(collection: string, nedbQuery: NedbQuery): Promise<number> {
    return this.store.count(collection, nedbQuery);
  }

  /** Inserts in order and stops at the first failure, like MongoDB's ordered insertMany. */
  async insert(collection: string, data: unknown[]): Promise<DocId[]> {
    this.store.assertExists(collection);
    return this.locks.with(collection, async () => {
      const ids: DocId[] = [];
      for (const item of data) {
        const doc = prepareInsert(item);
        await this.store.insert(collection, doc);
        this.mvcc.recordChange(collection, doc._id, this.mvcc.nextSeq(), null);
        ids.push(doc._id);
      }
      return ids;
    });
  }

  async modify(collection: string, spec: ModifySpec): Promise<ModifyResult> {
    this.store.assertExists(collection);
    return this.locks.with(collection, async () => {
      const candidates = await this.store.find(collection, spec.nedbQuery);
      const plan = planModify(candidates, spec);
      for (const change of plan.changes) {
        if (change.before) await this.store.replace(collection, change.after);
        else await this.store.insert(collection, change.after);
        this.mvcc.recordChange(collection, change.after._id, this.mvcc.nextSeq(), change.before);
      }
      const first = candidates[0];
      const doc = plan.upsertedId !== undefined ? plan.changes[0].after : first ? (plan.changes.find((c) => c.before === first)?.after ?? first) : null;
      return {
        matched: plan.matched,
        updated: plan.upsertedId === undefined ? plan.changes.length : 0,
        upsertedId: plan.upsertedId ?? null,
        doc,
      };
    });
  }

  async remove(collection: string, nedbQuery: NedbQuery, multi: boolean): Promise<number> {
    this.store.assertExists(collection);
    return this.locks.with(collection, async () => {
      const found = await this.store.find(collection, nedbQuery);
      const targets = multi ? found : found.slice(0, 1);
      for (const doc of targets) {
        await this.store.remove(collection, doc._id);
        this.mvcc.recordChange(collection, doc._id, this.mvcc.nextSeq(), doc);
      }
      return targets.length;
    });
  }
}
