/**
 * Bundles each cloud function into one self-contained CommonJS file (the SDK included), so it
 * runs with no node_modules beside it: build/functions/<name>/index.js (+ package.json).
 * Usage: tsx scripts/build-functions.ts [name…]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS_OUT, FUNCTIONS_SRC, bundlePath, functionNames } from './functionBundles';

export async function bundleFunction(name: string): Promise<number> {
  const outfile = bundlePath(name);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(FUNCTIONS_SRC, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // CloudBase's Node.js 16.13 runtime is the oldest we support.
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  writeFileSync(
    path.join(FUNCTIONS_OUT, name, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2) + '\n',
  );
  return statSync(outfile).size;
}

async function run(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : functionNames();
  for (const name of names) {
    const size = await bundleFunction(name);
    console.log(`bundled ${name.padEnd(12)} ${(size / 1024).toFixed(0).padStart(6)} KiB  ${path.relative(process.cwd(), bundlePath(name))}`);
  }
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
