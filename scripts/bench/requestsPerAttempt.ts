/**
 * Counts the database requests of each attempt of the full-stack burst (bench only; nothing of this
 * reaches the functions' code). Everything runs in this one process, so:
 *  - the local cloud's HTTP server is made to run each function call inside an AsyncLocalStorage
 *    context named by the caller's persona header (one citizen = one attempt);
 *  - Node's `http.request`, which the SDK's transport calls (request-core), stamps each request it
 *    sends from inside such a context with a header naming the attempt;
 *  - the emulator's `/admin` handler (looked up on every request) counts requests by that header.
 * Requests without the header (none expected during the burst) are counted apart.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { LocalCloud } from '../../devcloud/localCloud';
import { PERSONA_HEADER } from '../../devcloud/functionGateway';

const ATTEMPT_HEADER = 'x-bench-attempt';

export interface RequestCounter {
  /** Requests the emulator answered, by attempt (the caller's openid). */
  byAttempt: Map<string, number>;
  /** Requests that carried no attempt. */
  unattributed: number;
  total: number;
  stop(): void;
}

export function countRequestsPerAttempt(cloud: LocalCloud): RequestCounter {
  const als = new AsyncLocalStorage<string>();
  const counter: RequestCounter = { byAttempt: new Map(), unattributed: 0, total: 0, stop };

  const emit = http.Server.prototype.emit;
  const forward = (server: http.Server, args: unknown[]): boolean => (emit as (...a: unknown[]) => boolean).apply(server, args);
  http.Server.prototype.emit = function (this: http.Server, ...args: unknown[]) {
    if (args[0] === 'request') {
      const who = (args[1] as IncomingMessage).headers[PERSONA_HEADER];
      if (typeof who === 'string') return als.run(who, () => forward(this, args));
    }
    return forward(this, args);
  } as typeof emit;

  const request = http.request;
  http.request = function (...args: unknown[]) {
    const req = (request as (...a: unknown[]) => http.ClientRequest).apply(http, args);
    const attempt = als.getStore();
    if (attempt !== undefined && !req.headersSent) req.setHeader(ATTEMPT_HEADER, attempt);
    return req;
  } as typeof http.request;

  const handle = cloud.database.handle;
  cloud.database.handle = (req: IncomingMessage, res: ServerResponse) => {
    counter.total++;
    const attempt = req.headers[ATTEMPT_HEADER];
    if (typeof attempt === 'string') counter.byAttempt.set(attempt, (counter.byAttempt.get(attempt) ?? 0) + 1);
    else counter.unattributed++;
    handle(req, res);
  };

  function stop(): void {
    http.Server.prototype.emit = emit;
    http.request = request;
    cloud.database.handle = handle;
  }
  return counter;
}

export interface RequestFigures {
  attempts: number;
  mean: number;
  min: number;
  max: number;
}

/** Requests per attempt of the attempts with these outcomes. */
export function requestFigures(counts: readonly number[]): RequestFigures {
  if (counts.length === 0) return { attempts: 0, mean: NaN, min: NaN, max: NaN };
  return { attempts: counts.length, mean: counts.reduce((s, n) => s + n, 0) / counts.length, min: Math.min(...counts), max: Math.max(...counts) };
}
