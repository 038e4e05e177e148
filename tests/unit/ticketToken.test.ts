/**
 * Appointment tickets (core/ticket/TicketToken.ts) signed with HMAC-SHA256
 * (server/ticket/hmacTicketSigner.ts): round trips, forgery and tampering, expiry at the exact
 * second, malformed input of any kind, no personal data, and a size that fits a QR code.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  MAX_TICKET_LENGTH,
  TICKET_POLICY,
  base64UrlDecodeAscii,
  base64UrlEncodeAscii,
  issueTicket,
  readTicket,
  ticketExpiry,
  type TicketClaims,
  type TicketSigner,
} from '../../core/ticket/TicketToken';
import { HmacTicketSigner, TicketKeyError } from '../../server/ticket/hmacTicketSigner';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { qrLayout } from '../../src/components/qrLayout';

const key = randomBytes(32);
const signer = new HmacTicketSigner(key);
const otherSigner = new HmacTicketSigner(randomBytes(32));

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const idArb = fc.stringMatching(/^[\x21-\x7e]{1,64}$/);
const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const expiresArb = fc.integer({ min: 1, max: 4_102_444_800 });
const claimsArb: fc.Arbitrary<TicketClaims> = fc.record({ appointmentId: idArb, hallId: idArb, date: dateArb, expiresAt: expiresArb });

const typical: TicketClaims = {
  appointmentId: 'a3f1c2d4e5b6978812ab34cd56ef7890',
  hallId: 'haikou-longhua',
  date: '2026-11-23',
  expiresAt: 1_795_398_060,
};
const beforeExpiry = (c: TicketClaims) => new Date(c.expiresAt * 1000 - 1);

/** A token whose payload is exactly `json`, signed with `s`: to test the shape check after the signature. */
function signedRaw(json: string, s: TicketSigner = signer): string {
  const signed = `T1.${base64UrlEncodeAscii(json)}`;
  return `${signed}.${s.sign(signed)}`;
}

const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('ascii')) as Record<string, unknown>;

