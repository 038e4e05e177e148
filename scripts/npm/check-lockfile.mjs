#!/usr/bin/env node
// Fails, before `npm ci`, when package-lock.json records a package with no version.
//
// npm writes such an entry when an optional platform package (a native binding for another OS or
// CPU) is missing from the registry on the day the lockfile is written. Once the registry publishes
// it, `npm ci` crashes with the bare message `Invalid Version:` (seen 2026-12-01 with
// @unrs/resolver-binding-*). The lockfile must not depend on what the registry happens to miss, so
// every such package is overridden in package.json to something that exists. No dependencies: this
// runs before node_modules does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PINNED_NPM = 'npm@11.13.0';
const lockPath = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));

const unversioned = Object.entries(lock.packages ?? {})
  .filter(([path, entry]) => path !== '' && !entry.link && !entry.version)
  .map(([path]) => path.replace(/^.*node_modules\//, ''));

if (unversioned.length > 0) {
  const names = [...new Set(unversioned)].sort();
  process.stderr.write(
    [
      `package-lock.json records ${names.length} package(s) with no version:`,
      ...names.map((name) => `  - ${name}`),
      '',
      'npm wrote these while the registry did not publish them; `npm ci` crashes with',
      '"Invalid Version:" as soon as it does. Fix: in package.json "overrides", pin each one to a',
      'version the registry serves (a platform binding: the nearest published version), or to',
      '"npm:empty-npm-package@1.0.0" when the package is not published at all; then rewrite the',
      `lockfile with the pinned npm and commit it:`,
      `  npx -y ${PINNED_NPM} install --package-lock-only --ignore-scripts`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}
process.stdout.write(`package-lock.json: ${Object.keys(lock.packages).length - 1} packages, every one with a version\n`);
