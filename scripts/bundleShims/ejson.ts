/**
 * What @cloudbase/database takes of bson, in a bundle (scripts/bundleStubs.ts): `EJSON.stringify(value,
 * { relaxed: false })` for what it sends (queries, updates, documents) and `EJSON.parse(text)` (relaxed)
 * for what the database answers. bson's own EJSON module loads every BSON type (ObjectId, Long,
 * Decimal128, Binary…): about 2.5 ms of each cold start (`npm run bench:coldstart`) for types our data
 * never holds.
 *
 * As bson 4.7's EJSON does (tests/unit/ejsonShim.test.ts compares both on generated values):
 * - stringify, canonical: an integral number is `$numberInt` in the int32 range, `$numberLong` in the
 *   int64 range, else (and NaN, ±Infinity) `$numberDouble`; a Date is `{ $date: { $numberLong } }`; a
 *   RegExp `{ $regularExpression: { pattern, options } }` (flags sorted; only imxlsu allowed); an object's
 *   `undefined` becomes null; a circular structure throws; relaxed keeps numbers, ISO dates in range.
 * - parse, relaxed by default: `$numberInt`, `$numberDouble`, `$numberLong` become numbers, `$date` a
 *   Date, `$undefined` null; a field name with a NUL byte throws.
 * What our data never holds is refused with a clear error instead of built: ObjectId, Binary, UUID,
 * Decimal128, Timestamp, MinKey/MaxKey, Symbol, Code, DBRef, BSON regular expressions in an answer, and
 * bson's own type objects (`_bsontype`) given to stringify.
 */

interface Options {
  relaxed?: boolean;
  legacy?: boolean;
}

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const INT64_MIN = -0x8000000000000000;
const INT64_MAX = 0x8000000000000000;
/** Dates bson writes as ISO text in relaxed mode: from 1970 to year 9999. */
const LAST_ISO_DATE = 253402318800000;
const REGEX_OPTIONS = /^[imxlsu]*$/;

/** EJSON keys of types this shim does not build (bson's keysToCodecs but numbers, plus $code and DBRef's). */
const REFUSED_TYPES = ['$oid', '$binary', '$uuid', '$symbol', '$numberDecimal', '$minKey', '$maxKey', '$regex', '$regularExpression', '$timestamp'];

function refuse(what: string): never {
  throw new Error(`EJSON: ${what} is not handled in a function bundle (scripts/bundleShims/ejson.ts); bundle bson's EJSON again to use it`);
}

function kindOf(value: object): string {
  return Object.prototype.toString.call(value);
}

function isoText(date: Date): string {
  const iso = date.toISOString();
  return date.getUTCMilliseconds() !== 0 ? iso : iso.slice(0, -5) + 'Z';
}

function serializeValue(value: unknown, options: Options, ancestors: object[]): unknown {
  if ((typeof value === 'object' || typeof value === 'function') && value !== null) {
    if (ancestors.includes(value)) throw new TypeError('Converting circular structure to EJSON');
  }
  if (Array.isArray(value)) return withAncestor(value, ancestors, () => value.map((v: unknown) => serializeValue(v, options, ancestors)));
  if (value === undefined) return null;
  if (value instanceof Date || (typeof value === 'object' && value !== null && kindOf(value) === '[object Date]')) {
    const date = value as Date;
    const time = date.getTime();
    const inRange = time > -1 && time < LAST_ISO_DATE;
    if (options.legacy) return options.relaxed && inRange ? { $date: time } : { $date: isoText(date) };
    return options.relaxed && inRange ? { $date: isoText(date) } : { $date: { $numberLong: time.toString() } };
  }
  if (typeof value === 'number' && (!options.relaxed || !isFinite(value))) {
    if (Math.floor(value) === value) {
      if (value >= INT32_MIN && value <= INT32_MAX) return { $numberInt: value.toString() };
      if (value >= INT64_MIN && value <= INT64_MAX) return { $numberLong: value.toString() };
    }
    return { $numberDouble: value.toString() };
  }
  if (value instanceof RegExp || (typeof value === 'object' && value !== null && kindOf(value) === '[object RegExp]')) {
    const regex = value as RegExp;
    const options_ = (regex.flags ?? /[gimuy]*$/.exec(regex.toString())?.[0] ?? '').split('').sort().join('');
    if (regex.source.includes('\x00')) throw new Error(`BSON Regex patterns cannot contain null bytes, found: ${JSON.stringify(regex.source)}`);
    const unsupported = options_.split('').find((o) => !REGEX_OPTIONS.test(o));
    if (unsupported !== undefined) throw new Error(`The regular expression option [${unsupported}] is not supported`);
    return options.legacy ? { $regex: regex.source, $options: options_ } : { $regularExpression: { pattern: regex.source, options: options_ } };
  }
  if (value !== null && typeof value === 'object') return withAncestor(value, ancestors, () => serializeDocument(value, options, ancestors));
  return value;
}

