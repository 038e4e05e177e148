import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionDeclaration } from '../../config/functions';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { DeployError, deploy, parseDeployArgs, type CliRunner, type DeployOptions } from '../../scripts/deploy';
import { cloudbasercText } from '../../scripts/deploy/cloudbaserc';
import { cloudCallConfigText } from '../../scripts/deploy/cloudCallConfig';
import { keyedActions } from '../fixtures/functions/keyed';

const keyed: FunctionDeclaration = {
  name: 'keyed',
  description: 'fixture',
  caller: 'timer',
  actions: keyedActions as FunctionDeclaration['actions'],
  env: ['HUKOU_INDEX_KEY', 'WX_APPID'],
  triggers: [{ name: 'sweep', cron: '0 5 16 * * * *' }],
  timeoutSeconds: 30,
};
const plain: FunctionDeclaration = { ...keyed, name: 'plain', env: [], triggers: undefined, timeoutSeconds: undefined };

/** A project folder with cloudbaserc.json for the fixtures and a bundle of `bytes` per function. */
function project(bytes: (name: string) => Buffer, declarations = [keyed, plain]) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'hukou-deploy-'));
  writeFileSync(path.join(cwd, 'cloudbaserc.json'), cloudbasercText(declarations));
  const bundle = async (name: string) => {
    const dir = path.join(cwd, 'build', 'functions', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'bundle.js'), bytes(name));
    writeFileSync(path.join(dir, 'index.js'), "module.exports = require('./bundle.js');\n");
    writeFileSync(path.join(dir, 'package.json'), '{}');
    return dir;
  };
  return { cwd, bundle, declarations };
}

function run(opts: Partial<DeployOptions> & Pick<DeployOptions, 'env'>, p = project(() => Buffer.from('exports.main = async () => ({ ok: true });\n'.repeat(2000)))) {
  const lines: string[] = [];
  const calls: string[][] = [];
  const runCli: CliRunner = async (args) => {
    calls.push(args);
    return 0;
  };
  const promise = deploy({ envId: 'hukou-test-1', dryRun: true, declarations: p.declarations, cwd: p.cwd, bundle: p.bundle, runCli, log: (l) => lines.push(l), ...opts });
  return { promise, lines, calls, cwd: p.cwd };
}

const keys = { TENCENTCLOUD_SECRETID: 'AKIDtestsecretid', TENCENTCLOUD_SECRETKEY: 'test-secret-key-value' };

test('the dry run prints every function with sizes, limits, triggers and variables by name, and uploads nothing', async () => {
  const p = project(() => Buffer.from('exports.main = async () => ({ ok: true });\n'.repeat(2000)));
  writeFileSync(path.join(p.cwd, '.env.local'), `WX_APPID=${devEnvironment.WX_APPID}\n`);
  const r = run({ env: { HUKOU_INDEX_KEY: devEnvironment.HUKOU_INDEX_KEY } }, p);
  const plan = await r.promise;
  const text = r.lines.join('\n');
  expect(text).toContain('Deploy plan for CloudBase environment hukou-test-1 (dry run: nothing is uploaded)');
  expect(text).toMatch(
    /function keyed\n {2}bundle {4}84 KiB, zip \d+ KiB \(\d+% of the limit\)\n {2}config {4}timeout 30 s, memory 256 MB\n {2}triggers {2}sweep \(timer "0 5 16 \* \* \* \*"\)/,
  );
  expect(text).toMatch(/variable {2}HUKOU_INDEX_KEY +secret {2}set \(environment\)/);
  expect(text).toMatch(/variable {2}WX_APPID +plain {3}set \(\.env\.local\)/);
  expect(text).toContain('command   tcb fn deploy keyed -e hukou-test-1 --force --yes --dir build/functions/keyed');
  expect(text).toMatch(/function plain\n[\s\S]*config {4}timeout 10 s, memory 256 MB\n {2}triggers {2}none\n {2}cloudcall none\n {2}variables none/);
  expect(text).toContain('ready: 2 functions to deploy');
  expect(text).not.toContain(devEnvironment.HUKOU_INDEX_KEY);
  expect(text).not.toContain(devEnvironment.WX_APPID);
  expect(r.calls).toEqual([]);
  expect(plan.functions.map((f) => f.name)).toEqual(['keyed', 'plain']);
});

