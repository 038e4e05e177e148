/**
 * Contract: the real @cloudbase/node-sdk against the local database emulator — documents in,
 * documents out, update operators, counts of what changed, unique indexes and errors.
 */
import { init } from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import type { CollectionDeclaration } from '../../config/collections';
import { createDatabaseEmulator, type DatabaseEmulator } from '../../devcloud/db';
import { serveDatabaseEmulator, type EmulatorServer } from '../../devcloud/db/server';

// The SDK refuses to sign without a key pair; the emulator accepts any signature.
process.env.TENCENTCLOUD_SECRETID = 'local';
process.env.TENCENTCLOUD_SECRETKEY = 'local';
// Skips the SDK's probe of Tencent Cloud's metadata host before every request (two 30 ms
// timeouts off-cloud). It only changes the X-TCB-Source header, not the database protocol.
process.env.TENCENTCLOUD = 'true';

const closed = { read: false, write: false };
const collections: CollectionDeclaration[] = [
  { name: 'test_items', indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }], rules: closed },
  {
    name: 'test_claims',
    indexes: [{ name: 'person_day', keys: { person: 1, day: 1 }, unique: true }],
    rules: closed,
  },
];

let emulator: DatabaseEmulator;
let server: EmulatorServer;
let db: Db;

beforeAll(async () => {
  emulator = await createDatabaseEmulator({ collections });
  server = await serveDatabaseEmulator(emulator);
  db = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
});
afterEach(() => emulator.reset());
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const items = () => db.collection('test_items');

