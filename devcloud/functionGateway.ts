import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { errorCatalogue, type ErrorCode } from '../core/errors/catalogue';
import { httpAccessContext, integratedRequest, writeIntegratedResponse } from './httpAccessEvent';
import { BUNDLE_FILE } from '../server/function/codeCache';
import { HttpStatus } from './httpStatus';
import { localNow } from './localClock';
import { readBody, RequestBodyError } from './readBody';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

/** The header that names the local persona. Only the local cloud reads it; production never does. */
export const PERSONA_HEADER = 'x-local-openid';
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
export const LOCAL_APPID = 'wx-local-hukou';
/** The largest request body the gateway reads; a larger one is answered 413 REQUEST_TOO_LARGE. */
export const FUNCTION_BODY_LIMIT = 1024 * 1024;

export interface FunctionGatewayOptions {
  /** Folder with one bundled function per sub-folder (<name>/index.js). */
  functionsDir: string;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(json);
}

/** Statuses and codes: the table in httpStatus.ts. */
function gatewayError(res: ServerResponse, status: number, code: ErrorCode, headers?: Record<string, string>): void {
  send(res, status, { ok: false, error: { code, message: errorCatalogue[code] } }, headers);
}

/**
 * The context CloudBase hands a function, with the caller where CloudBase puts it:
 * `context.environment` is a JSON string holding WX_OPENID, WX_APPID, the client IP and the source
 * (TCB_SOURCE `wx_client`, as a mini-program call has).
 */
export function localContext(fn: string, openid: string | undefined, clientIp: string): Record<string, unknown> {
  const environment: Record<string, string> = { WX_APPID: LOCAL_APPID, WX_CLIENTIP: clientIp, TCB_SOURCE: 'wx_client' };
  if (openid) environment.WX_OPENID = openid;
  return {
    request_id: randomUUID(),
    function_name: fn,
    function_version: '$LATEST',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20_000,
    namespace: 'hukou-local',
    environment: JSON.stringify(environment),
  };
}

/**
 * The context of a timer invocation: the platform's invocation fields and an environment that names
 * no client (no openid, no client IP, no client SDK as source), as server/function/timerEvent.ts
 * requires. What else CloudBase puts there is not documented; nothing here depends on it.
 */
export function timerContext(fn: string): Record<string, unknown> {
  return {
    request_id: randomUUID(),
    function_name: fn,
    function_version: '$LATEST',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 60_000,
    namespace: 'hukou-local',
    environment: JSON.stringify({ TCB_ENV: process.env.TCB_ENV ?? 'hukou-local', SCF_NAMESPACE: 'hukou-local', TRIGGER_SRC: 'timer' }),
  };
}

/** The event SCF hands a function when its timer trigger fires. */
export function timerEvent(trigger: string, at: Date): Record<string, string> {
  return { Type: 'Timer', TriggerName: trigger, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
}

export interface FunctionGateway {
  /** `POST /fn/<name>`: a client's call (a persona, or anonymous). Never a timer. */
  handle(req: IncomingMessage, res: ServerResponse, name: string): Promise<void>;
  /**
   * A request on one of the function's HTTP access paths: runs it with the integrated request and
   * answers its integrated response (devcloud/httpAccessEvent.ts).
   */
  handleHttpAccess(req: IncomingMessage, res: ServerResponse, name: string): Promise<void>;
  /** Fires a timer trigger of a function the way the platform does (not reachable over HTTP). */
  fireTimer(name: string, trigger: string, at?: Date): Promise<unknown>;
  /** Resolves once every invocation running at the time of the call has ended. */
  idle(): Promise<void>;
}

/** Runs the bundled functions' `main(event, context)` in this process: client calls over HTTP, timers from inside. */
export function createFunctionGateway({ functionsDir }: FunctionGatewayOptions): FunctionGateway {
  const loaded = new Map<string, Main>();

  function load(name: string): Main | undefined {
    if (!/^[a-z][a-zA-Z0-9_-]{0,40}$/.test(name)) return undefined;
    const cached = loaded.get(name);
    if (cached) return cached;
    // The bundle itself, not its loader (index.js: scripts/codeCache.ts). The loader compiles in node's
    // own realm, which in the integration tests is not jest's, whose console and process.env the tests
    // watch and set; and this node has no code cache for it anyway (it is made for the platform's).
    // tests/integration/standaloneBundles.test.ts runs every bundle through its loader.
    const file = path.join(functionsDir, name, BUNDLE_FILE);
    if (!existsSync(file)) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle found at run time, loaded once, synchronously
    const mod = require(file) as { main?: Main };
    if (typeof mod.main !== 'function') return undefined;
    loaded.set(name, mod.main);
    return mod.main;
  }

  /** Invocations still running: closing the local cloud waits for them (see `idle`). */
  const running = new Set<Promise<unknown>>();
  function track<T>(invocation: Promise<T>): Promise<T> {
    running.add(invocation);
    void invocation.then(
      () => running.delete(invocation),
      () => running.delete(invocation),
    );
    return invocation;
  }

  /**
   * Resolves once every invocation running now has ended. Closing the local cloud under a function
   * still at work (a page closed mid-request) would fail its database calls and make it log after
   * its test ended.
   */
  async function idle(): Promise<void> {
    await Promise.allSettled([...running]);
  }

  async function fireTimer(name: string, trigger: string, at: Date = new Date(localNow())): Promise<unknown> {
    const main = load(name);
    if (!main) throw new Error(`no bundled function ${name}`);
    return track(main(timerEvent(trigger, at), timerContext(name)));
  }

  /** The request's body within the platform's limit; undefined when it was answered already (too large) or the client went away. */
  async function requestBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
    try {
      return await readBody(req, FUNCTION_BODY_LIMIT);
    } catch (err) {
      if (err instanceof RequestBodyError && err.reason === 'too-large') gatewayError(res, HttpStatus.tooLarge, 'REQUEST_TOO_LARGE');
      return undefined; // Otherwise the client went away: nobody to answer.
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return gatewayError(res, HttpStatus.wrongMethod, 'INVALID_REQUEST', { allow: 'POST' });
    const main = load(name);
    if (!main) return gatewayError(res, HttpStatus.notFound, 'UNKNOWN_ACTION');
    const body = await requestBody(req, res);
    if (!body) return;
    let event: unknown;
    try {
      event = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return gatewayError(res, HttpStatus.malformed, 'INVALID_REQUEST');
    }
    const header = req.headers[PERSONA_HEADER];
    const openid = typeof header === 'string' && OPENID.test(header) ? header : undefined;
    const clientIp = req.socket.remoteAddress ?? '127.0.0.1';
    try {
      send(res, HttpStatus.ok, await track(main(event, localContext(name, openid, clientIp))));
    } catch {
      // A function must always answer with its envelope; reaching here is a bug in the function.
      gatewayError(res, HttpStatus.internal, 'INTERNAL');
    }
  }

  async function handleHttpAccess(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const main = load(name);
    if (!main) return gatewayError(res, HttpStatus.notFound, 'UNKNOWN_ACTION');
    const body = await requestBody(req, res);
    if (!body) return;
    try {
      writeIntegratedResponse(res, await track(main(integratedRequest(req, body), httpAccessContext(name))));
    } catch {
      gatewayError(res, HttpStatus.internal, 'INTERNAL');
    }
  }

  return { handle, handleHttpAccess, fireTimer, idle };
}
