import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functions } from '../../config/functions';
import { bundleEntry, bundleOptions, stubsFor } from '../../scripts/build-functions';
import { ALWAYS_STUBBED, WX_PART, stubProblems } from '../../scripts/bundleStubs';
import { FUNCTIONS_SRC, ROOT } from '../../scripts/functionBundles';

// Bundling is slow on a busy machine: a generous bound, only to end a hung run.
jest.setTimeout(300_000);

/** Entries written in a temporary folder find the project's packages. */
const NODE_PATHS = [path.join(ROOT, 'node_modules')];
const readSource = (file: string) => readFileSync(path.resolve(ROOT, file), 'utf8');

async function metafileOf(entry: string, name: string): Promise<Metafile> {
  const result = await build({ ...bundleOptions(entry, path.join(tmpdir(), 'unused', 'index.js'), name, new Date()), write: false, absWorkingDir: ROOT, nodePaths: NODE_PATHS });
  return result.metafile!;
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
  beforeAll(async () => {
    metafile = await metafileOf(path.join(FUNCTIONS_SRC, name, 'index.ts'), name);
  });

  it('reaches no stubbed part: neither through the SDK nor through our code', () => {
    expect(stubProblems(metafile.inputs, stubsFor(name), readSource)).toEqual([]);
  });

  it('leaves out the SDK parts no function calls, and zod locales but English', () => {
    for (const part of ['storage', 'ai', 'functions', 'cloudrun', 'analytics', 'notification']) {
      expect(bundled(metafile, `@cloudbase/node-sdk/dist/${part}/index.js`)).toBe(false);
    }
    expect(bundled(metafile, '@cloudbase/node-sdk/dist/database/index.js')).toBe(true);
    expect(Object.keys(metafile.inputs).filter((f) => /node_modules\/(xml2js|jsonwebtoken|form-data|@cloudbase\/(ai|app|wx-cloud-client-sdk))\//.test(f))).toEqual([]);
    expect(Object.keys(metafile.inputs).filter((f) => /zod\/.*locales\/[^/]+$/.test(f) && !f.startsWith('hukou-'))).toEqual([expect.stringMatching(/locales\/en\.c?js$/)]);
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

  it('a stub, if reached anyway, fails with a clear error', async () => {
    const file = entry(
      'reachesStubs',
      `import tcb from '@cloudbase/node-sdk';
const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' });
export const storage = () => app.uploadFile({ cloudPath: 'a', fileContent: Buffer.from('') });
export const models = () => (app as unknown as { models: { x: { list(): unknown } } }).models.x.list();
export const wx = () => app.callWxOpenApi({ apiName: 'x' });
`,
    );
    const out = path.join(scratch, 'reaches', 'index.js');
    await build({ ...bundleOptions(file, out, 'guide', new Date()), absWorkingDir: ROOT, nodePaths: NODE_PATHS });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(out) as Record<'storage' | 'models' | 'wx', () => Promise<unknown>>;
    await expect(bundle.storage()).rejects.toThrow('the SDK storage part was left out of this bundle (scripts/bundleStubs.ts)');
    expect(() => bundle.models()).toThrow('the wx cloud client (data models, SQL) was left out');
    await expect(bundle.wx()).rejects.toThrow(`${WX_PART.part} was left out`);
  });
});
