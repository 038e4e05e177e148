import type { IncomingMessage } from 'node:http';

/** Why a request body could not be had: over the limit, or the client went away mid-body. */
export class RequestBodyError extends Error {
  constructor(readonly reason: 'too-large' | 'aborted') {
    super(reason);
    this.name = 'RequestBodyError';
  }
}

/** Past this many bytes a too-large body is no longer read to its end: the connection is dropped. */
const DISCARD_LIMIT = 256 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. A larger body rejects with RequestBodyError('too-large'),
 * but only once it has been read to its end (and thrown away): a client still sending when the
 * server answers and closes gets a reset and never sees the answer. A client that keeps sending past
 * DISCARD_LIMIT is cut off.
 */
export function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT) {
        ended = true;
        reject(new RequestBodyError('too-large'));
        req.destroy();
      } else if (size <= limit) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      ended = true;
      if (size > limit) reject(new RequestBodyError('too-large'));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', () => reject(new RequestBodyError('aborted')));
    req.on('close', () => {
      if (!ended) reject(new RequestBodyError('aborted'));
    });
  });
}
