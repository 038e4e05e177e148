import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import shim, { axiosData } from '../../scripts/bundleShims/axiosGet';

/**
 * The SDK's metadata lookups get scripts/bundleShims/axiosGet.ts in a bundle instead of axios
 * (scripts/bundleStubs.ts): it answers what axios 0.27 answers for the same GETs.
 */

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/latest/meta-data/app-id') return void res.end('1250000000');
    if (req.url === '/credentials') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"TmpSecretId":"id","ExpiredTime":1}');
    if (req.url === '/text') return void res.end('not json');
    if (req.url === '/empty') return void res.end();
    if (req.url === '/moved') return void res.writeHead(302, { location: '/latest/meta-data/app-id' }).end();
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 500);
    res.writeHead(404).end('no such path');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const answer = async (get: typeof shim.get, path: string, timeout?: number) => {
  try {
    const { status, data } = await get(`${base}${path}`, timeout ? { timeout } : {});
    return { status, data };
  } catch (e) {
    const error = e as { code?: string; message: string; response?: { status: number; data: unknown } };
    return { rejected: error.response ? { status: error.response.status, data: error.response.data } : error.code };
  }
};

describe('the GET the SDK metadata lookups get in a bundle', () => {
  it.each(['/latest/meta-data/app-id', '/credentials', '/text', '/empty', '/moved', '/missing'])('%s: the same answer as axios', async (path) => {
    const theirs = await answer((url, options) => axios.get(url, options), path);
    expect(await answer(shim.get, path)).toEqual(theirs);
  });

  it('a timeout rejects with ECONNABORTED, as axios does', async () => {
    expect(await answer(shim.get, '/slow', 30)).toEqual({ rejected: 'ECONNABORTED' });
    expect(await answer((url, options) => axios.get(url, options), '/slow', 30)).toEqual({ rejected: 'ECONNABORTED' });
  });

  it('an unreachable host rejects (the SDK then takes it as not on Tencent Cloud)', async () => {
    server.close();
    await expect(shim.get(`${base}/latest/meta-data/app-id`, { timeout: 1000 })).rejects.toThrow();
    await new Promise<void>((resolve) => server.listen(Number(new URL(base).port), '127.0.0.1', resolve));
  });

  it('text that parses as JSON is parsed, as axios leaves it otherwise', () => {
    expect(axiosData('1250000000')).toBe(1250000000);
    expect(axiosData('{"a":1}')).toEqual({ a: 1 });
    expect(axiosData('abc')).toBe('abc');
    expect(axiosData('')).toBe('');
  });
});
