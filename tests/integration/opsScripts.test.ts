import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collections } from '../../config/collections';
import { functions } from '../../config/functions';
import { bundleFunctionInto } from '../../scripts/build-functions';
import { deploy, DeployError } from '../../scripts/deploy';
import { bareEnv, runScript } from './support/runScript';

jest.setTimeout(120_000);

test('the deploy dry run bundles, zips and plans every declared function, and fails on the problems it finds (issue 13)', async () => {
  // Bundles go to a temp folder so the bundles other tests load are never rewritten under them.
  const out = mkdtempSync(path.join(tmpdir(), 'hukou-deploy-dry-'));
  const lines: string[] = [];
  try {
    // A fresh clone sets no variable: the dry run prints its plan, then fails (the CLI exits 1).
    const stopped = await deploy({
      envId: 'hukou-ci-1a2b',
      dryRun: true,
      env: bareEnv(),
      log: (l) => lines.push(l),
      bundle: async (name) => {
        await bundleFunctionInto(name, path.join(out, name));
        return path.join(out, name);
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(stopped).toBeInstanceOf(DeployError);
    expect((stopped as DeployError).message).toMatch(/^dry run: \d+ problems, a real deploy would stop here$/);
    const plan = (stopped as DeployError).plan!;
    const text = lines.join('\n');
    expect(text).toContain('Deploy plan for CloudBase environment hukou-ci-1a2b (dry run: nothing is uploaded)');
    expect(plan.problems).toEqual([]);
    for (const fn of functions) {
      const p = plan.functions.find((f) => f.name === fn.name)!;
      expect(p.zipBytes).toBeLessThan(1.5 * 1024 * 1024);
      expect(p.zipBytes).toBeLessThan(p.bundleBytes);
      expect(text).toContain(`function ${fn.name}\n`);
      expect(text).toContain(`tcb fn deploy ${fn.name} -e hukou-ci-1a2b --force --yes --dir build/functions/${fn.name}`);
      for (const v of fn.env) expect(text).toMatch(new RegExp(`variable  ${v} +(secret|plain) +NOT SET`));
      // The bundle carries its 云调用 permissions (config.json), or the plan would list it as a problem.
      expect(p.cloudCall).toEqual(fn.openapi ?? []);
      // Unset variables are the only problems a fresh clone has.
      expect(p.problems.every((x) => / is not set /.test(x))).toBe(true);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('npm run db:bootstrap -- --dry-run prints the plan for every declared collection', async () => {
  const run = await runScript('db-bootstrap.ts', ['--env', 'hukou-ci-1a2b', '--dry-run']);
  expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Database plan for hukou-ci-1a2b');
  expect(run.stdout).toContain('no API key: planned as if the environment were empty');
  for (const c of collections) {
    expect(run.stdout).toContain(`+ create collection ${c.name}\n`);
    expect(run.stdout).toContain(`+ set rules ${c.name} {"read":false,"write":false}`);
    for (const i of c.indexes) expect(run.stdout).toContain(`+ create index ${c.name}.${i.name} (`);
  }
});

test('without an API key a real bootstrap, seed or admin grant stops with a clear error and no stack', async () => {
  for (const [script, args] of [
    ['db-bootstrap.ts', ['--env', 'hukou-ci-1a2b']],
    ['seed.ts', ['--env', 'hukou-ci-1a2b']],
    ['grant-admin.ts', ['--env', 'hukou-ci-1a2b', '--openid', 'oAbCdEfGhIjKlMnOpQrStUvWx-_1']],
  ] as const) {
    const run = await runScript(script, [...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must hold an API key');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }
});
