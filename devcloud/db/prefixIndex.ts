/**
 * The leading fields of a declared compound index, as the emulator uses them to find candidates.
 *
 * MongoDB (beneath CloudBase) answers `{ hallId, date, status: { $in } }` from the index
 * `{ hallId: 1, date: 1, start: 1 }` by walking only the hall's day. nedb has single-field indexes
 * (the emulator builds one on every declared index's leading field) and picks one of them, so the
 * same query would walk every appointment of the hall, a year of them. A PrefixIndex keeps, for
 * each value of the index's first n−1 fields (n ≥ 3; the last field is the one queries range or
 * sort on: a date, an instant, an order), the ids of the documents having it; a query with
 * equalities on at least the first two of them starts from those ids.
 *
 * Only ever a superset: the query still matches every candidate, so what a query returns never
 * depends on it. Arrays are indexed element by element (multikey, as MongoDB and nedb's own
 * indexes do), so `{ f: 'a' }` still finds a document whose `f` is `['a', 'b']`.
 */
import type { Doc, DocId } from './nedbModel';

/** A field value as a Map key; equal values (nedb's areThingsEqual for plain values) give equal keys. */
export function keyOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value}`;
    case 'boolean':
      return `b${value}`;
    case 'undefined':
      return 'u';
    default:
      if (value === null) return 'z';
      if (value instanceof Date) return `d${value.getTime()}`;
      return undefined; // an object: no plain query value equals it
  }
}

/** Values a document is indexed under for one field: each element of an array, else the value. */
function valuesOf(doc: Doc, path: string): unknown[] {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return [undefined];
    current = (current as Record<string, unknown>)[part];
  }
  return Array.isArray(current) ? (current.length ? [...new Set(current)] : [undefined]) : [current];
}

/** At most this many keys per document (several array fields multiply); beyond, the document is listed apart and always a candidate. */
const MAX_KEYS_PER_DOC = 64;

export class PrefixIndex {
  /** Nested maps, one level per field of the prefix; the last level holds ids. */
  private root = new Map<string, unknown>();
  /** Documents with too many keys to index: candidates of every lookup. */
  private readonly unindexed = new Set<DocId>();

  constructor(
    readonly name: string,
    /** The first n−1 fields of the declared index. */
    readonly fields: readonly string[],
  ) {}

  /** Declared index → prefix index, when it has at least three fields (two before the last). */
  static of(name: string, keys: Record<string, unknown>): PrefixIndex | undefined {
    const fields = Object.keys(keys);
    return fields.length >= 3 ? new PrefixIndex(name, fields.slice(0, -1)) : undefined;
  }

  private keysOf(doc: Doc): string[][] | undefined {
    let combos: string[][] = [[]];
    for (const field of this.fields) {
      const keys = valuesOf(doc, field).map((v) => keyOf(v) ?? 'o');
      combos = combos.flatMap((c) => keys.map((k) => [...c, k]));
      if (combos.length > MAX_KEYS_PER_DOC) return undefined;
    }
    return combos;
  }

  add(doc: Doc): void {
    const combos = this.keysOf(doc);
    if (!combos) {
      this.unindexed.add(doc._id);
      return;
    }
    for (const combo of combos) {
      let level = this.root;
      for (const key of combo.slice(0, -1)) {
        let next = level.get(key) as Map<string, unknown> | undefined;
        if (!next) level.set(key, (next = new Map()));
        level = next;
      }
      const last = combo[combo.length - 1];
      let ids = level.get(last) as Set<DocId> | undefined;
      if (!ids) level.set(last, (ids = new Set()));
      ids.add(doc._id);
    }
  }

  /**
   * Removes what `doc` was indexed under, except what `kept` (its new version, already added) is:
   * a replacement adds the new keys before the write and drops the old ones after it, so the
   * index holds a superset of the stored documents at every moment.
   */
  remove(doc: Doc, kept?: Doc): void {
    const keptCombos = kept ? this.keysOf(kept) : [];
    if (keptCombos) this.unindexed.delete(doc._id);
    const keep = new Set((keptCombos ?? []).map((c) => c.join('\u0000')));
    for (const combo of this.keysOf(doc) ?? []) if (!keep.has(combo.join('\u0000'))) this.removeAt(this.root, combo, doc._id);
  }

  private removeAt(level: Map<string, unknown>, combo: string[], id: DocId): void {
    const [key, ...rest] = combo;
    const next = level.get(key);
    if (next === undefined) return;
    if (rest.length === 0) {
      (next as Set<DocId>).delete(id);
      if ((next as Set<DocId>).size === 0) level.delete(key);
      return;
    }
    this.removeAt(next as Map<string, unknown>, rest, id);
    if ((next as Map<string, unknown>).size === 0) level.delete(key);
  }

  clear(): void {
    this.root = new Map();
    this.unindexed.clear();
  }

  /**
   * How many leading fields of the prefix a query fixes by plain equality (top-level keys of the
   * nedb query; a conjunction's keys are all top-level once flattened): 0 or 1 leaves it to nedb.
   */
  usableBy(query: Record<string, unknown>): number {
    let n = 0;
    for (const field of this.fields) {
      if (!Object.prototype.hasOwnProperty.call(query, field) || keyOf(query[field]) === undefined || query[field] === undefined) break;
      n++;
    }
    return n >= 2 ? n : 0;
  }

  /** Ids of the documents whose first `n` prefix fields equal the query's. */
  candidates(query: Record<string, unknown>, n: number): DocId[] {
    let level: unknown = this.root;
    for (let i = 0; i < n; i++) {
      level = (level as Map<string, unknown>).get(keyOf(query[this.fields[i]])!);
      if (level === undefined) return [...this.unindexed];
    }
    const out = new Set<DocId>(this.unindexed);
    const collect = (node: unknown, depth: number): void => {
      if (depth === this.fields.length) for (const id of node as Set<DocId>) out.add(id);
      else for (const child of (node as Map<string, unknown>).values()) collect(child, depth + 1);
    };
    collect(level, n);
    return [...out];
  }
}