test('the dry run says which variables are not set, that a real deploy would stop, and fails (issue 13: it used to exit 0)', async () => {
  const r = run({ env: {} });
  await expect(r.promise).rejects.toThrow(new DeployError('dry run: 2 problems, a real deploy would stop here'));
  expect(r.calls).toEqual([]);
  const text = r.lines.join('\n');
  expect(text).toMatch(/variable {2}HUKOU_INDEX_KEY +secret {2}NOT SET/);
  expect(text).toContain('2 problems (a real deploy would stop here):\n- keyed: HUKOU_INDEX_KEY is not set');
});

test('a real deploy without an API key stops with a clear error before calling the CLI', async () => {
  const r = run({ dryRun: false, env: { ...devEnvironment } });
  await expect(r.promise).rejects.toThrow(new DeployError('nothing was deployed: fix the problems above'));
  expect(r.lines.join('\n')).toContain('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must hold an API key');
  expect(r.calls).toEqual([]);
});

test('a real deploy logs in with the API key, then deploys each function through the CLI', async () => {
  const r = run({ dryRun: false, env: { ...devEnvironment, ...keys } });
  await r.promise;
  expect(r.calls).toEqual([
    ['login', '--apiKeyId', keys.TENCENTCLOUD_SECRETID, '--apiKey', keys.TENCENTCLOUD_SECRETKEY],
    ['fn', 'deploy', 'keyed', '-e', 'hukou-test-1', '--force', '--yes', '--dir', 'build/functions/keyed'],
    ['fn', 'deploy', 'plain', '-e', 'hukou-test-1', '--force', '--yes', '--dir', 'build/functions/plain'],
  ]);
  expect(r.lines.join('\n')).not.toContain(keys.TENCENTCLOUD_SECRETKEY);
});

test('one function can be deployed alone', async () => {
  const r = run({ dryRun: false, only: 'plain', env: { ...keys } });
  await r.promise;
  expect(r.calls.map((c) => c.slice(0, 3))).toEqual([
    ['login', '--apiKeyId', keys.TENCENTCLOUD_SECRETID],
    ['fn', 'deploy', 'plain'],
  ]);
  await expect(run({ only: 'nope', env: {} }).promise).rejects.toThrow('no function named nope; declared: keyed, plain');
});

test('a bundle whose zip passes 1.5 MB, or a stale cloudbaserc.json, stops the deploy', async () => {
  const p = project((name) => (name === 'plain' ? randomBytes(1.6 * 1024 * 1024) : Buffer.from('x')));
  writeFileSync(path.join(p.cwd, 'cloudbaserc.json'), '{}');
  const r = run({ dryRun: false, env: { ...devEnvironment, ...keys } }, p);
  await expect(r.promise).rejects.toThrow(DeployError);
  const text = r.lines.join('\n');
  expect(text).toMatch(/plain: zip 16\d\d KiB exceeds the 1536 KiB direct-upload limit/);
  expect(text).toContain('cloudbaserc.json is not current with config/functions.ts: run `npm run generate:ops`');
  expect(r.calls).toEqual([]);
});

test('a function that calls WeChat through 云调用 shows its permissions, and a bundle without them in config.json stops the deploy', async () => {
  const notifying: FunctionDeclaration = { ...plain, name: 'notifying', openapi: ['subscribeMessage.send'] };
  const p = project(() => Buffer.from('x'), [notifying]);
  const r = run({ env: {} }, p);
  await expect(r.promise).rejects.toThrow(DeployError);
  const text = r.lines.join('\n');
  expect(text).toContain('  cloudcall subscribeMessage.send (云调用, config.json permissions.openapi)');
  expect(text).toContain("- notifying: the bundle's config.json does not declare its cloud-call permissions (subscribeMessage.send): rebuild it");

  const withConfig = project(() => Buffer.from('x'), [notifying]);
  const bundle = async (name: string) => {
    const dir = await withConfig.bundle(name);
    writeFileSync(path.join(dir, 'config.json'), cloudCallConfigText(notifying));
    return dir;
  };
  const ok = run({ env: {} }, { ...withConfig, bundle });
  await ok.promise;
  expect(JSON.parse(cloudCallConfigText(notifying))).toEqual({ permissions: { openapi: ['subscribeMessage.send'] } });
});

test('the command line needs a well-formed environment id', () => {
  expect(parseDeployArgs(['--env', 'hukou-prod-1a2b', '--function', 'guide', '--dry-run'])).toEqual({ envId: 'hukou-prod-1a2b', only: 'guide', dryRun: true });
  expect(() => parseDeployArgs(['--dry-run'])).toThrow(/usage: npm run deploy/);
  expect(() => parseDeployArgs(['--env', 'Prod Env'])).toThrow(/not a CloudBase environment id/);
});
