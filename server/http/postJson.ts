import { request as requestHttps } from 'node:https';
import { request as requestHttp } from 'node:http';

/**
 * Sends a request and parses a JSON answer, with a timeout. Uses node:http(s) rather than fetch so
 * it also runs on CloudBase's Node.js 16 runtime.
 */
function requestJson<T>(method: 'GET' | 'POST', url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<T> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? requestHttp : requestHttps;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const allHeaders = payload
    ? { 'content-type': 'application/json; charset=utf-8', 'content-length': String(payload.length), ...headers }
    : headers;
  return new Promise<T>((resolve, reject) => {
    const req = send(target, { method, headers: allHeaders, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
        } catch {
          reject(new Error(`${target.host} answered ${res.statusCode} without JSON`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${target.host} did not answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 8000): Promise<T> {
  return requestJson<T>('POST', url, body, headers, timeoutMs);
}

export function getJson<T>(url: string, timeoutMs = 8000): Promise<T> {
  return requestJson<T>('GET', url, undefined, {}, timeoutMs);
}
