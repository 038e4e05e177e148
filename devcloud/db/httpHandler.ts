/**
 * Node http glue: reads the SDK's JSON request, runs the action, writes the JSON answer.
 *
 * Business errors travel as HTTP 200 with `{ code, message, requestId }` in the body, as the real
 * service does; @cloudbase/node-sdk throws them as `TcbError` with the same `code`. Signature
 * headers (`Authorization: TC3-HMAC-SHA256 …`) are accepted without verification. A request
 * that cannot be read at all (wrong method, not JSON, too large) gets a 4xx from the local cloud's
 * one status table (../httpStatus.ts), still with `{ code, message, requestId }`.
 */
import { randomBytes } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { HttpStatus } from '../httpStatus';
import { readBody, RequestBodyError } from '../readBody';
import { runAction, type DbRequest, type Engine } from './actions';
import { invalidParam, requestFailed, toDbError, type DbError } from './errors';
import { isPlainObject } from './nedbModel';

/** The largest request body the emulator reads; a larger one is answered 413. */
export const DATABASE_BODY_LIMIT = 32 * 1024 * 1024;

/**
 * Request ids for the answers, as the real service puts one in each: unique, not secret. A random
 * prefix per process and a counter (drawing 8 random bytes per request was a sizeable share of the
 * emulator's CPU in a burst: `npm run bench`).
 */
export function requestIds(random: (size: number) => Buffer = randomBytes): () => string {
  const prefix = random(4).toString('hex');
  let next = 0;
  return () => `local-${prefix}${(next++).toString(16).padStart(8, '0')}`;
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** A request the emulator could not read, with its status from the table in ../httpStatus.ts. */
class Unreadable {
  constructor(
    readonly status: number,
    readonly error: DbError,
  ) {}
}

/** The request's JSON object, or why there is none. */
function parseRequest(raw: Buffer): DbRequest | Unreadable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return new Unreadable(HttpStatus.malformed, invalidParam('request body is not valid JSON'));
  }
  if (!isPlainObject(parsed)) return new Unreadable(HttpStatus.malformed, invalidParam('request body must be a JSON object'));
  return parsed as DbRequest;
}

/**
 * Actions of the same SDK endpoint that are not the database's (the local cloud's 云调用,
 * devcloud/wxOpenApi.ts): a promise of the answer's fields, or undefined to leave the request to
 * the database actions.
 */
export type OtherActions = (body: Record<string, unknown>) => Promise<Record<string, unknown>> | undefined;

export interface HandlerState {
  engine: Engine;
  otherActions?: OtherActions;
  closed: boolean;
  /** Requests being served, awaited by close(). */
  inFlight: Set<Promise<void>>;
}

export function createHandler(state: HandlerState): (req: IncomingMessage, res: ServerResponse) => void {
  const requestId = requestIds();
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = requestId();
    const refuse = ({ status, error }: Unreadable, headers?: Record<string, string>) => send(res, status, { requestId: id, code: error.code, message: error.message }, headers);
    if (req.method !== 'POST') {
      refuse(new Unreadable(HttpStatus.wrongMethod, invalidParam('the database API only accepts POST')), { allow: 'POST' });
      return;
    }
    try {
      if (state.closed) throw requestFailed('the local database emulator is closed');
      let raw: Buffer;
      try {
        raw = await readBody(req, DATABASE_BODY_LIMIT);
      } catch (err) {
        if (!(err instanceof RequestBodyError && err.reason === 'too-large')) return; // the client went away
        refuse(new Unreadable(HttpStatus.tooLarge, invalidParam(`request body too large (over ${DATABASE_BODY_LIMIT} bytes)`)));
        return;
      }
      const body = parseRequest(raw);
      if (body instanceof Unreadable) {
        refuse(body);
        return;
      }
      const other = state.otherActions?.(body as Record<string, unknown>);
      const result = other ? await other : await runAction(state.engine, body);
      send(res, HttpStatus.ok, { requestId: id, ...result });
    } catch (err) {
      // Business errors: 200 with the code, which the SDK raises as a TcbError (../httpStatus.ts).
      const error = toDbError(err);
      send(res, HttpStatus.ok, { requestId: id, code: error.code, message: error.message });
    }
  };
  return (req, res) => {
    const running = serve(req, res).catch((err: unknown) => {
      // Only reachable if writing the response itself failed (e.g. the client went away).
      if (!res.headersSent) send(res, HttpStatus.internal, { code: 'DATABASE_REQUEST_FAILED', message: String(err) });
    });
    state.inFlight.add(running);
    void running.finally(() => state.inFlight.delete(running));
  };
}
