import tcb from '@cloudbase/node-sdk';
import type { Database } from '../server/cloudbase/app';

/** The real SDK pointed at a local cloud's database emulator (for seeding, tests and benches). */
export function localDatabase(cloudUrl: string): Database {
  // Off Tencent Cloud the SDK probes a metadata host before every request: tell it not to.
  process.env.TENCENTCLOUD = 'true';
  return tcb.init({ env: 'hukou-local', serviceUrl: `${cloudUrl}/admin`, secretId: 'local-secret-id', secretKey: 'local-secret-key' }).database();
}
