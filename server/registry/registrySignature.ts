import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The signatures of the population-registry gateway (docs/REGISTRY.md, "Signing"): HMAC-SHA256
 * with a shared secret over a canonical text, base64. Both sides sign: a request over its method,
 * path with query, timestamp, nonce and the SHA-256 of its body; an answer over its status, the
 * request's method, path and nonce, its own timestamp and the SHA-256 of its body, so an answer
 * cannot be replayed for another request. Used by the adapter (server/registry/HttpRegistry.ts)
 * and by the local stand-in (devcloud/localRegistry.ts), so both read the contract the same way.
 */

export const HEADER = {
  keyId: 'x-registry-key-id',
  timestamp: 'x-registry-timestamp',
  nonce: 'x-registry-nonce',
  signature: 'x-registry-signature',
} as const;

export const REQUEST_SCHEME = 'HUKOU-REGISTRY-HMAC-SHA256';
export const ANSWER_SCHEME = 'HUKOU-REGISTRY-HMAC-SHA256-ANSWER';
/** A timestamp further than this from the receiver's clock is refused (either direction). */
export const REPLAY_WINDOW_SECONDS = 300;
/** Nonces: 16 to 64 characters of A–Z a–z 0–9 _ - (the adapter sends 32 hex digits). */
export const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

export function sha256Hex(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

export interface RequestToSign {
  method: string;
  /** Path and query exactly as sent on the request line, e.g. `/v1/persons/p1/card`. */
  pathAndQuery: string;
  /** Unix seconds, as sent in X-Registry-Timestamp. */
  timestamp: number;
  nonce: string;
  /** The exact body bytes ('' when there is none). */
  body: string | Buffer;
}

export function requestText(r: RequestToSign): string {
  return [REQUEST_SCHEME, r.method.toUpperCase(), r.pathAndQuery, String(r.timestamp), r.nonce, sha256Hex(r.body)].join('\n');
}

export interface AnswerToSign {
  status: number;
  /** The request answered: its method, path with query and nonce. */
  method: string;
  pathAndQuery: string;
  requestNonce: string;
  /** Unix seconds of the answer. */
  timestamp: number;
  body: string | Buffer;
}

export function answerText(a: AnswerToSign): string {
  return [ANSWER_SCHEME, String(a.status), a.method.toUpperCase(), a.pathAndQuery, a.requestNonce, String(a.timestamp), sha256Hex(a.body)].join('\n');
}

/** base64 HMAC-SHA256 of the text under the secret (the secret's raw bytes). */
export function sign(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('base64');
}

/** Constant-time comparison of a presented signature with the expected one (any input, never throws). */
export function signatureMatches(secret: Buffer, text: string, presented: string | undefined): boolean {
  if (typeof presented !== 'string' || presented.length > 128) return false;
  const expected = Buffer.from(sign(secret, text), 'utf8');
  const given = Buffer.from(presented, 'utf8');
  // Same length first (timingSafeEqual needs it); the length of a base64 HMAC is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether a timestamp header (unix seconds, digits only) is within the window of `nowSeconds`. */
export function timestampFresh(header: string | undefined, nowSeconds: number, windowSeconds = REPLAY_WINDOW_SECONDS): boolean {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(Number(header) - nowSeconds) <= windowSeconds;
}

/** The four request headers for a request. */
export function requestHeaders(keyId: string, secret: Buffer, r: RequestToSign): Record<string, string> {
  return {
    [HEADER.keyId]: keyId,
    [HEADER.timestamp]: String(r.timestamp),
    [HEADER.nonce]: r.nonce,
    [HEADER.signature]: sign(secret, requestText(r)),
  };
}
