/**
 * What the REAL weapp build (dist/weapp, made by scripts/test.sh) ships in its main package, which
 * every user downloads before the first page: not the error catalogue, whose messages the functions
 * send with their codes (the pages write only core/errors/pageMessages.ts's few themselves), and in
 * every package no CSS prefix WeChat's WebViews do not need (config/index.ts, mini.postcss).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { errorCatalogue } from '../../core/errors/catalogue';
import { pageMessages } from '../../core/errors/pageMessages';
import { DIST } from './support/weappSession';

const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
const subRoots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const mainFiles = filesUnder(DIST).filter((f) => !subRoots.some((r) => path.relative(DIST, f).startsWith(`${r}/`)));

test('the main package carries no error message but the few the pages write themselves', () => {
  const code = mainFiles.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'));
  const own = new Set<string>(Object.values(pageMessages));
  const shipped = Object.entries(errorCatalogue).filter(([, message]) => !own.has(message) && code.some((c) => c.includes(message)));
  expect(shipped).toEqual([]);
  // The check looks where the messages would be: the pages' own are there.
  expect(code.some((c) => c.includes(pageMessages.NETWORK_UNAVAILABLE))).toBe(true);
});

test('no package carries the -ms- or flexbox -webkit- prefixes of old browsers', () => {
  const styles = filesUnder(DIST)
    .filter((f) => f.endsWith('.wxss'))
    .map((f) => [path.relative(DIST, f), readFileSync(f, 'utf8')] as const);
  expect(styles.length).toBeGreaterThan(10);
  const prefixed = styles
    .filter(([, css]) => /-ms-|:-webkit-(flex|box|inline-flex)\b|-webkit-(flex|flex-direction|align-items|justify-content|box-sizing)\s*:/.test(css))
    .map(([f]) => f);
  expect(prefixed).toEqual([]);
  // WebKit's own properties stay (WeChat's iOS WebView needs them).
  expect(styles.some(([, css]) => css.includes('-webkit-tap-highlight-color'))).toBe(true);
});
