/**
 * Shaping a query's result: ordering, paging and field projection, with CloudBase's limits.
 */
import { invalidParam } from './errors';
import { compareThings, deepCopy, getDotValue, isPlainObject, match, type Doc } from './nedbModel';
import { translateField } from './query';

/** CloudBase: `get()` returns 100 documents unless told otherwise, and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export type Order = Array<[path: string, direction: 1 | -1]>;

/** `order` arrives as an EJSON object `{ field: 1 | -1, … }` in orderBy() call order. */
export function parseOrder(order: unknown): Order {
  if (order === undefined) return [];
  if (Array.isArray(order)) {
    // Older SDKs sent [{ field, direction }]; accept it too.
    return order.map((item) => {
      const spec = isPlainObject(item) ? item : {};
      return [String(spec.field), spec.direction === 'desc' || Number(spec.direction) < 0 ? -1 : 1];
    });
  }
  if (!isPlainObject(order)) throw invalidParam('order must be an object');
  return Object.entries(order).map(([path, dir]) => [path, Number(dir) < 0 || dir === 'desc' ? -1 : 1]);
}

export function sortDocs(docs: Doc[], order: Order): Doc[] {
  if (order.length === 0) return docs;
  return [...docs].sort((a, b) => {
    for (const [path, dir] of order) {
      const c = compareThings(getDotValue(a, path), getDotValue(b, path));
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

/** Effective limit: absent or non-positive → 100; above 1000 → 1000. */
export function effectiveLimit(limit: unknown): number {
  const n = Number(limit);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT;
  return Math.min(Math.floor(n), MAX_LIMIT);
}

export function page(docs: Doc[], offset: unknown, limit: number): Doc[] {
  const skip = Math.max(Math.floor(Number(offset) || 0), 0);
  return docs.slice(skip, skip + limit);
}

type Obj = Record<string, unknown>;

function copyPath(from: Obj, to: Obj, parts: string[]): void {
  const [head, ...rest] = parts;
  if (!(head in from)) return;
  const value = from[head];
  if (rest.length === 0) {
    to[head] = deepCopy(value);
  } else if (Array.isArray(value)) {
    const existing = Array.isArray(to[head]) ? (to[head] as unknown[]) : [];
    to[head] = value
      .map((item, i) => {
        if (!isPlainObject(item)) return undefined;
        const target = isPlainObject(existing[i]) ? (existing[i] as Obj) : {};
        copyPath(item, target, rest);
        return target;
      })
      .filter((item) => item !== undefined);
  } else if (isPlainObject(value)) {
    const target = isPlainObject(to[head]) ? (to[head] as Obj) : {};
    copyPath(value, target, rest);
    to[head] = target;
  }
}

function removePath(obj: Obj, parts: string[]): void {
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    delete obj[head];
    return;
  }
  const value = obj[head];
  if (Array.isArray(value)) value.forEach((item) => isPlainObject(item) && removePath(item, rest));
  else if (isPlainObject(value)) removePath(value, rest);
}

/** `$slice` / `$elemMatch` projections on one array field (db.command.project.*). */
function projectArray(value: unknown, spec: Obj): unknown {
  if (!Array.isArray(value)) return value;
  if ('$slice' in spec) {
    const s = spec.$slice;
    if (Array.isArray(s)) {
      const [skip, n] = s.map(Number);
      const start = skip < 0 ? Math.max(value.length + skip, 0) : skip;
      return value.slice(start, start + n);
    }
    const n = Number(s);
    return n >= 0 ? value.slice(0, n) : value.slice(n);
  }
  if ('$elemMatch' in spec) {
    const condition = translateField('v', { $elemMatch: spec.$elemMatch });
    const found = value.find((el) => match({ v: [el] }, condition));
    return found === undefined ? undefined : [found];
  }
  throw invalidParam(`unsupported projection operator ${Object.keys(spec).join(',')}`);
}

/**
 * MongoDB projection: `{ a: 1, 'b.c': 1 }` keeps those fields (and `_id` unless `_id: 0`),
 * `{ a: 0 }` drops them; mixing inclusion and exclusion (other than `_id`) is an error.
 */
export function project(doc: Doc, projection: unknown): Doc {
  if (projection === undefined || !isPlainObject(projection) || Object.keys(projection).length === 0) {
    return doc;
  }
  const entries = Object.entries(projection);
  const operators = entries.filter(([, v]) => isPlainObject(v)) as Array<[string, Obj]>;
  const flags = entries.filter(([, v]) => !isPlainObject(v)).map(([k, v]) => [k, Boolean(Number(v) || v === true)] as const);
  const withoutId = flags.filter(([k]) => k !== '_id');
  const includes = withoutId.filter(([, on]) => on).map(([k]) => k);
  const excludes = withoutId.filter(([, on]) => !on).map(([k]) => k);
  if (includes.length > 0 && excludes.length > 0) {
    throw invalidParam('Projection cannot have a mix of inclusion and exclusion');
  }
  const idFlag = flags.find(([k]) => k === '_id');
  // MongoDB: `$elemMatch` projects like an inclusion, `$slice` alone keeps the other fields.
  const inclusive = includes.length > 0 || operators.some(([, spec]) => '$elemMatch' in spec);
  let out: Obj;
  if (inclusive) {
    out = {};
    if (!idFlag || idFlag[1]) out._id = doc._id;
    for (const path of includes) copyPath(doc, out, path.split('.'));
    for (const [path] of operators) copyPath(doc, out, path.split('.'));
  } else {
    out = deepCopy(doc) as Obj;
    for (const path of excludes) removePath(out, path.split('.'));
    if (idFlag && !idFlag[1]) delete out._id;
  }
  for (const [path, spec] of operators) {
    const projected = projectArray(getDotValue(doc, path), spec);
    const parts = path.split('.');
    let holder: Obj = out;
    for (const part of parts.slice(0, -1)) {
      if (!isPlainObject(holder[part])) break;
      holder = holder[part] as Obj;
    }
    const last = parts[parts.length - 1];
    if (projected === undefined) delete holder[last];
    else holder[last] = projected;
  }
  return out as Doc;
}
