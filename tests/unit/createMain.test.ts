import { createHash } from 'node:crypto';
import { localContext } from '../../devcloud/functionGateway';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { createMain, type MainOptions } from '../../server/function/createMain';
import { describeFailure, setLogSink } from '../../server/log/logLine';
import { HealthReport } from '../../core/function/health';
import { keyedActions, keyedEnvironment } from '../fixtures/functions/keyed';

type Key = (typeof keyedEnvironment)[number];

const logs: Record<string, unknown>[] = [];
beforeAll(() => setLogSink((line) => logs.push(JSON.parse(line) as Record<string, unknown>)));
beforeEach(() => {
  logs.length = 0;
  for (const k of keyedEnvironment) delete process.env[k];
});
afterAll(() => {
  setLogSink((line) => console.log(line));
  for (const k of keyedEnvironment) delete process.env[k];
});

const citizen = localContext('keyed', 'openid-citizen-1', '127.0.0.1');
const timerContext = { request_id: 'timer-invocation-1', environment: JSON.stringify({ TCB_SOURCE: 'timer' }) };

function keyed(opts: Partial<MainOptions<Key>> = {}, makeDeps?: () => { variables: number }) {
  return createMain('keyed', keyedActions, makeDeps ?? ((_caller, env) => ({ variables: Object.keys(env).length })), {
    env: keyedEnvironment,
    timers: ['sweep'],
    checkDatabase: async () => 'ok',
    ...opts,
  });
}

function setValid(): void {
  process.env.HUKOU_INDEX_KEY = devEnvironment.HUKOU_INDEX_KEY;
  process.env.WX_APPID = devEnvironment.WX_APPID;
}

test('with a valid environment the action gets the typed variables, and health says ready', async () => {
  setValid();
  const main = keyed();
  expect(await main({ action: 'echo', data: {} }, citizen)).toEqual({ ok: true, data: { variables: 2 } });
  const health = (await main({ action: 'health' }, citizen)) as { ok: true; data: unknown };
  expect(health.ok).toBe(true);
  const report = HealthReport.parse(health.data);
  expect(report).toMatchObject({ function: 'keyed', ready: true, checks: { environment: 'ok', database: 'ok' } });
  expect(report.version).toMatch(/\S/);
});

test('a missing key stops every action with SERVICE_MISCONFIGURED and one log line naming it', async () => {
  process.env.WX_APPID = devEnvironment.WX_APPID;
  const main = keyed();
  const response = await main({ action: 'echo', data: {}, requestId: 'req-12345678' }, citizen);
  expect(response).toEqual({ ok: false, error: { code: 'SERVICE_MISCONFIGURED', message: '服务配置有误，请稍后再试或联系管理员' } });
  expect(logs).toEqual([
    expect.objectContaining({
      fn: 'keyed',
      action: 'echo',
      requestId: citizen.request_id,
      outcome: 'failed',
      errorCode: 'SERVICE_MISCONFIGURED',
      error: 'missing HUKOU_INDEX_KEY',
    }),
  ]);
  // The client's request id reaches the log only as a digest.
  expect(logs[0].clientRequest).toBe(createHash('sha256').update('req-12345678').digest('hex').slice(0, 16));
  expect(JSON.stringify(logs)).not.toContain('req-12345678');
  expect(typeof logs[0].durationMs).toBe('number');
});

test('a malformed key is named with the expected form, never with its value, and no stack reaches anyone', async () => {
  const secret = 'c2VjcmV0LXZhbHVlLXRoYXQtaXMtdG9vLXNob3J0';
  process.env.HUKOU_INDEX_KEY = secret;
  process.env.WX_APPID = 'wx-NOT-AN-APPID-SECRETISH';
  const main = keyed();
  const response = await main({ action: 'echo', data: {} }, citizen);
  expect(response).toMatchObject({ ok: false, error: { code: 'SERVICE_MISCONFIGURED' } });
  const health = (await main({ action: 'health', data: {} }, citizen)) as { ok: true; data: HealthReport };
  expect(health.data.ready).toBe(false);
  expect(health.data.checks.environment).toBe('malformed HUKOU_INDEX_KEY (expected at least 32 bytes of base64); malformed WX_APPID (expected wx followed by 16 hex digits)');
  const everything = JSON.stringify([response, health, logs]);
  expect(everything).not.toContain(secret);
  expect(everything).not.toContain('SECRETISH');
  expect(everything).not.toMatch(/\n\s+at |\.ts:\d+/);
  expect(logs.map((l) => l.error)).toEqual([
    'malformed HUKOU_INDEX_KEY (expected at least 32 bytes of base64); malformed WX_APPID (expected wx followed by 16 hex digits)',
    'malformed HUKOU_INDEX_KEY (expected at least 32 bytes of base64); malformed WX_APPID (expected wx followed by 16 hex digits)',
  ]);
});