describe('round trip', () => {
  it('reads back exactly the claims it issued, until they expire', () => {
    fc.assert(
      fc.property(claimsArb, fc.integer({ min: 1, max: 10 ** 9 }), (claims, msBefore) => {
        const token = issueTicket(claims, signer);
        expect(token).toMatch(/^T1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
        const now = new Date(Math.max(0, claims.expiresAt * 1000 - msBefore));
        expect(readTicket(token, signer, now)).toEqual({ ok: true, claims });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads with a new signer built from the same key text (the function restarts)', () => {
    const text = key.toString('base64');
    const token = issueTicket(typical, new HmacTicketSigner(text));
    expect(readTicket(token, new HmacTicketSigner(text), beforeExpiry(typical))).toEqual({ ok: true, claims: typical });
  });
});

describe('forgery and tampering', () => {
  it('refuses a token signed with another key', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        expect(readTicket(issueTicket(claims, otherSigner), signer, beforeExpiry(claims))).toEqual({ ok: false, reason: 'signature' });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses forged signatures: random, empty-looking, truncated, padded, of other claims', () => {
    const token = issueTicket(typical, signer);
    const [v, p, sig] = token.split('.') as [string, string, string];
    const other = issueTicket({ ...typical, appointmentId: 'someone-else' }, signer).split('.')[2]!;
    const forgeries = [
      `${v}.${p}.${'A'.repeat(43)}`,
      `${v}.${p}.${sig.slice(0, 42)}`,
      `${v}.${p}.${sig.slice(0, 27)}`,
      `${v}.${p}.${sig}A`,
      `${v}.${p}.${other}`,
      `${v}.${p}.${randomBytes(32).toString('base64url')}`,
    ];
    for (const forged of forgeries) expect(readTicket(forged, signer, beforeExpiry(typical))).toEqual({ ok: false, reason: 'signature' });
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), (s) => {
        fc.pre(s !== sig);
        expect(readTicket(`${v}.${p}.${s}`, signer, beforeExpiry(typical))).toEqual({ ok: false, reason: 'signature' });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a claim changed under a kept signature (a different appointment, hall, day or expiry)', () => {
    const sig = issueTicket(typical, signer).split('.')[2]!;
    for (const changed of [
      { ...typical, appointmentId: 'b3f1c2d4e5b6978812ab34cd56ef7890' },
      { ...typical, hallId: 'haikou-meilan' },
      { ...typical, date: '2026-11-24' },
      { ...typical, expiresAt: typical.expiresAt + 3600 },
    ]) {
      const [v, p] = issueTicket(changed, signer).split('.');
      expect(readTicket(`${v}.${p}.${sig}`, signer, beforeExpiry(typical))).toEqual({ ok: false, reason: 'signature' });
    }
  });

  it('refuses any single-character change of a token (property)', () => {
    fc.assert(
      fc.property(claimsArb, fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), (claims, at, ch) => {
        const token = issueTicket(claims, signer);
        const i = at % token.length;
        fc.pre(token[i] !== ch);
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        expect(readTicket(changed, signer, beforeExpiry(claims)).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every change of every character to any other base64url character or dot (exhaustive, one token)', () => {
    const token = issueTicket(typical, signer);
    let tried = 0;
    for (let i = 0; i < token.length; i++) {
      for (const ch of `${B64URL}.`) {
        if (token[i] === ch) continue;
        tried++;
        const result = readTicket(token.slice(0, i) + ch + token.slice(i + 1), signer, beforeExpiry(typical));
        if (result.ok) throw new Error(`changing character ${i} to ${ch} was accepted`);
      }
    }
    expect(tried).toBe(token.length * 64);
  });

  it('refuses deletions, insertions and truncations', () => {
    const token = issueTicket(typical, signer);
    for (let i = 0; i < token.length; i++) {
      expect(readTicket(token.slice(0, i) + token.slice(i + 1), signer, beforeExpiry(typical)).ok).toBe(false);
      expect(readTicket(token.slice(0, i) + 'A' + token.slice(i), signer, beforeExpiry(typical)).ok).toBe(false);
      expect(readTicket(token.slice(0, i), signer, beforeExpiry(typical)).ok).toBe(false);
    }
    expect(readTicket(` ${token}`, signer, beforeExpiry(typical)).ok).toBe(false);
    expect(readTicket(`${token}\n`, signer, beforeExpiry(typical)).ok).toBe(false);
  });

  it('checks the signature before it decodes anything: unsigned JSON is never parsed', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const token = issueTicket(typical, otherSigner);
      expect(readTicket(token, signer, beforeExpiry(typical))).toEqual({ ok: false, reason: 'signature' });
      // A payload that is not even base64 of JSON is still refused for its signature first.
      expect(readTicket('T1.AAAA.AAAA', signer, beforeExpiry(typical))).toEqual({ ok: false, reason: 'signature' });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a correctly signed payload of the wrong shape as malformed', () => {
    const ok = { a: typical.appointmentId, h: typical.hallId, d: typical.date, e: typical.expiresAt };
    expect(readTicket(signedRaw(JSON.stringify(ok)), signer, beforeExpiry(typical)).ok).toBe(true);
    const wrong = [
      'not json',
      '',
      'null',
      '[]',
      '"T1"',
      '42',
      JSON.stringify([ok]),
      JSON.stringify({ ...ok, n: 'Zhang San' }),
      JSON.stringify({ ...ok, id: '11010519491231002X' }),
      JSON.stringify({ a: ok.a, h: ok.h, d: ok.d }),
      JSON.stringify({ ...ok, a: '' }),
      JSON.stringify({ ...ok, a: 'has space' }),
      JSON.stringify({ ...ok, a: 'x'.repeat(65) }),
      JSON.stringify({ ...ok, h: 7 }),
      JSON.stringify({ ...ok, d: '2026-02-30' }),
      JSON.stringify({ ...ok, d: '2026-11-23T00:00' }),
      JSON.stringify({ ...ok, d: '20261123' }),
      JSON.stringify({ ...ok, e: String(ok.e) }),
      JSON.stringify({ ...ok, e: ok.e + 0.5 }),
      JSON.stringify({ ...ok, e: -1 }),
      JSON.stringify({ ...ok, e: 0 }),
      JSON.stringify({ ...ok, e: 1e300 }),
      JSON.stringify({ ...ok, e: null }),
      '{"a":"x","h":"y","d":"2026-11-23","e":1,"__proto__":{"polluted":true}}',
    ];
    for (const json of wrong) {
      const token = signedRaw(json);
      if (json === '') {
        // An empty payload has no base64url characters at all: refused before the signature.
        expect(readTicket(token, signer, beforeExpiry(typical))).toEqual({ ok: false, reason: 'malformed' });
        continue;
      }
      expect({ json, result: readTicket(token, signer, beforeExpiry(typical)) }).toEqual({ json, result: { ok: false, reason: 'malformed' } });
    }
  });
});

describe('expiry', () => {
  it('is valid up to the last millisecond before expiresAt and expired from expiresAt on (no tolerance)', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const token = issueTicket(claims, signer);
        const at = claims.expiresAt * 1000;
        expect(readTicket(token, signer, new Date(at - 1)).ok).toBe(true);
        expect(readTicket(token, signer, new Date(at))).toEqual({ ok: false, reason: 'expired' });
        expect(readTicket(token, signer, new Date(at + 1))).toEqual({ ok: false, reason: 'expired' });
      }),
      { numRuns: 300 },
    );
  });

  it('says "signature", not "expired", for an expired forgery', () => {
    const token = issueTicket(typical, otherSigner);
    expect(readTicket(token, signer, new Date(typical.expiresAt * 1000 + 1))).toEqual({ ok: false, reason: 'signature' });
  });

  it('refreshes every 30 s a ticket that lives 60 s: the ticket on screen is always valid with 30 s to spare', () => {
    expect(TICKET_POLICY).toEqual({ ttlSeconds: 60, refreshSeconds: 30 });
    expect(TICKET_POLICY.refreshSeconds).toBeLessThan(TICKET_POLICY.ttlSeconds);
    const now = new Date('2026-11-23T01:30:00.250Z');
    const claims = { ...typical, expiresAt: ticketExpiry(now) };
    expect(claims.expiresAt).toBe(Date.parse('2026-11-23T01:31:00Z') / 1000);
    const token = issueTicket(claims, signer);
    expect(readTicket(token, signer, new Date(now.getTime() + TICKET_POLICY.refreshSeconds * 1000)).ok).toBe(true);
    expect(readTicket(token, signer, new Date('2026-11-23T01:30:59.999Z')).ok).toBe(true);
    expect(readTicket(token, signer, new Date('2026-11-23T01:31:00.000Z'))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('malformed input', () => {
  const now = beforeExpiry(typical);

  it('never throws and never accepts an arbitrary string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const result = readTicket(s, signer, now);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and never accepts strings shaped like tokens', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/);
    fc.assert(
      fc.property(fc.constantFrom('T1', 'T2', 't1', ''), part, part, (v, p, s) => {
        const result = readTicket(`${v}.${p}.${s}`, signer, now);
        expect(result.ok).toBe(false);
        if (!result.ok && (v !== 'T1' || p === '' || s === '')) expect(result.reason).toBe('malformed');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses non-strings, too many or too few parts, and overlong tokens as malformed', () => {
    const token = issueTicket(typical, signer);
    for (const bad of [undefined, null, 42, {}, [], '', '.', '..', 'T1', 'T1.', 'T1..', `${token}.`, `${token}.x`, `x.${token}`, `T1.${'A'.repeat(MAX_TICKET_LENGTH)}.A`]) {
      expect(readTicket(bad as unknown as string, signer, now)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(readTicket(token.replace('.', '+'), signer, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(readTicket(`${token.slice(0, -1)}/`, signer, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses claims that could not be read back when issuing', () => {
    for (const bad of [
      { ...typical, appointmentId: '' },
      { ...typical, appointmentId: 'x'.repeat(65) },
      { ...typical, hallId: '海口' },
      { ...typical, hallId: 'a b' },
      { ...typical, date: '2026-13-01' },
      { ...typical, date: '1999-12-31' },
      { ...typical, expiresAt: 1.5 },
      { ...typical, expiresAt: 0 },
      { ...typical, expiresAt: Number.NaN },
      { ...typical, expiresAt: '1795398060' as unknown as number },
    ]) {
      expect(() => issueTicket(bad, signer)).toThrow(TypeError);
    }
  });
});

describe('what the token carries', () => {
  it('carries only the appointment id, hall, day and expiry — no personal data, even when more is passed', () => {
    const withPersonalData = { ...typical, name: '张三', idNumber: '11010519491231002X', phone: '13812345678', openid: 'oABC' };
    const token = issueTicket(withPersonalData as TicketClaims, signer);
    expect(payloadOf(token)).toEqual({ a: typical.appointmentId, h: typical.hallId, d: typical.date, e: typical.expiresAt });
    expect(Object.keys(payloadOf(token)).sort()).toEqual(['a', 'd', 'e', 'h']);
    const decoded = Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8');
    for (const secret of ['张三', '11010519491231002X', '13812345678', 'oABC']) expect(decoded).not.toContain(secret);
    expect(token).toBe(issueTicket(typical, signer));
  });

  it('is short enough for a QR code: prints its length and the symbol it makes', () => {
    const token = issueTicket(typical, signer);
    const uuid = issueTicket({ ...typical, appointmentId: '0f8fad5b-d9cb-469f-a165-70867728950e' }, signer);
    const longest = issueTicket({ appointmentId: 'x'.repeat(64), hallId: 'y'.repeat(64), date: '2099-12-31', expiresAt: 4_102_444_800 }, signer);
    const rows = [
      ['typical (32-hex id, "haikou-longhua")', token],
      ['typical, if the MAC were cut to 20 bytes', token.slice(0, -43) + token.slice(-43, -16)],
      ['UUID appointment id', uuid],
      ['longest ids allowed (64 + 64)', longest],
    ].map(([what, t]) => {
      const q = qrLayout(t!);
      return `${what!.padEnd(38)} ${String(t!.length).padStart(3)} chars  QR version ${q.version} (${q.modules}×${q.modules} modules, ${q.total} with quiet zone, ${q.rects.length} rectangles)`;
    });
    console.log(`ticket token sizes (byte mode, error correction M):\n${rows.join('\n')}\n  e.g. ${token}`);
    expect(token.length).toBeLessThanOrEqual(180); // a version 9 symbol at M holds 180 bytes
    expect(qrLayout(token).modules).toBeLessThanOrEqual(53);
    expect(longest.length).toBeLessThanOrEqual(MAX_TICKET_LENGTH);
    expect(readTicket(longest, signer, new Date('2099-12-31T00:00:00Z')).ok).toBe(true);
  });
});

describe('base64url in plain TypeScript', () => {
  it('matches Node for ASCII text, both ways', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }), (text) => {
        const encoded = base64UrlEncodeAscii(text);
        expect(encoded).toBe(Buffer.from(text, 'ascii').toString('base64url'));
        expect(base64UrlDecodeAscii(encoded)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes only canonical, unpadded base64url of ASCII', () => {
    expect(base64UrlDecodeAscii('QQ')).toBe('A');
    expect(base64UrlDecodeAscii('QR')).toBeUndefined(); // stray low bits
    expect(base64UrlDecodeAscii('QUI')).toBe('AB');
    expect(base64UrlDecodeAscii('QUJ')).toBeUndefined();
    expect(base64UrlDecodeAscii('QQ==')).toBeUndefined();
    expect(base64UrlDecodeAscii('Q')).toBeUndefined();
    expect(base64UrlDecodeAscii('QU+D')).toBeUndefined();
    expect(base64UrlDecodeAscii(Buffer.from([0xe4, 0xb8, 0xad]).toString('base64url'))).toBeUndefined(); // not ASCII
    expect(() => base64UrlEncodeAscii('中')).toThrow(TypeError);
  });
});

describe('HmacTicketSigner', () => {
  it('is HMAC-SHA256 of the signed text in base64url, the full 32 bytes', () => {
    const expected = createHmac('sha256', key).update('T1.abc').digest('base64url');
    expect(signer.sign('T1.abc')).toBe(expected);
    expect(expected).toHaveLength(43);
    expect(signer.verify('T1.abc', expected)).toBe(true);
  });

  it('verifies only the canonical text of its own signature', () => {
    const sig = signer.sign('T1.abc');
    expect(signer.verify('T1.abd', sig)).toBe(false);
    expect(signer.verify('T1.abc', sig.slice(0, -1))).toBe(false);
    expect(signer.verify('T1.abc', `${sig}=`)).toBe(false);
    expect(signer.verify('T1.abc', '')).toBe(false);
    expect(signer.verify('T1.abc', 'é'.repeat(22))).toBe(false);
    // The last of 43 characters carries 4 bits and 2 unused ones: its other spellings are refused.
    const last = B64URL.indexOf(sig[42]!);
    for (let unused = 1; unused < 4; unused++) {
      expect(signer.verify('T1.abc', sig.slice(0, 42) + B64URL[last ^ unused])).toBe(false);
    }
    expect(signer.verify(undefined as unknown as string, sig)).toBe(false);
    expect(signer.verify('T1.abc', undefined as unknown as string)).toBe(false);
  });

  it('takes the key as base64 text or bytes, at least 32 bytes; errors never show the key', () => {
    const text = key.toString('base64');
    expect(new HmacTicketSigner(text).sign('x')).toBe(new HmacTicketSigner(Buffer.from(key)).sign('x'));
    expect(() => new HmacTicketSigner(devEnvironment.HUKOU_TICKET_KEY)).not.toThrow();
    const short = randomBytes(31);
    for (const bad of [short, short.toString('base64'), 'not base64!', '', `${text}\n`]) {
      let error: unknown;
      try {
        new HmacTicketSigner(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TicketKeyError);
      expect((error as Error).message).not.toContain(short.toString('base64'));
      expect((error as Error).message).not.toContain(text);
    }
    expect(() => new HmacTicketSigner(42 as unknown as string)).toThrow(TicketKeyError);
  });

  it('keeps its own copy of the key bytes', () => {
    const bytes = randomBytes(32);
    const s = new HmacTicketSigner(bytes);
    const before = s.sign('x');
    bytes.fill(0);
    expect(s.sign('x')).toBe(before);
  });
});
