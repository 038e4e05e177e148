/**
 * Bundles each cloud function into one self-contained CommonJS file (the SDK included), so it
 * runs with no node_modules beside it: build/functions/<name>/bundle.js, loaded by index.js with the
 * V8 code cache the platform's Node.js made for it (scripts/codeCache.ts), + package.json, and
 * config.json with the function's 云调用 permissions (scripts/deploy/cloudCallConfig.ts).
 * Usage: tsx scripts/build-functions.ts [name…]
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { functions } from '../config/functions';
import { jsonAsParsePlugin, lazyJsonProblems } from './bundleJson';
import { eagerModulesPlugin } from './eagerModules';
import { bundleStubsPlugin, bundledFiles, stubProblems, classicZodProblems, stubbedModules, type StubbedModule } from './bundleStubs';
import { CLOUD_CALL_CONFIG, cloudCallConfigText } from './deploy/cloudCallConfig';
import { FUNCTIONS_SRC, ROOT, bundlePath, functionNames } from './functionBundles';
import { BUNDLE_FILE, writeLoaderAndCodeCache, type CodeCacheOutcome } from './codeCache';

const packageVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** `0.1.0+20261123T011500Z`: the package version with the build time as semver build metadata. */
export function buildVersion(builtAt: Date): string {
  return `${packageVersion}+${builtAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/** The SDK parts stubbed in function `name`'s bundle (an undeclared name, a test fixture, keeps none). */
export function stubsFor(name: string): StubbedModule[] {
  return stubbedModules(functions.find((f) => f.name === name) ?? {});
}

/**
 * esbuild's options for bundling the entry of function `name` into `outfile`: the parts of the SDK
 * the function does not use are stubbed (scripts/bundleStubs.ts), JSON data is bundled as
 * `JSON.parse('…')` (scripts/bundleJson.ts), its modules compiled once at load (scripts/eagerModules.ts).
 */
export function bundleOptions(entry: string, outfile: string, name: string, builtAt: Date): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    // The oldest CloudBase Node.js runtime we could be deployed on (16.13); we deploy on 18.15.
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [bundleStubsPlugin(stubsFor(name)), jsonAsParsePlugin(), eagerModulesPlugin()],
    metafile: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      // What `health` reports (server/function/buildInfo.ts): no git needed, only the clock.
      __HUKOU_VERSION__: JSON.stringify(buildVersion(builtAt)),
      __HUKOU_BUILT_AT__: JSON.stringify(builtAt.toISOString()),
    },
  };
}

/** Why the last build made no code cache, said once per process. */
let skippedSaid = false;
function sayIfSkipped(outcome: CodeCacheOutcome): void {
  if ('skipped' in outcome && !skippedSaid) {
    skippedSaid = true;
    console.warn(`build-functions: no V8 code cache (the functions work the same; their cold starts compile): ${outcome.skipped}`);
  }
}

/**
 * Bundles one entry (a function's index.ts) into `outDir/bundle.js`, with the loader index.js, the
 * code cache and package.json; returns the bundle's size.
 * Refuses a bundle in which a stubbed part could be reached (scripts/bundleStubs.ts, stubProblems), or
 * data parsed on first use would be taken in a way that does not parse it (scripts/bundleJson.ts).
 */
export async function bundleEntry(entry: string, outDir: string, name: string): Promise<number> {
  const outfile = path.join(outDir, BUNDLE_FILE);
  mkdirSync(outDir, { recursive: true });
  const { metafile } = await build(bundleOptions(entry, outfile, name, new Date()));
  const readSource = (file: string) => readFileSync(path.resolve(file), 'utf8');
  const problems = [
    ...stubProblems(metafile!.inputs, stubsFor(name), readSource),
    ...classicZodProblems(bundledFiles(metafile!)),
    ...lazyJsonProblems(metafile!.inputs, readSource),
  ];
  if (problems.length) {
    throw new Error(
      `${name}: refused (scripts/bundleStubs.ts, bundleJson.ts): a part left out would be reached, classic zod bundled, or data parsed on first use taken otherwise:\n  ${problems.join('\n  ')}`,
    );
  }
  writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ name, version: packageVersion, main: 'index.js', private: true }, null, 2) + '\n');
  sayIfSkipped(await writeLoaderAndCodeCache(outDir));
  return statSync(outfile).size;
}

/** Bundles the declared function `name` into `outDir`, with its config.json; returns the bundle's size. */
export async function bundleFunctionInto(name: string, outDir: string): Promise<number> {
  const size = await bundleEntry(path.join(FUNCTIONS_SRC, name, 'index.ts'), outDir, name);
  writeFileSync(path.join(outDir, CLOUD_CALL_CONFIG), cloudCallConfigText(functions.find((f) => f.name === name) ?? {}));
  return size;
}

export async function bundleFunction(name: string): Promise<number> {
  return bundleFunctionInto(name, path.dirname(bundlePath(name)));
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
