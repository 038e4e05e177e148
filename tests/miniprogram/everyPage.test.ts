/**
 * Every page the weapp build declares (app.json: main package and subpackages) is opened by one
 * of the miniprogram tests: a page added later without a test fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './support/weappSession';

test('every page of app.json is opened in miniprogram-simulate by a test of this folder', () => {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  const routes = [...app.pages, ...(app.subPackages ?? app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
  expect(routes.length).toBeGreaterThanOrEqual(21);
  const sources = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename))
    .map((f) => readFileSync(path.join(__dirname, f), 'utf8'))
    .join('\n');
  const opened = new Set([...sources.matchAll(/(?:open|openPage)\(\s*'([^']+)'|const [A-Z]+ = '([a-z]+\/[^']+)'/g)].map((m) => m[1] ?? m[2]));
  expect(routes.filter((r) => !opened.has(r))).toEqual([]);
});
