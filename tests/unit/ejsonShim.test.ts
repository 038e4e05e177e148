import { EJSON as bson } from 'bson';
import fc from 'fast-check';
import { EJSON } from '../../scripts/bundleShims/ejson';

/** bson's EJSON, typed for any value (its types take BSON-serializable ones only). */
const bsonEJSON = bson as unknown as { stringify(value: unknown, ...rest: unknown[]): string; parse(text: string): unknown };

/**
 * scripts/bundleShims/ejson.ts stands in for bson's EJSON in function bundles: what @cloudbase/database
 * sends and reads must be exactly what bson 4.7 would make of it.
 */

const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, 2 ** 63, -(2 ** 63), 2 ** 64, NaN, Infinity, -Infinity, 1.5, 1e21),
  fc.maxSafeInteger(),
);
const date = fc.oneof(fc.date(), fc.constantFrom(new Date(0), new Date(-1), new Date(253402318800000), new Date('2026-12-02T08:00:00.123Z'), new Date(Number.NaN)));
const regex = fc.tuple(fc.constantFrom('^hall-', '证', 'a.b', '\\d{6}', ''), fc.subarray(['i', 'm', 's', 'u'])).map(([source, flags]) => new RegExp(source, flags.join('')));
const stored = fc.oneof(number, fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), date);
/** Values built of `scalar`: what a query or update may hold (regular expressions too), or a stored document. */
function valuesOf(scalar: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('_id', '$set', 'a.b', '__proto__', 'createdAt')), tie('value'), { maxKeys: 4 }),
  })).value;
}
const value = valuesOf(fc.oneof(stored, regex));
/** What the database answers: documents hold no regular expressions (ours never store one). */
const document = valuesOf(stored);

describe('the EJSON a function bundle uses, against bson 4.7', () => {
  it('stringify, canonical (what the database client sends) and relaxed: the same text', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(EJSON.stringify(v, { relaxed: false })).toBe(bsonEJSON.stringify(v, { relaxed: false }));
        expect(EJSON.stringify(v)).toBe(bsonEJSON.stringify(v));
        expect(EJSON.stringify(v, undefined, 2, { relaxed: false })).toBe(bsonEJSON.stringify(v, undefined, 2, { relaxed: false }));
      }),
      { numRuns: 500 },
    );
  });

  it('parse (what the database answers, relaxed): the same values from either form of the text', () => {
    fc.assert(
      fc.property(document, (v) => {
        for (const text of [bsonEJSON.stringify(v, { relaxed: false }), bsonEJSON.stringify(v), JSON.stringify(v)]) {
          if (text === undefined) continue;
          const ours = EJSON.parse(text);
          const theirs = bsonEJSON.parse(text);
          // Object.is for NaN and -0, through the structure.
          expect(ours).toStrictEqual(theirs);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('dates as the server may write them: a number, ISO text, $numberLong; $undefined is null', () => {
    const text =
      '{"a":{"$date":1764662400000},"b":{"$date":"2026-12-02T08:00:00Z"},"c":{"$date":{"$numberLong":"-1"}},"d":{"$undefined":true},"e":{"$numberLong":"9223372036854775807"}}';
    expect(EJSON.parse(text)).toStrictEqual(bsonEJSON.parse(text));
  });

  it('what bson would build but our data never holds is refused by name, not passed through', () => {
    expect(() => EJSON.parse('{"_id":{"$oid":"5f0c6ad7a6b7b1a2c3d4e5f6"}}')).toThrow(/\$oid is not handled in a function bundle/);
    expect(() => EJSON.parse('{"n":{"$numberDecimal":"1.5"}}')).toThrow(/\$numberDecimal/);
    expect(() => EJSON.parse('{"r":{"$ref":"halls","$id":"x"}}')).toThrow(/DBRef/);
    expect(() => EJSON.parse('{"r":{"$regularExpression":{"pattern":"a","options":""}}}')).toThrow(/\$regularExpression/);
    expect(() => EJSON.stringify({ id: { _bsontype: 'ObjectId' } }, { relaxed: false })).toThrow(/bson ObjectId value/);
  });

  it('refuses as bson does: a circular structure, a regular expression flag it cannot store, a NUL in a field name', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = { back: circular };
    expect(() => EJSON.stringify(circular, { relaxed: false })).toThrow(/circular/);
    expect(() => bsonEJSON.stringify(circular, { relaxed: false })).toThrow(/circular/);
    expect(() => EJSON.stringify({ r: /a/g }, { relaxed: false })).toThrow('The regular expression option [g] is not supported');
    expect(() => bsonEJSON.stringify({ r: /a/g }, { relaxed: false })).toThrow('The regular expression option [g] is not supported');
    expect(() => EJSON.parse('{"a\\u0000b":1}')).toThrow(/null bytes/);
    // The same object twice, not nested in itself, is no cycle.
    const shared = { x: 1 };
    expect(EJSON.stringify({ a: shared, b: [shared] }, { relaxed: false })).toBe(bsonEJSON.stringify({ a: shared, b: [shared] }, { relaxed: false }));
  });
});
