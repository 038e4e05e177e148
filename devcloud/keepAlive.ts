import type { Server } from 'node:http';

/**
 * How long the local servers keep an idle connection open: longer than any client keeps one
 * (undici's fetch 4 s, Node's global agent 5 s), as load balancers do. The client then always
 * closes first. With the server closing first (5 s before), a client whose event loop was busy past
 * that moment (building a large body on a loaded machine) sent its next request on a connection the
 * server closed in the same instant, and got ECONNRESET instead of an answer.
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;

export function keepIdleConnectionsLonger(server: Server): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  // Headers must be allowed to arrive for at least as long as a connection is kept (Node's rule).
  server.headersTimeout = Math.max(server.headersTimeout, SERVER_KEEP_ALIVE_MS + 1_000);
}
