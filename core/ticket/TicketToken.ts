/**
 * The appointment ticket shown as a QR code: a short-lived, signed token that names the
 * appointment, its hall and its day, and nothing about the person.
 *
 *   token   = 'T1.' + payload + '.' + signature
 *   payload = base64url(compact JSON {"a":appointmentId,"h":hallId,"d":"YYYY-MM-DD","e":expiresAt})
 *   signed  = 'T1.' + payload   (the version prefix is signed too)
 *
 * Reading checks the signature over the text before anything is decoded (unsigned JSON is never
 * parsed), then the exact shape of the claims, then expiry with no tolerance. The signature's
 * algorithm and key live behind the TicketSigner port (server/ticket/hmacTicketSigner.ts).
 *
 * The token goes into a QR code, so it is kept short: one-letter keys, no padding, ASCII only.
 * With a 32-hex-digit appointment id, a hall id like "haikou-longhua" and an HMAC-SHA256
 * signature it is 171 characters: a version 9 symbol, 53×53 modules, at error correction M (the
 * booking function's ids are 16 or 22 base64url characters, shorter still). The longest ids
 * allowed (64 + 64) make 281 characters, a version 12 symbol (65×65). tests/unit/ticketToken.test.ts
 * prints these figures.
 */

export interface TicketClaims {
  appointmentId: string;
  hallId: string;
  /** The appointment's day in Asia/Shanghai, YYYY-MM-DD. */
  date: string;
  /** Unix seconds; the ticket is refused from this instant on. */
  expiresAt: number;
}

/** Port: signs and checks the ticket text (HMAC with a server key). */
export interface TicketSigner {
  /** A signature in base64url (no padding). */
  sign(payload: string): string;
  /** True when `signature` is this signer's signature of `payload`; never throws. */
  verify(payload: string, signature: string): boolean;
}

export type TicketRefusal = 'malformed' | 'signature' | 'expired';
export type TicketReading = { ok: true; claims: TicketClaims } | { ok: false; reason: TicketRefusal };

/** The ticket on screen is refreshed every 30 s and each one is valid for 60 s. */
export const TICKET_POLICY = { ttlSeconds: 60, refreshSeconds: 30 } as const;

export const TICKET_VERSION = 'T1';
/** Ids are printable ASCII without spaces, at most this long. */
export const MAX_TICKET_ID_LENGTH = 64;
/** Anything longer is not one of ours: refused before any work is done on it. */
export const MAX_TICKET_LENGTH = 512;

const ID = /^[\x21-\x7e]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const CLAIM_KEYS = ['a', 'd', 'e', 'h'];

/** The expiry of a ticket issued at `now` under the policy. */
export function ticketExpiry(now: Date, ttlSeconds: number = TICKET_POLICY.ttlSeconds): number {
  return Math.floor(now.getTime() / 1000) + ttlSeconds;
}

/** Signs the claims into a token. Throws TypeError for claims that could never be read back. */
export function issueTicket(claims: TicketClaims, signer: TicketSigner): string {
  if (!isClaims(claims)) throw new TypeError('ticket claims: ids of 1–64 printable ASCII characters, a YYYY-MM-DD date, expiresAt in unix seconds');
  const json = JSON.stringify({ a: claims.appointmentId, h: claims.hallId, d: claims.date, e: claims.expiresAt });
  const signed = `${TICKET_VERSION}.${base64UrlEncodeAscii(json)}`;
  return `${signed}.${signer.sign(signed)}`;
}

/** Reads a scanned or typed token. Total: whatever it is given, it answers and never throws. */
export function readTicket(token: string, signer: TicketSigner, now: Date): TicketReading {
  if (typeof token !== 'string' || token.length > MAX_TICKET_LENGTH) return refuse('malformed');
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('malformed');
  const [version, payload, signature] = parts as [string, string, string];
  if (version !== TICKET_VERSION || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return refuse('malformed');

  if (!signer.verify(`${version}.${payload}`, signature)) return refuse('signature');

  const claims = decodeClaims(payload);
  if (!claims) return refuse('malformed');
  const nowMs = now.getTime();
  if (!(nowMs < claims.expiresAt * 1000)) return refuse('expired');
  return { ok: true, claims };
}

function refuse(reason: TicketRefusal): TicketReading {
  return { ok: false, reason };
}

function decodeClaims(payload: string): TicketClaims | undefined {
  const json = base64UrlDecodeAscii(payload);
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.length !== CLAIM_KEYS.length || keys.some((k, i) => k !== CLAIM_KEYS[i])) return undefined;
  const claims = { appointmentId: record.a, hallId: record.h, date: record.d, expiresAt: record.e };
  return isClaims(claims) ? claims : undefined;
}

function isClaims(c: { [K in keyof TicketClaims]: unknown }): c is TicketClaims {
  return (
    typeof c === 'object' &&
    c !== null &&
    isId(c.appointmentId) &&
    isId(c.hallId) &&
    isCalendarDate(c.date) &&
    typeof c.expiresAt === 'number' &&
    Number.isSafeInteger(c.expiresAt) &&
    c.expiresAt > 0
  );
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TICKET_ID_LENGTH && ID.test(v);
}

function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

// base64url without padding, over ASCII text (the payload is JSON of ASCII values), in plain
// TypeScript: core runs in the mini-program too, which has neither Buffer nor TextEncoder.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX: Record<string, number> = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]));

export function base64UrlEncodeAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const n = text.length - i;
    const b0 = asciiAt(text, i);
    const b1 = n > 1 ? asciiAt(text, i + 1) : 0;
    const b2 = n > 2 ? asciiAt(text, i + 2) : 0;
    const bits = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(bits >> 18) & 63]! + ALPHABET[(bits >> 12) & 63]!;
    if (n > 1) out += ALPHABET[(bits >> 6) & 63]!;
    if (n > 2) out += ALPHABET[bits & 63]!;
  }
  return out;
}

/** The ASCII text, or undefined for anything but canonical unpadded base64url of ASCII bytes. */
export function base64UrlDecodeAscii(encoded: string): string | undefined {
  if (!(encoded === '' || BASE64URL.test(encoded)) || encoded.length % 4 === 1) return undefined;
  const codes: number[] = [];
  for (let i = 0; i < encoded.length; i += 4) {
    const n = Math.min(4, encoded.length - i);
    let bits = 0;
    for (let j = 0; j < 4; j++) bits = (bits << 6) | (j < n ? INDEX[encoded[i + j]!]! : 0);
    const bytes = [(bits >> 16) & 255, (bits >> 8) & 255, bits & 255];
    const kept = n - 1;
    // Canonical only: the bits after the last whole byte are zero.
    if (bytes.slice(kept).some((b) => b !== 0)) return undefined;
    codes.push(...bytes.slice(0, kept));
  }
  if (codes.some((c) => c > 0x7f)) return undefined;
  return String.fromCharCode(...codes);
}

function asciiAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c > 0x7f) throw new TypeError('ticket payloads are ASCII');
  return c;
}
