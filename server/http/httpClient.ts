import { request as requestHttp, type IncomingHttpHeaders } from 'node:http';
import type * as Https from 'node:https';

/**
 * The one HTTP client of the adapters: node:http(s) rather than fetch so it also runs on
 * CloudBase's Node.js 16 runtime, with a timeout. `sendRequest` gives the raw answer (for APIs whose
 * status codes and headers matter, e.g. WeChat Pay); postJson, getJson and postForm parse a JSON
 * answer whatever the status. Error messages name the host only, never the query (which may hold a
 * secret) or the headers.
 */

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

let https: typeof Https | undefined;

/**
 * node:https, required by the first https request: loading it (and tls) is about a millisecond of a
 * fresh instance's start that a call reaching no outside API (most of them) never needs.
 */
function requestHttps(...args: Parameters<typeof Https.request>): ReturnType<typeof Https.request> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  https ??= require('node:https') as typeof Https;
  return https.request(...args);
}

export function sendRequest({ method, url, body, headers = {}, timeoutMs = 8000 }: HttpRequest): Promise<HttpAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? requestHttp : requestHttps;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const allHeaders = payload ? { 'content-length': String(payload.length), ...headers } : headers;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = send(target, { method, headers: allHeaders, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${target.host} did not answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function requestJson<T>(request: HttpRequest): Promise<T> {
  const answer = await sendRequest(request);
  try {
    return JSON.parse(answer.body) as T;
  } catch {
    throw new Error(`${new URL(request.url).host} answered ${answer.status} without JSON`);
  }
}

export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 8000): Promise<T> {
  return requestJson<T>({
    method: 'POST',
    url,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    timeoutMs,
  });
}

export function getJson<T>(url: string, timeoutMs = 8000): Promise<T> {
  return requestJson<T>({ method: 'GET', url, timeoutMs });
}

/** POSTs `application/x-www-form-urlencoded` fields (UTF-8) and parses a JSON answer. */
export function postForm<T>(url: string, fields: Record<string, string>, headers: Record<string, string> = {}, timeoutMs = 8000): Promise<T> {
  return requestJson<T>({
    method: 'POST',
    url,
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    timeoutMs,
  });
}
