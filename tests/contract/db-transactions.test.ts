/**
 * Contract: transactions through the real @cloudbase/node-sdk — commit, rollback, snapshot
 * isolation, write-write conflicts with DATABASE_TRANSACTION_CONFLICT (the code the SDK's
 * runTransaction retries on), unique keys inside a transaction and the 30-second lifetime.
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

const closed = { read: false, write: false };
const collections: CollectionDeclaration[] = [
  { name: 'test_accounts', indexes: [{ name: 'owner_unique', keys: { owner: 1 }, unique: true }], rules: closed },
  { name: 'test_log', indexes: [], rules: closed },
];

/** What a transaction handle of @cloudbase/database looks like (its typings say `any`). */
interface Tx {
  collection(name: string): ReturnType<Db['collection']>;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

let clock = Date.now();
let emulator: DatabaseEmulator;
let server: EmulatorServer;
let db: Db;

beforeAll(async () => {
  emulator = await createDatabaseEmulator({ collections, now: () => clock });
  server = await serveDatabaseEmulator(emulator);
  db = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
});
beforeEach(async () => {
  clock = Date.now();
  await db.collection('test_accounts').add([
    { _id: 'alice', owner: 'alice', balance: 100 },
    { _id: 'bob', owner: 'bob', balance: 50 },
  ]);
});
afterEach(() => emulator.reset());
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const accounts = () => db.collection('test_accounts');
const balance = async (id: string): Promise<number> => (await accounts().doc(id).get()).data[0].balance;
const start = (): Promise<Tx> => db.startTransaction() as Promise<Tx>;
const run = <T>(fn: (tx: Tx) => Promise<T>, retries?: number): Promise<T> => db.runTransaction(fn, retries) as Promise<T>;

describe('commit and rollback', () => {
  it('commits reads and writes of several documents atomically', async () => {
    const tx = await start();
    const from = await tx.collection('test_accounts').doc('alice').get();
    expect(from.data).toMatchObject({ _id: 'alice', balance: 100 });
    expect((await tx.collection('test_accounts').doc('alice').update({ balance: 70 })).updated).toBe(1);
    await tx
      .collection('test_accounts')
      .doc('bob')
      .update({ balance: db.command.inc(30) });
    const added = await tx.collection('test_log').add({ _id: 'log-1', amount: 30 });
    expect(added).toMatchObject({ id: 'log-1', inserted: 1 });
    const upserted = await tx.collection('test_accounts').doc('carol').set({ owner: 'carol', balance: 0 });
    expect(upserted).toMatchObject({ upserted: [{ _id: 'carol' }] });

    // Nothing is visible outside before the commit; the transaction sees its own writes.
    expect(await balance('alice')).toBe(100);
    expect((await accounts().doc('carol').get()).data).toEqual([]);
    expect((await tx.collection('test_accounts').doc('bob').get()).data.balance).toBe(80);
    const inside = await tx
      .collection('test_accounts')
      .where({ balance: db.command.gte(70) })
      .get();
    expect(inside.data.map((d) => d._id).sort()).toEqual(['alice', 'bob']);

    await tx.commit();
    expect(await balance('alice')).toBe(70);
    expect(await balance('bob')).toBe(80);
    expect((await db.collection('test_log').doc('log-1').get()).data).toHaveLength(1);
    expect((await accounts().doc('carol').get()).data).toHaveLength(1);
  });

  it('deletes inside a transaction', async () => {
    await run(async (tx) => {
      expect((await tx.collection('test_accounts').doc('bob').delete()).deleted).toBe(1);
      expect((await tx.collection('test_accounts').doc('bob').get()).data).toBeNull();
    });
    expect((await accounts().doc('bob').get()).data).toEqual([]);
  });

  it('discards everything on an explicit rollback', async () => {
    const tx = await start();
    await tx.collection('test_accounts').doc('alice').update({ balance: 0 });
    await tx.rollback();
    expect(await balance('alice')).toBe(100);
    await expect(tx.collection('test_accounts').doc('alice').get()).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
    });
  });

