import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRequest } from '../../server/http/httpClient';

/** node:https is required by the first https request (not when a bundle loads: tests/unit/bundleLoad.test.ts). */

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => res.end(`plain ${req.method} ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendRequest', () => {
  it('an http URL goes over http', async () => {
    expect(await sendRequest({ method: 'GET', url: `http://127.0.0.1:${port}/a?b=1` })).toMatchObject({ status: 200, body: 'plain GET /a?b=1' });
  });

  it('an https URL goes over TLS (here to a plain http server: the handshake fails)', async () => {
    await expect(sendRequest({ method: 'GET', url: `https://127.0.0.1:${port}/a`, timeoutMs: 2000 })).rejects.toMatchObject({
      code: expect.stringMatching(/^(EPROTO|ERR_SSL_WRONG_VERSION_NUMBER)$/),
    });
  });
});
