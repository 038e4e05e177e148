/**
 * The committed state: one nedb datastore per collection, in memory or persisted as
 * `<dataDir>/<collection>.db` (nedb's append-only file; one process per directory).
 *
 * Collections exist when declared (config/collections.ts), created at runtime through
 * `db.createCollection()`, or found as a data file from an earlier run. Like CloudBase, a request
 * to any other collection fails with DATABASE_COLLECTION_NOT_EXIST: the service never creates
 * a collection implicitly on `add()`. Declared unique indexes become nedb unique indexes, so a
 * write that would duplicate a key is refused as in MongoDB (non-sparse: two documents that both
 * lack the field also collide).
 *
 * The raw write methods here do no locking; callers hold the collection lock (locks.ts).
 */
import { promises as fs } from 'fs';
import path from 'path';
import Datastore from '@seald-io/nedb';
import type { CollectionDeclaration, IndexDeclaration, SecurityRules } from '../../config/collections';
import { collectionAlreadyExist, collectionNotExist, DbError, duplicateKey, invalidParam, toDbError } from './errors';
import { areThingsEqual, checkObject, deepCopy, getDotValue, match, type Doc, type DocId, type NedbQuery } from './nedbModel';
import { mirrorIdIndex } from './idMirror';
import { PrefixIndex } from './prefixIndex';

/**
 * A datastore of our documents. nedb's typings resolve a cursor to `Document<T>` (T & { _id: string }),
 * so `findAsync` reads as `Doc[] & { _id: string }` and `countAsync` as `number & { _id: string }`:
 * both are what they claim to be once widened to `Doc[]` and `number`, which the methods below return.
 */
type Nedb = Datastore<Doc>;

interface Collection {
  name: string;
  db: Nedb;
  /** The indexes made on it (declared, or created by the bootstrap through EmulatorAdmin). */
  indexes: IndexDeclaration[];
  /** The leading fields of its compound indexes (prefixIndex.ts), by declared index name. */
  prefixes: Map<string, PrefixIndex>;
  /** The stored documents by id, exactly as nedb's `_id` index holds them (idMirror.ts). */
  byId: ReadonlyMap<DocId, Doc>;
  /** Its security rules once set (the emulator serves only the admin SDK, so it never applies them). */
  rules?: SecurityRules;
}

/** What the database-administration side sees of a collection (the bootstrap's describe). */
export interface CollectionInfo {
  name: string;
  indexes: IndexDeclaration[];
  rules?: SecurityRules;
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const FILE_SUFFIX = '.db';

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { errorType?: string }).errorType === 'uniqueViolated';
}

export class Store {
  private readonly collections = new Map<string, Collection>();

  private constructor(
    readonly env: string,
    private readonly dataDir: string | undefined,
  ) {}

  static async open(declarations: CollectionDeclaration[], dataDir: string | undefined, env: string): Promise<Store> {
    const store = new Store(env, dataDir);
    if (dataDir) {
      await fs.mkdir(dataDir, { recursive: true });
      for (const file of await fs.readdir(dataDir)) {
        const name = file.slice(0, -FILE_SUFFIX.length);
        if (file.endsWith(FILE_SUFFIX) && COLLECTION_NAME.test(name)) await store.addCollection(name, []);
      }
    }
    for (const declaration of declarations) {
      await store.addCollection(declaration.name, declaration.indexes);
    }
    return store;
  }

  private async addCollection(name: string, indexes: IndexDeclaration[]): Promise<void> {
    let collection = this.collections.get(name);
    if (!collection) {
      const db: Nedb = this.dataDir ? new Datastore({ filename: path.join(this.dataDir, `${name}${FILE_SUFFIX}`) }) : new Datastore({ inMemoryOnly: true });
      const byId = mirrorIdIndex(db);
      await db.loadDatabaseAsync();
      collection = { name, db, indexes: [], prefixes: new Map(), byId };
      this.collections.set(name, collection);
    }
    await this.ensureIndexes(collection, indexes);
  }

