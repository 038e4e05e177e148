/**
 * Contract: queries through the real @cloudbase/node-sdk — command operators with MongoDB's
 * semantics, ordering, paging with CloudBase's limits (100 by default, 1000 at most),
 * projection and count.
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
  { name: 'test_halls', indexes: [{ name: 'city_order', keys: { city: 1, order: 1 } }], rules: { read: false, write: false } },
  { name: 'test_bulk', indexes: [], rules: { read: false, write: false } },
];

let emulator: DatabaseEmulator;
let server: EmulatorServer;
let db: Db;

const halls = [
  {
    _id: 'h1',
    name: 'East Hall',
    city: 'Beijing',
    order: 1,
    services: ['id-card', 'hukou'],
    address: { district: 'Dongcheng', floor: 1 },
    rating: 4.5,
    opened: new Date('2020-01-01T00:00:00Z'),
  },
  {
    _id: 'h2',
    name: 'West Hall',
    city: 'Beijing',
    order: 2,
    services: ['hukou'],
    address: { district: 'Xicheng', floor: 2 },
    rating: 3.9,
    opened: new Date('2021-06-01T00:00:00Z'),
    note: 'closed on Mondays',
  },
  {
    _id: 'h3',
    name: 'Harbour Hall',
    city: 'Shanghai',
    order: 1,
    services: ['id-card'],
    address: { district: 'Huangpu', floor: 3 },
    rating: 4.8,
    opened: new Date('2019-03-15T00:00:00Z'),
  },
  {
    _id: 'h4',
    name: 'North Office',
    city: 'Shanghai',
    order: 2,
    services: [],
    address: { district: 'Jingan', floor: 1 },
    rating: 4.1,
    opened: new Date('2022-09-09T00:00:00Z'),
    note: null,
  },
];

beforeAll(async () => {
  emulator = await createDatabaseEmulator({ collections });
  server = await serveDatabaseEmulator(emulator);
  db = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
  await db.collection('test_halls').add(halls);
  await db.collection('test_bulk').add(Array.from({ length: 1200 }, (_, i) => ({ _id: `b${String(i).padStart(4, '0')}`, i })));
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

async function ids(where: object): Promise<string[]> {
  const res = await db.collection('test_halls').where(where).orderBy('_id', 'asc').get();
  return res.data.map((d) => d._id as string);
}

describe('command operators', () => {
  it('eq / neq / gt / gte / lt / lte', async () => {
    const _ = db.command;
    expect(await ids({ city: _.eq('Beijing') })).toEqual(['h1', 'h2']);
    expect(await ids({ city: _.neq('Beijing') })).toEqual(['h3', 'h4']);
    expect(await ids({ rating: _.gt(4.1) })).toEqual(['h1', 'h3']);
    expect(await ids({ rating: _.gte(4.1) })).toEqual(['h1', 'h3', 'h4']);
    expect(await ids({ rating: _.lt(4.1) })).toEqual(['h2']);
    expect(await ids({ rating: _.lte(4.1) })).toEqual(['h2', 'h4']);
    expect(await ids({ rating: _.gt(4).and(_.lt(4.6)) })).toEqual(['h1', 'h4']);
    expect(await ids({ opened: _.lt(new Date('2020-06-01T00:00:00Z')) })).toEqual(['h1', 'h3']);
  });

  it('in / nin, including array fields', async () => {
    const _ = db.command;
    expect(await ids({ city: _.in(['Shanghai', 'Shenzhen']) })).toEqual(['h3', 'h4']);
    expect(await ids({ order: _.nin([1]) })).toEqual(['h2', 'h4']);
    expect(await ids({ services: _.in(['id-card']) })).toEqual(['h1', 'h3']);
    expect(await ids({ services: _.nin(['id-card']) })).toEqual(['h2', 'h4']);
  });

  it('matches arrays containing a value and neq on arrays means "no element equals"', async () => {
    const _ = db.command;
    expect(await ids({ services: 'hukou' })).toEqual(['h1', 'h2']);
    expect(await ids({ services: _.neq('hukou') })).toEqual(['h3', 'h4']);
    expect(await ids({ services: _.all(['id-card', 'hukou']) })).toEqual(['h1']);
    expect(await ids({ services: _.size(0) })).toEqual(['h4']);
    expect(await ids({ services: _.elemMatch(_.eq('id-card')) })).toEqual(['h1', 'h3']);
  });

  it('and / or, at the top level and on one field', async () => {
    const _ = db.command;
    expect(await ids(_.or([{ city: 'Shanghai', order: 1 }, { rating: _.lt(4) }]))).toEqual(['h2', 'h3']);
    expect(await ids(_.and([{ city: 'Beijing' }, { order: _.gt(1) }]))).toEqual(['h2']);
    expect(await ids({ order: _.eq(2).or(_.eq(3)) })).toEqual(['h2', 'h4']);
    expect(await ids({ city: 'Beijing', rating: _.or(_.gt(4.4), _.lt(3)) })).toEqual(['h1']);
  });

  it('exists, and null matching a missing field as MongoDB does', async () => {
    const _ = db.command;
    expect(await ids({ note: _.exists(true) })).toEqual(['h2', 'h4']);
    expect(await ids({ note: _.exists(false) })).toEqual(['h1', 'h3']);
    expect(await ids({ note: _.eq(null) })).toEqual(['h1', 'h3', 'h4']);
  });

  it('expr compares fields of the same document (an aggregation expression)', async () => {
    const _ = db.command;
    const $ = db.command.aggregate;
    // rating > 2 × order: h1 4.5 > 2, h2 3.9 > 4 no, h3 4.8 > 2, h4 4.1 > 4.
    expect(await ids(_.expr($.gt(['$rating', $.multiply(['$order', 2])])))).toEqual(['h1', 'h3', 'h4']);
    expect(await ids(_.and([{ city: 'Beijing' }, _.expr($.lt(['$opened', new Date('2021-01-01T00:00:00Z')]))]))).toEqual(['h1']);
    const counted = await db
      .collection('test_halls')
      .where(_.expr($.eq([$.size('$services'), 1])))
      .count();
    expect(counted.total).toBe(2);
  });

  it('db.RegExp and JS regular expressions', async () => {
    expect(await ids({ name: db.RegExp({ regexp: '^(east|west)', options: 'i' }) })).toEqual(['h1', 'h2']);
    expect(await ids({ name: /hall$/i })).toEqual(['h1', 'h2', 'h3']);
    expect(await ids({ note: /Mondays/ })).toEqual(['h2']);
    expect(await ids({ note: /mondays/ })).toEqual([]);
  });

  it('nested field paths, as objects and as dotted keys', async () => {
    const _ = db.command;
    expect(await ids({ address: { district: 'Huangpu' } })).toEqual(['h3']);
    expect(await ids({ 'address.floor': _.gte(2) })).toEqual(['h2', 'h3']);
    expect(await ids({ address: { floor: 1 }, city: 'Shanghai' })).toEqual(['h4']);
  });
});

describe('ordering, paging, projection and count', () => {
  it('orders by several fields', async () => {
    const res = await db.collection('test_halls').orderBy('city', 'desc').orderBy('order', 'asc').get();
    expect(res.data.map((d) => d._id)).toEqual(['h3', 'h4', 'h1', 'h2']);
    const byRating = await db.collection('test_halls').orderBy('rating', 'desc').skip(1).limit(2).get();
    expect(byRating.data.map((d) => d._id)).toEqual(['h1', 'h4']);
  });

  it('returns 100 documents by default and at most 1000', async () => {
    const bulk = db.collection('test_bulk');
    expect((await bulk.get()).data).toHaveLength(100);
    expect((await bulk.limit(1000).get()).data).toHaveLength(1000);
    expect((await bulk.limit(5000).get()).data).toHaveLength(1000);
    const tail = await bulk.orderBy('i', 'asc').skip(1190).limit(50).get();
    expect(tail.data.map((d) => d.i)).toEqual([1190, 1191, 1192, 1193, 1194, 1195, 1196, 1197, 1198, 1199]);
    expect((await bulk.count()).total).toBe(1200);
    expect((await bulk.where({ i: db.command.gte(1000) }).count()).total).toBe(200);
  });

  it('projects fields (inclusion keeps _id unless excluded; exclusion drops; $slice keeps the rest)', async () => {
    const included = await db.collection('test_halls').where({ _id: 'h1' }).field({ name: true, 'address.district': true }).get();
    expect(included.data).toEqual([{ _id: 'h1', name: 'East Hall', address: { district: 'Dongcheng' } }]);
    const noId = await db.collection('test_halls').doc('h3').field({ _id: false, city: true }).get();
    expect(noId.data).toEqual([{ city: 'Shanghai' }]);
    const excluded = await db.collection('test_halls').doc('h2').field({ services: false, address: false, opened: false }).get();
    expect(excluded.data).toEqual([{ _id: 'h2', name: 'West Hall', city: 'Beijing', order: 2, rating: 3.9, note: 'closed on Mondays' }]);
    const sliced = await db
      .collection('test_halls')
      .doc('h1')
      .field({ services: db.command.project.slice(1) })
      .get();
    expect(sliced.data[0]).toMatchObject({ _id: 'h1', name: 'East Hall', services: ['id-card'] });
  });
});
