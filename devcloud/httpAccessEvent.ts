import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { functions } from '../config/functions';

/**
 * The local cloud's HTTP access service (HTTP 访问服务): the paths declared in config/functions.ts
 * (`httpPaths`) run their function with CloudBase's integrated request (集成请求) as the event, and
 * the function's answer becomes the HTTP response as CloudBase maps it
 * (docs.cloudbase.net/service/access-cloud-function; server/function/httpAccess.ts reads the same shape):
 * - an integrated response `{ statusCode, headers, body, isBase64Encoded }` is answered as it says;
 * - a string or number is answered 200 text/plain; any other value 200 application/json.
 */

/** Declared HTTP access paths → function name. */
export function declaredHttpPaths(): Map<string, string> {
  return new Map(functions.flatMap((f) => (f.httpPaths ?? []).map((p) => [p, f.name] as const)));
}

const TEXT = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|[^;]*\+json|[^;]*\+xml)/i;

/** The integrated request for one HTTP request; a body that is not text arrives base64. */
export function integratedRequest(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!values) continue;
    headers[name] = values.join(',');
    multiValueHeaders[name] = values;
  }
  const contentType = req.headers['content-type'] ?? '';
  const binary = body.length > 0 && !(contentType === '' || TEXT.test(contentType));
  return {
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    multiValueHeaders,
    queryStringParameters: Object.fromEntries(url.searchParams),
    requestContext: { requestId: randomUUID().replace(/-/g, ''), envId: process.env.TCB_ENV ?? 'hukou-local', appId: 0, uin: 0 },
    body: binary ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: binary,
  };
}

/**
 * The context of an HTTP access invocation: the platform's invocation fields and an environment
 * that names no mini-program user (HTTP access carries no WeChat identity).
 */
export function httpAccessContext(fn: string): Record<string, unknown> {
  return {
    request_id: randomUUID(),
    function_name: fn,
    function_version: '$LATEST',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 10_000,
    namespace: 'hukou-local',
    environment: JSON.stringify({ TCB_ENV: process.env.TCB_ENV ?? 'hukou-local', SCF_NAMESPACE: 'hukou-local' }),
  };
}

/** Writes what the function answered as CloudBase's HTTP access service would. */
export function writeIntegratedResponse(res: ServerResponse, answer: unknown): void {
  if (answer && typeof answer === 'object' && typeof (answer as { statusCode?: unknown }).statusCode === 'number') {
    const r = answer as { statusCode: number; headers?: Record<string, unknown>; body?: unknown; isBase64Encoded?: boolean };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    const raw = typeof r.body === 'string' ? r.body : r.body === undefined ? '' : JSON.stringify(r.body);
    const body = r.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
    res.writeHead(r.statusCode, headers);
    res.end(r.statusCode === 204 || r.statusCode === 304 ? undefined : body);
    return;
  }
  if (typeof answer === 'string' || typeof answer === 'number') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(answer));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(answer ?? null));
}