describe('add and get', () => {
  it('returns a generated 32-hex id, or the given one, and reads documents back', async () => {
    const generated = await items().add({ code: 'a', n: 1 });
    expect(generated.id).toMatch(/^[0-9a-f]{32}$/);
    const given = await items().add({ _id: 'item-b', code: 'b', n: 2 });
    expect(given.id).toBe('item-b');

    const byId = await items().doc('item-b').get();
    expect(byId.data).toEqual([{ _id: 'item-b', code: 'b', n: 2 }]);
    const missing = await items().doc('nope').get();
    expect(missing.data).toEqual([]);
    const all = await items().orderBy('n', 'asc').get();
    expect(all.data).toEqual([
      { _id: generated.id, code: 'a', n: 1 },
      { _id: 'item-b', code: 'b', n: 2 },
    ]);
  });

  it('inserts several documents at once', async () => {
    const res = await items().add([{ code: 'x' }, { code: 'y' }]);
    expect(res.ids).toHaveLength(2);
    expect((await items().count()).total).toBe(2);
  });

  it('round-trips Dates, nested objects, arrays and db.serverDate()', async () => {
    const when = new Date('2024-03-01T08:30:00.123Z');
    const before = Date.now();
    const { id } = await items().add({
      code: 'd',
      when,
      nested: { at: when, list: [when, 1.5, 'x', true, null] },
      created: db.serverDate(),
      later: db.serverDate({ offset: 60_000 }),
    });
    const [doc] = (
      await items()
        .doc(id as string)
        .get()
    ).data;
    expect(doc.when).toBeInstanceOf(Date);
    expect(doc.when.getTime()).toBe(when.getTime());
    expect(doc.nested).toEqual({ at: when, list: [when, 1.5, 'x', true, null] });
    expect(doc.created).toBeInstanceOf(Date);
    expect(doc.created.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.later.getTime() - doc.created.getTime()).toBeGreaterThanOrEqual(59_000);
    const found = await items()
      .where({ when: db.command.gte(new Date('2024-01-01')) })
      .get();
    expect(found.data.map((d) => d._id)).toEqual([id]);
  });

  it('refuses a duplicate _id with DATABASE_DUPLICATE_WRITE', async () => {
    await items().add({ _id: 'same', code: 'a' });
    await expect(items().add({ _id: 'same', code: 'b' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('E11000 duplicate key error'),
    });
  });

  it('fails with DATABASE_COLLECTION_NOT_EXIST for an undeclared collection, until it is created', async () => {
    await expect(db.collection('never_declared').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await expect(db.collection('never_declared').add({ a: 1 })).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
    await db.createCollection('runtime_created');
    await db.collection('runtime_created').add({ a: 1 });
    expect((await db.collection('runtime_created').count()).total).toBe(1);
  });
});

describe('unique indexes from the declaration', () => {
  it('refuses an insert that duplicates a unique key', async () => {
    await items().add({ code: 'taken' });
    await expect(items().add({ code: 'taken' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringMatching(/index: code_unique dup key: \{ code: "taken" \}/),
    });
    expect((await items().count()).total).toBe(1);
  });

  it('refuses an update that would duplicate a unique key, and leaves the document unchanged', async () => {
    await items().add({ _id: 'one', code: 'c1' });
    await items().add({ _id: 'two', code: 'c2' });
    await expect(items().doc('two').update({ code: 'c1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(items().doc('two').set({ code: 'c1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect((await items().doc('two').get()).data[0].code).toBe('c2');
  });

  it('enforces compound unique keys (deterministic per-person claims)', async () => {
    const claims = db.collection('test_claims');
    await claims.add({ person: 'p1', day: '2024-03-01' });
    await claims.add({ person: 'p1', day: '2024-03-02' });
    await claims.add({ person: 'p2', day: '2024-03-01' });
    await expect(claims.add({ person: 'p1', day: '2024-03-01' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
  });
});

describe('updates', () => {
  beforeEach(async () => {
    await items().add({ _id: 'doc', code: 'k', n: 10, tags: ['a', 'b'], profile: { city: 'X', zip: '1' } });
  });

  it('applies inc, mul, push, pull, addToSet, remove and nested merges', async () => {
    const _ = db.command;
    const res = await items()
      .doc('doc')
      .update({
        n: _.inc(5),
        tags: _.push(['c', 'd']),
        profile: { city: 'Y' },
        gone: _.remove(),
      });
    expect(res.updated).toBe(1);
    await items()
      .doc('doc')
      .update({ n: _.mul(2), tags: _.pull('a') });
    await items()
      .doc('doc')
      .update({ tags: _.addToSet('b') });
    await items()
      .doc('doc')
      .update({ tags: _.addToSet('z'), code: _.remove() });
    const [doc] = (await items().doc('doc').get()).data;
    expect(doc).toEqual({ _id: 'doc', n: 30, tags: ['b', 'c', 'd', 'z'], profile: { city: 'Y', zip: '1' } });
  });

  it('replaces a nested object with _.set, pulls by condition and pushes at a position', async () => {
    const _ = db.command;
    await items()
      .doc('doc')
      .update({ profile: _.set({ country: 'CN' }), tags: _.pull(_.in(['a', 'b'])) });
    await items()
      .doc('doc')
      .update({ tags: _.push({ each: ['first'], position: 0 }) });
    await items()
      .doc('doc')
      .update({ tags: _.unshift('zero'), list: _.addToSet({ each: [1, 1, 2] }) });
    const [doc] = (await items().doc('doc').get()).data;
    expect(doc.profile).toEqual({ country: 'CN' });
    expect(doc.tags).toEqual(['zero', 'first']);
    expect(doc.list).toEqual([1, 2]);
  });

  it('reports updated 0 when the condition does not match or nothing changes', async () => {
    const _ = db.command;
    expect(
      (
        await items()
          .where({ _id: 'doc', n: _.lt(10) })
          .update({ n: _.inc(1) })
      ).updated,
    ).toBe(0);
    expect(
      (
        await items()
          .where({ _id: 'doc', n: _.lt(11) })
          .update({ n: _.inc(1) })
      ).updated,
    ).toBe(1);
    expect((await items().doc('doc').update({ code: 'k' })).updated).toBe(0);
    expect((await items().doc('missing').update({ code: 'q' })).updated).toBe(0);
    expect((await items().doc('doc').get()).data[0].n).toBe(11);
  });

  it('updates every matching document with where().update()', async () => {
    await items().add([
      { code: 'm1', group: 'g' },
      { code: 'm2', group: 'g' },
      { code: 'm3', group: 'h' },
    ]);
    const res = await items().where({ group: 'g' }).update({ seen: true });
    expect(res.updated).toBe(2);
    expect((await items().where({ seen: true }).count()).total).toBe(2);
  });

  it('set() replaces an existing document and upserts a missing one', async () => {
    const replaced = await items().doc('doc').set({ code: 'k2', only: true });
    expect(replaced).toMatchObject({ updated: 1, upsertedId: null });
    expect((await items().doc('doc').get()).data).toEqual([{ _id: 'doc', code: 'k2', only: true }]);
    const created = await items()
      .doc('fresh')
      .set({ code: 'f', at: new Date(0) });
    expect(created).toMatchObject({ updated: 0, upsertedId: 'fresh' });
    expect((await items().doc('fresh').get()).data).toEqual([{ _id: 'fresh', code: 'f', at: new Date(0) }]);
  });

  it('updateAndReturn() updates one document atomically and returns its new version', async () => {
    const _ = db.command;
    const res = await items()
      .where({ code: 'k' })
      .updateAndReturn({ n: _.inc(1) });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ _id: 'doc', n: 11 });
    const none = await items()
      .where({ code: 'nothing' })
      .updateAndReturn({ n: _.inc(1) });
    expect(none).toMatchObject({ updated: 0, doc: null });
  });
});

describe('remove', () => {
  it('reports deleted counts for doc().remove() and where().remove()', async () => {
    await items().add([
      { _id: 'r1', code: 'r1', g: 1 },
      { _id: 'r2', code: 'r2', g: 1 },
      { _id: 'r3', code: 'r3', g: 2 },
    ]);
    expect((await items().doc('r3').remove()).deleted).toBe(1);
    expect((await items().doc('r3').remove()).deleted).toBe(0);
    expect((await items().where({ g: 1 }).remove()).deleted).toBe(2);
    expect((await items().count()).total).toBe(0);
  });
});

describe('pointing the SDK at the emulator', () => {
  it('works through TCB_CONTEXT_CNFG as well as init({ serviceUrl })', async () => {
    await items().add({ _id: 'via-env', code: 'e' });
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: server.serviceUrl });
    try {
      const viaEnv = init({ env: 'local-test' }).database();
      expect((await viaEnv.collection('test_items').doc('via-env').get()).data).toEqual([{ _id: 'via-env', code: 'e' }]);
    } finally {
      delete process.env.TCB_CONTEXT_CNFG;
    }
  });
});

describe('protocol errors', () => {
  it('answers an unknown action with an error the SDK raises (no hang)', async () => {
    const res = await fetch(server.serviceUrl + '?env=local-test&seqId=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.noSuchThing', collectionName: 'test_items' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM', requestId: expect.any(String) });
  });

  it('rejects an unsupported query operator cleanly', async () => {
    const _ = db.command;
    const near = _.geoNear({ geometry: new db.Geo.Point(1, 2) });
    await expect(items().where({ loc: near }).get()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});