  /**
   * nedb indexes of a declaration: a unique one as declared (nedb refuses duplicates), and the
   * leading field of every index, unique or not. nedb picks candidates from one single-field index
   * on an equality, `$in` or range, so the leading field is what speeds up a compound index's queries.
   */
  private static nedbIndexesOf(index: IndexDeclaration): { fieldName: string | string[]; unique: boolean }[] {
    const fields = Object.keys(index.keys);
    const out: { fieldName: string | string[]; unique: boolean }[] = [];
    if (index.unique) out.push({ fieldName: fields.length === 1 ? fields[0] : fields, unique: true });
    if (!index.unique || fields.length > 1) out.push({ fieldName: fields[0], unique: false });
    return out;
  }

  private static nedbIndexName(fieldName: string | string[]): string {
    return [...([] as string[]).concat(fieldName)].sort().join(',');
  }

  private async ensureIndexes(collection: Collection, indexes: readonly IndexDeclaration[]): Promise<void> {
    for (const index of indexes) {
      for (const nedbIndex of Store.nedbIndexesOf(index)) {
        const existing = (collection.db as unknown as { indexes: Record<string, { unique?: boolean }> }).indexes[Store.nedbIndexName(nedbIndex.fieldName)];
        if (existing && (existing.unique || !nedbIndex.unique)) continue;
        // A unique index replaces a plain one on the same field (nedb would keep the plain one).
        if (existing) await collection.db.removeIndexAsync(Store.nedbIndexName(nedbIndex.fieldName));
        await collection.db.ensureIndexAsync(nedbIndex.unique ? { fieldName: nedbIndex.fieldName, unique: true } : { fieldName: nedbIndex.fieldName });
      }
      collection.indexes = [...collection.indexes.filter((i) => i.name !== index.name), index];
      const prefix = PrefixIndex.of(index.name, index.keys);
      collection.prefixes.delete(index.name);
      if (prefix) {
        for (const doc of collection.db.getAllData()) prefix.add(doc);
        collection.prefixes.set(index.name, prefix);
      }
    }
  }

  /** Creates indexes on an existing collection (the bootstrap's `CreateIndexes`); an existing unique one refuses duplicates already stored. */
  async createIndexes(name: string, indexes: readonly IndexDeclaration[]): Promise<void> {
    await this.ensureIndexes(this.get(name), indexes);
  }

  /** Drops indexes by name (the bootstrap's `DropIndexes`, before recreating a changed one). */
  async dropIndexes(name: string, names: readonly string[]): Promise<void> {
    const collection = this.get(name);
    const kept = collection.indexes.filter((i) => !names.includes(i.name));
    const dropped = new Set(collection.indexes.filter((i) => names.includes(i.name)).flatMap((i) => Store.nedbIndexesOf(i).map((n) => Store.nedbIndexName(n.fieldName))));
    dropped.delete('_id');
    for (const indexName of dropped) await collection.db.removeIndexAsync(indexName);
    collection.indexes = [];
    collection.prefixes.clear();
    // Rebuilds what the kept declarations need (an index several declarations lead with, say).
    await this.ensureIndexes(collection, kept);
  }

  setRules(name: string, rules: SecurityRules): void {
    this.get(name).rules = { ...rules };
  }

  describe(name: string): CollectionInfo {
    const { indexes, rules } = this.get(name);
    return { name, indexes: [...indexes], ...(rules ? { rules: { ...rules } } : {}) };
  }

  /** `db.createCollection(name)` (action `database.addCollection`). */
  async createCollection(name: string): Promise<void> {
    if (!COLLECTION_NAME.test(name)) throw invalidParam(`invalid collection name "${name}"`);
    if (this.collections.has(name)) throw collectionAlreadyExist(name);
    await this.addCollection(name, []);
  }

