/**
 * The registry gateway's signatures (docs/REGISTRY.md, "Signing") against fixed vectors. The
 * expected values were computed outside the module (openssl dgst -sha256 -hmac over the documented
 * canonical text), so a change of the canonical form or the encoding breaks these tests.
 */
import { answerText, requestHeaders, requestText, sha256Hex, sign, signatureMatches, timestampFresh } from '../../server/registry/registrySignature';

const SECRET = Buffer.from('registry-test-secret-32-bytes-!!', 'utf8');
const NONCE = '0123456789abcdef0123456789abcdef';
const MATCH_BODY = '{"idNumber":"11010519491231002X","name":"张三"}';

describe('registry signatures (fixed vectors)', () => {
  it('hashes bodies with SHA-256, hex', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(MATCH_BODY)).toBe('01046a153467153ce77abc87acf926408e85154441f98bd74d8e71d7c38b5c28');
  });

  it('signs a POST over method, path, timestamp, nonce and the body hash', () => {
    const r = { method: 'POST', pathAndQuery: '/v1/persons/match', timestamp: 1764633600, nonce: NONCE, body: MATCH_BODY };
    expect(requestText(r)).toBe(
      'HUKOU-REGISTRY-HMAC-SHA256\nPOST\n/v1/persons/match\n1764633600\n0123456789abcdef0123456789abcdef\n01046a153467153ce77abc87acf926408e85154441f98bd74d8e71d7c38b5c28',
    );
    expect(sign(SECRET, requestText(r))).toBe('hv/+pquBc9FPC8SdlIlE51zI5RVsbaB1T4YPDZsNLdA=');
    expect(requestHeaders('bureau-1', SECRET, r)).toEqual({
      'x-registry-key-id': 'bureau-1',
      'x-registry-timestamp': '1764633600',
      'x-registry-nonce': NONCE,
      'x-registry-signature': 'hv/+pquBc9FPC8SdlIlE51zI5RVsbaB1T4YPDZsNLdA=',
    });
  });

  it('signs a GET with the hash of the empty body', () => {
    const r = { method: 'get', pathAndQuery: '/v1/persons/resident-001/card', timestamp: 1764633600, nonce: NONCE, body: '' };
    expect(sign(SECRET, requestText(r))).toBe('O6MJgUkDlBCif+emJo/btpfyVWl3gXm/DD7UydeNm1Q=');
  });

  it('signs an answer over its status, the request it answers and its own timestamp', () => {
    const a = { status: 404, method: 'POST', pathAndQuery: '/v1/persons/match', requestNonce: NONCE, timestamp: 1764633601, body: '{"found":false}' };
    expect(sign(SECRET, answerText(a))).toBe('eJr6GCRj+/ic1LpognZKj1XC5zdzIVGiapGdlOpn2KU=');
    // The same body for another request (another nonce) has another signature: answers cannot be replayed.
    expect(sign(SECRET, answerText({ ...a, requestNonce: 'ffffffffffffffffffffffffffffffff' }))).not.toBe('eJr6GCRj+/ic1LpognZKj1XC5zdzIVGiapGdlOpn2KU=');
  });

  it('compares signatures without throwing on any input', () => {
    const text = requestText({ method: 'GET', pathAndQuery: '/v1/health', timestamp: 1, nonce: NONCE, body: '' });
    const good = sign(SECRET, text);
    expect(signatureMatches(SECRET, text, good)).toBe(true);
    expect(signatureMatches(SECRET, text, good.slice(0, -2) + 'A=')).toBe(false);
    expect(signatureMatches(SECRET, text, '')).toBe(false);
    expect(signatureMatches(SECRET, text, undefined)).toBe(false);
    expect(signatureMatches(SECRET, text, 'x'.repeat(10_000))).toBe(false);
    expect(signatureMatches(Buffer.from('another-secret-another-secret-!!'), text, good)).toBe(false);
  });

  it('accepts timestamps within ±300 s only, digits only', () => {
    expect(timestampFresh('1000', 1300)).toBe(true);
    expect(timestampFresh('1600', 1300)).toBe(true);
    expect(timestampFresh('999', 1300)).toBe(false);
    expect(timestampFresh('1601', 1300)).toBe(false);
    expect(timestampFresh('1e3', 1000)).toBe(false);
    expect(timestampFresh(undefined, 1000)).toBe(false);
  });
});
