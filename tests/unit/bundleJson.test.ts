import path from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/build-functions';
import { jsonModuleSource } from '../../scripts/bundleJson';
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

  it('the region data reaches the identity bundle as a JSON string, not as an object literal', async () => {
    const result = await build({
      ...bundleOptions(path.join(FUNCTIONS_SRC, 'identity', 'index.ts'), path.join(tmpdir(), 'unused', 'index.js'), 'identity', new Date()),
      write: false,
      absWorkingDir: ROOT,
    });
    const text = result.outputFiles![0].text;
    expect(text).toContain(`JSON.parse('[{"code":"11","name":"\\u5317\\u4EAC\\u5E02","children":[`);
    expect(text).not.toMatch(/\{code:"11",name:/);
  });
});
