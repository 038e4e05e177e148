import { collections } from '../../config/collections';
import { bootstrapDatabase, readExisting } from '../../scripts/db/bootstrap';
import { planBootstrap } from '../../scripts/db/bootstrapPlan';
import { emulatorAdmin } from '../../scripts/db/emulatorAdmin';
import { startEmulatedDatabase, type EmulatedDatabase } from './support/emulatedDatabase';

/**
 * The ops bootstrap (scripts/db/bootstrap.ts) run against the emulator through its DatabaseAdmin:
 * an empty local cloud is as empty as a new CloudBase environment, and the bootstrap's plan makes
 * it what config/collections.ts declares (issue 13, the first-day rehearsal).
 */
let e: EmulatedDatabase;
beforeEach(async () => {
  e = await startEmulatedDatabase({ empty: true });
});
afterEach(async () => {
  await e.close();
});

const quiet = { dryRun: false, log: () => {}, header: 'plan' };

test('an empty emulator has no collection: reads and writes fail as on a new environment', async () => {
  expect(e.emulator.admin.listCollections()).toEqual([]);
  await expect(e.db.collection('halls').doc('x').set({ name: 'x' })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  await expect(e.db.collection('accounts').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
});

test('the bootstrap makes it match the declaration: every collection, index and rule; a second run has nothing to do', async () => {
  const admin = emulatorAdmin(e.emulator.admin);
  const first = await bootstrapDatabase(admin, collections, quiet);
  expect(first.operations.filter((o) => o.kind === 'createCollection')).toHaveLength(collections.length);

  expect(e.emulator.admin.listCollections().sort()).toEqual(collections.map((c) => c.name).sort());
  for (const c of collections) {
    const info = e.emulator.admin.describeCollection(c.name);
    expect(info.indexes).toEqual(c.indexes);
    expect(info.rules).toEqual(c.rules);
  }
  // What the bootstrap reads back is exactly the declaration: its plan is empty, nothing is warned.
  const again = planBootstrap(collections, await readExisting(admin, collections));
  expect(again).toEqual({ operations: [], present: expect.any(Array), warnings: [] });
  expect((await bootstrapDatabase(admin, collections, quiet)).operations).toEqual([]);
});

test('unique indexes the bootstrap creates are enforced by the emulator', async () => {
  await bootstrapDatabase(emulatorAdmin(e.emulator.admin), collections, quiet);
  await e.db.collection('identity_bindings').doc('a').set({ openid: 'o1' });
  await expect(e.db.collection('identity_bindings').doc('b').set({ openid: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
});

test('a changed index is reported, and replaced only when asked', async () => {
  const admin = emulatorAdmin(e.emulator.admin);
  await bootstrapDatabase(admin, collections, quiet);
  const changed = collections.map((c) => (c.name === 'identity_bindings' ? { ...c, indexes: [{ name: 'openid', keys: { openid: 1 as const } }] } : c));
  const warned = await bootstrapDatabase(admin, changed, quiet);
  expect(warned.operations).toEqual([]);
  expect(warned.warnings).toEqual([expect.stringContaining('index identity_bindings.openid is (openid:1 unique) but is declared (openid:1)')]);
  await bootstrapDatabase(admin, changed, { ...quiet, replaceChanged: true });
  expect(e.emulator.admin.describeCollection('identity_bindings').indexes).toEqual([{ name: 'openid', keys: { openid: 1 } }]);
  await e.db.collection('identity_bindings').doc('a').set({ openid: 'o1' });
  await e.db.collection('identity_bindings').doc('b').set({ openid: 'o1' });
});
