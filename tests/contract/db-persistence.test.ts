/**
 * Contract: with a data directory the emulator keeps its documents (and its unique indexes)
 * across a close and a reopen, as the local cloud needs between two `npm start`s.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
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

const collections: CollectionDeclaration[] = [{ name: 'test_items', indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }], rules: { read: false, write: false } }];

let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hukou-db-'));
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function open(): Promise<{ emulator: DatabaseEmulator; server: EmulatorServer; db: Db }> {
  const emulator = await createDatabaseEmulator({ dataDir, collections });
  const server = await serveDatabaseEmulator(emulator);
  const db = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
  return { emulator, server, db };
}

async function shut(env: { emulator: DatabaseEmulator; server: EmulatorServer }): Promise<void> {
  await env.server.close();
  await env.emulator.close();
}

it('keeps documents, committed transactions, runtime collections and unique indexes across a reopen', async () => {
  const first = await open();
  const when = new Date('2024-05-04T03:02:01.000Z');
  await first.db.collection('test_items').add({ _id: 'kept', code: 'k', when, tags: ['a'] });
  await first.db.collection('test_items').add({ _id: 'dropped', code: 'd' });
  await first.db
    .collection('test_items')
    .doc('kept')
    .update({ tags: first.db.command.push('b') });
  await first.db.collection('test_items').doc('dropped').remove();
  await first.db.runTransaction(async (tx: { collection: Db['collection'] }) => {
    await tx.collection('test_items').add({ _id: 'from-tx', code: 't' });
  });
  await first.db.createCollection('made_at_runtime');
  await first.db.collection('made_at_runtime').add({ _id: 'r', v: 1 });
  await shut(first);

  expect(await fs.readdir(dataDir)).toEqual(expect.arrayContaining(['test_items.db', 'made_at_runtime.db']));

  const second = await open();
  try {
    const docs = await second.db.collection('test_items').orderBy('_id', 'asc').get();
    expect(docs.data).toEqual([
      { _id: 'from-tx', code: 't' },
      { _id: 'kept', code: 'k', when, tags: ['a', 'b'] },
    ]);
    expect((await second.db.collection('made_at_runtime').doc('r').get()).data).toEqual([{ _id: 'r', v: 1 }]);
    await expect(second.db.collection('test_items').add({ code: 'k' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    await second.emulator.reset();
    expect((await second.db.collection('test_items').count()).total).toBe(0);
  } finally {
    await shut(second);
  }

  const third = await open();
  try {
    expect((await third.db.collection('test_items').count()).total).toBe(0);
  } finally {
    await shut(third);
  }
});
