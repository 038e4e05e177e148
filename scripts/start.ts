/**
 * `npm start`: bundles the functions, builds the H5 app when its sources changed, starts the local
 * cloud (database under .data/, seeded with the content in data/) and prints where to open it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startLocalCloud } from '../devcloud/localCloud';
import { personas } from '../devcloud/personas';
import { seedLocalCloud } from '../devcloud/seed/seedLocalCloud';
import { bundleFunction } from './build-functions';
import { FUNCTIONS_OUT, ROOT, functionNames } from './functionBundles';

const H5_DIR = path.join(ROOT, 'dist', 'h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function h5IsFresh(): boolean {
  const index = path.join(H5_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return ['src', 'core', 'config'].every((d) => newestMtime(path.join(ROOT, d)) < built);
}

async function main(): Promise<void> {
  for (const name of functionNames()) await bundleFunction(name);
  if (process.argv.includes('--rebuild') || !h5IsFresh()) {
    console.log('正在构建 H5（首次约 1 分钟）… building the H5 app');
    const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('H5 build failed (see the output above)');
  }
  const port = Number(process.env.PORT ?? 8787);
  const cloud = await startLocalCloud({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: path.join(ROOT, '.data'),
    functionsDir: FUNCTIONS_OUT,
    h5Dir: H5_DIR,
    timers: true,
    // A shipped card is delivered an hour (of the local clock) after pickup; pollShipments records it.
    courierDeliversAfterMs: 60 * 60 * 1000,
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new Error(`port ${port} is in use: stop the other process or run PORT=8788 npm start`);
    throw e;
  });
  const reports = await seedLocalCloud(cloud.url);
  for (const r of reports) {
    console.log(`seeded ${r.collection}: ${r.written}${r.stale.length ? ` (not in data/: ${r.stale.join(', ')})` : ''}`);
  }
  console.log(`demo personas (H5: 我的 → 切换身份): ${personas.map((p) => `${p.openid} (${p.label})`).join(', ')}`);
  console.log(
    `\n户政服务 local cloud is running:\n  app        ${cloud.url}/\n  functions  POST ${cloud.url}/fn/<name>\n  database   ${cloud.url}/admin (CloudBase SDK protocol)\n  registry   ${cloud.registry.url}/v1 (the bureau's population registry gateway, signed: docs/REGISTRY.md)\n  SMS codes  printed here as [短信] lines, and at ${cloud.url}/local/sms\n  timers     the declared triggers fire on schedule ([定时触发] lines)\nPress Ctrl+C to stop.`,
  );
  const stop = () => {
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
