/**
 * Parts of @cloudbase/node-sdk (and its dependencies) that no cloud function calls, replaced at bundle
 * time by stubs that throw a clear error if ever reached, so a fresh instance does not make V8 compile
 * them (cold start: `npm run bench:coldstart`). Plus zod's locales, of which only English (zod's
 * default) stays: the functions answer with our own catalogue's messages (core/function/dispatch.ts),
 * never zod's.
 *
 * What the SDK's CloudBase class (node_modules/@cloudbase/node-sdk/dist/cloudbase.js) keeps:
 * `database()` (./database, @cloudbase/database), `getCloudbaseContext` (./utils/tcbcontext), the
 * request machinery (./utils/*: its https and HTTP agents required when first used, REQUEST_CORE_LAZY),
 * `auth()` without custom-login tickets, and `callWxOpenApi`
 * (./wx, JSON, no multipart) for functions that declare 云调用 APIs (`openapi` in config/functions.ts).
 * What goes, each with the app methods that would reach it:
 * - ./storage (xml2js, xmlbuilder, sax): uploadFile, downloadFile, copyFile, deleteFile,
 *   getTempFileURL, getFileInfo, getUploadMetadata, getFileAuthority;
 * - ./ai (@cloudbase/ai, @cloudbase/app, its adapter, web-streams-polyfill): ai();
 * - ./functions, ./cloudrun, ./analytics, ./notification: callFunction, callApis, callContainer,
 *   analytics, sendTemplateNotification;
 * - ./wx, unless the function declares `openapi`: callWxOpenApi, callWxPayApi, callCompatibleWxOpenApi,
 *   wxCallContainerApi;
 * - @cloudbase/wx-cloud-client-sdk: `app.models`, `app.mysql()`, `app.rdb()` (data models, SQL);
 * - jsonwebtoken: `auth().createTicket` (custom login);
 * - form-data: multipart requests (callWxPayApi, callCompatibleWxOpenApi, storage uploads);
 * - axios: `app.requestClient`; its other use, the metadata lookups of utils/metadata.js (made only
 *   off Tencent Cloud: never in a function), gets a GET of its own (scripts/bundleShims/axiosGet.ts);
 * - @cloudbase/database's realtime part (its websocket client): `watch()` on a query or document;
 * - debug, the trace logger of the SDK's HTTP helpers (follow-redirects, the proxy agents), silent unless
 *   the DEBUG variable names them: a silent stand-in (in a bundle, DEBUG=agent-base & co. print nothing).
 * tests/unit/bundleStubs.test.ts fails when our code calls one of those methods or when an SDK upgrade
 * makes a kept part import a stubbed one.
 *
 * And chinese-days' own holiday tables: the package builds them when loaded (every notice since 2004,
 * day by day through its date class: the largest single cost of loading a function that had it), but
 * we read its published data file instead (server/time/chineseDaysCalendar.ts) and call only its
 * lunar and solar-term functions. Its ES build is bundled (so what we do not import is left out)
 * with the tables replaced by stand-ins that throw if read; our code may import only the exports
 * that never read them (CHINESE_DAYS_KEPT).
 *
 * And the SDK's version (utils/version.js), which it reads from its package.json when loaded: in a
 * bundle that file is not beside it (the read threw, the version was 'unknow'), so the installed
 * version is written in at build time.
 *
 * And bson: @cloudbase/database uses only its EJSON (text), never the binary BSON serializer (whose
 * module allocates a 17 MB buffer when loaded) nor a BSON type of its own. The database's
 * `require("bson")` gets an EJSON of ours (scripts/bundleShims/ejson.ts: bson's canonical text and
 * relaxed reading for the values our data holds, refusing by name the BSON types it never holds):
 * bson's EJSON module loads every BSON type, about 2.5 ms of each cold start. The build refuses a
 * database file that uses anything else of bson.
 *
 * And schemas are zod/mini's, imported as a namespace (`import * as z from 'zod/mini'`), so that
 * esbuild leaves out what no schema uses. Classic zod builds every method on every schema and brings
 * about 95 KiB to compile at each cold start; zod/mini about a quarter of it: the build refuses a
 * bundle with classic zod in it, and `import { z } from …`, which hands over a whole namespace object.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';

export interface StubbedModule {
  /** What the stub stands for, in its error message. */
  part: string;
  /** The import specifier as written in the importing file. */
  specifier: string;
  /** Paths (relative to node_modules, '/'-separated) of the files allowed to import it: its known importers. */
  importers: string[];
  /** App methods that reach it: our code must never call them while it is stubbed. */
  methods: string[];
  /** A module of ours that stands in for it (absolute path), instead of one that throws. */
  shim?: string;
}

