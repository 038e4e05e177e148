import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TicketSigner } from '../../core/ticket/TicketToken';

/**
 * Signs appointment tickets with HMAC-SHA256 under HUKOU_TICKET_KEY (base64, at least 32 bytes;
 * see config/environment.ts). The signature is the full 32-byte MAC in base64url, 43 characters.
 *
 * Why not truncate: a 20-byte MAC (27 characters, still 160 bits against forgery) would save 16
 * characters, but a typical ticket stays a version 9 QR symbol at error correction M either way
 * (tests/unit/ticketToken.test.ts prints the figures), so the full MAC costs nothing visible.
 *
 * Verification recomputes the signature and compares the two base64url texts in constant time
 * (after a length check, which reveals only the public length). Comparing the canonical text
 * rather than decoded bytes also refuses the non-canonical spellings of a valid MAC.
 */

export const MIN_TICKET_KEY_BYTES = 32;
const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A ticket key that cannot be used: a configuration error, raised at start. */
export class TicketKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TicketKeyError';
  }
}

export class HmacTicketSigner implements TicketSigner {
  private readonly key: Buffer;

  /** `key`: the HUKOU_TICKET_KEY text (base64) or the key bytes. Errors never show the key. */
  constructor(key: string | Buffer) {
    let bytes: Buffer;
    if (Buffer.isBuffer(key)) bytes = Buffer.from(key);
    else if (typeof key === 'string' && STRICT_BASE64.test(key)) bytes = Buffer.from(key, 'base64');
    else throw new TicketKeyError('HUKOU_TICKET_KEY is not base64');
    if (bytes.length < MIN_TICKET_KEY_BYTES) throw new TicketKeyError(`HUKOU_TICKET_KEY must be at least ${MIN_TICKET_KEY_BYTES} bytes`);
    this.key = bytes;
  }

  sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload, 'utf8').digest('base64url');
  }

  verify(payload: string, signature: string): boolean {
    if (typeof payload !== 'string' || typeof signature !== 'string') return false;
    const expected = Buffer.from(this.sign(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length) return false;
    return timingSafeEqual(given, expected);
  }
}
