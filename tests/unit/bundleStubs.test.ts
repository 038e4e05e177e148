import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functions } from '../../config/functions';
import { bundleEntry, bundleOptions, stubsFor } from '../../scripts/build-functions';
import {
  ALWAYS_STUBBED,
  CHINESE_DAYS_KEPT,
  WX_PART,
  REQUEST_CORE_LAZY,
  lazyRequires,
  sdkVersionModule,
  bsonNamesUsed,
  bundledFiles,
  classicZodProblems,
  chineseDaysImports,
  chineseDaysWithoutTables,
  stubProblems,
} from '../../scripts/bundleStubs';
import { FUNCTIONS_SRC, ROOT } from '../../scripts/functionBundles';

// Bundling is slow on a busy machine: a generous bound, only to end a hung run.
jest.setTimeout(300_000);

/** Entries written in a temporary folder find the project's packages. */
const NODE_PATHS = [path.join(ROOT, 'node_modules')];
const readSource = (file: string) => readFileSync(path.resolve(ROOT, file), 'utf8');

async function bundleOf(entry: string, name: string): Promise<{ metafile: Metafile; text: string }> {
  const result = await build({ ...bundleOptions(entry, path.join(tmpdir(), 'unused', 'index.js'), name, new Date()), write: false, absWorkingDir: ROOT, nodePaths: NODE_PATHS });
  return { metafile: result.metafile!, text: result.outputFiles![0].text };
}

async function metafileOf(entry: string, name: string): Promise<Metafile> {
  return (await bundleOf(entry, name)).metafile;
}

const bundled = (metafile: Metafile, packageFile: string) => Object.keys(metafile.inputs).some((file) => file.endsWith(`node_modules/${packageFile}`));

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'hukou-stubs-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An entry file in the scratch folder; `app` is the import path of server/cloudbase/app. */
function entry(name: string, source: string): string {
  const file = path.join(scratch, `${name}.ts`);
  writeFileSync(file, source.replace('APP', JSON.stringify(path.join(ROOT, 'server', 'cloudbase', 'app'))));
  return file;
}