  it('runTransaction: rollback(reason) and a thrown error both leave the data untouched', async () => {
    await expect(
      run(async (tx) => {
        await tx.collection('test_accounts').doc('alice').update({ balance: 1 });
        await tx.rollback('insufficient funds');
      }),
    ).rejects.toBe('insufficient funds');
    await expect(
      run(async (tx) => {
        await tx.collection('test_accounts').doc('alice').update({ balance: 2 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await balance('alice')).toBe(100);
  });

  it('refuses a duplicate unique key inside a transaction and aborts it', async () => {
    const tx = await start();
    await expect(tx.collection('test_accounts').add({ owner: 'alice', balance: 1 })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect((await accounts().count()).total).toBe(2);
  });
});

describe('isolation and conflicts', () => {
  it('reads a snapshot taken at the start', async () => {
    const tx = await start();
    await accounts().doc('bob').update({ balance: 999 });
    await accounts().add({ _id: 'late', owner: 'late', balance: 1 });
    expect((await tx.collection('test_accounts').doc('bob').get()).data.balance).toBe(50);
    expect((await tx.collection('test_accounts').doc('late').get()).data).toBeNull();
    expect((await tx.collection('test_accounts').where({}).get()).data).toHaveLength(2);
    await tx.commit();
  });

  it('fails the second writer of a document with DATABASE_TRANSACTION_CONFLICT', async () => {
    const first = await start();
    const second = await start();
    await first.collection('test_accounts').doc('alice').update({ balance: 90 });
    await expect(second.collection('test_accounts').doc('alice').update({ balance: 10 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await first.commit();
    expect(await balance('alice')).toBe(90);
  });

  it('fails a transaction whose document changed after its snapshot', async () => {
    const tx = await start();
    await tx.collection('test_accounts').doc('alice').get();
    await accounts()
      .doc('alice')
      .update({ balance: db.command.inc(1) });
    await expect(tx.collection('test_accounts').doc('alice').update({ balance: 0 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    expect(await balance('alice')).toBe(101);
  });

  it('fails at commit when a plain write touched a document the transaction wrote', async () => {
    const tx = await start();
    await tx.collection('test_accounts').doc('alice').update({ balance: 0 });
    await accounts().doc('alice').update({ balance: 7 });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await balance('alice')).toBe(7);
  });

  it('runTransaction retries a conflicting transaction until it succeeds', async () => {
    let attempts = 0;
    const transfer = (amount: number) =>
      run(async (tx) => {
        attempts += 1;
        const { data } = await tx.collection('test_accounts').doc('alice').get();
        await tx
          .collection('test_accounts')
          .doc('alice')
          .update({ balance: data.balance - amount });
        return data.balance - amount;
      });
    await Promise.all([transfer(10), transfer(20)]);
    expect(attempts).toBeGreaterThan(2); // at least one conflict happened and was retried
    expect(await balance('alice')).toBe(70);
  });

  it('never loses an update under contention: the final value counts exactly the commits', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        run(async (tx) => {
          const { data } = await tx.collection('test_accounts').doc('bob').get();
          await tx
            .collection('test_accounts')
            .doc('bob')
            .update({ balance: data.balance + 1 });
        }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled').length;
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const failure of failures) expect(failure.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(committed).toBeGreaterThan(0);
    expect(await balance('bob')).toBe(50 + committed);
  });
});

describe('lifetime', () => {
  it('expires a transaction after 30 seconds', async () => {
    const tx = await start();
    await tx.collection('test_accounts').doc('alice').update({ balance: 1 });
    clock += 31_000;
    await expect(tx.commit()).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
      message: expect.stringContaining('expired'),
    });
    expect(await balance('alice')).toBe(100);
    // Its claim on the document is gone: a new transaction can write it.
    await run(async (t) => t.collection('test_accounts').doc('alice').update({ balance: 5 }));
    expect(await balance('alice')).toBe(5);
  });
});
