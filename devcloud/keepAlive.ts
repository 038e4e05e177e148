import type { Server } from 'node:http';

/**
 * How long the local servers keep an idle connection open: longer than any client keeps one
 * (undici's fetch 4 s, Node's global agent 5 s, and @cloudbase/node-sdk's agentkeepalive 4.8 s), as
 * load balancers do. The client then always closes first. With the server closing at 5 s, a client
 * late by a few hundred ms on a loaded machine sent its next request on a connection the server
 * closed in that instant and got ECONNRESET instead of an answer: a 30 MB test upload did, and so
 * did the functions' own database calls through the SDK (its 200 ms margin), which failed as INTERNAL.
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;

export function keepIdleConnectionsLonger(server: Server): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  // Headers must be allowed to arrive for at least as long as a connection is kept (Node's rule).
  server.headersTimeout = Math.max(server.headersTimeout, SERVER_KEEP_ALIVE_MS + 1_000);
}
