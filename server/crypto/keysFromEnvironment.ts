import { createBlindIndex, type BlindIndex } from './blindIndex';
import { KeyRingError, parseKeyRing } from './keyRing';
import { createCipher, type PersonalDataCipher } from './personalDataCipher';

/**
 * The personal-data cipher and blind index, built from the environment's values. A pure function
 * of its argument (the caller reads and validates process.env against config/environment.ts);
 * throws KeyRingError, whose message names variables and key ids but never key material, when
 * the values cannot be used.
 */

export interface PersonalDataKeyValues {
  HUKOU_DATA_KEYS: string;
  HUKOU_DATA_KEY_ID: string;
  HUKOU_INDEX_KEY: string;
}

export interface PersonalDataKeys {
  cipher: PersonalDataCipher;
  blindIndex: BlindIndex;
}

const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function keysFromEnvironment(values: PersonalDataKeyValues): PersonalDataKeys {
  const ring = parseKeyRing(values.HUKOU_DATA_KEYS);
  const cipher = createCipher({ keys: ring, currentKeyId: values.HUKOU_DATA_KEY_ID });

  const indexKeyText = values.HUKOU_INDEX_KEY;
  if (typeof indexKeyText !== 'string' || !STRICT_BASE64.test(indexKeyText)) {
    throw new KeyRingError('HUKOU_INDEX_KEY is not base64');
  }
  const indexKey = Buffer.from(indexKeyText, 'base64');
  if (indexKey.length < 32) throw new KeyRingError('HUKOU_INDEX_KEY must be at least 32 bytes');
  // One key, one job: an index key that is also a data key weakens both.
  for (const dataKey of ring.values()) {
    if (dataKey.equals(indexKey)) throw new KeyRingError('HUKOU_INDEX_KEY must differ from every key in HUKOU_DATA_KEYS');
  }
  return { cipher, blindIndex: createBlindIndex(indexKey) };
}
