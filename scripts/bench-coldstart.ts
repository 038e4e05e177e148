/**
 * `npm run bench:coldstart [-- --runs 21]`: each function's bundle size and cold-start cost — the time
 * a fresh `node` takes to load the bundle (copied alone into an empty folder, as deployed), as a
 * ratio to a bare `node -e 0` of the same node: this machine's, and the platform's Node.js (main). Runs are interleaved (baseline, then each function, repeated) and the
 * median is reported, so a noisy moment weighs on every column alike.
 *
 * Beside the wall-clock time, the CPU time (user + system) of the process: on a machine shared with
 * other jobs, waiting for a core inflates the wall clock but hardly the CPU time. It is measured in
 * runs of their own, so that the wall-clock runs are exactly `node -e 0` and `node -e
 * "require('./index.js')"`. The report is written to file descriptor 3 with fs.writeSync: writing it to
 * stdout (as this bench did from ac55bfa until the eager modules) sets up node's stream machinery in the
 * baseline too, about 3 ms, which made every ratio look 0.2–0.3× better than it was.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { bundleFunction } from './build-functions';
import { zipDirectory } from './deploy/zip';
import { bundlePath, functionNames } from './functionBundles';
import { BUNDLE_FILE } from './codeCache';
import { RUNTIME } from './deploy/cloudbaserc';
import { RUNTIME_NODE_VERSION, runtimeNode } from './runtimeNode';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A bare environment for every run alike: no NODE_OPTIONS (tsx's loader) and no NODE_EXTRA_CA_CERTS,
 * which alone adds ~40 ms to every node start on this machine and would flatter the ratio.
 */
const BARE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

/**
 * Appended to the code of a CPU-time run: the process's CPU time (µs, user + system) at exit, written
 * to file descriptor 3 (a pipe the bench opens) without touching stdout.
 */
export const REPORT_CPU = ";process.on('exit',()=>{const u=process.cpuUsage();require('fs').writeSync(3,'cpu-us '+(u.user+u.system))})";

/** The CPU time (ms) a process wrote with REPORT_CPU, from what came through descriptor 3. */
export function cpuMsFrom(report: string): number {
  const found = /cpu-us (\d+)$/.exec(report);
  if (!found) throw new Error(`no CPU time reported: ${JSON.stringify(report.slice(-200))}`);
  return Number(found[1]) / 1000;
}

/** Runs `node -e <code>` (that node: this one by default) in `cwd` with a bare environment and descriptor 3 piped back; fails loudly. */
export function runNode(code: string, cwd: string, node = process.execPath): { wallMs: number; fd3: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync(node, ['-e', code], { cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: BARE_ENV });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`node -e ${code} failed: ${run.stderr.toString().slice(0, 300)}`);
  return { wallMs, fd3: run.output[3]?.toString() ?? '' };
}

/** Wall time of one fresh `node -e <code>` as written, and CPU time of another run of it that reports it, in milliseconds. */
function timeNode(code: string, cwd: string, node: string): { wallMs: number; cpuMs: number } {
  const { wallMs } = runNode(code, cwd, node);
  return { wallMs, cpuMs: cpuMsFrom(runNode(code + REPORT_CPU, cwd, node).fd3) };
}

export interface ColdStart {
  name: string;
  bundleBytes: number;
  zipBytes: number;
  medianMs: number;
  ratio: number;
  /** Median CPU time (user + system) of the process, and its ratio to the baseline's. */
  cpuMs: number;
  cpuRatio: number;
}

