import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLE_FILE, CODE_CACHE_PARAMETER, cacheFileFor, loaderSource, writeLoaderAndCodeCache } from '../../scripts/codeCache';
import { RUNTIME } from '../../scripts/deploy/cloudbaserc';
import { RUNTIME_NODE_VERSION, runtimeNode } from '../../scripts/runtimeNode';

/**
 * The V8 code cache of a function bundle (scripts/codeCache.ts): made by the platform's Node.js at
 * build time, used only by that Node.js for those very bytes; any other case compiles as usual.
 */
jest.setTimeout(120_000);

let platformNode: string;
const dirs: string[] = [];
beforeAll(async () => {
  const node = await runtimeNode();
  if (node.path === undefined) throw new Error(`the platform's Node.js is needed for this test: ${node.unavailable}`);
  platformNode = node.path;
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A function directory whose bundle answers what it was given: the loader's outcome, its file names, a sibling's require. */
function fixtureBundle(word: string): string {
  return `"use strict";const sibling=require('./sibling.js');module.exports.main=()=>({word:${JSON.stringify(word)},codeCache:typeof ${CODE_CACHE_PARAMETER}==='string'?${CODE_CACHE_PARAMETER}:'unbundled',file:require('path').basename(__filename),dir:__dirname,sibling,sameExports:exports===module.exports});\n`;
}

async function builtDirectory(word: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hukou-code-cache-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, BUNDLE_FILE), fixtureBundle(word));
  writeFileSync(path.join(dir, 'sibling.js'), "module.exports = 'beside';\n");
  expect(await writeLoaderAndCodeCache(dir)).toEqual({ made: cacheFileFor(RUNTIME_NODE_VERSION) });
  return dir;
}

function callMain(dir: string, node: string, flags: string[] = []): Record<string, unknown> {
  const run = spawnSync(node, [...flags, '-e', "process.stdout.write(JSON.stringify(require('./index.js').main()))"], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

test("the platform's Node.js is the one the runtime names (cloudbaserc's RUNTIME)", () => {
  expect(RUNTIME).toBe(`Nodejs${RUNTIME_NODE_VERSION.split('.').slice(0, 2).join('.')}`);
  expect(spawnSync(platformNode, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`v${RUNTIME_NODE_VERSION}`);
});

test("the platform's Node.js loads the bundle from its cache, as CommonJS would load it", async () => {
  const dir = await builtDirectory('alpha');
  expect(readdirSync(dir).sort()).toEqual([BUNDLE_FILE, cacheFileFor(RUNTIME_NODE_VERSION), 'index.js', 'sibling.js'].sort());
  expect(callMain(dir, platformNode)).toEqual({ word: 'alpha', codeCache: 'accepted', file: BUNDLE_FILE, dir, sibling: 'beside', sameExports: true });
});

test('another Node.js compiles as usual: the cache is not even read', async () => {
  const dir = await builtDirectory('alpha');
  const expected = process.version === `v${RUNTIME_NODE_VERSION}` ? 'accepted' : 'none';
  expect(callMain(dir, process.execPath)).toMatchObject({ word: 'alpha', codeCache: expected });
});

test('a bundle.js that is not the one cached is compiled from its own bytes, even of the same length (V8 checks only the length)', async () => {
  const dir = await builtDirectory('alpha');
  const file = path.join(dir, BUNDLE_FILE);
  const changed = readFileSync(file, 'utf8').replace('"alpha"', '"omega"');
  expect(changed.length).toBe(readFileSync(file, 'utf8').length);
  writeFileSync(file, changed);
  expect(callMain(dir, platformNode)).toMatchObject({ word: 'omega', codeCache: 'stale' });
});

test('V8 refuses the cache under other flags (the platform could start node with some): the bundle compiles and runs the same', async () => {
  const dir = await builtDirectory('alpha');
  expect(callMain(dir, platformNode, ['--max-old-space-size=256'])).toMatchObject({ word: 'alpha', codeCache: 'rejected' });
});

test('a new build replaces the cache of the old one', async () => {
  const dir = await builtDirectory('alpha');
  writeFileSync(path.join(dir, 'bundle.v16.13.0.cache'), 'old');
  writeFileSync(path.join(dir, BUNDLE_FILE), fixtureBundle('beta'));
  await writeLoaderAndCodeCache(dir);
  expect(readdirSync(dir).filter((f) => f.endsWith('.cache'))).toEqual([cacheFileFor(RUNTIME_NODE_VERSION)]);
  expect(callMain(dir, platformNode)).toMatchObject({ word: 'beta', codeCache: 'accepted' });
});

test('a dynamic import() left in a bundle is refused at build time: the loader has no module loader behind it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hukou-code-cache-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, BUNDLE_FILE), 'module.exports.main = () => import("node:os");\n');
  await expect(writeLoaderAndCodeCache(dir)).rejects.toThrow(/dynamic import\(\) is left in the bundle/);
  // What it guards against: the same code through the loader fails when it runs.
  writeFileSync(path.join(dir, 'index.js'), loaderSource());
  const run = spawnSync(process.execPath, ['-e', "require('./index.js').main().then(() => process.exit(0), (e) => { console.error(e.code); process.exit(1); })"], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(run.stderr).toMatch(/ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING/);
});
