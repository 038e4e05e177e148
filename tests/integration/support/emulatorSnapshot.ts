/**
 * The database emulator in this process, reached through the real @cloudbase/node-sdk (so the
 * Cloudbase* store adapters run their production code), with snapshots: a state prepared once is
 * restored before every case of a fault matrix, without replaying the steps that built it.
 */
import { init } from '@cloudbase/node-sdk';
import { collections } from '../../../config/collections';
import { createDatabaseEmulator, type DatabaseEmulator } from '../../../devcloud/db';
import { serveDatabaseEmulator, type EmulatorServer } from '../../../devcloud/db/server';
import type { Database } from '../../../server/cloudbase/app';

process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID || 'local';
process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY || 'local';
// No probe of Tencent Cloud's metadata host before each request (see tests/contract).
process.env.TENCENTCLOUD = 'true';

/** A deep copy made in this realm (jest's structuredClone makes objects the emulator does not take as plain). */
function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

export type Snapshot = Record<string, Array<Record<string, unknown>>>;

export interface EmulatedDatabase {
  db: Database;
  emulator: DatabaseEmulator;
  /** Every document of one collection. */
  all(collection: string): Promise<Array<Record<string, unknown>>>;
  snapshot(): Promise<Snapshot>;
  restore(snapshot: Snapshot): Promise<void>;
  close(): Promise<void>;
}

export async function emulatedDatabase(): Promise<EmulatedDatabase> {
  const emulator = await createDatabaseEmulator({ collections });
  const server: EmulatorServer = await serveDatabaseEmulator(emulator);
  const db = init({ env: 'local-faults', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
  const all = async (collection: string) =>
    (await emulator.direct.get(collection, { nedbQuery: {}, order: [], offset: 0, limit: 100_000, projection: undefined })) as Array<Record<string, unknown>>;
  return {
    db,
    emulator,
    all,
    async snapshot() {
      const snap: Snapshot = {};
      for (const c of collections) snap[c.name] = clone(await all(c.name));
      return snap;
    },
    async restore(snap) {
      await emulator.reset();
      for (const [name, docs] of Object.entries(snap)) if (docs.length) await emulator.direct.insert(name, clone(docs));
    },
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}
