/**
 * Translates a CloudBase query (MongoDB query language, as the SDK serializes `where()` and the
 * `db.command` operators) into an nedb query with MongoDB's semantics.
 *
 * nedb already matches like MongoDB for equality on arrays (`{ services: 'x' }` matches an array
 * containing 'x'), dot paths, $lt/$lte/$gt/$gte/$in/$exists/$size/$elemMatch/$or/$and and regexes.
 * Where it differs, the translation bridges the gap:
 * - `$eq` does not exist in nedb → plain equality;
 * - `$ne`/`$nin` on an array field must mean "no element equals" (nedb: "some element differs")
 *   → `$not` of the positive condition, which also matches a missing field as MongoDB does;
 * - `{ f: null }` matches a missing field in MongoDB → `$or` of null and `$exists: false`;
 * - `$not`, `$nor`, `$all`, `$mod` are expressed with nedb's logical operators or `$where`;
 * - `$expr` (an aggregation expression over the document, `db.command.expr`) is evaluated by mingo,
 *   as the aggregation pipeline is (aggregate.ts), inside a `$where`.
 */
import { invalidParam } from './errors';
import { mingo } from './mingo';
import { getDotValue, isPlainObject, match, type NedbQuery } from './nedbModel';

const COMPARISONS = new Set(['$gt', '$gte', '$lt', '$lte']);

function and(parts: NedbQuery[]): NedbQuery {
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  return { $and: parts };
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** `path == value` with MongoDB's null semantics. */
function equals(path: string, value: unknown): NedbQuery {
  if (value === null || value === undefined) {
    return { $or: [{ [path]: null }, { [path]: { $exists: false } }] };
  }
  return { [path]: value };
}

function asArray(value: unknown, op: string): unknown[] {
  if (!Array.isArray(value)) throw invalidParam(`${op} needs an array`);
  return value;
}

function inList(path: string, values: unknown[]): NedbQuery {
  const plain = values.filter((v) => v !== null && v !== undefined && !(v instanceof RegExp));
  const extra: NedbQuery[] = values.filter((v) => v === null || v === undefined || v instanceof RegExp).map((v) => (v instanceof RegExp ? { [path]: v } : equals(path, null)));
  if (extra.length === 0) return { [path]: { $in: plain } };
  return { $or: [{ [path]: { $in: plain } }, ...extra] };
}

/** `$elemMatch` whose condition applies to the array elements themselves (primitives). */
function elemMatchValues(path: string, condition: Record<string, unknown>): NedbQuery {
  const elementQuery = translateField('v', condition);
  return {
    $where(this: unknown): boolean {
      const arr = getDotValue(this, path);
      return Array.isArray(arr) && arr.some((el) => match({ v: el }, elementQuery));
    },
  };
}

function mod(path: string, spec: unknown): NedbQuery {
  const [divisor, remainder] = asArray(spec, '$mod').map(Number);
  if (!divisor) throw invalidParam('$mod needs a non-zero divisor');
  const test = (v: unknown): boolean => typeof v === 'number' && Math.trunc(v) % divisor === remainder;
  return {
    $where(this: unknown): boolean {
      const v = getDotValue(this, path);
      return Array.isArray(v) ? v.some(test) : test(v);
    },
  };
}

/** `$expr`: true when the aggregation expression is truthy for the document (MongoDB's rule). */
function expr(expression: unknown): NedbQuery {
  const query = new (mingo().Query)({ $expr: expression }, { scriptEnabled: false });
  return {
    $where(this: unknown): boolean {
      return query.test(this as Record<string, unknown>);
    },
  };
}

/** Condition on one field: a literal value or an object of operators. */
export function translateField(path: string, value: unknown): NedbQuery {
  if (!isOperatorObject(value)) return equals(path, value);

  const parts: NedbQuery[] = [];
  const comparisons: Record<string, unknown> = {};
  let regexOptions: string | undefined;
  for (const [op, operand] of Object.entries(value)) {
    if (COMPARISONS.has(op)) {
      comparisons[op] = operand;
      continue;
    }
    switch (op) {
      case '$eq':
        parts.push(equals(path, operand));
        break;
      case '$ne':
        parts.push({ $not: equals(path, operand) });
        break;
      case '$in':
        parts.push(inList(path, asArray(operand, '$in')));
        break;
      case '$nin':
        parts.push({ $not: inList(path, asArray(operand, '$nin')) });
        break;
      case '$exists':
        parts.push({ [path]: { $exists: Boolean(operand) } });
        break;
      case '$size':
        parts.push({ [path]: { $size: Number(operand) } });
        break;
      case '$all':
        parts.push(and(asArray(operand, '$all').map((v) => equals(path, v))));
        break;
      case '$elemMatch':
        if (!isPlainObject(operand)) throw invalidParam('$elemMatch needs an object');
        parts.push(isOperatorObject(operand) ? elemMatchValues(path, operand) : { [path]: { $elemMatch: translateQuery(operand) } });
        break;
      case '$not':
        parts.push({ $not: translateField(path, operand) });
        break;
      case '$regex':
        parts.push({ [path]: operand instanceof RegExp ? operand : new RegExp(String(operand)) });
        break;
      case '$options':
        regexOptions = String(operand);
        break;
      case '$mod':
        parts.push(mod(path, operand));
        break;
      default:
        throw invalidParam(`query operator ${op} is not supported by the local database emulator`);
    }
  }
  if (regexOptions !== undefined) {
    // `{ $regex: 'src', $options: 'i' }` split over two keys: rebuild with the options.
    const src = value.$regex instanceof RegExp ? value.$regex.source : String(value.$regex ?? '');
    const flags = regexOptions
      .split('')
      .filter((f) => 'imsu'.includes(f))
      .join('');
    const idx = parts.findIndex((p) => p[path] instanceof RegExp);
    if (idx >= 0) parts[idx] = { [path]: new RegExp(src, flags) };
  }
  if (Object.keys(comparisons).length > 0) parts.push({ [path]: comparisons });
  return and(parts);
}

/**
 * Flattens a conjunction into one object so nedb can pick candidates from an index: nedb looks
 * only at the top-level keys of a query (a plain equality, `$in` or range on an indexed field)
 * and scans everything under `$and`. Top-level keys are conjunctions in nedb, so each key of each
 * part may move up as long as no other part uses the same key; parts on a key already taken stay
 * in a `$and` beside. Conditions on one path are never merged into one operator object: on an
 * array field `{ a: { $gt: 1, $lt: 5 } }` asks one element for both, `$and` of the two does not.
 */
export function flattenConjunction(query: NedbQuery): NedbQuery {
  const flat: NedbQuery = {};
  const rest: NedbQuery[] = [];
  const place = (part: NedbQuery): void => {
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) {
        value.forEach((sub) => place(sub as NedbQuery));
      } else if (Object.prototype.hasOwnProperty.call(flat, key)) {
        rest.push({ [key]: value });
      } else {
        flat[key] = value;
      }
    }
  };
  place(query);
  if (rest.length > 0) flat.$and = rest;
  return flat;
}

