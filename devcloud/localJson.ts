import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './readBody';

/** JSON in and out for the local cloud's stand-ins of external services. */

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The request's JSON object; {} when the body is empty, not JSON or not an object. */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  try {
    const parsed = JSON.parse((await readBody(req, limit)).toString('utf8') || '{}') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
