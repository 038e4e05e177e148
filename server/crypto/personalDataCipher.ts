import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KEY_ID, KeyRingError, toKeyRing, type KeyRing } from './keyRing';

/**
 * Encryption of personal data at rest (ID numbers, phones, names): AES-256-GCM.
 *
 *   v1.<keyId>.<iv>.<ciphertext>.<tag>        (iv 12 random bytes, tag 16 bytes, all base64url)
 *
 * The key id in each value lets keys rotate: new data is written under the current key, older
 * values still decrypt with the older keys of the ring, and `needsReencryption` finds them.
 * The context (e.g. 'residents.idNumber') and the version and key id are authenticated data,
 * so a value moved to another field, or with its header altered, fails to decrypt.
 */

export type CipherFailure = 'malformed' | 'unknownKey' | 'authentication';

const MESSAGES: Record<CipherFailure, string> = {
  malformed: 'encrypted value is malformed',
  unknownKey: 'encrypted value names a key that is not in the key ring',
  authentication: 'encrypted value failed authentication (wrong key, wrong context or altered)',
};

/** A value that cannot be decrypted. Its message is fixed per reason: no plaintext, no key. */
export class CipherError extends Error {
  readonly reason: CipherFailure;
  constructor(reason: CipherFailure) {
    super(MESSAGES[reason]);
    this.name = 'CipherError';
    this.reason = reason;
  }
}

export interface PersonalDataCipher {
  readonly currentKeyId: string;
  encrypt(plain: string, context: string): string;
  decrypt(ciphertext: string, context: string): string;
  /** The key id a value was encrypted under; throws CipherError('malformed') on garbage. */
  keyIdOf(ciphertext: string): string;
  /** Whether a value was written under another key than the current one. */
  needsReencryption(ciphertext: string): boolean;
}

export interface CipherOptions {
  /** A map of key id → 32-byte key, or the HUKOU_DATA_KEYS text `id:base64key,…`. */
  keys: ReadonlyMap<string, Buffer> | string;
  currentKeyId: string;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Lone UTF-16 surrogates cannot survive UTF-8: refuse them rather than corrupt data silently. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Parts {
  keyId: string;
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
}

/** Decodes base64url strictly: only the canonical spelling of each byte string is accepted. */
function decodeCanonical(text: string): Buffer {
  if (!BASE64URL.test(text)) throw new CipherError('malformed');
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new CipherError('malformed');
  return bytes;
}

function parse(ciphertext: string): Parts {
  if (typeof ciphertext !== 'string') throw new CipherError('malformed');
  const fields = ciphertext.split('.');
  if (fields.length !== 5 || fields[0] !== VERSION || !KEY_ID.test(fields[1])) throw new CipherError('malformed');
  const iv = decodeCanonical(fields[2]);
  const body = decodeCanonical(fields[3]);
  const tag = decodeCanonical(fields[4]);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CipherError('malformed');
  return { keyId: fields[1], iv, body, tag };
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}\u0000${keyId}\u0000${context}`, 'utf8');
}

function checkContext(context: string): void {
  if (typeof context !== 'string' || context.length === 0) throw new TypeError('an encryption context is required');
}

export function createCipher(options: CipherOptions): PersonalDataCipher {
  const ring: KeyRing = toKeyRing(options.keys);
  const currentKeyId = options.currentKeyId;
  const currentKey = ring.get(currentKeyId);
  if (!currentKey) {
    throw new KeyRingError(`the current key id ${KEY_ID.test(currentKeyId) ? `"${currentKeyId}" ` : ''}is not in the key ring`);
  }

  const encrypt = (plain: string, context: string): string => {
    if (typeof plain !== 'string') throw new TypeError('only strings can be encrypted');
    if (LONE_SURROGATE.test(plain)) throw new TypeError('the value is not well-formed Unicode');
    checkContext(context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, currentKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(currentKeyId, context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, currentKeyId, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
  };

  const decrypt = (ciphertext: string, context: string): string => {
    checkContext(context);
    const { keyId, iv, body, tag } = parse(ciphertext);
    const key = ring.get(keyId);
    if (!key) throw new CipherError('unknownKey');
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId, context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // Node's own message ("Unsupported state or unable to authenticate data") is replaced,
      // so nothing of the input can reach a log through it.
      throw new CipherError('authentication');
    }
  };

  const keyIdOf = (ciphertext: string): string => parse(ciphertext).keyId;

  return {
    currentKeyId,
    encrypt,
    decrypt,
    keyIdOf,
    needsReencryption: (ciphertext) => keyIdOf(ciphertext) !== currentKeyId,
  };
}
