/**
 * Node http glue: reads the SDK's JSON request, runs the action, writes the JSON answer.
 *
 * Business errors travel as HTTP 200 with `{ code, message, requestId }` in the body, as the real
 * service does; @cloudbase/node-sdk throws them as `TcbError` with the same `code`. Signature
 * headers (`Authorization: TC3-HMAC-SHA256 …`) are accepted without verification.
 */
import { randomBytes } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { runAction, type DbRequest, type Engine } from './actions';
import { invalidParam, requestFailed, toDbError } from './errors';
import { isPlainObject } from './nedbModel';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

function requestId(): string {
  return `local-${randomBytes(8).toString('hex')}`;
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<DbRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw invalidParam('request body too large');
    chunks.push(buf);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalidParam('request body is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw invalidParam('request body must be a JSON object');
  return parsed as DbRequest;
}

export interface HandlerState {
  engine: Engine;
  closed: boolean;
  /** Requests being served, awaited by close(). */
  inFlight: Set<Promise<void>>;
}

export function createHandler(state: HandlerState): (req: IncomingMessage, res: ServerResponse) => void {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = requestId();
    if (req.method !== 'POST') {
      send(res, 405, { requestId: id, code: 'INVALID_PARAM', message: 'the database API only accepts POST' });
      return;
    }
    try {
      if (state.closed) throw requestFailed('the local database emulator is closed');
      const body = await readBody(req);
      const result = await runAction(state.engine, body);
      send(res, 200, { requestId: id, ...result });
    } catch (err) {
      const error = toDbError(err);
      send(res, 200, { requestId: id, code: error.code, message: error.message });
    }
  };
  return (req, res) => {
    const running = serve(req, res).catch((err: unknown) => {
      // Only reachable if writing the response itself failed (e.g. the client went away).
      if (!res.headersSent) send(res, 500, { code: 'DATABASE_REQUEST_FAILED', message: String(err) });
    });
    state.inFlight.add(running);
    void running.finally(() => state.inFlight.delete(running));
  };
}
