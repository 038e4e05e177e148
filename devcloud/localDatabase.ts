import tcb from '@cloudbase/node-sdk';
import type { Database } from '../server/cloudbase/app';

/** The real SDK pointed at a local cloud (its database emulator and storage), as a function or ops script would use it. */
export function localApp(cloudUrl: string): ReturnType<typeof tcb.init> {
  // Off Tencent Cloud the SDK probes a metadata host before every request: tell it not to.
  process.env.TENCENTCLOUD = 'true';
  return tcb.init({ env: 'hukou-local', serviceUrl: `${cloudUrl}/admin`, secretId: 'local-secret-id', secretKey: 'local-secret-key' });
}

/** The real SDK's database on a local cloud's emulator (for seeding, tests and benches). */
export function localDatabase(cloudUrl: string): Database {
  return localApp(cloudUrl).database();
}
