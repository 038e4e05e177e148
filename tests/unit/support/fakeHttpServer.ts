/** A fake HTTP server on 127.0.0.1 for adapter tests: records each request, answers with the test's handler. */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: URL;
  /** Path and query as received. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeServer {
  base: string;
  requests: Received[];
  close(): Promise<void>;
}

export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function listen(server: http.Server): Promise<{ base: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function fakeServer(answer: (req: Received, res: ServerResponse) => void): Promise<FakeServer> {
  const requests: Received[] = [];
  const server = http.createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://fake'),
        rawUrl: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      answer(received, res);
    });
  });
  return { ...(await listen(server)), requests };
}

/** A bare server around a route handler (e.g. a local-cloud stand-in); other paths answer 404. */
export async function handlerServer(handle: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>): Promise<FakeServer> {
  const server = http.createServer((req, res) => {
    void handle(req, res, new URL(req.url ?? '/', 'http://local').pathname).then((mine) => {
      if (!mine) answerJson(res, 404, { error: 'not mine' });
    });
  });
  return { ...(await listen(server)), requests: [] };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  throw new Error('expected a rejection');
}