/** Whole query document (already EJSON-decoded). `undefined` → match everything. */
export function translateQuery(query: unknown): NedbQuery {
  return flattenConjunction(translateTree(query, true));
}

/** The translation as a tree of `$and`, nothing flattened (what the emulator did before; tests compare). */
export function translateQueryAsParts(query: unknown): NedbQuery {
  return translateTree(query, false);
}

function translateTree(query: unknown, flat: boolean): NedbQuery {
  const sub = (q: unknown): NedbQuery => (flat ? translateQuery(q) : translateTree(q, false));
  if (query === undefined || query === null) return {};
  if (!isPlainObject(query)) throw invalidParam('query must be an object');
  const parts: NedbQuery[] = [];
  for (const [key, value] of Object.entries(query)) {
    switch (key) {
      case '$and':
        parts.push({ $and: asArray(value, '$and').map((q) => translateTree(q, flat)) });
        break;
      case '$or':
        parts.push({ $or: asArray(value, '$or').map(sub) });
        break;
      case '$nor':
        parts.push({ $not: { $or: asArray(value, '$nor').map(sub) } });
        break;
      case '$expr':
        parts.push(expr(value));
        break;
      default:
        if (key.startsWith('$')) {
          throw invalidParam(`query operator ${key} is not supported by the local database emulator`);
        }
        parts.push(translateField(key, value));
    }
  }
  return and(parts);
}

/**
 * Equality conditions of a query, used as the base of an upserted document (MongoDB copies the
 * query's equality fields into the inserted document).
 */
export function equalityFields(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(query)) return out;
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) Object.assign(out, equalityFields(sub));
    } else if (!key.startsWith('$')) {
      if (isOperatorObject(value)) {
        if ('$eq' in value) out[key] = value.$eq;
      } else if (!(value instanceof RegExp)) {
        out[key] = value;
      }
    }
  }
  return out;
}
