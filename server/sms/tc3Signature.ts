import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API v3 request signing (TC3-HMAC-SHA256), as documented for every Tencent Cloud
 * API: canonical request → string to sign → key derived from date, service and 'tc3_request'.
 */
export interface Tc3Request {
  service: string;
  host: string;
  action: string;
  payload: string;
  timestamp: number;
  secretId: string;
  secretKey: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export function tc3Authorization(r: Tc3Request): string {
  const date = new Date(r.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:application/json; charset=utf-8\nhost:${r.host}\nx-tc-action:${r.action.toLowerCase()}\n`,
    signedHeaders,
    sha256(r.payload),
  ].join('\n');
  const scope = `${date}/${r.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(r.timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${r.secretKey}`, date), r.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${r.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