/** Every bundle's cold start under `node` (this one by default), interleaved with that node's bare start. */
export async function benchColdStart(
  names: readonly string[],
  runs: number,
  node = process.execPath,
  withoutCodeCache = false,
): Promise<{ baselineMs: number; baselineCpuMs: number; functions: ColdStart[] }> {
  const dirs = new Map<string, string>();
  for (const name of names) {
    if (!existsSync(bundlePath(name))) await bundleFunction(name);
    const dir = mkdtempSync(path.join(tmpdir(), `hukou-cold-${name}-`));
    const built = path.dirname(bundlePath(name));
    for (const file of readdirSync(built)) if (!(withoutCodeCache && file.endsWith('.cache'))) copyFileSync(path.join(built, file), path.join(dir, file));
    dirs.set(name, dir);
  }
  const empty = mkdtempSync(path.join(tmpdir(), 'hukou-cold-baseline-'));
  const samples = new Map<string, Array<{ wallMs: number; cpuMs: number }>>([['', []], ...names.map((n) => [n, []] as [string, Array<{ wallMs: number; cpuMs: number }>])]);
  try {
    timeNode('0', empty, node); // warm the OS file cache for node itself
    for (let i = 0; i < runs; i++) {
      samples.get('')!.push(timeNode('0', empty, node));
      for (const name of names) samples.get(name)!.push(timeNode("require('./index.js')", dirs.get(name)!, node));
    }
    const wall = (key: string) => median(samples.get(key)!.map((s) => s.wallMs));
    const cpu = (key: string) => median(samples.get(key)!.map((s) => s.cpuMs));
    const baselineMs = wall('');
    const baselineCpuMs = cpu('');
    return {
      baselineMs,
      baselineCpuMs,
      functions: names.map((name) => {
        const medianMs = wall(name);
        const cpuMs = cpu(name);
        return {
          name,
          bundleBytes: statSync(path.join(dirs.get(name)!, BUNDLE_FILE)).size,
          zipBytes: zipDirectory(dirs.get(name)!).length,
          medianMs,
          ratio: medianMs / baselineMs,
          cpuMs,
          cpuRatio: cpuMs / baselineCpuMs,
        };
      }),
    };
  } finally {
    for (const dir of [empty, ...dirs.values()]) rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(title: string, result: Awaited<ReturnType<typeof benchColdStart>>): void {
  console.log(title);
  console.log(`${''.padEnd(41)}   wall clock         CPU time`);
  console.log(`baseline   node -e 0                      ${result.baselineMs.toFixed(1).padStart(7)} ms   1.00×   ${result.baselineCpuMs.toFixed(1).padStart(6)} ms   1.00×`);
  for (const f of result.functions) {
    const size = `${(f.bundleBytes / 1024).toFixed(0)} KiB (zip ${(f.zipBytes / 1024).toFixed(0)} KiB)`;
    console.log(
      `${f.name.padEnd(10)} ${size.padEnd(30)} ${f.medianMs.toFixed(1).padStart(7)} ms   ${f.ratio.toFixed(2)}×   ${f.cpuMs.toFixed(1).padStart(6)} ms   ${f.cpuRatio.toFixed(2)}×`,
    );
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Three tables: under this machine's node, as the local cloud runs the bundles (no code cache: it is
 * made for the platform's Node.js only); under the platform's Node.js (scripts/runtimeNode.ts)
 * without the code cache; and as deployed, with it, which the platform uses unless its node runs with
 * V8 flags of its own (the `health` action says which: scripts/codeCache.ts). `--here-only`: the first alone.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Math.max(3, Number(process.argv[at + 1]) || 15) : 15;
  const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs');
  const names = wanted.length ? wanted : functionNames();
  console.log(`cold start: median of ${runs} fresh node processes each; load ${load()}`);
  printTable(`\nthis machine's node ${process.version} (as the local cloud runs the bundles; no code cache)`, await benchColdStart(names, runs));
  if (!process.argv.includes('--here-only')) {
    const platform = await runtimeNode();
    if (platform.path === undefined) console.log(`\nthe platform's Node.js ${RUNTIME_NODE_VERSION}: not measured (${platform.unavailable})`);
    else {
      const title = `\nthe platform's Node.js v${RUNTIME_NODE_VERSION} (${RUNTIME})`;
      printTable(`${title}, without the code cache (as if V8 refused it); load ${load()}`, await benchColdStart(names, runs, platform.path, true));
      printTable(`${title}, as deployed: with the code cache; load ${load()}`, await benchColdStart(names, runs, platform.path));
    }
  }
  console.log(`load at the end: ${load()}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
