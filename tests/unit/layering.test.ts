import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

/**
 * Imports run down the layers only (DESIGN.md "The path of one request"): a rule in `core/` never
 * reaches an adapter, an adapter never reaches the local cloud, the product never reaches a script or
 * a test. A file moved into the wrong room fails here with the import that runs back up.
 */
const mayImport: Record<string, readonly string[]> = {
  core: ['core'],
  config: ['core', 'config'],
  server: ['core', 'config', 'server'],
  cloudfunctions: ['core', 'config', 'server'],
  src: ['core', 'src'],
  devcloud: ['core', 'config', 'server', 'devcloud', 'data'],
  scripts: ['core', 'config', 'server', 'devcloud', 'scripts', 'data', 'build'],
};

const root = path.resolve(__dirname, '..', '..');
const sources = execSync("git ls-files '*.ts' '*.tsx'", { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.split('/')[0] in mayImport);

function upwardImports(file: string): string[] {
  const layer = file.split('/')[0];
  const text = readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep)[0];
    if (!mayImport[layer].includes(target)) found.push(`${file} → ${spec}`);
  }
  return found;
}

test('no import runs back up a layer', () => {
  expect(sources.length).toBeGreaterThan(100);
  expect(sources.flatMap(upwardImports)).toEqual([]);
});

test('core never reaches the platform: no Taro, no CloudBase SDK, no Node built-ins', () => {
  const platform = sources
    .filter((f) => f.startsWith('core/'))
    .flatMap((f) => [...readFileSync(path.join(root, f), 'utf8').matchAll(/from '((?:@tarojs|@cloudbase|node:)[^']*)'/g)].map((m) => `${f} → ${m[1]}`));
  expect(platform).toEqual([]);
});