const SDK = '@cloudbase/node-sdk/dist';

export const WX_PART: StubbedModule = {
  part: 'the SDK wx part (云调用)',
  specifier: './wx',
  importers: [`${SDK}/cloudbase.js`],
  methods: ['callWxOpenApi', 'callWxPayApi', 'callCompatibleWxOpenApi', 'wxCallContainerApi'],
};

/** Stubbed in every function. */
export const ALWAYS_STUBBED: StubbedModule[] = [
  {
    part: 'the SDK storage part',
    specifier: './storage',
    importers: [`${SDK}/cloudbase.js`],
    methods: ['uploadFile', 'downloadFile', 'copyFile', 'deleteFile', 'getTempFileURL', 'getFileInfo', 'getUploadMetadata', 'getFileAuthority'],
  },
  // Where the storage part is kept (functions that declare `storage`): its XML parser reads only the
  // answer of a server-side upload, which no function makes (the phone uploads).
  { part: 'xml2js (answers to server-side uploads)', specifier: 'xml2js', importers: [`${SDK}/storage/index.js`], methods: ['uploadFile'] },
  { part: 'the SDK ai part', specifier: './ai', importers: [`${SDK}/cloudbase.js`], methods: ['ai'] },
  {
    part: 'the SDK functions part',
    specifier: '../functions',
    importers: [`${SDK}/notification/index.js`],
    methods: ['callFunction', 'callApis'],
  },
  { part: 'the SDK functions part', specifier: './functions', importers: [`${SDK}/cloudbase.js`], methods: ['callFunction', 'callApis'] },
  { part: 'the SDK cloudrun part', specifier: './cloudrun', importers: [`${SDK}/cloudbase.js`], methods: ['callContainer'] },
  { part: 'the SDK cloudrun part', specifier: '../cloudrun', importers: [`${SDK}/functions/index.js`], methods: ['callContainer'] },
  { part: 'the SDK analytics part', specifier: './analytics', importers: [`${SDK}/cloudbase.js`], methods: ['analytics'] },
  { part: 'the SDK notification part', specifier: './notification', importers: [`${SDK}/cloudbase.js`], methods: ['sendTemplateNotification'] },
  {
    part: 'the wx cloud client (data models, SQL)',
    specifier: '@cloudbase/wx-cloud-client-sdk',
    importers: [`${SDK}/cloudbase.js`],
    methods: ['models', 'mysql', 'rdb'],
  },
  { part: 'jsonwebtoken (custom login tickets)', specifier: 'jsonwebtoken', importers: [`${SDK}/auth/index.js`], methods: ['createTicket'] },
  {
    part: 'form-data (multipart requests)',
    specifier: 'form-data',
    importers: [`${SDK}/utils/request-core.js`],
    methods: ['callWxPayApi', 'callCompatibleWxOpenApi', 'wxCallContainerApi'],
  },
  // axios: the SDK's metadata lookups get a GET of their own (scripts/bundleShims/axiosGet.ts);
  // `app.requestClient` (a shim for CloudBase CI extensions) is left out.
  { part: 'axios (app.requestClient)', specifier: 'axios', importers: [`${SDK}/cloudbase.js`], methods: ['requestClient'] },
  { part: 'axios', specifier: 'axios', importers: [`${SDK}/utils/metadata.js`], methods: [], shim: path.join(__dirname, 'bundleShims', 'axiosGet.ts') },
  {
    part: 'the database realtime part (watch)',
    specifier: './realtime/websocket-client',
    importers: ['@cloudbase/database/dist/commonjs/query.js', '@cloudbase/database/dist/commonjs/document.js'],
    methods: ['watch'],
  },
  {
    part: 'debug (trace logging)',
    specifier: 'debug',
    importers: [
      'follow-redirects/debug.js',
      'agent-base/dist/src/index.js',
      'https-proxy-agent/dist/agent.js',
      'https-proxy-agent/dist/parse-proxy-response.js',
      'http-proxy-agent/dist/agent.js',
    ],
    methods: [],
  },
];

