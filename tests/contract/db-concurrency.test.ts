/**
 * Contract: a conditional update is atomic per document, as on CloudBase. 300 concurrent
 * `where({ _id, booked: _.lt(cap) }).update({ booked: _.inc(1) })` on one slot with a cap of 50:
 * exactly 50 report `updated: 1` and the stored count is 50 — the overbooking guard of bookings.
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
  { name: 'test_slots', indexes: [], rules: { read: false, write: false } },
  {
    name: 'test_bookings',
    indexes: [{ name: 'person_slot', keys: { person: 1, slotId: 1 }, unique: true }],
    rules: { read: false, write: false },
  },
];

// 300 SDK requests cost ~10 ms of CPU each (signing, HTTP, EJSON; the emulator's own share is small
// and flat under contention: one indexed find and one write per request under the collection lock).
// On 2 busy cores the burst took over 5 s (jest's default, issue 10): an explicit generous limit.
jest.setTimeout(120_000);

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

it('300 concurrent conditional increments with a cap of 50: exactly 50 succeed', async () => {
  const _ = db.command;
  const cap = 50;
  await db.collection('test_slots').add({ _id: 'slot-1', capacity: cap, booked: 0 });
  // Open the SDK's keep-alive connections first, so the burst measures the database, not TCP setup.
  await Promise.all(Array.from({ length: 100 }, () => db.collection('test_slots').count()));

  const results = await Promise.all(
    Array.from({ length: 300 }, () =>
      db
        .collection('test_slots')
        .where({ _id: 'slot-1', booked: _.lt(cap) })
        .update({ booked: _.inc(1) }),
    ),
  );

  const updated = results.map((r) => r.updated as number);
  expect(updated.filter((n) => n === 1)).toHaveLength(cap);
  expect(updated.filter((n) => n === 0)).toHaveLength(300 - cap);
  const [slot] = (await db.collection('test_slots').doc('slot-1').get()).data;
  expect(slot.booked).toBe(cap);
});

it('a unique key lets exactly one of many concurrent identical claims in', async () => {
  const attempts = await Promise.allSettled(Array.from({ length: 40 }, () => db.collection('test_bookings').add({ person: 'p1', slotId: 'slot-1' })));
  const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
  expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  for (const r of rejected) expect(r.reason).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  expect((await db.collection('test_bookings').count()).total).toBe(1);
});
