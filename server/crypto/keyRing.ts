/**
 * The key ring of personal-data encryption: `id:base64key,id:base64key` (HUKOU_DATA_KEYS, see
 * config/environment.ts). Ids are 1–8 letters or digits (they are written into every
 * ciphertext); keys are exactly 32 bytes (AES-256). Errors name the entry by position or id,
 * never by its key text.
 */

export const KEY_ID = /^[A-Za-z0-9]{1,8}$/;
export const KEY_BYTES = 32;
const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type KeyRing = ReadonlyMap<string, Buffer>;

/** A key ring or key id that cannot be used: a configuration error, raised at start. */
export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

function checkKey(id: string, key: Buffer): void {
  if (!KEY_ID.test(id)) throw new KeyRingError('key ids must be 1–8 letters or digits');
  if (key.length !== KEY_BYTES) throw new KeyRingError(`key "${id}" must be ${KEY_BYTES} bytes`);
}

/** Parses `id:base64key,…`; refuses empty rings, duplicate ids and keys of the wrong size. */
export function parseKeyRing(text: string): KeyRing {
  const ring = new Map<string, Buffer>();
  const entries = typeof text === 'string' ? text.split(',').map((e) => e.trim()) : [];
  if (entries.length === 0 || entries[0] === '') throw new KeyRingError('the key ring is empty');
  entries.forEach((entry, i) => {
    const parts = entry.split(':');
    if (parts.length !== 2) throw new KeyRingError(`key ring entry ${i + 1} is not id:base64key`);
    const [id, encoded] = parts;
    if (!KEY_ID.test(id)) throw new KeyRingError(`key ring entry ${i + 1}: ids must be 1–8 letters or digits`);
    if (!STRICT_BASE64.test(encoded)) throw new KeyRingError(`key "${id}" is not base64`);
    if (ring.has(id)) throw new KeyRingError(`key "${id}" appears twice in the key ring`);
    const key = Buffer.from(encoded, 'base64');
    checkKey(id, key);
    ring.set(id, key);
  });
  return ring;
}

/** A ring given as a string or as a map, checked and copied (later changes to the input don't leak in). */
export function toKeyRing(keys: string | ReadonlyMap<string, Buffer>): KeyRing {
  if (typeof keys === 'string') return parseKeyRing(keys);
  if (keys.size === 0) throw new KeyRingError('the key ring is empty');
  const ring = new Map<string, Buffer>();
  for (const [id, key] of keys) {
    if (!Buffer.isBuffer(key)) throw new KeyRingError(`key "${KEY_ID.test(id) ? id : '?'}" is not a Buffer`);
    checkKey(id, key);
    ring.set(id, Buffer.from(key));
  }
  return ring;
}
