/**
 * The local function gateway's HTTP access feature (devcloud/httpAccessEvent.ts): a request runs the
 * function with CloudBase's integrated request as its event, and what the function returns is
 * answered as CloudBase maps it (integrated response; a string as text; anything else as JSON).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFunctionGateway } from '../../devcloud/functionGateway';
import { declaredHttpPaths } from '../../devcloud/httpAccessEvent';

const dir = mkdtempSync(path.join(tmpdir(), 'http-access-'));
mkdirSync(path.join(dir, 'echo'));
writeFileSync(
  path.join(dir, 'echo', 'bundle.js'),
  `exports.main = async (event, context) => {
    globalThis.lastEvent = event; globalThis.lastContext = context;
    if (event.path === '/text') return 'hello gateway';
    if (event.path === '/object') return { foo: 'bar' };
    if (event.path === '/empty') return { statusCode: 204, headers: {}, body: '', isBase64Encoded: false };
    return { statusCode: 418, headers: { 'X-Echo': 'yes', 'Content-Type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true };
  };`,
);

let server: Server;
let base: string;
const g = globalThis as unknown as { lastEvent: Record<string, unknown>; lastContext: Record<string, unknown> };
beforeAll(async () => {
  const gateway = createFunctionGateway({ functionsDir: dir });
  server = createServer((req, res) => void gateway.handleHttpAccess(req, res, 'echo'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a text body arrives as it was sent, with path, method, headers (lower case, repeated ones kept) and query', async () => {
  // Two lines of one header (node sends an array as repeated lines; fetch would join them).
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${base}/anything?x=1&y=%E4%B8%AD`, { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setHeader('content-type', 'application/json');
    req.setHeader('Wechatpay-Nonce', 'N1');
    req.setHeader('x-twice', ['a', 'b']);
    req.end('{"a": 1}');
  });
  expect(status).toBe(418);
  expect(g.lastEvent).toMatchObject({
    path: '/anything',
    httpMethod: 'POST',
    queryStringParameters: { x: '1', y: '中' },
    body: '{"a": 1}',
    isBase64Encoded: false,
    requestContext: { envId: expect.any(String), requestId: expect.any(String) },
  });
  expect((g.lastEvent.headers as Record<string, string>)['wechatpay-nonce']).toBe('N1');
  expect((g.lastEvent.multiValueHeaders as Record<string, string[]>)['x-twice']).toEqual(['a', 'b']);
  // HTTP access names no mini-program user.
  expect(JSON.parse(g.lastContext.environment as string)).not.toHaveProperty('WX_OPENID');
});

test('a binary body arrives base64 with isBase64Encoded; an integrated response is answered as it says (base64 body decoded)', async () => {
  const res = await fetch(`${base}/bytes`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([9, 8, 7]) });
  expect(g.lastEvent).toMatchObject({ httpMethod: 'PUT', body: Buffer.from([9, 8, 7]).toString('base64'), isBase64Encoded: true });
  expect(res.status).toBe(418);
  expect(res.headers.get('x-echo')).toBe('yes');
  expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
});

test('a string is answered 200 text/plain, an object 200 JSON, a 204 with no body', async () => {
  const text = await fetch(`${base}/text`);
  expect([text.status, text.headers.get('content-type'), await text.text()]).toEqual([200, 'text/plain; charset=utf-8', 'hello gateway']);
  const object = await fetch(`${base}/object`);
  expect([object.status, await object.json()]).toEqual([200, { foo: 'bar' }]);
  const empty = await fetch(`${base}/empty`, { method: 'POST' });
  expect([empty.status, await empty.text()]).toEqual([204, '']);
});

test('the declared paths are the local cloud’s routes', () => {
  expect([...declaredHttpPaths()]).toEqual([['/wxpay/notify', 'payNotify']]);
});
