/**
 * The stored documents by id, in a Map that nedb's own `_id` index keeps up to date.
 *
 * nedb finds a document by id only through that index, an AVL tree: at a million documents about
 * twenty key comparisons, each a cache miss, for every id a prefix index (prefixIndex.ts) hands
 * over — an officer's day of 300 appointments paid more in those walks than in anything else the
 * emulator does. The Map answers the same question in one step. It is changed inside the index's
 * own `insert`, `remove` and `reset`, which every nedb write goes through (an update is a remove
 * then an insert; a refused one is rolled back the same way), so at every moment it holds exactly
 * the documents the tree holds: a read sees a write at the same instant whichever way it looks.
 */
import type Datastore from '@seald-io/nedb';
import type { Doc, DocId } from './nedbModel';

interface IdIndex {
  insert(doc: Doc | Doc[]): void;
  remove(doc: Doc | Doc[]): void;
  reset(newData?: Doc | Doc[]): void;
}

/** Call on a new datastore, before it loads: the returned Map then mirrors its `_id` index for good. */
export function mirrorIdIndex(db: Datastore<Doc>): ReadonlyMap<DocId, Doc> {
  const byId = new Map<DocId, Doc>();
  const index = (db as unknown as { indexes: { _id: IdIndex } }).indexes._id;
  const { insert, remove, reset } = index;
  // nedb calls these again one document at a time for arrays (and for rollbacks): only single documents touch the Map.
  index.insert = function (this: IdIndex, doc) {
    insert.call(this, doc);
    if (!Array.isArray(doc)) byId.set(doc._id, doc);
  };
  index.remove = function (this: IdIndex, doc) {
    remove.call(this, doc);
    if (!Array.isArray(doc) && byId.get(doc._id) === doc) byId.delete(doc._id);
  };
  index.reset = function (this: IdIndex, newData) {
    byId.clear();
    reset.call(this, newData);
  };
  return byId;
}
