/**
 * The local cloud a bench runs against: the booking function bundled into a folder of the bench's
 * own (so a test run using build/functions at the same time is never handed a half-written
 * bundle), function logs counted instead of printed, in-memory database. Afterwards the cloud is
 * closed, the logs and the clock offset (HUKOU_LOCAL_CLOCK_OFFSET_MS, which benches move) are
 * restored and the bundle removed, whatever happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../devcloud/localCloud';
import { bundleEntry } from '../build-functions';
import { FUNCTIONS_SRC, ROOT } from '../functionBundles';
import { quietLogs, type Quiet } from './quiet';

export async function withBenchCloud<T>(name: string, run: (cloud: LocalCloud, quiet: Quiet) => Promise<T>, opts: { quiet?: boolean } = {}): Promise<T> {
  const functionsDir = mkdtempSync(path.join(tmpdir(), `hukou-bench-${name}-`));
  await bundleEntry(path.join(FUNCTIONS_SRC, 'booking', 'index.ts'), path.join(functionsDir, 'booking'), 'booking');
  const quiet = opts.quiet === false ? { logLines: {}, failures: {}, slowWarnings: 0, socketListenerWarnings: 0, restore: () => undefined } : quietLogs();
  const offsetBefore = process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS;
  try {
    const cloud = await startLocalCloud({ port: 0, functionsDir, h5Dir: path.join(ROOT, 'dist', 'h5') });
    try {
      return await run(cloud, quiet);
    } finally {
      await cloud.close();
    }
  } finally {
    if (offsetBefore === undefined) delete process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS;
    else process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS = offsetBefore;
    quiet.restore();
    rmSync(functionsDir, { recursive: true, force: true });
  }
}
