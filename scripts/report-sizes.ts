/**
 * Prints the sizes that platform limits care about: the weapp main package and subpackages
 * (≤ 2 MB each), the H5 bundle, and each bundled function (zip ≤ 1.5 MB uploads directly).
 * Exits non-zero when a limit is exceeded.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ZIP_LIMIT_BYTES } from './deploy/plan';
import { zipDirectory } from './deploy/zip';
import { FUNCTIONS_OUT, ROOT, bundlePath, functionNames } from './functionBundles';
import { weappPackages } from './weappPackages';

const MB = 1024 * 1024;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function sizeOf(files: string[]): number {
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const problems: string[] = [];

const weapp = weappPackages();
for (const p of weapp ?? []) {
  console.log(p.root ? `weapp subpackage ${p.root.padEnd(10)} ${kib(p.bytes)}` : `weapp main package   ${kib(p.bytes)}`);
  if (p.bytes > 2 * MB) problems.push(p.root ? `weapp subpackage ${p.root} exceeds 2 MB` : 'weapp main package exceeds 2 MB');
}

const h5 = filesUnder(path.join(ROOT, 'dist', 'h5'));
if (h5.length) {
  const gz = h5.filter((f) => /\.(js|css|html)$/.test(f)).reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
  console.log(`h5 bundle            ${kib(sizeOf(h5))} (${kib(gz)} gzipped js/css/html)`);
}

if (existsSync(FUNCTIONS_OUT)) {
  for (const name of functionNames()) {
    const file = bundlePath(name);
    if (!existsSync(file)) continue;
    // The archive a deploy uploads (scripts/deploy/zip.ts), against the direct-upload limit.
    const zipped = zipDirectory(path.dirname(file)).length;
    console.log(`function ${name.padEnd(12)} ${kib(statSync(file).size)} (zip ${kib(zipped)})`);
    if (zipped > ZIP_LIMIT_BYTES) problems.push(`function ${name} zips to more than 1.5 MB`);
  }
}

if (problems.length) {
  console.error(`size limits exceeded:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
