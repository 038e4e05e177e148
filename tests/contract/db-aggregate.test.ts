/**
 * Contract: `db.collection(x).aggregate()…end()` through the real @cloudbase/node-sdk
 * (`database.aggregateDocuments`), checked against hand-counted fixtures — the kind of figures the
 * statistics page (issue 16) asks for: per hall and day in Beijing time, counts and averages.
 */
import { init } from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import type { CollectionDeclaration } from '../../config/collections';
import { createDatabaseEmulator, type DatabaseEmulator } from '../../devcloud/db';
import { serveDatabaseEmulator, type EmulatorServer } from '../../devcloud/db/server';

// The SDK refuses to sign without a key pair; the emulator accepts any signature.
process.env.TENCENTCLOUD_SECRETID = 'local';
process.env.TENCENTCLOUD_SECRETKEY = 'local';
// Skips the SDK's per-request probe of Tencent Cloud's metadata host (see db-crud.test.ts).
process.env.TENCENTCLOUD = 'true';

const collections: CollectionDeclaration[] = [
  { name: 'test_visits', indexes: [{ name: 'hall_at', keys: { hall: 1, at: 1 } }], rules: { read: false, write: false } },
  { name: 'test_halls', indexes: [], rules: { read: false, write: false } },
  { name: 'test_many', indexes: [], rules: { read: false, write: false } },
];

let emulator: DatabaseEmulator;
let server: EmulatorServer;
let db: Db;

// Beijing time (+08:00) in the comments: v3 is on 11 February there but on the 10th in UTC.
const visits = [
  { _id: 'v1', hall: 'h1', at: new Date('2026-02-10T01:00:00Z'), wait: 10, kind: 'booking', services: ['id-card', 'hukou'] }, // 10th 09:00
  { _id: 'v2', hall: 'h1', at: new Date('2026-02-10T06:30:00Z'), wait: 20, kind: 'walk-in', services: ['hukou'] }, // 10th 14:30
  { _id: 'v3', hall: 'h1', at: new Date('2026-02-10T16:30:00Z'), wait: 30, kind: 'booking', services: [] }, // 11th 00:30
  { _id: 'v4', hall: 'h2', at: new Date('2026-02-10T02:00:00Z'), wait: 5, kind: 'green', services: ['id-card'] }, // 10th 10:00
  { _id: 'v5', hall: 'h2', at: new Date('2026-02-11T03:00:00Z'), wait: 15, kind: 'booking', services: ['hukou', 'move-in'] }, // 11th 11:00
  { _id: 'v6', hall: 'h2', at: new Date('2026-02-11T15:59:00Z'), wait: 25, kind: 'walk-in', services: ['hukou'] }, // 11th 23:59
];
const halls = [
  { _id: 'h1', name: '东城大厅' },
  { _id: 'h2', name: '西城大厅' },
];

