import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { variableNames } from '../../config/environment';
import { functions } from '../../config/functions';
import { HealthReport } from '../../core/function/health';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { bundleEntry } from '../../scripts/build-functions';
import { FUNCTIONS_OUT, ROOT, functionNames } from '../../scripts/functionBundles';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { RUNTIME_NODE_VERSION, runtimeNode } from '../../scripts/runtimeNode';

jest.setTimeout(60_000);

let h: Harness;
const temps: string[] = [];
let keyedDir: string;
/** The Node.js the platform runs (scripts/runtimeNode.ts), whose code cache each bundle carries. */
let platformNode: string;

beforeAll(async () => {
  const platform = await runtimeNode();
  if (platform.path === undefined) throw new Error(`the platform's Node.js is needed: ${platform.unavailable}`);
  platformNode = platform.path;
  h = await startHarness();
  keyedDir = mkdtempSync(path.join(tmpdir(), 'hukou-keyed-build-'));
  temps.push(keyedDir);
  await bundleEntry(path.join(ROOT, 'tests', 'fixtures', 'functions', 'keyed', 'index.ts'), keyedDir, 'keyed');
});
afterAll(async () => {
  await h.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a bundle alone in an empty temp folder, as CloudBase unpacks the upload: no node_modules. */
function isolate(bundleDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hukou-standalone-'));
  temps.push(dir);
  for (const file of readdirSync(bundleDir)) copyFileSync(path.join(bundleDir, file), path.join(dir, file));
  return dir;
}

interface Run {
  results: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  stdout: string;
  stderr: string;
  code: number | null;
}

const RUNNER = `
const { main } = require('./index.js');
const context = { request_id: 'standalone-1', environment: JSON.stringify({ WX_APPID: 'wx-local-hukou', WX_CLIENTIP: '127.0.0.1', TCB_SOURCE: 'wx_client' }) };
(async () => {
  const results = [];
  for (const event of JSON.parse(process.argv[1])) results.push(await main(event, context));
  process.stdout.write('\\n@@RESULTS@@' + JSON.stringify(results) + '\\n');
})();
`;

/** Runs `main` of the bundle in `dir` in a fresh node, pointed at the harness's local cloud. */
function runBundle(dir: string, events: unknown[], variables: Record<string, string>, context?: object, node = process.execPath): Promise<Run> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${h.cloud.url}/admin` }),
    TCB_ENV: 'hukou-local',
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    ...variables,
  };
  const runner = context ? RUNNER.replace(/const context = .*;/, `const context = ${JSON.stringify(context)};`) : RUNNER;
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['-e', runner, JSON.stringify(events)], { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      const marker = stdout.lastIndexOf('@@RESULTS@@');
      const results = marker >= 0 ? (JSON.parse(stdout.slice(marker + 11)) as unknown[]) : [];
      resolve({ results, stdout: marker >= 0 ? stdout.slice(0, marker) : stdout, stderr, code });
    });
  });
}

function logLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{"time"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const devValues = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, devEnvironment[n as keyof typeof devEnvironment]]));

const NODES = ['this machine', 'the platform'] as const;
test.each(functionNames().flatMap((name) => NODES.map((node) => [name, node] as const)))(
  'the %s bundle runs alone from an empty folder against the local cloud, on %s’s Node.js',
  async (name, node) => {
    const declaration = functions.find((f) => f.name === name)!;
    const onPlatform = node === 'the platform';
    const run = await runBundle(
      isolate(path.join(FUNCTIONS_OUT, name)),
      [{ action: 'health' }, ...(name === 'guide' ? [{ action: 'categories', data: {} }] : [])],
      // A function that asks the population registry reaches the harness's registry stand-in.
      { ...devValues(declaration.env), ...(declaration.env.includes('HUKOU_REGISTRY_URL') ? { HUKOU_REGISTRY_URL: h.cloud.registry.url } : {}) },
      undefined,
      onPlatform ? platformNode : process.execPath,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const health = HealthReport.parse(run.results[0].data);
    expect(health).toMatchObject({ function: name, ready: true, checks: { environment: 'ok', database: 'ok' } });
    if (declaration.env.includes('HUKOU_REGISTRY_URL')) expect(health.checks.registry).toMatchObject({ status: 'ready' });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+\+\d{8}T\d{6}Z$/);
    expect(new Date(health.builtAt).getTime()).toBeGreaterThan(Date.now() - 24 * 3600_000);
    // The platform's Node.js compiles nothing it has a cache for; another has none (scripts/codeCache.ts).
    expect(health.codeCache).toBe(onPlatform || process.version === `v${RUNTIME_NODE_VERSION}` ? 'accepted' : 'none');
    if (name === 'guide') {
      expect(run.results[1].ok).toBe(true);
      expect(run.results[1].data.categories.length).toBeGreaterThan(0);
    }
    const lines = logLines(run.stdout);
    expect(lines.map((l) => [l.fn, l.action, l.outcome, l.requestId])).toEqual(run.results.map((_r, i) => [name, i === 0 ? 'health' : 'categories', 'ok', 'standalone-1']));
    for (const line of lines) expect(typeof line.durationMs).toBe('number');
  },
);

test.each(functions.map((f) => [f.name, f.env] as const))('the %s bundle validates exactly the variables its declaration lists', async (name, declared) => {
  const run = await runBundle(isolate(path.join(FUNCTIONS_OUT, name)), [{ action: 'health' }], {});
  const health = HealthReport.parse(run.results[0].data);
  const named = health.checks.environment === 'ok' ? [] : health.checks.environment.split('; ').map((p) => p.replace(/^missing /, ''));
  expect(named.sort()).toEqual([...declared].sort());
  expect(health.ready).toBe(declared.length === 0);
  // Without its variables the registry check says misconfigured, naming them, never a value.
  if (declared.includes('HUKOU_REGISTRY_URL'))
    expect(health.checks.registry).toEqual({ status: 'misconfigured', detail: 'missing HUKOU_REGISTRY_URL; missing HUKOU_REGISTRY_KEY_ID; missing HUKOU_REGISTRY_SECRET' });
});

test('a function with a missing key fails clearly: SERVICE_MISCONFIGURED, the key named in one log line, no stack', async () => {
  const dir = isolate(keyedDir);
  const run = await runBundle(dir, [{ action: 'echo', data: {} }, { action: 'health' }], { WX_APPID: devEnvironment.WX_APPID });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.results[0]).toEqual({ ok: false, error: { code: 'SERVICE_MISCONFIGURED', message: '服务配置有误，请稍后再试或联系管理员' } });
  expect(run.results[1].data).toMatchObject({ ready: false, checks: { environment: 'missing HUKOU_INDEX_KEY', database: 'ok' } });
  const lines = logLines(run.stdout);
  expect(lines[0]).toMatchObject({ fn: 'keyed', action: 'echo', outcome: 'failed', errorCode: 'SERVICE_MISCONFIGURED', error: 'missing HUKOU_INDEX_KEY' });
  expect(run.stdout).not.toMatch(/\n\s+at /);
});

test('a malformed key is named, its value never printed', async () => {
  const secret = 'bm90LWEtcmVhbC1rZXktYnV0LXNlY3JldA';
  const run = await runBundle(isolate(keyedDir), [{ action: 'echo', data: {} }, { action: 'health' }], {
    WX_APPID: devEnvironment.WX_APPID,
    HUKOU_INDEX_KEY: secret,
  });
  expect(run.results[0].error.code).toBe('SERVICE_MISCONFIGURED');
  expect(run.results[1].data.checks.environment).toBe('malformed HUKOU_INDEX_KEY (expected at least 32 bytes of base64)');
  expect(logLines(run.stdout)[0].error).toBe('malformed HUKOU_INDEX_KEY (expected at least 32 bytes of base64)');
  expect(run.stdout + run.stderr + JSON.stringify(run.results)).not.toContain(secret);
});

test('with every key valid the fixture works, and its timer trigger runs its timer action', async () => {
  const timer = { request_id: 'timer-1', environment: JSON.stringify({ TCB_SOURCE: 'timer' }) };
  const run = await runBundle(
    isolate(keyedDir),
    [
      { action: 'echo', data: {} },
      { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-23T16:05:00Z' },
    ],
    devValues(variableNames),
    timer,
  );
  expect(run.results).toEqual([
    { ok: true, data: { variables: 2 } },
    { ok: true, data: { swept: true } },
  ]);
  expect(logLines(run.stdout)[1]).toMatchObject({ fn: 'keyed', action: 'sweep', trigger: 'sweep', requestId: 'timer-1', outcome: 'ok' });
});

const triggers = functions.flatMap((f) => (f.triggers ?? []).map((t) => [f.name, t.name, f.env] as const));
(triggers.length ? test.each(triggers) : test.skip.each([['-', '-', []] as const]))(
  'the %s bundle runs its declared trigger %s from a timer, and refuses it to a client',
  async (name, trigger, env) => {
    const timer = { request_id: 'timer-2', environment: JSON.stringify({ TCB_SOURCE: 'timer' }) };
    const dir = isolate(path.join(FUNCTIONS_OUT, name));
    const fired = await runBundle(dir, [{ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }], devValues(env), timer);
    expect(fired.results[0]).toMatchObject({ ok: true });
    expect(logLines(fired.stdout)[0]).toMatchObject({ fn: name, action: trigger, trigger, outcome: 'ok' });
    const client = await runBundle(dir, [{ action: trigger, data: {} }], devValues(env));
    expect(client.results[0]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  },
);
