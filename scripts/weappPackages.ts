import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './functionBundles';

export const WEAPP_DIST = path.join(ROOT, 'dist', 'weapp');

export interface WeappPackage {
  /** '' for the main package, the subpackage's root (packages/booking) otherwise. */
  root: string;
  /** The files WeChat uploads (no source maps or licence files). */
  files: string[];
  bytes: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * The weapp build's main package and its subpackages (app.json), as the platform's 2 MB limits
 * and issue 14's figures count them: a subpackage is everything under its root, the main package
 * everything else. Undefined when the build is missing.
 */
export function weappPackages(dir: string = WEAPP_DIST): WeappPackage[] | undefined {
  if (!existsSync(path.join(dir, 'app.json'))) return undefined;
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const all = filesUnder(dir).filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('.map'));
  const under = (f: string, root: string) => path.relative(dir, f).startsWith(`${root}/`);
  const pack = (root: string, files: string[]): WeappPackage => ({ root, files, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) });
  return [
    pack(
      '',
      all.filter((f) => !roots.some((r) => under(f, r))),
    ),
    ...roots.map((r) =>
      pack(
        r,
        all.filter((f) => under(f, r)),
      ),
    ),
  ];
}