test('health reports an unreachable database as not ready', async () => {
  setValid();
  const main = keyed({ checkDatabase: async () => 'unreachable' });
  const health = (await main({ action: 'health' }, citizen)) as { ok: true; data: HealthReport };
  expect(health.data).toMatchObject({ ready: false, checks: { environment: 'ok', database: 'unreachable' } });
});

test('a timer trigger runs its action; clients cannot, and cannot pose as a timer', async () => {
  setValid();
  const main = keyed();
  const fired = { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-23T16:00:00Z', Message: '' };
  expect(await main(fired, timerContext)).toEqual({ ok: true, data: { swept: true } });
  expect(logs.at(-1)).toMatchObject({ fn: 'keyed', action: 'sweep', trigger: 'sweep', requestId: 'timer-invocation-1', outcome: 'ok' });

  expect(await main({ action: 'sweep', data: {} }, citizen)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  // A trigger may run only its own timer action.
  expect(await main({ Type: 'Timer', TriggerName: 'echo', Time: '2026-11-23T16:00:00Z' }, timerContext)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
});

test('a timer-shaped body from any client runs nothing: signed in, anonymous, web SDK, HTTP access, or not quite the shape', async () => {
  setValid();
  let built = 0;
  const main = keyed({}, () => {
    built++;
    return { variables: 0 };
  });
  const fired = { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-23T16:00:00Z', Message: '' };
  const env = (e: Record<string, string>) => ({ request_id: 'client-1', environment: JSON.stringify(e) });
  const clients = [
    citizen,
    localContext('keyed', undefined, '127.0.0.1'),
    env({ TCB_SOURCE: 'web_client', TCB_UUID: 'anonymous-1', TCB_ISANONYMOUS_USER: 'true' }),
    env({ TCB_SOURCE: 'web_client' }),
    env({ TCB_SOURCE_IP: '203.0.113.9' }),
    env({ TCB_HTTP_CONTEXT: '{"httpMethod":"POST"}' }),
    env({ WX_CLIENTIP: '203.0.113.9' }),
  ];
  for (const context of clients) {
    expect(await main(fired, context)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  }
  // Not exactly the timer's shape, even with no client in the context.
  for (const event of [
    { ...fired, action: 'sweep' },
    { Type: 'Timer', TriggerName: 'sweep' },
    { ...fired, Type: 'timer ' },
    { ...fired, Time: 'soon' },
  ]) {
    expect(await main(event, timerContext)).toMatchObject({ ok: false });
  }
  expect(built).toBe(0);
  expect(logs.every((l) => l.trigger === undefined && l.outcome === 'rejected')).toBe(true);
  expect(logs[0]).toMatchObject({ errorCode: 'UNKNOWN_ACTION', error: 'timer event from a client refused' });
});

test('log lines carry only names the function declares, and the platform request id when the client gave none', async () => {
  setValid();
  const main = keyed();
  await main({ action: '11010519491231002X' }, { request_id: 'platform-req-1' });
  await main({ nothing: true }, {});
  expect(logs[0]).toMatchObject({ action: '(unknown)', requestId: 'platform-req-1', outcome: 'rejected', errorCode: 'UNKNOWN_ACTION' });
  expect(logs[1]).toMatchObject({ action: '(none)', errorCode: 'INVALID_REQUEST' });
  expect(JSON.stringify(logs)).not.toContain('11010519491231002X');
});

test('a port that fails to build is an INTERNAL failure, not a crash', async () => {
  setValid();
  const main = keyed({}, () => {
    throw new Error('bad key ring');
  });
  expect(await main({ action: 'echo' }, citizen)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(logs[0]).toMatchObject({ outcome: 'failed', errorCode: 'INTERNAL', error: 'Error: bad key ring' });
});

test('a function may not declare its own health action, nor a timer action it lacks', () => {
  const withHealth = { ...keyedActions, health: keyedActions.echo };
  expect(() => createMain('x', withHealth, () => ({ variables: 0 }))).toThrow(/health/);
  expect(() => createMain('x', keyedActions, () => ({ variables: 0 }), { timers: ['nope'] })).toThrow(/nope/);
  // A repeatable write needs somewhere to keep its first result.
  const withWrite = { ...keyedActions, write: { ...keyedActions.echo, idempotent: 'required' as const } };
  expect(() => createMain('x', withWrite, () => ({ variables: 0 }))).toThrow(/write.*requestLog/);
});

test('an unexpected failure is described without its data: an SDK rejection by its code, never its message', () => {
  expect(describeFailure(new TypeError('boom'))).toBe('TypeError: boom');
  expect(describeFailure({ code: 'ECONNRESET', message: 'socket hang up at 460106198503141311' })).toBe('object with code ECONNRESET');
  expect(describeFailure({ code: '460106198503141311 王建国' })).toBe('object');
  expect(describeFailure({ code: '460106198503141311' })).toBe('object');
  expect(describeFailure('text')).toBe('string');
});