/**
 * The stubbed modules of a function: the wx part stays only where the function declares 云调用 APIs,
 * the storage part only where it declares `storage`.
 */
export function stubbedModules(fn: { openapi?: string[]; storage?: true }): StubbedModule[] {
  const kept = ALWAYS_STUBBED.filter((m) => !(fn.storage && STORAGE_PARTS.includes(m.part)));
  return fn.openapi?.length ? kept : [...kept, WX_PART];
}

/**
 * What a function that keeps files needs of the SDK: the storage part. Not xml2js (see above), not form-data: functions
 * never upload themselves (the phone does, to the place `getUploadMetadata` names), and form-data
 * would bring mime-db's 180 KiB of JSON to parse at load.
 */
const STORAGE_PARTS = ['the SDK storage part'];

/** A module whose every use throws, naming what was left out and where to bring it back. */
function stubSource(part: string): string {
  const message = `${part} was left out of this bundle (scripts/bundleStubs.ts); a function that uses it must keep it`;
  const thrower = `function(){throw new Error(${JSON.stringify(message)})}`;
  if (part.startsWith('the wx cloud client')) {
    // The SDK builds `app.models` eagerly in init(): hand it something that fails only when used.
    return `const fail=${thrower};const unusable=new Proxy(fail,{get:fail,apply:fail,construct:fail});
module.exports={__esModule:true,default:{generateHTTPClient:()=>unusable,generateMySQLClient:fail}};`;
  }
  if (part.startsWith('debug')) {
    // A logger that is never enabled, as debug is when DEBUG does not name it.
    return `function createDebug(namespace){const log=function(){};log.namespace=namespace;log.enabled=false;log.extend=function(s){return createDebug(namespace+':'+s)};log.destroy=function(){return false};return log}
createDebug.enable=function(){};createDebug.disable=function(){return ''};createDebug.enabled=function(){return false};createDebug.debug=createDebug;createDebug.default=createDebug;
module.exports=createDebug;`;
  }
  // `__esModule` and `then` read as undefined so interop helpers and promise checks see a plain object.
  return `const fail=${thrower};
module.exports=new Proxy(function(){},{get:(_,k)=>k==='__esModule'||k==='then'||typeof k==='symbol'?undefined:fail,apply:fail,construct:fail});`;
}

/** The '/'-separated path of `file` below the last node_modules, or undefined outside node_modules. */
export function packagePath(file: string): string | undefined {
  const normalized = file.split(path.sep).join('/');
  const at = normalized.lastIndexOf('node_modules/');
  return at < 0 ? undefined : normalized.slice(at + 'node_modules/'.length);
}

/** The exports of chinese-days that never read its holiday tables: the only ones our code may import. */
export const CHINESE_DAYS_KEPT = [
  'getLunarDate',
  'getLunarDatesInRange',
  'getLunarYears',
  'getSolarDateFromLunar',
  'getSolarTermDate',
  'getSolarTerms',
  'getSolarTermsInRange',
  'getYearLeapMonth',
  'monthDays',
];

/** In chinese-days' ES build: `const { holidays: M, workdays: k, inLieuDays: Z } = V()`, the tables being built. */
const CHINESE_DAYS_TABLES = /\{\s*holidays:\s*([\w$]+),\s*workdays:\s*([\w$]+),\s*inLieuDays:\s*([\w$]+)\s*\}\s*=\s*[\w$]+\(\)/g;

/** chinese-days' ES build with its holiday tables left unbuilt: stand-ins that throw if read. */
export function chineseDaysWithoutTables(source: string): string {
  const found = source.match(CHINESE_DAYS_TABLES) ?? [];
  if (found.length !== 1) {
    throw new Error(`chinese-days: expected its holiday tables built once (\`{ holidays, workdays, inLieuDays } = …()\`), found ${found.length}: see scripts/bundleStubs.ts`);
  }
  const message = "chinese-days' own holiday tables were left out of this bundle (scripts/bundleStubs.ts): read dist/chinese-days.json";
  const unbuilt = `new Proxy({}, { get() { throw new Error(${JSON.stringify(message)}); } })`;
  return source.replace(CHINESE_DAYS_TABLES, `{ holidays: $1, workdays: $2, inLieuDays: $3 } = { holidays: ${unbuilt}, workdays: ${unbuilt}, inLieuDays: ${unbuilt} }`);
}

