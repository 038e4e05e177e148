/**
 * The emulator finds a document by id in a Map that nedb's own `_id` index keeps up to date
 * (devcloud/db/idMirror.ts; issue 14, hallDay at a million appointments). Properties: through any
 * nedb writes (single and bulk inserts, refused duplicates, updates, a refused update, removals, a
 * reload from its file) the Map holds exactly the objects the index holds; and a query the leading
 * fields of a compound index serve no longer walks the `_id` tree once per candidate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import fc from 'fast-check';
import { collections } from '../../config/collections';
import { mirrorIdIndex } from '../../devcloud/db/idMirror';
import type { Doc } from '../../devcloud/db/nedbModel';
import { translateQuery } from '../../devcloud/db/query';
import { Store } from '../../devcloud/db/store';

type Op = { kind: 'insert'; ids: number[]; u: number } | { kind: 'update'; id: number; u: number } | { kind: 'remove'; id: number } | { kind: 'removeAll' } | { kind: 'reload' };

const id = fc.integer({ min: 0, max: 9 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), ids: fc.array(id, { minLength: 1, maxLength: 3 }), u: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), id, u: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'removeAll' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
);

/** What nedb's `_id` index holds, by id (the stored objects themselves). */
function idIndexOf(db: Datastore<Doc>): Map<unknown, Doc> {
  const index = (db as unknown as { indexes: { _id: { getAll(): Doc[] } } }).indexes._id;
  return new Map(index.getAll().map((d) => [d._id, d]));
}

describe('the id Map beside nedb', () => {
  it('holds exactly the documents of the _id index through every kind of write, refused ones and a reload included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hukou-idmirror-'));
    try {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { maxLength: 20 }), async (ops) => {
          const db = new Datastore<Doc>({ filename: path.join(dir, `c${run++}.db`) });
          const byId = mirrorIdIndex(db);
          await db.loadDatabaseAsync();
          // A unique index besides _id, so that some inserts and updates are refused and rolled back.
          await db.ensureIndexAsync({ fieldName: 'u', unique: true });
          for (const op of ops) {
            try {
              if (op.kind === 'insert') {
                const docs = op.ids.map((i, k) => ({ _id: `d${i}`, u: op.u * 10 + k }) as Doc);
                if (docs.length === 1) await db.insertAsync(docs[0]);
                else await db.insertAsync(docs);
              } else if (op.kind === 'update') await db.updateAsync({ _id: `d${op.id}` }, { $set: { u: op.u } }, {});
              else if (op.kind === 'remove') await db.removeAsync({ _id: `d${op.id}` }, {});
              else if (op.kind === 'removeAll') await db.removeAsync({}, { multi: true });
              else await db.loadDatabaseAsync();
            } catch (e) {
              if ((e as { errorType?: string }).errorType !== 'uniqueViolated') throw e;
            }
            const index = idIndexOf(db);
            expect(byId.size).toBe(index.size);
            for (const [key, doc] of index) expect(byId.get(key as string)).toBe(doc);
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers a hall's day without walking the _id tree per candidate", async () => {
    const store = await Store.open(collections, undefined, 'test-env');
    const docs: Doc[] = Array.from({ length: 3000 }, (_, i) => ({
      _id: `a${i}`,
      hallId: `h${i % 3}`,
      date: `2026-12-${String((i % 10) + 1).padStart(2, '0')}`,
      start: '09:00',
      status: 'booked',
      // 预约号 are unique in a hall (the hall_ref index): each its own.
      refNumber: String(10_000_000 + i),
    }));
    await store.insertMany('appointments', docs);
    const db = (store as unknown as { collections: Map<string, { db: Datastore<Doc> }> }).collections.get('appointments')!.db;
    const tree = (db as unknown as { indexes: { _id: { tree: { search(key: unknown): Doc[] } } } }).indexes._id.tree;
    const search = jest.spyOn(tree, 'search');
    const query = translateQuery({ hallId: 'h1', date: '2026-12-02', status: { $in: ['booked', 'checkedIn'] } });
    const found = await store.find('appointments', query);
    expect(found.map((d) => d._id).sort()).toEqual(
      docs
        .filter((d) => d.hallId === 'h1' && d.date === '2026-12-02')
        .map((d) => d._id)
        .sort(),
    );
    expect(store.explain('appointments', query)).toEqual({ via: 'prefix of hall_date_start', examined: found.length });
    // Before: one walk of the _id tree (about log2 of the collection's size in comparisons) per candidate.
    expect(search).not.toHaveBeenCalled();
  });
});