describe.each(functions.map((f) => [f.name, f] as const))('the bundle of %s', (name, declaration) => {
  let metafile: Metafile;
  let text: string;
  beforeAll(async () => {
    ({ metafile, text } = await bundleOf(path.join(FUNCTIONS_SRC, name, 'index.ts'), name));
  });

  it('reaches no stubbed part: neither through the SDK nor through our code', () => {
    expect(stubProblems(metafile.inputs, stubsFor(name), readSource)).toEqual([]);
  });

  it('leaves out the SDK parts no function calls, and every zod locale (zod/mini loads none; the functions answer with field paths)', () => {
    for (const part of ['ai', 'functions', 'cloudrun', 'analytics', 'notification']) {
      expect(bundled(metafile, `@cloudbase/node-sdk/dist/${part}/index.js`)).toBe(false);
    }
    expect(bundled(metafile, '@cloudbase/node-sdk/dist/database/index.js')).toBe(true);
    expect(Object.keys(metafile.inputs).filter((f) => /node_modules\/(jsonwebtoken|@cloudbase\/(ai|app|wx-cloud-client-sdk))\//.test(f))).toEqual([]);
    expect(bundledFiles(metafile).filter((f) => /node_modules\/@cloudbase\/database\/.*realtime\//.test(f))).toEqual([]);
    expect(bundledFiles(metafile).filter((f) => /node_modules\/debug\//.test(f))).toEqual([]);
    expect(bundledFiles(metafile).filter((f) => /zod\/.*locales\/[^/]+$/.test(f))).toEqual([]);
  });

  it('keeps only the parts of zod/mini its schemas use: no classic zod, no whole namespace', () => {
    const zodFiles = bundledFiles(metafile).filter((f) => f.includes('node_modules/zod/'));
    expect(zodFiles.length).toBeGreaterThan(0);
    expect(zodFiles.filter((f) => /classic\/|from-json-schema|mini\/external|locales\/index/.test(f))).toEqual([]);
    expect(classicZodProblems(bundledFiles(metafile))).toEqual([]);
  });

  it('gives the database an EJSON of ours: nothing of bson is bundled (no BSON type, no binary serializer, no 17 MB buffer)', () => {
    expect(bundledFiles(metafile).filter((f) => f.includes('node_modules/bson/'))).toEqual([]);
    expect(bundledFiles(metafile)).toContainEqual(expect.stringMatching(/^hukou-bson-ejson:.*scripts\/bundleShims\/ejson\.ts$/));
  });

  it('bundles nothing of chinese-days: the work calendar reads tables written ahead (server/time/holidayNames.ts, almanacTable.ts)', () => {
    expect(Object.keys(metafile.inputs).filter((f) => /node_modules\/chinese-days\//.test(f))).toEqual([]);
  });

  it("leaves chinese-days' own holiday tables unbuilt where chinese-days is bundled", () => {
    const chineseDays = Object.keys(metafile.inputs).filter((f) => /node_modules\/chinese-days\/dist\/index/.test(f));
    expect(chineseDays.every((f) => f.startsWith('hukou-chinese-days:') && f.endsWith('index.es.js'))).toBe(true);
    // The builder of the tables (its error message) is gone; the lunar functions stay where used.
    expect(text).not.toContain('should set year before saving holiday');
    if (chineseDays.length) expect(text).toContain("chinese-days' own holiday tables were left out");
  });

  it(declaration.storage ? 'keeps the storage part for its files' : 'leaves out the storage part (no storage declared)', () => {
    expect(bundled(metafile, '@cloudbase/node-sdk/dist/storage/index.js')).toBe(Boolean(declaration.storage));
    expect(Object.keys(metafile.inputs).filter((f) => /node_modules\/(xml2js|sax|xmlbuilder|form-data|mime-db)\//.test(f))).toEqual([]);
  });

  it('leaves out axios: the SDK metadata lookups get a GET of their own (scripts/bundleShims/axiosGet.ts)', () => {
    expect(Object.keys(metafile.inputs).filter((f) => /node_modules\/(axios|follow-redirects)\//.test(f))).toEqual([]);
    expect(bundledFiles(metafile)).toContain('scripts/bundleShims/axiosGet.ts');
  });

  it(declaration.openapi?.length ? 'keeps the wx part for its 云调用' : 'leaves out the wx part (no 云调用 declared)', () => {
    expect(bundled(metafile, '@cloudbase/node-sdk/dist/wx/index.js')).toBe(Boolean(declaration.openapi?.length));
  });
});

describe('a part left out coming back into use', () => {
  it('our code calling a stubbed method: the build refuses the bundle', async () => {
    const file = entry('usesStorage', `import { cloudbase } from APP;\nexport const main = () => cloudbase().getTempFileURL({ fileList: [] });\n`);
    const problems = stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource);
    expect(problems).toEqual([expect.stringMatching(/usesStorage\.ts uses \.getTempFileURL, which reaches the SDK storage part/)]);
    await expect(bundleEntry(file, path.join(scratch, 'out'), 'guide')).rejects.toThrow(/getTempFileURL/);
  });

  it('a function without 云调用 calling callWxOpenApi is refused; one that declares it is not', async () => {
    const file = entry('usesWx', `import { cloudbase } from APP;\nexport const main = () => cloudbase().callWxOpenApi({ apiName: 'x' });\n`);
    expect(stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource)).toEqual([
      expect.stringMatching(/uses \.callWxOpenApi, which reaches the SDK wx part/),
    ]);
    expect(stubProblems((await metafileOf(file, 'booking')).inputs, stubsFor('booking'), readSource)).toEqual([]);
  });

  it('a stubbed module imported from anywhere but its known importer (an SDK upgrade): refused', async () => {
    const file = entry('importsStorage', `export { uploadFile } from '@cloudbase/node-sdk/dist/storage';\n`);
    const problems = stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource);
    expect(problems).toContainEqual(expect.stringMatching(/importsStorage\.ts imports @cloudbase\/node-sdk\/dist\/storage\/index\.js, the SDK storage part/));
    // The same from inside the SDK, as its metafile would show it.
    const upgraded = { 'node_modules/@cloudbase/node-sdk/dist/database/index.js': { imports: [{ path: 'node_modules/jsonwebtoken/index.js' }] } };
    expect(stubProblems(upgraded, ALWAYS_STUBBED, readSource)).toEqual([expect.stringMatching(/database\/index\.js imports jsonwebtoken\/index\.js, jsonwebtoken/)]);
  });

  it('our code watching a query (the database realtime part): the build refuses the bundle', async () => {
    const file = entry(
      'watches',
      `import { cloudbase } from APP;\nexport const main = () => cloudbase().database().collection('halls').where({}).watch({ onChange() {}, onError() {} });\n`,
    );
    expect(stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource)).toEqual([
      expect.stringMatching(/watches\.ts uses \.watch, which reaches the database realtime part \(watch\), stubbed/),
    ]);
  });

  it('a stub, if reached anyway, fails with a clear error', async () => {
    const file = entry(
      'reachesStubs',
      `import tcb from '@cloudbase/node-sdk';
const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' });
export const storage = () => app.uploadFile({ cloudPath: 'a', fileContent: Buffer.from('') });
export const models = () => (app as unknown as { models: { x: { list(): unknown } } }).models.x.list();
export const wx = () => app.callWxOpenApi({ apiName: 'x' });
export const watch = () => app.database().collection('halls').where({}).watch({ onChange() {}, onError() {} });
export const requestClient = () => (app as unknown as { requestClient: { get(url: string): unknown } }).requestClient.get('http://127.0.0.1:1/');
`,
    );
    const out = path.join(scratch, 'reaches', 'index.js');
    await build({ ...bundleOptions(file, out, 'guide', new Date()), absWorkingDir: ROOT, nodePaths: NODE_PATHS });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(out) as Record<'storage' | 'models' | 'wx' | 'watch' | 'requestClient', () => Promise<unknown>>;
    await expect(bundle.storage()).rejects.toThrow('the SDK storage part was left out of this bundle (scripts/bundleStubs.ts)');
    expect(() => bundle.models()).toThrow('the wx cloud client (data models, SQL) was left out');
    await expect(bundle.wx()).rejects.toThrow(`${WX_PART.part} was left out`);
    expect(() => bundle.watch()).toThrow('the database realtime part (watch) was left out of this bundle');
    expect(() => bundle.requestClient()).toThrow('axios (app.requestClient) was left out of this bundle');
  });

  it('our code using app.requestClient (axios): the build refuses the bundle', async () => {
    const file = entry('usesRequestClient', `import { cloudbase } from APP;\nexport const main = () => (cloudbase() as unknown as { requestClient: object }).requestClient;\n`);
    expect(stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource)).toEqual([expect.stringMatching(/uses \.requestClient, which reaches axios/)]);
  });
});

describe('zod/mini as a namespace', () => {
  it('a file importing classic zod: the build refuses the bundle', async () => {
    const file = entry('classicZod', `import * as z from 'zod';\nexport const main = () => z.string().parse('x');\n`);
    const metafile = await metafileOf(file, 'guide');
    expect(stubProblems(metafile.inputs, stubsFor('guide'), readSource)).toEqual([expect.stringMatching(/classicZod\.ts imports classic zod: import \* as z from 'zod\/mini'/)]);
    expect(classicZodProblems(bundledFiles(metafile))).toContainEqual(expect.stringMatching(/zod\/v4\/classic\/.* is bundled: classic zod is/));
  });

  it('a file importing { z } from zod/mini: the build refuses the bundle', async () => {
    const file = entry('wholeMini', `import { z } from 'zod/mini';\nexport const main = () => z.string().parse('x');\n`);
    expect(stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource)).toEqual([expect.stringMatching(/wholeMini\.ts imports \{ z \} from zod/)]);
  });

  it('a namespace import of zod/mini, or a type-only import of classic zod, is accepted', async () => {
    const file = entry(
      'namespaceZod',
      `import * as z from 'zod/mini';\nimport type * as Z from 'zod';\nexport const main = (): Z.infer<z.ZodMiniString> => z.string().parse('x');\n`,
    );
    const metafile = await metafileOf(file, 'guide');
    expect(stubProblems(metafile.inputs, stubsFor('guide'), readSource)).toEqual([]);
    expect(classicZodProblems(bundledFiles(metafile))).toEqual([]);
  });
});

describe('chinese-days without its own holiday tables', () => {
  it('our code importing what reads the tables: the build refuses the bundle', async () => {
    const file = entry(
      'usesIsHoliday',
      `import { getLunarDate, isHoliday as holiday } from 'chinese-days';\nexport const main = () => [getLunarDate('2026-01-01'), holiday('2026-01-01')];\n`,
    );
    expect(stubProblems((await metafileOf(file, 'guide')).inputs, stubsFor('guide'), readSource)).toEqual([
      expect.stringMatching(/usesIsHoliday\.ts imports isHoliday from chinese-days, which would read its holiday tables/),
    ]);
  });

  it('names imported from chinese-days, as the guard reads them', () => {
    expect(chineseDaysImports(`import { getLunarDate, isWorkday as w } from 'chinese-days';`)).toEqual(['getLunarDate', 'isWorkday']);
    expect(chineseDaysImports(`import days, { getSolarTermDate } from "chinese-days";`)).toEqual(['default', 'getSolarTermDate']);
    expect(chineseDaysImports(`import * as cd from 'chinese-days';`)).toEqual(['*']);
    expect(chineseDaysImports(`import type { LunarDate } from 'chinese-days';\nimport days from 'chinese-days/dist/chinese-days.json';`)).toEqual([]);
    expect(chineseDaysImports(`const cd = require('chinese-days');`)).toEqual(['*']);
  });

  it('the lunar and solar-term functions answer as the package does; the tables, if read anyway, fail clearly', async () => {
    const file = entry(
      'lunar',
      `import { getLunarDate, getSolarTermDate, isHoliday } from 'chinese-days';
export const lunar = (d: string) => getLunarDate(d);
export const term = (y: number) => getSolarTermDate(y, 4, 'pure_brightness');
export const holiday = (d: string) => isHoliday(d);
`,
    );
    const out = path.join(scratch, 'lunar', 'index.js');
    await build({ ...bundleOptions(file, out, 'guide', new Date()), absWorkingDir: ROOT, nodePaths: NODE_PATHS });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(out) as { lunar(d: string): unknown; term(y: number): string; holiday(d: string): boolean };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('chinese-days') as { getLunarDate(d: string): unknown; getSolarTermDate(y: number, m: number, t: string): string };
    for (const d of ['2026-02-17', '2027-02-06', '2030-10-01', '2099-12-31']) expect(bundle.lunar(d)).toEqual(pkg.getLunarDate(d));
    for (const y of [2026, 2027, 2050]) expect(bundle.term(y)).toBe(pkg.getSolarTermDate(y, 4, 'pure_brightness'));
    expect(() => bundle.holiday('2026-10-01')).toThrow("chinese-days' own holiday tables were left out of this bundle (scripts/bundleStubs.ts)");
  });

  it('a chinese-days whose tables are built some other way (an upgrade): the build stops', () => {
    expect(() => chineseDaysWithoutTables('const t = buildTables();')).toThrow(/expected its holiday tables built once/);
    expect(chineseDaysWithoutTables('const { holidays: M, workdays: k, inLieuDays: Z } = V(), c = 1;')).not.toMatch(/= V\(\)/);
    expect(CHINESE_DAYS_KEPT).toEqual(expect.arrayContaining(['getLunarDate', 'getSolarTermDate']));
  });
});

describe('bson as EJSON alone for the database', () => {
  it('a database file that would use more of bson than EJSON: the build refuses the bundle', () => {
    const inputs = { 'node_modules/@cloudbase/database/dist/commonjs/query.js': { imports: [{ path: 'hukou-bson-ejson:/x/node_modules/bson/lib/extended_json.js' }] } };
    const upgraded = 'const bson_1 = require("bson");\nbson_1.EJSON.parse(a);\nconst id = new bson_1.ObjectId();\nbson_1.serialize(id);';
    expect(stubProblems(inputs, ALWAYS_STUBBED, () => upgraded)).toEqual([expect.stringMatching(/query\.js uses ObjectId, serialize of bson, which gets EJSON alone/)]);
    expect(stubProblems(inputs, ALWAYS_STUBBED, () => 'const bson_1 = require("bson");\nbson_1.EJSON.stringify(a, { relaxed: false });')).toEqual([]);
    expect(bsonNamesUsed('bson_1.EJSON.parse(x); bson_1.EJSON.stringify(y)')).toEqual(['EJSON']);
  });

  it("the database's EJSON round trip in a bundle is bson's own", async () => {
    const file = entry(
      'ejson',
      `// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ejson = require('@cloudbase/database/dist/commonjs/utils/utils.js');
`,
    );
    const out = path.join(scratch, 'ejson', 'index.js');
    await build({ ...bundleOptions(file, out, 'guide', new Date()), absWorkingDir: ROOT, nodePaths: NODE_PATHS });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(out) as { ejson: { stringifyByEJSON(v: unknown): string; parseByEJSON(t: string): unknown } };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EJSON } = require('bson') as { EJSON: { stringify(v: unknown, o: object): string; parse(t: string): unknown } };
    const value = { at: new Date('2026-12-02T10:00:00.000Z'), n: 3, big: 2 ** 40, s: '户政', list: [1.5, null, { $in: ['a'] }] };
    expect(bundle.ejson.stringifyByEJSON(value)).toBe(EJSON.stringify(value, { relaxed: false }));
    const text = EJSON.stringify(value, { relaxed: false });
    expect(bundle.ejson.parseByEJSON(text)).toEqual(EJSON.parse(text));
  });
});

describe('debug as a silent stand-in', () => {
  it('the SDK helpers load and their loggers stay silent and disabled', async () => {
    const file = entry(
      'debugs',
      `// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const agent = require('agent-base');\n// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const redirects = require('follow-redirects');\n`,
    );
    const out = path.join(scratch, 'debugs', 'index.js');
    const { metafile } = await build({ ...bundleOptions(file, out, 'guide', new Date()), absWorkingDir: ROOT, nodePaths: NODE_PATHS });
    expect(bundledFiles(metafile!).filter((f) => /node_modules\/debug\//.test(f))).toEqual([]);
    const write = jest.spyOn(process.stderr, 'write');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(out) as { agent: unknown; redirects: { http: unknown } };
    expect(bundle.agent).toBeDefined();
    expect(bundle.redirects.http).toBeDefined();
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});

describe("the SDK's version written in at build time", () => {
  it("the bundled SDK reports the installed version (it read a package.json that is not beside a bundle: 'unknow')", async () => {
    const file = entry('sdkVersion', `import tcb from '@cloudbase/node-sdk';\nexport const version = tcb.version;\n`);
    const out = path.join(scratch, 'sdkVersion', 'index.js');
    await build({ ...bundleOptions(file, out, 'guide', new Date()), absWorkingDir: ROOT, nodePaths: NODE_PATHS });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(out) as { version: string };
    const installed = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), 'utf8')) as { version: string }).version;
    expect(bundle.version).toBe(installed);
    expect(readFileSync(out, 'utf8')).not.toContain('loadPackage');
  });

  it('an SDK whose version.js does something else (an upgrade): the build stops', () => {
    expect(() => sdkVersionModule('"use strict";\nexports.version = require("../../package.json").version;\n', '{"version":"3.18.3"}')).toThrow(/utils\/version\.js: expected/);
  });
});

describe("the SDK's request machinery requires its agents and https when first used", () => {
  const file = path.join(ROOT, 'node_modules', REQUEST_CORE_LAZY.file);

  /** request-core.js as bundled, run with a `require` that records what is asked of it, and fakes for what we watch. */
  function loadRequestCore(source: string) {
    const required: string[] = [];
    const made: Array<{ module: string; url: string; options: { agent?: unknown } }> = [];
    const fakeRequest = (module: string) => (url: string, options: { agent?: unknown }) => {
      made.push({ module, url, options });
      return { on() {}, once() {}, setTimeout() {}, write() {}, end() {} };
    };
    const fakes: Record<string, unknown> = {
      https: { request: fakeRequest('https'), globalAgent: { name: 'https.globalAgent' } },
      http: { request: fakeRequest('http'), globalAgent: { name: 'http.globalAgent' } },
      agentkeepalive: Object.assign(
        function HttpAgent(this: { kind: string }) {
          this.kind = 'keepalive http';
        },
        {
          HttpsAgent: function HttpsAgent(this: { kind: string }) {
            this.kind = 'keepalive https';
          },
        },
      ),
    };
    const fakeRequire = (id: string) => {
      required.push(id);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return id in fakes ? fakes[id] : id === 'form-data' ? {} : require(require.resolve(id, { paths: [path.dirname(file)] }));
    };
    const module = { exports: {} as { request(opts: object, cb: () => void): unknown } };
    runInNewContext(`(function (exports, require, module) {${source}\n})`, { URL, Buffer, process, console })(module.exports, fakeRequire, module);
    return { required, made, request: module.exports.request };
  }

  it('loading it requires none of them; a keep-alive or https request requires what it uses, and uses it as before', () => {
    const original = readFileSync(file, 'utf8');
    const before = loadRequestCore(original);
    const after = loadRequestCore(lazyRequires(original, REQUEST_CORE_LAZY.specifiers, REQUEST_CORE_LAZY.file));
    expect(before.required).toEqual(expect.arrayContaining(REQUEST_CORE_LAZY.specifiers));
    expect(after.required.filter((id) => REQUEST_CORE_LAZY.specifiers.includes(id))).toEqual([]);
    for (const core of [before, after]) {
      core.request({ url: 'http://127.0.0.1:1/admin', method: 'post', body: {}, keepalive: true, timeout: 1000, type: 'json' }, () => {});
      core.request({ url: 'https://example.invalid/admin', method: 'post', body: {}, keepalive: true, timeout: 1000, type: 'json' }, () => {});
      core.request({ url: 'https://example.invalid/other', method: 'post', body: {}, timeout: 1000, type: 'json' }, () => {});
    }
    const summary = (core: typeof before) => core.made.map((m) => [m.module, m.url, (m.options.agent as { kind?: string } | undefined)?.kind ?? m.options.agent ?? null]);
    expect(summary(after)).toEqual(summary(before));
    expect(summary(after)).toEqual([
      ['http', 'http://127.0.0.1:1/admin', 'keepalive http'],
      ['https', 'https://example.invalid/admin', 'keepalive https'],
      ['https', 'https://example.invalid/other', null],
    ]);
    expect(after.required).toEqual(expect.arrayContaining(['agentkeepalive', 'https']));
    expect(after.required).not.toContain('https-proxy-agent');
  });

  it('a request-core whose requires are written otherwise (an upgrade): the build stops', () => {
    expect(() => lazyRequires('const https_1 = require("https");\nconst x = https_1;\n', ['https'], 'request-core.js')).toThrow(/used other than by reading a property/);
    expect(() => lazyRequires('import https from "https";\n', ['https'], 'request-core.js')).toThrow(/expected one `const x = require\("https"\)`/);
  });
});
