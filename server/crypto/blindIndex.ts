import { createHmac } from 'node:crypto';
import { normalizeIdNumber } from '../../core/identity/idNumber';

/**
 * Blind indexes: a keyed HMAC-SHA256 of a normalized value, stored beside its ciphertext, so a
 * person can be found by ID number or phone (an equality lookup, a unique index) without
 * decrypting anything. Without the key, an index cannot be recomputed from a guessed value —
 * which matters, because ID and phone numbers are few enough to enumerate.
 *
 *   index = base64url(HMAC-SHA256(key, purpose + '\0' + normalize(purpose, value)))
 *
 * The purpose separates the spaces: the same digits indexed as a phone and as something else
 * give unrelated indexes.
 */

export type IndexPurpose = 'idNumber' | 'phone' | (string & {});

export interface BlindIndex {
  index(purpose: IndexPurpose, value: string): string;
}

export const MIN_INDEX_KEY_BYTES = 32;

/** Digits of a phone number, without a +86 / 0086 / 86 country prefix before a mobile number. */
export function normalizePhoneForIndex(value: string): string {
  const digits = value.replace(/\D/g, '');
  const national = /^(?:0086|86)(1\d{10})$/.exec(digits);
  return national ? national[1] : digits;
}

/**
 * How each purpose writes a value before it is indexed. Two spellings of the same number must
 * index the same; other purposes (invitation codes, one-time codes) are indexed exactly as given.
 */
export function normalizeForIndex(purpose: IndexPurpose, value: string): string {
  if (purpose === 'idNumber') return normalizeIdNumber(value);
  if (purpose === 'phone') return normalizePhoneForIndex(value);
  return value;
}

export function createBlindIndex(key: Buffer): BlindIndex {
  if (!Buffer.isBuffer(key) || key.length < MIN_INDEX_KEY_BYTES) {
    throw new RangeError(`the blind-index key must be at least ${MIN_INDEX_KEY_BYTES} bytes`);
  }
  const secret = Buffer.from(key);
  return {
    index(purpose, value) {
      if (typeof purpose !== 'string' || purpose.length === 0 || purpose.includes('\u0000')) {
        throw new TypeError('an index purpose is a non-empty string without NUL');
      }
      if (typeof value !== 'string') throw new TypeError('only strings can be indexed');
      return createHmac('sha256', secret)
        .update(`${purpose}\u0000${normalizeForIndex(purpose, value)}`, 'utf8')
        .digest('base64url');
    },
  };
}
