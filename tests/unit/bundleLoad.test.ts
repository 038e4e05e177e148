import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { functions } from '../../config/functions';
import { bundleOptions } from '../../scripts/build-functions';
import { FUNCTIONS_SRC, ROOT } from '../../scripts/functionBundles';

/**
 * What a function's bundle does when a fresh instance loads it (its cold start: docs/PERFORMANCE.md).
 * Its zod schemas are built on first use (core/function/lazySchema.ts), and the region data parsed on
 * first use (scripts/bundleJson.ts): loading it builds no schema and parses no large JSON text.
 */

// Bundling is slow on a busy machine: a generous bound, only to end a hung run.
jest.setTimeout(300_000);

/**
 * Loaded before the bundle in the child: counts the zod instances built (each defines its `_zod`)
 * and the JSON texts parsed, then runs `after` (a script given the loaded module) and writes both to
 * the file named by LOAD_REPORT.
 */
const PRELOAD = `
const defineProperty = Object.defineProperty, parse = JSON.parse;
const report = { zodBuilt: 0, jsonParsed: [], modulesBefore: process.moduleLoadList.length };
Object.defineProperty = function (o, k, d) { if (k === '_zod') report.zodBuilt++; return defineProperty(o, k, d); };
JSON.parse = function (text, reviver) { if (typeof text === 'string') report.jsonParsed.push(text.length); return parse.call(this, text, reviver); };
globalThis.__loadReport = report;
`;

const LARGE_JSON = 100_000;

interface LoadReport {
  zodBuilt: number;
  jsonParsed: number[];
  /** Node's own public modules (http, tls, zlib…) the load brought in. */
  builtins: string[];
  afterLoad?: { zodBuilt: number; jsonParsed: number[] };
  answer?: unknown;
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'hukou-load-'));
  writeFileSync(path.join(scratch, 'preload.cjs'), PRELOAD);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The bundle of `name`, alone in a folder as deployed. */
async function bundleDir(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const result = await build({ ...bundleOptions(path.join(FUNCTIONS_SRC, name, 'index.ts'), path.join(dir, 'index.js'), name, new Date()), write: false, absWorkingDir: ROOT });
  writeFileSync(path.join(dir, 'index.js'), result.outputFiles![0].text);
  return dir;
}

/** Loads the bundle in a fresh node (bare environment) and reports what loading did; `then` runs after with `main` in scope. */
function load(dir: string, then = ''): LoadReport {
  const out = path.join(dir, 'report.json');
  const script = `const { main } = require('./index.js');
const r = globalThis.__loadReport;
const builtins = process.moduleLoadList.slice(r.modulesBefore).filter((m) => m.startsWith('NativeModule ') && !m.includes('internal/')).map((m) => m.slice('NativeModule '.length));
const loaded = { zodBuilt: r.zodBuilt, jsonParsed: [...r.jsonParsed], builtins };
(async () => { const answer = await (async () => { ${then} })();
require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ ...loaded, afterLoad: { zodBuilt: r.zodBuilt, jsonParsed: r.jsonParsed }, answer })); })();`;
  const run = spawnSync(process.execPath, ['-r', path.join(scratch, 'preload.cjs'), '-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loading ${dir} failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as LoadReport;
}

describe.each(functions.map((f) => [f.name] as const))('loading the bundle of %s', (name) => {
  it('builds no zod schema and parses no large JSON text (the region data) until used', async () => {
    const report = load(await bundleDir(name));
    expect(report.zodBuilt).toBe(0);
    expect(report.jsonParsed.filter((length) => length > LARGE_JSON)).toEqual([]);
  });

  it('loads none of https, tls, zlib, assert: no request of a deployed function uses them before it calls an outside API', async () => {
    const report = load(await bundleDir(name));
    // http and crypto: every database request (the SDK's request and its signature).
    expect(report.builtins).toEqual(expect.arrayContaining(['http', 'crypto']));
    expect(report.builtins.filter((m) => ['https', 'tls', '_tls_wrap', 'zlib', 'assert'].includes(m))).toEqual([]);
  });
});

describe('the first request to a bundle builds what it uses', () => {
  it('guide: an input of the wrong type is INVALID_INPUT, naming the field; only the schemas it uses are built', async () => {
    const report = load(await bundleDir('guide'), `return main({ action: 'search', data: { query: 5 } }, {});`);
    expect(report.zodBuilt).toBe(0);
    expect(report.answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('字段 q') } });
    expect(report.afterLoad!.zodBuilt).toBeGreaterThan(0);
    expect(report.afterLoad!.zodBuilt).toBeLessThan(100);
  });
});
