import { request } from 'node:https';
import { request as requestHttp } from 'node:http';

/**
 * POSTs JSON and parses a JSON answer, with a timeout. Uses node:http(s) rather than fetch so it
 * also runs on CloudBase's Node.js 16 runtime.
 */
export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 8000): Promise<T> {
  const payload = Buffer.from(JSON.stringify(body));
  const target = new URL(url);
  const send = target.protocol === 'http:' ? requestHttp : request;
  return new Promise<T>((resolve, reject) => {
    const req = send(
      target,
      { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(payload.length), ...headers }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch {
            reject(new Error(`${target.host} answered ${res.statusCode} without JSON`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${target.host} did not answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export function getJson<T>(url: string, timeoutMs = 8000): Promise<T> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? requestHttp : request;
  return new Promise<T>((resolve, reject) => {
    const req = send(target, { method: 'GET', timeout: timeoutMs }, (res) => {
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
    req.end();
  });
}