  /** `createCollectionIfNotExists` of the bootstrap: an existing collection is left as it is. */
  async ensureCollection(name: string): Promise<void> {
    if (!this.collections.has(name)) await this.createCollection(name);
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  private get(name: string): Collection {
    const collection = this.collections.get(name);
    if (!collection) throw collectionNotExist(name);
    return collection;
  }

  /** Throws DATABASE_COLLECTION_NOT_EXIST for an unknown collection. */
  assertExists(name: string): void {
    this.get(name);
  }

  uniqueIndexes(name: string): IndexDeclaration[] {
    return this.get(name).indexes.filter((i) => i.unique);
  }

  /**
   * nedb takes candidates from the last top-level key with a plain value that has an index; a
   * conjunction's keys may come in any order, so the most selective such key is moved last
   * (one tree lookup per indexed key). Without it `{ hallId, date, status: 'booked' }` would scan
   * every booked appointment instead of the hall's. When the leading fields of a compound index
   * (prefixIndex.ts) narrow further, their ids are the candidates instead, as MongoDB would walk
   * that index; returned as `ids` (the query is then matched here, as nedb's cursor does).
   */
  private static plan(collection: Collection, query: NedbQuery): { query: NedbQuery; ids?: DocId[]; prefix?: string } {
    const indexes = (collection.db as unknown as { indexes: Record<string, { getMatching(v: unknown): unknown[] }> }).indexes;
    let best: string | undefined;
    let bestCount = Infinity;
    let usable = 0;
    for (const [key, value] of Object.entries(query)) {
      const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null || value instanceof Date;
      if (!plain || !indexes[key]) continue;
      usable++;
      const count = indexes[key].getMatching(value).length;
      if (count < bestCount) [best, bestCount] = [key, count];
    }
    let ids: DocId[] | undefined;
    let via: string | undefined;
    for (const prefix of collection.prefixes.values()) {
      const n = prefix.usableBy(query);
      if (n === 0) continue;
      const found = prefix.candidates(query, n);
      if (found.length < Math.min(bestCount, ids?.length ?? Infinity)) [ids, via] = [found, prefix.name];
    }
    if (ids) return { query, ids, prefix: via };
    if (usable < 2 || best === undefined) return { query };
    const { [best]: chosen, ...rest } = query;
    return { query: { ...rest, [best]: chosen } };
  }

  /**
   * Which index a query's candidates come from and how many documents it examines (tests and
   * benchmarks check that a query is served by the index declared for it).
   */
  explain(name: string, query: NedbQuery): { via: string; examined: number } {
    const collection = this.get(name);
    const plan = Store.plan(collection, query);
    if (plan.ids) return { via: `prefix of ${plan.prefix}`, examined: plan.ids.length };
    const db = collection.db as unknown as { _getRawCandidates(q: NedbQuery): unknown[] };
    return { via: 'nedb', examined: db._getRawCandidates(plan.query).length };
  }

  /** The stored documents (not copies) among `ids` that match `query`. */
  private static matching(collection: Collection, ids: readonly DocId[], query: NedbQuery): Doc[] {
    const out: Doc[] = [];
    for (const id of ids) {
      const doc = collection.byId.get(id);
      if (doc && match(doc, query)) out.push(doc);
    }
    return out;
  }

  async find(name: string, query: NedbQuery): Promise<Doc[]> {
    const collection = this.get(name);
    try {
      const plan = Store.plan(collection, query);
      if (plan.ids) return Store.matching(collection, plan.ids, plan.query).map((doc) => deepCopy(doc));
      return await collection.db.findAsync(plan.query);
    } catch (err) {
      throw queryError(err);
    }
  }

  async count(name: string, query: NedbQuery): Promise<number> {
    const collection = this.get(name);
    try {
      const plan = Store.plan(collection, query);
      if (plan.ids) return Store.matching(collection, plan.ids, plan.query).length;
      return await collection.db.countAsync(plan.query);
    } catch (err) {
      throw queryError(err);
    }
  }

  async getById(name: string, id: DocId): Promise<Doc | null> {
    const docs = await this.find(name, { _id: id });
    return docs[0] ?? null;
  }

  /** Names of the nedb indexes a collection has (tests check the declared ones are built). */
  nedbIndexNames(name: string): string[] {
    return Object.keys((this.get(name).db as unknown as { indexes: Record<string, unknown> }).indexes).sort();
  }

  /** The stored documents themselves, for read-only scans (never modify them). */
  peekAll(name: string): readonly Doc[] {
    return this.get(name).db.getAllData();
  }

  /** Copies of every document (snapshot reads of transactions). */
  all(name: string): Doc[] {
    return this.get(name)
      .db.getAllData()
      .map((doc): Doc => deepCopy(doc));
  }

  /** The stored document with this id (not a copy). */
  private static stored(collection: Collection, id: DocId): Doc | undefined {
    return collection.byId.get(id);
  }

  /*
   * Prefix indexes change around each write so that they always hold a superset of what is
   * stored: new keys before the write, old ones dropped after it (a read in between still finds
   * the document, and matches it against what nedb holds).
   */

  async insert(name: string, doc: Doc): Promise<void> {
    const collection = this.get(name);
    validateDocument(doc);
    const existing = Store.stored(collection, doc._id);
    for (const prefix of collection.prefixes.values()) prefix.add(doc);
    try {
      await collection.db.insertAsync(doc);
    } catch (err) {
      for (const prefix of collection.prefixes.values()) prefix.remove(doc, existing);
      throw isUniqueViolation(err) ? this.duplicateError(collection, doc, true) : toDbError(err);
    }
  }

  /** Many documents at once, straight into nedb (benchmarks seeding a year of data); refused whole on a duplicate. */
  async insertMany(name: string, docs: Doc[]): Promise<void> {
    const collection = this.get(name);
    docs.forEach(validateDocument);
    try {
      await collection.db.insertAsync(docs);
    } catch (err) {
      throw isUniqueViolation(err) ? invalidParam('duplicate key in a bulk insert') : toDbError(err);
    }
    for (const prefix of collection.prefixes.values()) for (const doc of docs) prefix.add(doc);
  }

  async replace(name: string, doc: Doc): Promise<void> {
    const collection = this.get(name);
    validateDocument(doc);
    const before = Store.stored(collection, doc._id);
    for (const prefix of collection.prefixes.values()) prefix.add(doc);
    try {
      await collection.db.updateAsync({ _id: doc._id }, doc, {});
    } catch (err) {
      for (const prefix of collection.prefixes.values()) prefix.remove(doc, before);
      throw isUniqueViolation(err) ? this.duplicateError(collection, doc, false) : toDbError(err);
    }
    for (const prefix of collection.prefixes.values()) {
      if (before) prefix.remove(before, doc);
      else prefix.remove(doc); // nothing was replaced
    }
  }

  async remove(name: string, id: DocId): Promise<void> {
    const collection = this.get(name);
    const before = Store.stored(collection, id);
    await collection.db.removeAsync({ _id: id }, {});
    if (before) for (const prefix of collection.prefixes.values()) prefix.remove(before);
  }

  /**
   * Which index `doc` collides with, as a CloudBase duplicate-key error. Also used by
   * transactions to refuse a duplicate at the write instead of at commit.
   */
  findDuplicate(name: string, doc: Doc, others: readonly Doc[], checkId: boolean): DbError | undefined {
    const collection = this.get(name);
    if (checkId && others.some((other) => areThingsEqual(other._id, doc._id))) {
      return this.keyError(collection.name, '_id_', ['_id'], doc);
    }
    for (const index of collection.indexes.filter((i) => i.unique)) {
      const fields = Object.keys(index.keys);
      const clash = others.find((other) => !areThingsEqual(other._id, doc._id) && fields.every((f) => sameKey(getDotValue(other, f), getDotValue(doc, f))));
      if (clash) return this.keyError(collection.name, index.name, fields, doc);
    }
    return undefined;
  }

  private duplicateError(collection: Collection, doc: Doc, checkId: boolean): DbError {
    const others: readonly Doc[] = collection.db.getAllData();
    return this.findDuplicate(collection.name, doc, others, checkId) ?? this.keyError(collection.name, '_id_', ['_id'], doc);
  }

  private keyError(collection: string, index: string, fields: string[], doc: Doc): DbError {
    return duplicateKey(this.env, collection, index, Object.fromEntries(fields.map((f) => [f, getDotValue(doc, f)])));
  }

  /** Empties every collection (tests). */
  async clear(): Promise<void> {
    for (const collection of this.collections.values()) {
      await collection.db.removeAsync({}, { multi: true });
      for (const prefix of collection.prefixes.values()) prefix.clear();
      if (this.dataDir) await collection.db.compactDatafileAsync();
    }
  }

  /** Rewrites each data file compactly; nedb has nothing else to release. */
  async close(): Promise<void> {
    if (!this.dataDir) return;
    for (const collection of this.collections.values()) await collection.db.compactDatafileAsync();
  }
}

/** Index keys compare like nedb does; a missing field equals another missing field. */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return areThingsEqual(a, b);
}

/** nedb throws plain Errors for malformed queries; they are the caller's fault. */
function queryError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  return invalidParam(err instanceof Error ? err.message : String(err));
}

/** nedb cannot store field names starting with `$` or containing a dot. */
function validateDocument(doc: Doc): void {
  try {
    checkObject(doc);
  } catch (err) {
    throw invalidParam((err as Error).message);
  }
}
