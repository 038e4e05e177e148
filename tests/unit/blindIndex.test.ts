/**
 * Blind indexes (keyed HMAC) of ID and phone numbers, and building the cipher and the index from
 * the environment's values.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { createBlindIndex, normalizePhoneForIndex } from '../../server/crypto/blindIndex';
import { KeyRingError } from '../../server/crypto/keyRing';
import { keysFromEnvironment } from '../../server/crypto/keysFromEnvironment';
import { validIdNumberArb } from './support/idNumberArbitraries';

const key = randomBytes(32);
const blind = createBlindIndex(key);

describe('createBlindIndex', () => {
  it('is HMAC-SHA256 over purpose NUL value, in base64url', () => {
    const expected = createHmac('sha256', key).update('idNumber\u000011010519491231002X').digest('base64url');
    expect(blind.index('idNumber', '11010519491231002X')).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (value, purpose) => {
        fc.pre(!purpose.includes('\u0000'));
        expect(blind.index(purpose, value)).toBe(createBlindIndex(Buffer.from(key)).index(purpose, value));
      }),
      { numRuns: 200 },
    );
  });

  it('differs by purpose and by key', () => {
    const other = createBlindIndex(randomBytes(32));
    fc.assert(
      fc.property(validIdNumberArb, (id) => {
        expect(blind.index('idNumber', id)).not.toBe(blind.index('other', id));
        expect(blind.index('idNumber', id)).not.toBe(other.index('idNumber', id));
      }),
      { numRuns: 200 },
    );
    expect(blind.index('phone', '13812345678')).not.toBe(blind.index('otp', '13812345678'));
  });

  it('differs for different numbers', () => {
    fc.assert(
      fc.property(validIdNumberArb, validIdNumberArb, (a, b) => {
        fc.pre(a !== b);
        expect(blind.index('idNumber', a)).not.toBe(blind.index('idNumber', b));
      }),
      { numRuns: 200 },
    );
  });

  it('normalizes ID numbers as typed', () => {
    const canonical = blind.index('idNumber', '11010519491231002X');
    for (const typed of [' 11010519491231002x ', '１１０１０５１９４９１２３１００２Ｘ', '110105 19491231 002X']) {
      expect(blind.index('idNumber', typed)).toBe(canonical);
    }
  });

  it('normalizes phone numbers: digits only, without +86', () => {
    const canonical = blind.index('phone', '13812345678');
    for (const typed of ['+86 138-1234-5678', '8613812345678', '0086 13812345678', '138 1234 5678', '(+86)13812345678']) {
      expect(blind.index('phone', typed)).toBe(canonical);
    }
    expect(normalizePhoneForIndex('861234')).toBe('861234'); // not a mobile number: digits kept as they are
  });

  it('indexes other purposes exactly as given', () => {
    expect(blind.index('invitation', 'ABC')).not.toBe(blind.index('invitation', 'abc'));
  });

  it('refuses short keys and ambiguous purposes', () => {
    expect(() => createBlindIndex(randomBytes(16))).toThrow(RangeError);
    expect(() => blind.index('', 'x')).toThrow(TypeError);
    expect(() => blind.index('a\u0000b', 'x')).toThrow(TypeError);
  });
});

describe('keysFromEnvironment', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const indexKey = randomBytes(32);
  const env = {
    HUKOU_DATA_KEYS: `k1:${k1.toString('base64')},k2:${k2.toString('base64')}`,
    HUKOU_DATA_KEY_ID: 'k2',
    HUKOU_INDEX_KEY: indexKey.toString('base64'),
  };

  it('builds a cipher on the current key and a blind index on the index key', () => {
    const { cipher, blindIndex } = keysFromEnvironment(env);
    const sealed = cipher.encrypt('11010519491231002X', 'residents.idNumber');
    expect(cipher.keyIdOf(sealed)).toBe('k2');
    expect(cipher.decrypt(sealed, 'residents.idNumber')).toBe('11010519491231002X');
    expect(blindIndex.index('idNumber', '11010519491231002X')).toBe(createBlindIndex(indexKey).index('idNumber', '11010519491231002X'));
  });

  it('refuses unusable values with errors that name the variable, not the key', () => {
    const cases = [
      { ...env, HUKOU_DATA_KEY_ID: 'k3' },
      { ...env, HUKOU_DATA_KEYS: 'k1:short' },
      { ...env, HUKOU_INDEX_KEY: randomBytes(16).toString('base64') },
      { ...env, HUKOU_INDEX_KEY: 'not base64!' },
      { ...env, HUKOU_INDEX_KEY: k1.toString('base64') },
    ];
    for (const values of cases) {
      let error: unknown;
      try {
        keysFromEnvironment(values);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KeyRingError);
      for (const secret of [k1, k2, indexKey]) expect((error as Error).message).not.toContain(secret.toString('base64'));
    }
  });
});
