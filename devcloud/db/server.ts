/**
 * A bare HTTP server for the database emulator alone (contract tests, benchmarks): the
 * emulator answers at `POST /admin`, which is the `serviceUrl` to give the SDK. The local cloud
 * itself mounts `emulator.handle` in its own server instead.
 */
import http from 'http';
import { keepIdleConnectionsLonger } from '../keepAlive';
import type { AddressInfo } from 'net';
import type { DatabaseEmulator } from './index';

export interface EmulatorServer {
  /** `http://127.0.0.1:<port>/admin`, for `init({ serviceUrl })` or TCB_CONTEXT_CNFG's URL. */
  serviceUrl: string;
  port: number;
  /** Stops listening and drops kept-alive connections (the emulator stays open). */
  close(): Promise<void>;
}

export interface EmulatorServerOptions {
  host?: string;
  port?: number;
  /** Other routes on the same server (e.g. local cloud storage's files): true when served. */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse, path: string) => boolean;
}

export async function serveDatabaseEmulator(emulator: DatabaseEmulator, options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/admin') {
      emulator.handle(req, res);
      return;
    }
    if (options.routes?.(req, res, path)) return;
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'NOT_FOUND', message: `no route for ${path}` }));
  });
  keepIdleConnectionsLonger(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://${host}:${port}/admin`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
