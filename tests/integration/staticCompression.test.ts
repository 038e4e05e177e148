/**
 * The local cloud serves the H5 build compressed, as CloudBase static hosting's CDN does
 * (issue 14, "A phone"): gzip or brotli by Accept-Encoding for text files, with Vary and an
 * ETag per encoding, 304 on a matching If-None-Match, and identity for clients that ask for none.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createStaticFiles } from '../../devcloud/staticFiles';

jest.setTimeout(60_000);

let dir: string;
let server: http.Server;
let port: number;
const SCRIPT = `console.log(${JSON.stringify('户政服务 '.repeat(2000))});\n`;
const PNG = Buffer.alloc(4096, 7);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hukou-static-'));
  mkdirSync(path.join(dir, 'js'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>户政服务</title>${'<p>壳</p>'.repeat(300)}`);
  writeFileSync(path.join(dir, 'js', 'app.0123abcd.js'), SCRIPT);
  writeFileSync(path.join(dir, 'logo.png'), PNG);
  server = http.createServer(createStaticFiles(dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

test('gzip when asked for it: the same bytes, smaller, with Vary and its own ETag', async () => {
  const res = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate' });
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBe('gzip');
  expect(res.headers.vary).toMatch(/accept-encoding/i);
  expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(res.headers['cache-control']).toContain('immutable');
  expect(Number(res.headers['content-length'])).toBe(res.body.length);
  expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
  expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  expect(res.headers.etag).toMatch(/^(W\/)?".+"$/);
});

test('brotli preferred when offered; each encoding has a distinct ETag', async () => {
  const br = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
  const gz = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' });
  const plain = await get('/js/app.0123abcd.js', { 'accept-encoding': 'identity' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(SCRIPT);
  expect(plain.headers.vary).toMatch(/accept-encoding/i);
  expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
});

test('an encoding refused with q=0 is not used', async () => {
  const res = await get('/js/app.0123abcd.js', { 'accept-encoding': 'br;q=0, gzip' });
  expect(res.headers['content-encoding']).toBe('gzip');
  const none = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip;q=0' });
  expect(none.headers['content-encoding']).toBeUndefined();
});

test('a matching If-None-Match is answered 304 with no body; the HTML shell is compressed and revalidated', async () => {
  const first = await get('/', { 'accept-encoding': 'gzip' });
  expect(first.headers['content-encoding']).toBe('gzip');
  expect(first.headers['cache-control']).toBe('no-cache');
  const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  expect(again.headers.etag).toBe(first.headers.etag);
});

test('images are sent as they are (already compressed formats are not compressed again)', async () => {
  const res = await get('/logo.png', { 'accept-encoding': 'gzip, br' });
  expect(res.headers['content-encoding']).toBeUndefined();
  expect(res.body.equals(PNG)).toBe(true);
});