beforeAll(async () => {
  emulator = await createDatabaseEmulator({ collections });
  server = await serveDatabaseEmulator(emulator);
  db = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
  await db.collection('test_visits').add(visits);
  await db.collection('test_halls').add(halls);
  await db.collection('test_many').add(Array.from({ length: 30 }, (_, i) => ({ _id: `m${String(i).padStart(2, '0')}`, i })));
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const BEIJING_DAY = { format: '%Y-%m-%d', timezone: '+08:00' };

describe('aggregate', () => {
  it('groups by hall and Beijing day with counts, averages, dates and accumulators', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .sort({ at: 1 })
      .group({
        _id: { hall: '$hall', day: $.dateToString({ date: '$at', ...BEIJING_DAY }) },
        visits: $.sum(1),
        avgWait: $.avg('$wait'),
        maxWait: $.max('$wait'),
        firstAt: $.first('$at'),
        lastAt: $.last('$at'),
        kinds: $.addToSet('$kind'),
        ids: $.push('$_id'),
        green: $.sum($.cond({ if: $.eq(['$kind', 'green']), then: 1, else: 0 })),
      })
      .sort({ '_id.hall': 1, '_id.day': 1 })
      .end();
    const rows = res.data as Record<string, unknown>[];
    expect(rows.map((r) => [r._id, r.visits, r.avgWait, r.maxWait, r.ids, r.green])).toEqual([
      [{ hall: 'h1', day: '2026-02-10' }, 2, 15, 20, ['v1', 'v2'], 0],
      [{ hall: 'h1', day: '2026-02-11' }, 1, 30, 30, ['v3'], 0],
      [{ hall: 'h2', day: '2026-02-10' }, 1, 5, 5, ['v4'], 1],
      [{ hall: 'h2', day: '2026-02-11' }, 2, 20, 25, ['v5', 'v6'], 0],
    ]);
    // Dates come back as Dates (EJSON), not strings.
    expect(rows[0].firstAt).toEqual(new Date('2026-02-10T01:00:00Z'));
    expect(rows[0].lastAt).toEqual(new Date('2026-02-10T06:30:00Z'));
    expect((rows[3].kinds as string[]).slice().sort()).toEqual(['booking', 'walk-in']);
  });

  it('groups by a date: the Beijing midnight of each visit, as a Date', async () => {
    const $ = db.command.aggregate;
    const part = (op: 'year' | 'month' | 'dayOfMonth') => $[op]({ date: '$at', timezone: '+08:00' });
    const res = await db
      .collection('test_visits')
      .aggregate()
      .group({
        _id: $.dateFromParts({ year: part('year'), month: part('month'), day: part('dayOfMonth'), timezone: '+08:00' }),
        visits: $.sum(1),
        totalWait: $.sum('$wait'),
      })
      .sort({ _id: 1 })
      .end();
    // Beijing 10th: v1 10, v2 20, v4 5; 11th: v3 30, v5 15, v6 25.
    expect(res.data).toEqual([
      { _id: new Date('2026-02-09T16:00:00Z'), visits: 3, totalWait: 35 },
      { _id: new Date('2026-02-10T16:00:00Z'), visits: 3, totalWait: 70 },
    ]);
  });

  it('groups the same visits by UTC day differently (the timezone is honoured)', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .match({ hall: 'h1' })
      .group({ _id: $.dateToString({ date: '$at', format: '%Y-%m-%d' }), visits: $.sum(1) })
      .end();
    expect(res.data).toEqual([{ _id: '2026-02-10', visits: 3 }]);
  });

  it('match with dates and operators, sort, skip and limit', async () => {
    const _ = db.command;
    // Beijing 11 February: [10th 16:00 UTC, 11th 16:00 UTC).
    const day = await db
      .collection('test_visits')
      .aggregate()
      .match({ at: _.gte(new Date('2026-02-10T16:00:00Z')).and(_.lt(new Date('2026-02-11T16:00:00Z'))) })
      .sort({ at: 1 })
      .project({ _id: 1 })
      .end();
    expect(day.data).toEqual([{ _id: 'v3' }, { _id: 'v5' }, { _id: 'v6' }]);

    const slowest = await db
      .collection('test_visits')
      .aggregate()
      .match({ wait: _.gte(10) })
      .sort({ wait: -1 })
      .limit(2)
      .project({ wait: 1 })
      .end();
    expect(slowest.data).toEqual([
      { _id: 'v3', wait: 30 },
      { _id: 'v6', wait: 25 },
    ]);
    const next = await db
      .collection('test_visits')
      .aggregate()
      .match({ wait: _.gte(10) })
      .sort({ wait: -1 })
      .skip(1)
      .limit(2)
      .project({ wait: 1 })
      .end();
    expect((next.data as { _id: string }[]).map((d) => d._id)).toEqual(['v6', 'v2']);
  });

  it('unwind, sortByCount, count and addFields', async () => {
    const $ = db.command.aggregate;
    const byService = await db.collection('test_visits').aggregate().unwind('$services').sortByCount('$services').end();
    expect(byService.data).toEqual([
      { _id: 'hukou', count: 4 },
      { _id: 'id-card', count: 2 },
      { _id: 'move-in', count: 1 },
    ]);
    const kept = await db.collection('test_visits').aggregate().unwind({ path: '$services', preserveNullAndEmptyArrays: true }).count('rows').end();
    expect(kept.data).toEqual([{ rows: 8 }]);
    const dropped = await db.collection('test_visits').aggregate().unwind('$services').count('rows').end();
    expect(dropped.data).toEqual([{ rows: 7 }]);
    const long = await db
      .collection('test_visits')
      .aggregate()
      .addFields({ long: $.gt(['$wait', 20]) })
      .match({ long: true })
      .project({ _id: 1 })
      .sort({ _id: 1 })
      .end();
    expect(long.data).toEqual([{ _id: 'v3' }, { _id: 'v6' }]);
  });

  it('lookup joins the halls (simple form)', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .group({ _id: '$hall', visits: $.sum(1) })
      .lookup({ from: 'test_halls', localField: '_id', foreignField: '_id', as: 'hall' })
      .project({ _id: 1, visits: 1, name: $.arrayElemAt(['$hall.name', 0]) })
      .sort({ _id: 1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'h1', visits: 3, name: '东城大厅' },
      { _id: 'h2', visits: 3, name: '西城大厅' },
    ]);
  });

  it('lookup with let and a pipeline, and from a collection that does not exist', async () => {
    const _ = db.command;
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_halls')
      .aggregate()
      .lookup({
        from: 'test_visits',
        let: { hallId: '$_id' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$hall', '$$hallId']), $.eq(['$kind', 'booking'])])))
          .count('n')
          .done(),
        as: 'bookings',
      })
      .lookup({ from: 'test_nowhere', localField: '_id', foreignField: 'hall', as: 'none' })
      .sort({ _id: 1 })
      .end();
    // Bookings: h1 v1 and v3, h2 v5.
    expect(res.data).toEqual([
      { _id: 'h1', name: '东城大厅', bookings: [{ n: 2 }], none: [] },
      { _id: 'h2', name: '西城大厅', bookings: [{ n: 1 }], none: [] },
    ]);
  });

  it('bucket by waiting time', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .bucket({ groupBy: '$wait', boundaries: [0, 15, 30], default: 'long', output: { visits: $.sum(1) } })
      .end();
    // [0,15): v1 10, v4 5; [15,30): v2 20, v5 15, v6 25; beyond: v3 30.
    expect(res.data).toEqual([
      { _id: 0, visits: 2 },
      { _id: 15, visits: 3 },
      { _id: 'long', visits: 1 },
    ]);
    // Only buckets holding a visit are output.
    const sparse = await db
      .collection('test_visits')
      .aggregate()
      .bucket({ groupBy: '$wait', boundaries: [-5, 0, 15, 30], default: 'long' })
      .end();
    expect(sparse.data).toEqual([
      { _id: 0, count: 2 },
      { _id: 15, count: 3 },
      { _id: 'long', count: 1 },
    ]);
  });

  it('$expr in a match compares fields of the same document', async () => {
    const _ = db.command;
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .match(_.expr($.gt(['$wait', $.multiply([$.size('$services'), 10])])))
      .project({ _id: 1 })
      .sort({ _id: 1 })
      .end();
    // wait > 10 × number of services: v2 20 > 10, v3 30 > 0, v4 5 > 10 no, v5 15 > 20 no, v6 25 > 10, v1 10 > 20 no.
    expect(res.data).toEqual([{ _id: 'v2' }, { _id: 'v3' }, { _id: 'v6' }]);
  });

  it('dateToString and the date parts in Asia/Shanghai, dateFromParts back to an instant', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .match({ _id: 'v3' })
      .project({
        _id: 0,
        local: $.dateToString({ date: '$at', format: '%Y-%m-%d %H:%M', timezone: 'Asia/Shanghai' }),
        offset: $.dateToString({ date: '$at', format: '%Y-%m-%d %H:%M', timezone: '+08:00' }),
        hour: $.hour({ date: '$at', timezone: 'Asia/Shanghai' }),
        midnight: $.dateFromParts({ year: 2026, month: 2, day: 11, timezone: 'Asia/Shanghai' }),
      })
      .end();
    expect(res.data).toEqual([{ local: '2026-02-11 00:30', offset: '2026-02-11 00:30', hour: 0, midnight: new Date('2026-02-10T16:00:00Z') }]);
  });

  it('returns 20 documents unless the pipeline has a limit, as CloudBase does', async () => {
    const $ = db.command.aggregate;
    expect((await db.collection('test_many').aggregate().sort({ i: 1 }).end()).data).toHaveLength(20);
    expect(
      (
        await db
          .collection('test_many')
          .aggregate()
          .group({ _id: '$i', n: $.sum(1) })
          .end()
      ).data,
    ).toHaveLength(20);
    const all = await db.collection('test_many').aggregate().sort({ i: 1 }).limit(1000).end();
    expect(all.data).toHaveLength(30);
    expect((all.data as { _id: string }[])[29]._id).toBe('m29');
  });

  it('sample, replaceRoot and bucketAuto', async () => {
    const $ = db.command.aggregate;
    // Without replacement, as MongoDB samples a collection this size: never the same document twice
    // (drawn 25 times, each a sample of all but one of the visits; with replacement that fails almost surely).
    const visits = (await db.collection('test_visits').count()).total;
    for (let draw = 0; draw < 25; draw++) {
      const sampled = (
        await db
          .collection('test_visits')
          .aggregate()
          .sample({ size: visits - 1 })
          .end()
      ).data as { _id: string; __hukouSampleKey?: number }[];
      expect(sampled).toHaveLength(visits - 1);
      expect(new Set(sampled.map((d) => d._id)).size).toBe(visits - 1);
      expect(sampled.every((d) => d.__hukouSampleKey === undefined)).toBe(true);
    }
    expect(
      (await db
        .collection('test_visits')
        .aggregate()
        .sample({ size: 0 })
        .end()
        .catch((e: Error) => e)) instanceof Error,
    ).toBe(true);
    const roots = await db
      .collection('test_visits')
      .aggregate()
      .match({ kind: 'green' })
      .replaceRoot({ newRoot: $.mergeObjects([{ hall: '$hall' }, { wait: '$wait' }]) })
      .end();
    expect(roots.data).toEqual([{ hall: 'h2', wait: 5 }]);
    const auto = (await db.collection('test_visits').aggregate().bucketAuto({ groupBy: '$wait', buckets: 3 }).end()).data as { count: number }[];
    expect(auto.map((b) => b.count)).toEqual([2, 2, 2]);
  });

  it('an empty result is an empty list', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('test_visits')
      .aggregate()
      .match({ hall: 'h9' })
      .group({ _id: '$kind', visits: $.sum(1) })
      .end();
    expect(res.data).toEqual([]);
    const counted = await db.collection('test_visits').aggregate().match({ hall: 'h9' }).count('n').end();
    expect(counted.data).toEqual([]);
  });

  it('refuses an unknown stage or operator with INVALID_PARAM, and keeps serving', async () => {
    // The SDK has no method for $facet; _pipe is what each of its stage methods calls.
    const agg = db.collection('test_visits').aggregate() as unknown as { _pipe(stage: string, param: unknown): { end(): Promise<unknown> } };
    await expect(agg._pipe('facet', { a: [{ $limit: 1 }] }).end()).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining("Unrecognized pipeline stage name: '$facet'"),
    });
    await expect(
      db
        .collection('test_visits')
        .aggregate()
        .group({ _id: '$hall', n: { $bogus: 1 } })
        .end(),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(db.collection('test_nowhere').aggregate().end()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    const res = await db.collection('test_visits').aggregate().count('n').end();
    expect(res.data).toEqual([{ n: 6 }]);
  });
});
