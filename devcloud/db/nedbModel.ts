/**
 * Typed access to @seald-io/nedb's document model helpers (matching, comparing, copying).
 * They are not in nedb's published typings, so the module is loaded with `require` and given
 * the narrow interface the emulator uses. Using nedb's own `match` for in-memory evaluation
 * (transaction snapshots, $pull conditions) keeps it identical to what `find` does on disk data.
 */

/** A stored document. CloudBase ids are strings, but the SDK also accepts numeric ids. */
export type DocId = string | number;
export type Doc = { _id: DocId } & Record<string, unknown>;
export type NedbQuery = Record<string, unknown>;

interface NedbModel {
  match(obj: unknown, query: unknown): boolean;
  compareThings(a: unknown, b: unknown): number;
  areThingsEqual(a: unknown, b: unknown): boolean;
  getDotValue(obj: unknown, field: string): unknown;
  deepCopy<T>(obj: T): T;
  checkObject(obj: unknown): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = require('@seald-io/nedb/lib/model') as NedbModel;

export const match = (doc: unknown, query: NedbQuery): boolean => model.match(doc, query);
export const compareThings = (a: unknown, b: unknown): number => model.compareThings(a, b);
export const areThingsEqual = (a: unknown, b: unknown): boolean => model.areThingsEqual(a, b);
export const getDotValue = (obj: unknown, path: string): unknown => model.getDotValue(obj, path);
export const deepCopy = <T>(obj: T): T => model.deepCopy(obj);
/** Throws when a field name starts with `$` or contains a dot (nedb cannot store those). */
export const checkObject = (obj: unknown): void => model.checkObject(obj);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep equality of two documents with Date support (used to count only real modifications). */
export function sameDocument(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameDocument(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ak = Object.keys(a).filter((k) => a[k] !== undefined);
    const bk = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ak.length !== bk.length) return false;
    return ak.every((k) => sameDocument(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}
