/**
 * What the SDK's utils/metadata.js takes of axios, in a bundle (scripts/bundleStubs.ts): `get(url,
 * { timeout })`, answering `{ status, data, headers }`. The SDK asks Tencent Cloud's instance metadata
 * service (http://metadata.tencentyun.com) whether it runs on Tencent Cloud, and only where neither
 * TENCENTCLOUD_RUNENV=SCF (a cloud function) nor TENCENTCLOUD=true (the local cloud) already says so:
 * so never in a deployed function. axios's Node adapter loads zlib, follow-redirects and its own
 * machinery when a bundle loads; this does the same GET with Node's http alone.
 *
 * As axios 0.27 does: a status outside 2xx rejects, `timeout` aborts with code ECONNABORTED, a text
 * answer that parses as JSON is parsed (the app id `1250000000` becomes a number, as with axios),
 * redirects are followed (up to 21). Not axios's proxy from the environment, nor decompression (no
 * Accept-Encoding is sent).
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface GetAnswer {
  status: number;
  data: unknown;
  headers: IncomingHttpHeaders;
}

const MAX_REDIRECTS = 21;

/** A text answer as axios's default transformResponse leaves it: parsed when it is JSON, else as is. */
export function axiosData(text: string): unknown {
  if (!text) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function getOnce(url: string, timeout: number | undefined, redirects: number): Promise<GetAnswer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- https only for an https URL (the metadata service is http)
  const client = (url.startsWith('https:') ? require('node:https') : require('node:http')) as typeof import('node:http');
  return new Promise((resolve, reject) => {
    const req = client.get(url, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (redirects >= MAX_REDIRECTS) return reject(Object.assign(new Error('Maximum number of redirects exceeded'), { code: 'ERR_FR_TOO_MANY_REDIRECTS' }));
        return resolve(getOnce(new URL(res.headers.location, url).href, timeout, redirects + 1));
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const answer = { status, data: axiosData(Buffer.concat(chunks).toString('utf8')), headers: res.headers };
        if (status >= 200 && status < 300) resolve(answer);
        else reject(Object.assign(new Error(`Request failed with status code ${status}`), { response: answer }));
      });
    });
    req.on('error', reject);
    if (timeout) {
      req.setTimeout(timeout, () => {
        req.destroy();
        reject(Object.assign(new Error(`timeout of ${timeout}ms exceeded`), { code: 'ECONNABORTED' }));
      });
    }
  });
}

/** axios.get(url, { timeout }) as the SDK's metadata lookups use it. */
function get(url: string, options: { timeout?: number } = {}): Promise<GetAnswer> {
  return getOnce(url, options.timeout, 0);
}

export default { get };
