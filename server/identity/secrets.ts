import { createHash, randomInt } from 'node:crypto';
import type { Secrets } from '../../core/identity/ports';
import type { BlindIndex } from '../crypto/blindIndex';
import type { PersonalDataCipher } from '../crypto/personalDataCipher';

/** Letters and digits that cannot be mistaken for each other when typed (no 0/O, 1/I/L). */
const TOKEN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function createSecrets(cipher: PersonalDataCipher, blindIndex: BlindIndex): Secrets {
  return {
    encrypt: (plain, context) => cipher.encrypt(plain, context),
    decrypt: (ciphertext, context) => cipher.decrypt(ciphertext, context),
    index: (purpose, value) => blindIndex.index(purpose, value),
    // WeChat's face API reports MD5s of the ID number and name; this only compares with them.
    md5: (text) => createHash('md5').update(text, 'utf8').digest('hex'),
    randomDigits: (count) => Array.from({ length: count }, () => String(randomInt(10))).join(''),
    randomToken: (length) => Array.from({ length }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join(''),
  };
}