function withAncestor<T>(value: object, ancestors: object[], build: () => T): T {
  ancestors.push(value);
  try {
    return build();
  } finally {
    ancestors.pop();
  }
}

function serializeDocument(doc: object, options: Options, ancestors: object[]): Record<string, unknown> {
  if ('_bsontype' in doc) refuse(`a bson ${String((doc as { _bsontype: unknown })._bsontype)} value`);
  const out: Record<string, unknown> = {};
  // for…in, as bson: inherited enumerable properties too.
  for (const name in doc) {
    const serialized = serializeValue((doc as Record<string, unknown>)[name], options, ancestors);
    if (name === '__proto__') Object.defineProperty(out, name, { value: serialized, writable: true, enumerable: true, configurable: true });
    else out[name] = serialized;
  }
  return out;
}

/** A `$numberLong` text as bson's Long.fromString(…).toNumber() reads it: wrapped to 64 bits, then a number; NaN and infinities 0. */
function longNumber(text: string): number {
  if (['NaN', 'Infinity', '+Infinity', '-Infinity'].includes(text)) return 0;
  if (/^-?\d+$/.test(text)) return Number(BigInt.asIntN(64, BigInt(text)));
  return refuse(`the $numberLong ${JSON.stringify(text)}`);
}

function deserializeValue(value: unknown, options: Options): unknown {
  if (typeof value === 'number' || value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !options.relaxed && !options.legacy) refuse('a strict (non-relaxed) parse');
    return value;
  }
  const doc = value as Record<string, unknown>;
  if (doc.$undefined) return null;
  for (const key of Object.keys(doc)) {
    if (!key.startsWith('$') || doc[key] == null) continue;
    if (key === '$numberInt') return options.relaxed ? parseInt(String(doc.$numberInt), 10) : refuse('a strict (non-relaxed) parse');
    if (key === '$numberDouble') return options.relaxed ? parseFloat(String(doc.$numberDouble)) : refuse('a strict (non-relaxed) parse');
    if (key === '$numberLong') return options.relaxed ? longNumber(String(doc.$numberLong)) : refuse('a strict (non-relaxed) parse');
    if (REFUSED_TYPES.includes(key)) refuse(`the EJSON type ${key}`);
  }
  if (doc.$date != null) {
    const d = doc.$date;
    const date = new Date();
    if (options.legacy) {
      if (typeof d === 'number') date.setTime(d);
      else if (typeof d === 'string') date.setTime(Date.parse(d));
    } else if (typeof d === 'string') date.setTime(Date.parse(d));
    else if (typeof d === 'number' && options.relaxed) date.setTime(d);
    return date;
  }
  if (doc.$code != null) refuse('the EJSON type $code');
  if (doc.$dbPointer != null || (typeof doc.$ref === 'string' && '$id' in doc)) refuse('a DBRef');
  return value;
}

export const EJSON = {
  stringify(value: unknown, replacer?: unknown, space?: unknown, options?: Options): string {
    if (space != null && typeof space === 'object') {
      options = space as Options;
      space = 0;
    }
    if (replacer != null && typeof replacer === 'object' && !Array.isArray(replacer)) {
      options = replacer as Options;
      replacer = undefined;
      space = 0;
    }
    const serialized = serializeValue(value, { relaxed: true, legacy: false, ...options }, []);
    return JSON.stringify(serialized, replacer as (string | number)[] | undefined, space as number | undefined);
  },

  parse(text: string, options?: Options & { strict?: boolean }): unknown {
    const final: Options & { strict?: boolean } = { relaxed: true, legacy: false, ...options };
    if (typeof final.relaxed === 'boolean') final.strict = !final.relaxed;
    if (typeof final.strict === 'boolean') final.relaxed = !final.strict;
    // Most answers hold no EJSON type ("$…" key) and no NUL in a key: then the reviver changes nothing.
    if (final.relaxed && !text.includes('"$') && !text.includes('\\u0000')) return JSON.parse(text);
    return JSON.parse(text, (key: string, value: unknown) => {
      if (key.includes('\x00')) throw new Error(`BSON Document field names cannot contain null bytes, found: ${JSON.stringify(key)}`);
      return deserializeValue(value, final);
    });
  },
};