/** The ES build of chinese-days (its `module` entry), as installed for `resolveDir` (or esbuild's nodePaths). */
function chineseDaysModule(resolveDir: string, nodePaths: readonly string[] = []): string {
  const manifest = require.resolve('chinese-days/package.json', { paths: [resolveDir, ...nodePaths] });
  const entry = (JSON.parse(readFileSync(manifest, 'utf8')) as { module?: string }).module;
  if (!entry) throw new Error('chinese-days: no ES build (`module` in its package.json): see scripts/bundleStubs.ts');
  return path.join(path.dirname(manifest), entry);
}

/** The SDK's utils/version.js: `exports.version = loadPackage().version`, loadPackage reading the package.json two folders up. */
const SDK_VERSION_READ = /path\.join\(__dirname, '\.\.\/\.\.\/package\.json'\)[\s\S]*\nexports\.version = loadPackage\(\)\.version;\s*$/;

/**
 * The SDK's utils/version.js with the version it reads at load written in at build time. In a bundle
 * its `__dirname` is the function's folder, so the read missed anyway (a thrown ENOENT, and the
 * version sent in its User-Agent was 'unknow'); now it is the installed SDK's.
 */
export function sdkVersionModule(source: string, packageJson: string): string {
  const version = (JSON.parse(packageJson) as { version?: unknown }).version;
  if (!SDK_VERSION_READ.test(source) || typeof version !== 'string') {
    throw new Error(
      '@cloudbase/node-sdk/dist/utils/version.js: expected `exports.version = loadPackage().version`, read from the package.json two folders up: see scripts/bundleStubs.ts',
    );
  }
  return `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.version = ${JSON.stringify(version)}; // scripts/bundleStubs.ts: read at build time\n`;
}

/**
 * What the SDK's request machinery (utils/request-core.js) requires when loaded but uses only to pick
 * an HTTP agent or an https URL: in a cloud function neither happens (the SDK calls its internal
 * endpoint over http, `isInternal`, and opens keep-alive agents only outside SCF, as in the local
 * cloud), so these are required when first used instead (in the local cloud: its first request).
 */
export const REQUEST_CORE_LAZY = {
  file: `${SDK}/utils/request-core.js`,
  specifiers: ['https', 'agentkeepalive', 'https-proxy-agent', 'http-proxy-agent'],
};

/**
 * `source` (TypeScript's CommonJS output) with each `const x_1 = [__importDefault(|__importStar(]require("spec")[)];`
 * of `specifiers` made a stand-in that requires the module when one of its properties is first read.
 * Throws when a require is not written so, or its name is used other than by reading a property.
 */
export function lazyRequires(source: string, specifiers: readonly string[], file: string): string {
  let out = source;
  for (const spec of specifiers) {
    const escaped = spec.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const declaration = new RegExp(`^const ([\\w$]+) = (?:(__importDefault|__importStar)\\()?require\\("${escaped}"\\)(\\))?;$`, 'gm');
    const found = [...out.matchAll(declaration)];
    if (found.length !== 1 || Boolean(found[0][2]) !== Boolean(found[0][3])) {
      throw new Error(`${file}: expected one \`const x = require("${spec}")\` (or wrapped in __importDefault/__importStar), found ${found.length}: see scripts/bundleStubs.ts`);
    }
    const [whole, name, wrapper] = found[0];
    const uses = [...out.matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])(.?)`, 'g'))].filter((m) => m.index !== found[0].index + 'const '.length);
    if (uses.some((m) => m[1] !== '.')) throw new Error(`${file}: ${name} (require("${spec}")) is used other than by reading a property: see scripts/bundleStubs.ts`);
    const load = wrapper ? `${wrapper}(require(${JSON.stringify(spec)}))` : `require(${JSON.stringify(spec)})`;
    out = out.replace(
      whole,
      () =>
        `let ${name}$loaded; const ${name} = new Proxy({}, { get: (_, key) => (${name}$loaded || (${name}$loaded = ${load}))[key] }); // scripts/bundleStubs.ts: required when first used`,
    );
  }
  return out;
}

/** The files of @cloudbase/database (below node_modules) that may `require("bson")`: they get EJSON alone. */
const BSON_EJSON_ONLY = /^@cloudbase\/database\//;

/** The EJSON the database gets in a bundle instead of bson's. */
export const EJSON_SHIM = path.join(__dirname, 'bundleShims', 'ejson.ts');

