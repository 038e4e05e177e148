/**
 * The emulator flattens a query's conjunction so nedb can use an index (devcloud/db/query.ts,
 * flattenConjunction; issue 14, "A year's data"). Property: on random documents and random
 * CloudBase queries, the flattened translation finds exactly what the unflattened one matches,
 * also when nedb picks candidates from indexes on the queried fields.
 */
import Datastore from '@seald-io/nedb';
import fc from 'fast-check';
import { collections } from '../../config/collections';
import { match } from '../../devcloud/db/nedbModel';
import { translateQuery, translateQueryAsParts } from '../../devcloud/db/query';
import { Store } from '../../devcloud/db/store';

const PATHS = ['hallId', 'day', 'n', 'slot.start', 'slot.places', 'tags', 'items.kind'] as const;
const INDEXED = ['hallId', 'day', 'n', 'slot.start', 'tags'];

const scalar = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 5 }), fc.constant(null));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

const docArb = fc.record({
  hallId: maybe(fc.constantFrom('a', 'b', 'c')),
  day: maybe(fc.constantFrom('a', 'b', 'c', 'd')),
  n: maybe(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null))),
  slot: maybe(fc.record({ start: maybe(fc.integer({ min: 0, max: 5 })), places: maybe(fc.integer({ min: 0, max: 5 })) })),
  tags: maybe(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 })),
  items: maybe(fc.array(fc.record({ kind: fc.constantFrom('a', 'b', 'c') }), { maxLength: 2 })),
});

const condition: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  scalar.map((v) => ({ $eq: v })),
  scalar.map((v) => ({ $ne: v })),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map((v) => ({ $in: v })),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map((v) => ({ $nin: v })),
  fc.boolean().map((v) => ({ $exists: v })),
  fc
    .record({
      $gt: maybe(fc.integer({ min: 0, max: 5 })),
      $gte: maybe(fc.integer({ min: 0, max: 5 })),
      $lt: maybe(fc.integer({ min: 0, max: 5 })),
      $lte: maybe(fc.constantFrom('b', 'c', 3)),
    })
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)))
    .filter((r) => Object.keys(r).length > 0),
  fc.record({ $gte: fc.integer({ min: 0, max: 5 }), $ne: scalar }),
);

const fieldsArb = fc.dictionary(fc.constantFrom(...PATHS), condition, { minKeys: 1, maxKeys: 4 });

const queryArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: fieldsArb },
  {
    weight: 1,
    arbitrary: fc.tuple(fieldsArb, fc.array(fieldsArb, { minLength: 1, maxLength: 3 })).map(([f, and]) => ({ ...f, $and: and })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fieldsArb, fc.array(fieldsArb, { minLength: 1, maxLength: 3 })).map(([f, or]) => ({ ...f, $or: or })),
  },
);

function strip<T extends Record<string, unknown>>(doc: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
}

describe('flattened query translation', () => {
  it('matches the same documents as the unflattened translation', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 20 }), queryArb, (docs, query) => {
        const flat = translateQuery(query);
        const tree = translateQueryAsParts(query);
        for (const raw of docs) {
          const doc = strip(raw);
          expect(match(doc, flat)).toBe(match(doc, tree));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same documents through nedb indexes as a scan with the unflattened translation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(docArb, { maxLength: 30 }), queryArb, async (docs, query) => {
        const db = new Datastore({ inMemoryOnly: true });
        for (const fieldName of INDEXED) await db.ensureIndexAsync({ fieldName });
        const stored = docs.map((d, i) => ({ ...strip(d), _id: `d${i}` }));
        if (stored.length > 0) await db.insertAsync(stored);
        const found = (await db.findAsync(translateQuery(query))).map((d) => d._id).sort();
        const tree = translateQueryAsParts(query);
        const expected = stored
          .filter((d) => match(d, tree))
          .map((d) => d._id)
          .sort();
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('puts conditions on distinct fields at the top level, where nedb looks for an index', () => {
    expect(translateQuery({ hallId: 'h1', day: '2026-12-09', status: { $in: ['booked', 'arrived'] } })).toEqual({
      hallId: 'h1',
      day: '2026-12-09',
      status: { $in: ['booked', 'arrived'] },
    });
  });

  it('keeps two conditions on one path apart (on an array one element need not satisfy both)', () => {
    const q = translateQuery({ $and: [{ tags: { $gt: 1 } }, { tags: { $lt: 3 } }], hallId: 'h1' });
    expect(q).toEqual({ tags: { $gt: 1 }, hallId: 'h1', $and: [{ tags: { $lt: 3 } }] });
    expect(match({ tags: [0, 5], hallId: 'h1' }, q)).toBe(true);
  });
});

describe('declared indexes in the emulator', () => {
  it('builds the leading field of every declared index, compound and non-unique ones included', async () => {
    const store = await Store.open(collections, undefined, 'test-env');
    for (const declaration of collections) {
      const built = store.nedbIndexNames(declaration.name);
      for (const index of declaration.indexes)
        expect({ collection: declaration.name, has: built.includes(Object.keys(index.keys)[0]) }).toEqual({ collection: declaration.name, has: true });
    }
  });

  it('keeps an index two declarations lead with when one of them is dropped', async () => {
    const store = await Store.open(
      [
        {
          name: 'c',
          indexes: [
            { name: 'ab', keys: { a: 1, b: 1 } },
            { name: 'ac', keys: { a: 1, c: -1 } },
          ],
          rules: { read: false, write: false },
        },
      ],
      undefined,
      'test-env',
    );
    await store.dropIndexes('c', ['ab']);
    expect(store.nedbIndexNames('c')).toEqual(['_id', 'a']);
    await store.dropIndexes('c', ['ac']);
    expect(store.nedbIndexNames('c')).toEqual(['_id']);
  });
});
