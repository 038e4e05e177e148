import { init } from '@cloudbase/node-sdk';
import { collections } from '../../../config/collections';
import { createDatabaseEmulator, type DatabaseEmulator } from '../../../devcloud/db';
import { serveDatabaseEmulator, type EmulatorServer } from '../../../devcloud/db/server';
import type { Database } from '../../../server/cloudbase/app';

// The SDK refuses to sign without a key pair; the emulator accepts any signature.
process.env.TENCENTCLOUD_SECRETID = 'local';
process.env.TENCENTCLOUD_SECRETKEY = 'local';
// Skips the SDK's probe of Tencent Cloud's metadata host before every request.
process.env.TENCENTCLOUD = 'true';

export interface EmulatedDatabase {
  db: Database;
  emulator: DatabaseEmulator;
  close(): Promise<void>;
}

/**
 * The product's collections in an in-memory emulator, reached through the real SDK over HTTP;
 * `empty`: no collection at all, as a new environment before the bootstrap.
 */
export async function startEmulatedDatabase(opts: { empty?: boolean } = {}): Promise<EmulatedDatabase> {
  const emulator = await createDatabaseEmulator({ collections: opts.empty ? [] : collections });
  const server: EmulatorServer = await serveDatabaseEmulator(emulator);
  const db = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' }).database();
  return {
    db,
    emulator,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}