/** What a file takes from `bson_1` (TypeScript's CommonJS name for `require("bson")`): `EJSON`, … */
export function bsonNamesUsed(source: string): string[] {
  return [...new Set([...source.matchAll(/\bbson_1\.([\w$]+)/g)].map((m) => m[1]))];
}

/** esbuild plugin: the stubs of `stubbed`, zod's locales cut down to English, chinese-days without its holiday tables, bson as EJSON alone for the database, the SDK's version written in. */
export function bundleStubsPlugin(stubbed: readonly StubbedModule[]): Plugin {
  return {
    name: 'hukou-bundle-stubs',
    setup(build) {
      build.onResolve({ filter: /^chinese-days$/ }, (args) => ({ path: chineseDaysModule(args.resolveDir, build.initialOptions.nodePaths), namespace: 'hukou-chinese-days' }));
      build.onLoad({ filter: /.*/, namespace: 'hukou-chinese-days' }, (args) => ({
        contents: chineseDaysWithoutTables(readFileSync(args.path, 'utf8')),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
      build.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, async (args) => ({
        contents: sdkVersionModule(readFileSync(args.path, 'utf8'), readFileSync(path.join(path.dirname(args.path), '..', '..', 'package.json'), 'utf8')),
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]request-core\.js$/ }, async (args) => ({
        contents: lazyRequires(readFileSync(args.path, 'utf8'), REQUEST_CORE_LAZY.specifiers, REQUEST_CORE_LAZY.file),
        loader: 'js',
      }));
      build.onResolve({ filter: /^bson$/ }, (args) => {
        const importer = packagePath(args.importer);
        if (!importer || !BSON_EJSON_ONLY.test(importer)) return undefined;
        return { path: EJSON_SHIM, namespace: 'hukou-bson-ejson' };
      });
      build.onLoad({ filter: /.*/, namespace: 'hukou-bson-ejson' }, (args) => ({
        contents: `exports.EJSON = require(${JSON.stringify(args.path)}).EJSON;`,
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
      build.onResolve({ filter: /.*/ }, (args) => {
        const importer = packagePath(args.importer);
        if (!importer) return undefined;
        const stub = stubbed.find((s) => s.specifier === args.path && s.importers.includes(importer));
        if (stub?.shim) return { path: stub.shim };
        if (stub) return { path: `${stub.part} <- ${importer}`, namespace: 'hukou-stub', pluginData: stub.part };
        if (importer.startsWith('zod/') && /(^|\/)locales\/index\.c?js$/.test(args.path)) {
          return { path: path.join(path.dirname(args.importer), args.path), namespace: 'hukou-zod-locales' };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'hukou-stub' }, (args) => ({ contents: stubSource(args.pluginData as string), loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: 'hukou-zod-locales' }, (args) => ({
        contents: args.path.endsWith('.cjs')
          ? `exports.en = require(${JSON.stringify(path.join(path.dirname(args.path), 'en.cjs'))}).default;`
          : `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

/** Where the real module a stub stands for lives, below node_modules ('/'-separated, without extension). */
function realPath(stub: StubbedModule): string {
  if (!stub.specifier.startsWith('.')) return stub.specifier;
  return path.posix.join(path.posix.dirname(stub.importers[0]), stub.specifier);
}

/** Whether `target` (below node_modules) is the real module of `stub`: its folder, or its file. */
function isRealModule(stub: StubbedModule, target: string): boolean {
  const real = realPath(stub);
  return target.startsWith(`${real}/`) || target === `${real}.js`;
}

const LEFT_OUT_ZOD_LOCALE = /^zod\/(.*\/)?locales\/(?!en\.c?js$)[^/]+$/;

/** Classic zod (`zod`, `zod/v4`): schemas in bundles are zod/mini's. */
const CLASSIC_ZOD = /^zod\/v4\/classic\//;

/** `import { z } from 'zod'` or `'zod/mini'` (or `{ z as … }`, not `import type`): a zod namespace as a value. */
const ZOD_NAMESPACE_VALUE = /import\s*\{[^}]*(?<![\w$]|type\s)z(?![\w$])[^}]*\}\s*from\s*['"]zod(\/mini)?['"]/;

/** A value import of classic zod (`from 'zod'`, not `import type`). */
const CLASSIC_ZOD_VALUE = /import\s+(?!type\s)[^'";]*\s+from\s*['"]zod(\/v4)?['"]/;

/** `//` and block comments removed (roughly: enough to not mistake a mention for a call). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The names our code imports from 'chinese-days' ('default' and '*' for the whole package). */
export function chineseDaysImports(source: string): string[] {
  const names: string[] = [];
  for (const [, typeOnly, clause] of source.matchAll(/import\s+(type\s+)?([^'";]*?)\s+from\s+['"]chinese-days['"]/g)) {
    if (typeOnly) continue;
    const braced = /\{([^}]*)\}/.exec(clause);
    const outside = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, ' ')
      .trim();
    if (outside.startsWith('*')) names.push('*');
    else if (outside) names.push('default');
    for (const part of braced?.[1].split(',') ?? []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0];
      if (name && !/^type\s/.test(part.trim())) names.push(name);
    }
  }
  if (/require\(\s*['"]chinese-days['"]\s*\)|import\(\s*['"]chinese-days['"]\s*\)/.test(source)) names.push('*');
  return names;
}

/** The files that put code into a bundle (esbuild's metafile `outputs`; `inputs` also lists what tree-shaking dropped). */
export function bundledFiles(metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> }): string[] {
  return [
    ...new Set(
      Object.values(metafile.outputs).flatMap((out) =>
        Object.entries(out.inputs)
          .filter(([, i]) => i.bytesInOutput > 0)
          .map(([file]) => file),
      ),
    ),
  ];
}

/** Classic zod in a bundle: a schema built with it, or a file importing it. */
export function classicZodProblems(bundled: readonly string[]): string[] {
  return bundled.filter((file) => CLASSIC_ZOD.test(packagePath(file) ?? '')).map((file) => `${file} is bundled: classic zod is (schemas use import * as z from 'zod/mini')`);
}

/**
 * What would make a stub reachable in a bundle, from esbuild's metafile (its `inputs`): a real stubbed
 * module still bundled (an SDK upgrade imports it from somewhere new), a zod locale other than English,
 * zod's namespace imported as a value, a database file using more of bson than EJSON, our own code using an app method that reaches a stubbed part, or importing from
 * chinese-days what reads its holiday tables. Empty when the stubs are safe.
 */
export function stubProblems(
  inputs: Record<string, { imports: ReadonlyArray<{ path: string; original?: string }> }>,
  stubbed: readonly StubbedModule[],
  readSource: (file: string) => string,
): string[] {
  const problems: string[] = [];
  for (const [file, input] of Object.entries(inputs)) {
    for (const imported of input.imports) {
      const target = packagePath(imported.path);
      if (!target || imported.path.startsWith('hukou-')) continue; // outside packages, or our stand-in
      const stub = stubbed.find((s) => isRealModule(s, target));
      if (stub) problems.push(`${file} imports ${target}, ${stub.part}, which is stubbed`);
      if (LEFT_OUT_ZOD_LOCALE.test(target)) problems.push(`${file} imports ${target}, a zod locale other than English`);
    }
    if (input.imports.some((i) => i.path.startsWith('hukou-bson-ejson:'))) {
      const other = bsonNamesUsed(readSource(file)).filter((name) => name !== 'EJSON');
      if (other.length) problems.push(`${file} uses ${other.join(', ')} of bson, which gets EJSON alone`);
    }
    if (file.includes(':') || packagePath(file)) continue; // a stub, or a package: not our code
    const source = withoutComments(readSource(file));
    if (ZOD_NAMESPACE_VALUE.test(source.replace(/import\s+type\s*\{[^}]*\}\s*from\s*['"]zod(\/mini)?['"]/g, ''))) {
      problems.push(`${file} imports { z } from zod, which bundles all of it: import * as z from 'zod/mini'`);
    }
    if (CLASSIC_ZOD_VALUE.test(source)) problems.push(`${file} imports classic zod: import * as z from 'zod/mini'`);
    for (const used of chineseDaysImports(source)) {
      if (!CHINESE_DAYS_KEPT.includes(used)) problems.push(`${file} imports ${used} from chinese-days, which would read its holiday tables, left out`);
    }
    for (const stub of stubbed) {
      for (const method of stub.methods) {
        if (new RegExp(`\\.${method}\\b`).test(source)) problems.push(`${file} uses .${method}, which reaches ${stub.part}, stubbed`);
      }
    }
  }
  return [...new Set(problems)];
}
