/**
 * The emulator walks the leading fields of a declared compound index (devcloud/db/prefixIndex.ts;
 * issue 14, "A year's data"), as MongoDB beneath CloudBase does, instead of every document nedb's
 * single-field index on the first field hands it. Properties: what a query finds never depends on
 * it (random documents written, replaced and removed through the store, random queries, compared
 * with a scan); and a hall's day is answered by examining that day's documents only.
 */
import fc from 'fast-check';
import { collections, type CollectionDeclaration } from '../../config/collections';
import { match, type Doc } from '../../devcloud/db/nedbModel';
import { translateQuery, translateQueryAsParts } from '../../devcloud/db/query';
import { Store } from '../../devcloud/db/store';

const DECLARED: CollectionDeclaration[] = [
  {
    name: 'c',
    indexes: [
      { name: 'hall_day_n', keys: { hallId: 1, day: 1, n: 1 } },
      { name: 'tags_kind_n', keys: { tags: 1, 'slot.kind': 1, n: -1 } },
    ],
    rules: { read: false, write: false },
  },
];

const value = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }), fc.constant(null), fc.constant(true));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 5 });

const docArb = fc.record({
  hallId: maybe(fc.oneof(value, fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }))),
  day: maybe(fc.oneof(fc.constantFrom('a', 'b', 1), value, fc.constant(new Date('2026-12-09T00:00:00Z')), fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }))),
  n: maybe(fc.integer({ min: 0, max: 5 })),
  tags: maybe(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 })),
  slot: maybe(fc.record({ kind: maybe(value) })),
});

const condition: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: value },
  { weight: 1, arbitrary: fc.constant(new Date('2026-12-09T00:00:00Z')) },
  { weight: 1, arbitrary: fc.array(value, { minLength: 1, maxLength: 2 }).map((v) => ({ $in: v })) },
  { weight: 1, arbitrary: value.map((v) => ({ $ne: v })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }).map((v) => ({ $gte: v })) },
);

const anyQuery = fc.dictionary(fc.constantFrom('hallId', 'day', 'n', 'tags', 'slot.kind'), condition, { minKeys: 1, maxKeys: 4 });
/** Equalities on both leading fields (what the prefix serves), and maybe more. */
const prefixQuery = fc
  .tuple(fc.constantFrom('a', 'b', 1, null), fc.constantFrom('a', 'b', 1), anyQuery)
  .map(([hallId, day, more]) => ({ ...more, hallId, day }) as Record<string, unknown>);
const queryArb = fc.oneof(anyQuery, prefixQuery);

type Op = { kind: 'insert' | 'replace'; i: number; doc: Record<string, unknown> } | { kind: 'remove'; i: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), i: fc.integer({ min: 0, max: 14 }), doc: docArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), i: fc.integer({ min: 0, max: 14 }), doc: docArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), i: fc.integer({ min: 0, max: 14 }) }) },
);

/** Drops undefined fields (what the SDK would never send). */
function clean(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));
}

describe('leading fields of compound indexes in the emulator', () => {
  it('finds and counts exactly what a scan finds, through inserts, replacements and removals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), fc.array(queryArb, { minLength: 1, maxLength: 4 }), async (ops, queries) => {
        const store = await Store.open(DECLARED, undefined, 'test-env');
        for (const op of ops) {
          const id = `d${op.i}`;
          const exists = store.peekAll('c').some((d) => d._id === id);
          if (op.kind === 'remove') await store.remove('c', id);
          else if (op.kind === 'replace' && exists) await store.replace('c', { ...clean(op.doc), _id: id } as Doc);
          else if (!exists) await store.insert('c', { ...clean(op.doc), _id: id } as Doc);
        }
        for (const query of queries) {
          const expected = store
            .peekAll('c')
            .filter((d) => match(d, translateQueryAsParts(query)))
            .map((d) => d._id)
            .sort();
          const found = (await store.find('c', translateQuery(query))).map((d) => d._id).sort();
          expect(found).toEqual(expected);
          expect(await store.count('c', translateQuery(query))).toBe(expected.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("examines only a hall's day of a year of appointments, and finds it all", async () => {
    const store = await Store.open(collections, undefined, 'test-env');
    const halls = ['h1', 'h2', 'h3'];
    const docs: Doc[] = Array.from({ length: 9000 }, (_, i) => ({
      _id: `a${i}`,
      hallId: halls[i % 3],
      date: `2026-${String((Math.floor(i / 3) % 12) + 1).padStart(2, '0')}-09`,
      start: i % 2 ? '09:00' : '14:00',
      business: i % 5 ? 'renewal' : 'loss',
      status: i % 4 ? 'booked' : 'cancelled',
      actorOpenid: `o${i % 2000}`,
      // Unique in the hall (the index hall_ref).
      refNumber: String(i).padStart(8, '0'),
    }));
    await store.insertMany('appointments', docs);
    const dayOfHall = (d: Doc) => d.hallId === 'h2' && d.date === '2026-05-09';
    const query = translateQuery({ hallId: 'h2', date: '2026-05-09', status: { $in: ['booked', 'checkedIn', 'noShow'] } });
    // Before: nedb's index on hallId handed it the hall's 3,000.
    expect(store.explain('appointments', query)).toEqual({ via: 'prefix of hall_date_start', examined: docs.filter(dayOfHall).length });
    expect((await store.find('appointments', query)).map((d) => d._id).sort()).toEqual(
      docs
        .filter((d) => dayOfHall(d) && d.status === 'booked')
        .map((d) => d._id)
        .sort(),
    );
    // A query the prefix cannot serve stays with nedb's index on the leading field.
    expect(store.explain('appointments', translateQuery({ actorOpenid: 'o7' }))).toEqual({ via: 'nedb', examined: docs.filter((d) => d.actorOpenid === 'o7').length });
  });

  it('keeps a document findable under its new values after a replacement, and not under the old', async () => {
    const store = await Store.open(collections, undefined, 'test-env');
    await store.insert('appointments', { _id: 'x', hallId: 'h1', date: '2026-12-09', start: '09:00', status: 'booked' });
    await store.replace('appointments', { _id: 'x', hallId: 'h1', date: '2026-12-10', start: '09:00', status: 'booked' });
    expect(await store.count('appointments', { hallId: 'h1', date: '2026-12-09' })).toBe(0);
    expect(await store.count('appointments', { hallId: 'h1', date: '2026-12-10' })).toBe(1);
    expect(store.explain('appointments', { hallId: 'h1', date: '2026-12-09' }).examined).toBe(0);
    await store.remove('appointments', 'x');
    expect(store.explain('appointments', { hallId: 'h1', date: '2026-12-10' }).examined).toBe(0);
  });
});
