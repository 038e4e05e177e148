/**
 * MongoDB Extended JSON, as @cloudbase/database 1.4.3 speaks it.
 *
 * Requests: the SDK encodes `query`, `data`, `order` and `projection` with
 * `EJSON.stringify(value, { relaxed: false })` (bson 4.x, canonical mode), so every number arrives
 * wrapped (`{"$numberInt":"1"}`, `{"$numberDouble":"1.5"}`), a Date as
 * `{"$date":{"$numberLong":"<ms>"}}`, `db.RegExp()` / a JS RegExp as
 * `{"$regularExpression":{"pattern","options"}}` and `db.serverDate({ offset })` as
 * `{"$tcb_server_date":{"offset":…}}` (a CloudBase extension the server resolves to its own clock).
 *
 * Responses: every returned document is an EJSON *string*; the SDK runs `EJSON.parse(item)`
 * (relaxed), so plain JSON numbers are fine and Dates must be `{"$date":…}` to come back as Date.
 */
import { invalidParam } from './errors';
import { isPlainObject } from './nedbModel';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseDouble(text: string): number {
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  if (text === 'NaN') return NaN;
  const n = Number(text);
  if (Number.isNaN(n)) throw invalidParam(`invalid $numberDouble ${text}`);
  return n;
}

function decodeDate(raw: unknown): Date {
  if (typeof raw === 'number') return new Date(raw);
  if (typeof raw === 'string') return new Date(raw);
  if (isPlainObject(raw) && typeof raw.$numberLong === 'string') return new Date(Number(raw.$numberLong));
  throw invalidParam('invalid $date value');
}

/** Mongo regex options → JavaScript flags (`x` has no JS equivalent and is dropped). */
function toRegExp(pattern: unknown, options: unknown): RegExp {
  if (typeof pattern !== 'string') throw invalidParam('regular expression pattern must be a string');
  const flags = (typeof options === 'string' ? options : '')
    .split('')
    .filter((f) => 'imsu'.includes(f))
    .filter((f, i, all) => all.indexOf(f) === i)
    .join('');
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw invalidParam(`invalid regular expression: ${(e as Error).message}`);
  }
}

/** Turns one single-key EJSON type wrapper into its value; `undefined` when it is not one. */
function decodeWrapper(key: string, raw: unknown, now: () => number): { value: unknown } | undefined {
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDecimal': // precision beyond a double is not kept (the emulator stores JS numbers)
      return { value: Number(raw) };
    case '$numberDouble':
      return { value: parseDouble(String(raw)) };
    case '$date':
      return { value: decodeDate(raw) };
    case '$oid':
      return { value: String(raw) };
    case '$regularExpression': {
      const spec = isPlainObject(raw) ? raw : {};
      return { value: toRegExp(spec.pattern, spec.options) };
    }
    case '$tcb_server_date': {
      // CloudBase resolves serverDate on the server: now + offset (milliseconds).
      const spec = isPlainObject(raw) ? raw : {};
      const offset = Number(decode(spec.offset, now) ?? 0);
      return { value: new Date(now() + (Number.isFinite(offset) ? offset : 0)) };
    }
    case '$undefined':
      return { value: undefined };
    case '$binary':
    case '$minKey':
    case '$maxKey':
    case '$timestamp':
    case '$symbol':
    case '$code':
    case '$dbPointer':
      throw invalidParam(`EJSON type ${key} is not supported by the local database emulator`);
    default:
      return undefined;
  }
}

/** Decodes an already JSON-parsed EJSON value into plain JS values (Date, RegExp, numbers). */
export function decode(value: unknown, now: () => number = Date.now): unknown {
  if (Array.isArray(value)) return value.map((item) => decode(item, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const wrapped = decodeWrapper(keys[0], value[keys[0]], now);
    if (wrapped) return wrapped.value;
  }
  // Legacy form `{ $regex, $options }` (also MongoDB's query-operator spelling): a regex value.
  if (keys.length === 2 && typeof value.$regex === 'string' && typeof value.$options === 'string') {
    return toRegExp(value.$regex, value.$options);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const decoded = decode(value[key], now);
    if (decoded !== undefined) out[key] = decoded;
  }
  return out;
}

/** Parses an EJSON string field of a request; absent → `undefined`. */
export function parseEjson(text: unknown, field: string, now: () => number = Date.now): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return decode(text, now);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParam(`${field} is not valid EJSON`);
  }
  return decode(parsed, now);
}

/** Encodes a stored value as relaxed EJSON (what the SDK's `EJSON.parse` reads back). */
export function encode(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    return { $numberDouble: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof RegExp) {
    return { $regularExpression: { pattern: value.source, options: value.flags } };
  }
  if (Array.isArray(value)) return value.map((item) => encode(item));
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = encode(item);
    }
    return out;
  }
  return null;
}

export function stringifyEjson(value: unknown): string {
  return JSON.stringify(encode(value));
}
