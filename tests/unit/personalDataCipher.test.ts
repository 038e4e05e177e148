/**
 * AES-256-GCM encryption of personal data: round trips, tampering, field binding, key rotation,
 * and errors that never carry plaintext or key material.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { KeyRingError, parseKeyRing } from '../../server/crypto/keyRing';
import { CipherError, createCipher, type CipherFailure } from '../../server/crypto/personalDataCipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ringText = (entries: Array<[string, Buffer]>) => entries.map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');
const CONTEXT = 'residents.idNumber';
const cipher = createCipher({ keys: new Map([['k1', k1]]), currentKeyId: 'k1' });

/** The CipherError a call throws, or fails the test when it returns. */
function cipherErrorOf(run: () => unknown): CipherError {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    expect(e).toBeInstanceOf(CipherError);
    return e as CipherError;
  }
  throw new Error(`expected a CipherError, got a value of type ${typeof result}`);
}

const plaintextArb = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constant(''), fc.constant('11010519491231002X'));

describe('round trips', () => {
  it('decrypts what it encrypted, for any well-formed Unicode string including the empty one', () => {
    fc.assert(
      fc.property(plaintextArb, fc.string({ minLength: 1 }), (plain, context) => {
        const sealed = cipher.encrypt(plain, context);
        expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
        expect(cipher.decrypt(sealed, context)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('uses a fresh IV each time: the same value encrypts differently', () => {
    const a = cipher.encrypt('11010519491231002X', CONTEXT);
    const b = cipher.encrypt('11010519491231002X', CONTEXT);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('never writes the plaintext into the ciphertext', () => {
    expect(cipher.encrypt('11010519491231002X', CONTEXT)).not.toContain('11010519491231002X');
  });

  it('refuses strings that UTF-8 cannot hold (lone surrogates), and a missing context', () => {
    expect(() => cipher.encrypt('a\uD800b', CONTEXT)).toThrow(TypeError);
    expect(() => cipher.encrypt('\uDC00', CONTEXT)).toThrow(TypeError);
    expect(() => cipher.encrypt('张三', '')).toThrow(TypeError);
    expect(cipher.decrypt(cipher.encrypt('😀𠀾', CONTEXT), CONTEXT)).toBe('😀𠀾');
  });
});

describe('tampering and misuse', () => {
  it('any change of one character is refused with a CipherError, never a wrong plaintext', () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    fc.assert(
      fc.property(plaintextArb, fc.nat(), fc.constantFrom(...ALPHABET.split('')), (plain, at, replacement) => {
        const sealed = cipher.encrypt(plain, CONTEXT);
        const i = at % sealed.length;
        fc.pre(sealed[i] !== replacement);
        const tampered = sealed.slice(0, i) + replacement + sealed.slice(i + 1);
        const error = cipherErrorOf(() => cipher.decrypt(tampered, CONTEXT));
        const inKeyId = i >= 3 && i < 5; // 'v1.k1.…': a changed key id names another (unknown) key
        expect(inKeyId ? ['unknownKey', 'malformed'] : ['authentication', 'malformed']).toContain(error.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses truncated, extended and reordered values as malformed', () => {
    const sealed = cipher.encrypt('13812345678', 'residents.phone');
    const [v, id, iv, body, tag] = sealed.split('.');
    for (const bad of [
      '',
      'v1',
      sealed.slice(0, -1),
      `${sealed}.x`,
      [v, id, tag, body, iv].join('.'),
      ['v2', id, iv, body, tag].join('.'),
      [v, id, iv.slice(0, -2), body, tag].join('.'),
      [v, id, iv, body, tag.slice(0, -2)].join('.'),
    ]) {
      expect(cipherErrorOf(() => cipher.decrypt(bad, 'residents.phone')).reason).toBe('malformed');
    }
    for (const notAString of [undefined, null, 42, {}]) {
      expect(cipherErrorOf(() => cipher.decrypt(notAString as unknown as string, CONTEXT)).reason).toBe('malformed');
    }
  });

  it('binds a value to its field: another context fails authentication', () => {
    const sealed = cipher.encrypt('11010519491231002X', 'residents.idNumber');
    expect(cipherErrorOf(() => cipher.decrypt(sealed, 'accounts.idNumber')).reason).toBe('authentication');
  });

  it('a value under a key id that exists but is not its key fails authentication', () => {
    const both = createCipher({
      keys: new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      currentKeyId: 'k1',
    });
    const forged = both.encrypt('x', CONTEXT).replace(/^v1\.k1\./, 'v1.k2.');
    expect(cipherErrorOf(() => both.decrypt(forged, CONTEXT)).reason).toBe('authentication');
  });

  it('error messages never contain the plaintext, the ciphertext or a key', () => {
    const wrongKey = createCipher({ keys: new Map([['k1', k2]]), currentKeyId: 'k1' });
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (secret) => {
        const plain = `秘${secret}`;
        const sealed = cipher.encrypt(plain, CONTEXT);
        const errors = [
          cipherErrorOf(() => cipher.decrypt(sealed, 'other.field')),
          cipherErrorOf(() => wrongKey.decrypt(sealed, CONTEXT)),
          cipherErrorOf(() => cipher.decrypt(`${sealed}!`, CONTEXT)),
        ];
        for (const e of errors) {
          const shown = `${e.message} ${e.stack ?? ''} ${JSON.stringify(e)}`;
          expect(shown).not.toContain(plain);
          expect(shown).not.toContain(sealed.split('.')[3] || '\u0000');
          expect(shown).not.toContain(k1.toString('base64'));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('key rotation', () => {
  const oldCipher = createCipher({ keys: ringText([['k1', k1]]), currentKeyId: 'k1' });
  const rotated = createCipher({
    keys: ringText([
      ['k1', k1],
      ['k2', k2],
    ]),
    currentKeyId: 'k2',
  });

  it('decrypts data written under the old key, writes new data under the new one, and flags the old', () => {
    const old = oldCipher.encrypt('11010519491231002X', CONTEXT);
    expect(rotated.decrypt(old, CONTEXT)).toBe('11010519491231002X');
    expect(rotated.keyIdOf(old)).toBe('k1');
    expect(rotated.needsReencryption(old)).toBe(true);

    const fresh = rotated.encrypt('11010519491231002X', CONTEXT);
    expect(rotated.keyIdOf(fresh)).toBe('k2');
    expect(rotated.needsReencryption(fresh)).toBe(false);
    expect(rotated.decrypt(fresh, CONTEXT)).toBe('11010519491231002X');
  });

  it('a key id missing from the ring gives unknownKey (e.g. a key retired too early)', () => {
    const retired = createCipher({ keys: ringText([['k2', k2]]), currentKeyId: 'k2' });
    const old = oldCipher.encrypt('13812345678', CONTEXT);
    const reason: CipherFailure = cipherErrorOf(() => retired.decrypt(old, CONTEXT)).reason;
    expect(reason).toBe('unknownKey');
    expect(retired.needsReencryption(old)).toBe(true);
  });

  it('keyIdOf and needsReencryption refuse garbage as malformed', () => {
    expect(cipherErrorOf(() => rotated.keyIdOf('not a ciphertext')).reason).toBe('malformed');
    expect(cipherErrorOf(() => rotated.needsReencryption('v1..a.b.c')).reason).toBe('malformed');
  });
});

describe('key ring', () => {
  it('parses the HUKOU_DATA_KEYS format once, and accepts a map', () => {
    const ring = parseKeyRing(
      ringText([
        ['k1', k1],
        ['2025a', k2],
      ]),
    );
    expect([...ring.keys()]).toEqual(['k1', '2025a']);
    expect(ring.get('2025a')!.equals(k2)).toBe(true);
  });

  it('refuses a current key id that is not in the ring', () => {
    expect(() => createCipher({ keys: ringText([['k1', k1]]), currentKeyId: 'k2' })).toThrow(KeyRingError);
    expect(() => createCipher({ keys: new Map([['k1', k1]]), currentKeyId: '' })).toThrow(KeyRingError);
  });

  it.each([
    ['empty', ''],
    ['no id', `:${k1.toString('base64')}`],
    ['id too long', `abcdefghi:${k1.toString('base64')}`],
    ['id with a dot', `k.1:${k1.toString('base64')}`],
    ['short key', `k1:${randomBytes(16).toString('base64')}`],
    ['long key', `k1:${randomBytes(33).toString('base64')}`],
    ['not base64', 'k1:!!!!'],
    [
      'duplicate id',
      ringText([
        ['k1', k1],
        ['k1', k2],
      ]),
    ],
    ['extra colon', `k1:${k1.toString('base64')}:x`],
  ])('refuses a ring with %s, without quoting key material', (_, text) => {
    let error: unknown;
    try {
      parseKeyRing(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeyRingError);
    expect((error as Error).message).not.toContain(k1.toString('base64'));
    expect((error as Error).message).not.toContain(k2.toString('base64'));
  });

  it('refuses maps with a wrong-sized key or a bad id', () => {
    expect(() => createCipher({ keys: new Map([['k1', randomBytes(31)]]), currentKeyId: 'k1' })).toThrow(KeyRingError);
    expect(() => createCipher({ keys: new Map([['k.1', k1]]), currentKeyId: 'k.1' })).toThrow(KeyRingError);
    expect(() => createCipher({ keys: new Map(), currentKeyId: 'k1' })).toThrow(KeyRingError);
  });
});
