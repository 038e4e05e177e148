/**
 * The population registry's gateway contract (docs/REGISTRY.md), from both sides:
 * - the adapter (server/registry/HttpRegistry.ts) against the local stand-in
 *   (devcloud/registry/localRegistry.ts), which checks every request as a bureau's gateway must;
 * - raw signed requests against the stand-in: bad signatures, replayed nonces, stale timestamps and
 *   unknown keys are refused;
 * - the adapter against hostile or failing servers: answers not signed with our key, or signed for
 *   another request, are refused; timeouts and 5xx are retried for keyed calls only as documented;
 *   the circuit breaker opens and half-opens.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDomainError } from '../../core/errors/DomainError';
import { startLocalRegistry, type LocalRegistry } from '../../devcloud/registry/localRegistry';
import { standInPerson } from '../../devcloud/registry/registryPeople';
import { loadResidents } from '../../devcloud/seed/loadResidents';
import { HttpRegistry, type RegistryTuning } from '../../server/registry/HttpRegistry';
import { answerText, HEADER, newNonce, requestHeaders, sign } from '../../server/registry/registrySignature';

jest.setTimeout(60_000);

const KEY_ID = 'contract-test';
const SECRET = Buffer.from('contract-test-secret-of-32-bytes', 'utf8');
const OTHER_SECRET = Buffer.from('another-secret-another-secret-!!', 'utf8');
const WANG = { personId: 'resident-001', idNumber: '460106198503141311', name: '王建国' };
const SON = { personId: 'resident-003', idNumber: '460106202407201539', name: '王小明' };

/** No waiting between attempts: the tests count attempts, not seconds. */
const quick: Partial<RegistryTuning> = { sleep: async () => {}, timeoutMs: 5_000 };

const code = (e: unknown) => (isDomainError(e) ? e.code : e);

describe('the adapter against the local stand-in', () => {
  let registry: LocalRegistry;
  let adapter: HttpRegistry;
  beforeAll(async () => {
    registry = await startLocalRegistry({ keys: { [KEY_ID]: SECRET } });
    registry.reseed(loadResidents(undefined, '2026-12-01').map(standInPerson));
    adapter = new HttpRegistry({ baseUrl: registry.url, keyId: KEY_ID, secret: SECRET }, quick);
  });
  afterAll(() => registry.close());

  test('a name and number that belong together find the person; anything else is one null', async () => {
    const found = await adapter.match(WANG.idNumber, WANG.name);
    expect(found).toEqual({
      _id: 'resident-001',
      householdId: 'hk-0001',
      relationToHead: '户主',
      birthDate: '1985-03-14',
      sex: 'male',
      divisionCode: '460106',
      idNumberMasked: '4601**********1311',
    });
    expect(await adapter.match(WANG.idNumber, '王建军')).toBeNull();
    expect(await adapter.match('11010519491231002X', '张三')).toBeNull();
    expect(await adapter.person('resident-003')).toMatchObject({ _id: 'resident-003', householdId: 'hk-0001' });
    expect(await adapter.person('resident-999')).toBeNull();
    expect(await adapter.person('../admin')).toBeNull();
  });

  test('card facts and the photo on file', async () => {
    const wang = await adapter.resident(WANG.personId);
    expect(wang).toMatchObject({ _id: WANG.personId, fingerprintsOnFile: true, cardIssuedOn: '2022-12-01', photoTakenOn: '2022-12-01', photoReused: false });
    expect(wang?.cardLostAt).toBeUndefined();
    const son = await adapter.resident(SON.personId);
    expect(son).toMatchObject({ fingerprintsOnFile: false });
    expect(son?.cardIssuedOn).toBeUndefined();
    expect(await adapter.photo(WANG.personId)).toMatchObject({ mimeType: 'image/svg+xml', takenOn: '2022-12-01', sample: true });
    expect(await adapter.photo(SON.personId)).toBeNull();
  });

  test('the mobile number on file (issue 18): only the number, null when none or no such person', async () => {
    expect(await adapter.mobileOnFile('resident-004')).toBe('13700137004');
    expect(await adapter.mobileOnFile(WANG.personId)).toBeNull();
    expect(await adapter.mobileOnFile('resident-999')).toBeNull();
    expect(await adapter.mobileOnFile('../admin')).toBeNull();
  });

  test('a loss report invalidates the card once; repeating it says so and keeps the first instant', async () => {
    const first = new Date('2026-12-01T02:00:00Z');
    expect(await adapter.reportCardLost('resident-002', first)).toBe(true);
    expect(await adapter.reportCardLost('resident-002', new Date('2026-12-01T03:00:00Z'))).toBe(false);
    expect((await adapter.resident('resident-002'))?.cardLostAt?.toISOString()).toBe(first.toISOString());
    await expect(adapter.reportCardLost(SON.personId, first).catch(code)).resolves.toBe('REISSUE_NOT_ELIGIBLE');
  });

  test('health: ready, with a latency', async () => {
    const health = await adapter.health();
    expect(health.status).toBe('ready');
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  test('an adapter with the wrong secret gets nothing it would trust: REGISTRY_UNAVAILABLE, health misconfigured', async () => {
    const wrong = new HttpRegistry({ baseUrl: registry.url, keyId: KEY_ID, secret: OTHER_SECRET }, quick);
    await expect(wrong.match(WANG.idNumber, WANG.name).catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    expect(await wrong.health()).toMatchObject({ status: 'misconfigured' });
    const unknownKey = new HttpRegistry({ baseUrl: registry.url, keyId: 'nobody', secret: SECRET }, quick);
    expect(await unknownKey.health()).toMatchObject({ status: 'misconfigured' });
  });
});

/** One signed request to the stand-in, built by hand (what a client on the wire sends). */
async function rawRequest(
  base: string,
  r: { method: 'GET' | 'POST'; path: string; body?: string; timestamp?: number; nonce?: string; secret?: Buffer; keyId?: string; signature?: string },
) {
  const timestamp = r.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = r.nonce ?? newNonce();
  const headers = requestHeaders(r.keyId ?? KEY_ID, r.secret ?? SECRET, { method: r.method, pathAndQuery: r.path, timestamp, nonce, body: r.body ?? '' });
  if (r.signature) headers[HEADER.signature] = r.signature;
  const res = await fetch(`${base}${r.path}`, { method: r.method, headers: { ...headers, 'content-type': 'application/json' }, ...(r.body ? { body: r.body } : {}) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as { error?: { code: string } }, text, headers: res.headers, nonce, timestamp };
}

describe('the stand-in refuses what a gateway must refuse', () => {
  let registry: LocalRegistry;
  beforeAll(async () => {
    registry = await startLocalRegistry({ keys: { [KEY_ID]: SECRET } });
    registry.reseed(loadResidents(undefined, '2026-12-01').map(standInPerson));
  });
  afterAll(() => registry.close());
  const person = { method: 'GET' as const, path: '/v1/persons/resident-001' };

  test('a good request is answered, and the answer is signed for it', async () => {
    const a = await rawRequest(registry.url, person);
    expect(a.status).toBe(200);
    const timestamp = Number(a.headers.get(HEADER.timestamp));
    expect(a.headers.get(HEADER.nonce)).toBe(a.nonce);
    expect(a.headers.get(HEADER.signature)).toBe(
      sign(SECRET, answerText({ status: 200, method: 'GET', pathAndQuery: person.path, requestNonce: a.nonce, timestamp, body: a.text })),
    );
  });

  test('a bad signature: 401 BAD_SIGNATURE', async () => {
    expect((await rawRequest(registry.url, { ...person, secret: OTHER_SECRET })).body.error?.code).toBe('BAD_SIGNATURE');
    // A request signed for one path sent to another (the path is signed).
    const headers = requestHeaders(KEY_ID, SECRET, { method: 'GET', pathAndQuery: person.path, timestamp: Math.floor(Date.now() / 1000), nonce: newNonce(), body: '' });
    const moved = await fetch(`${registry.url}/v1/persons/resident-002`, { headers });
    expect([moved.status, ((await moved.json()) as { error: { code: string } }).error.code]).toEqual([401, 'BAD_SIGNATURE']);
  });

  test('a body changed after signing: 401 BAD_SIGNATURE', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = newNonce();
    const signed = JSON.stringify({ idNumber: WANG.idNumber, name: WANG.name });
    const headers = requestHeaders(KEY_ID, SECRET, { method: 'POST', pathAndQuery: '/v1/persons/match', timestamp, nonce, body: signed });
    const res = await fetch(`${registry.url}/v1/persons/match`, { method: 'POST', headers, body: JSON.stringify({ idNumber: SON.idNumber, name: SON.name }) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_SIGNATURE');
  });

  test('a replayed request (same nonce within the window): 401 NONCE_REUSED', async () => {
    const nonce = newNonce();
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await rawRequest(registry.url, { ...person, nonce, timestamp })).status).toBe(200);
    const again = await rawRequest(registry.url, { ...person, nonce, timestamp });
    expect([again.status, again.body.error?.code]).toEqual([401, 'NONCE_REUSED']);
  });

  test('a timestamp outside ±300 s: 401 STALE_TIMESTAMP, either way', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301, now + 301]) {
      const a = await rawRequest(registry.url, { ...person, timestamp });
      expect([a.status, a.body.error?.code]).toEqual([401, 'STALE_TIMESTAMP']);
    }
    expect((await rawRequest(registry.url, { ...person, timestamp: now - 290 })).status).toBe(200);
  });

  test('an unknown key id: 401 UNKNOWN_KEY, unsigned (there is no key to sign with)', async () => {
    const a = await rawRequest(registry.url, { ...person, keyId: 'stranger' });
    expect([a.status, a.body.error?.code]).toEqual([401, 'UNKNOWN_KEY']);
    expect(a.headers.get(HEADER.signature)).toBeNull();
  });

  test('a loss report repeated with its requestId gets the first answer; another person under that requestId is refused', async () => {
    const requestId = newNonce();
    const body = JSON.stringify({ requestId, reportedAt: '2026-12-01T02:00:00Z', channel: 'wechat-miniprogram' });
    const first = await rawRequest(registry.url, { method: 'POST', path: '/v1/persons/resident-004/card/loss-reports', body });
    const retry = await rawRequest(registry.url, { method: 'POST', path: '/v1/persons/resident-004/card/loss-reports', body });
    expect(first.status).toBe(201);
    expect([retry.status, retry.text]).toEqual([201, first.text]);
    const other = await rawRequest(registry.url, { method: 'POST', path: '/v1/persons/resident-005/card/loss-reports', body });
    expect([other.status, other.body.error?.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile and failing servers

interface Seen {
  method: string;
  path: string;
  body: string;
  nonce: string;
}
type Reply = (seen: Seen, res: ServerResponse, n: number) => void;

async function hostile(reply: Reply) {
  const seen: Seen[] = [];
  const server = http.createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method ?? '', path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), nonce: String(req.headers[HEADER.nonce] ?? '') };
      seen.push(s);
      reply(s, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers as a genuine gateway would sign it (or with another secret / for another nonce). */
function signedReply(res: ServerResponse, seen: Seen, status: number, body: unknown, o: { secret?: Buffer; nonce?: string; timestamp?: number } = {}) {
  const text = JSON.stringify(body);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = o.nonce ?? seen.nonce;
  const signature = sign(o.secret ?? SECRET, answerText({ status, method: seen.method, pathAndQuery: seen.path, requestNonce: nonce, timestamp, body: text }));
  res.writeHead(status, { 'content-type': 'application/json', [HEADER.timestamp]: String(timestamp), [HEADER.nonce]: nonce, [HEADER.signature]: signature });
  res.end(text);
}

const PERSON = {
  personId: 'resident-001',
  householdId: 'hk-0001',
  relationToHead: '户主',
  birthDate: '1985-03-14',
  sex: 'male',
  divisionCode: '460106',
  idNumberMasked: '4601**********1311',
};

describe('the adapter against hostile and failing servers', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  async function serve(reply: Reply) {
    const s = await hostile(reply);
    servers.push(s);
    return s;
  }
  const adapterFor = (base: string, tuning: Partial<RegistryTuning> = {}) => new HttpRegistry({ baseUrl: base, keyId: KEY_ID, secret: SECRET }, { ...quick, ...tuning });

  test('an answer without a signature is not believed (no person, no "not found")', async () => {
    const s = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ person: PERSON }));
    });
    await expect(adapterFor(s.base).match(WANG.idNumber, WANG.name).catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    // Not retried: a forged answer is not an outage.
    expect(s.seen).toHaveLength(1);
  });

  test('a 404 signed with another secret is not taken for "no such person"', async () => {
    const s = await serve((seen, res) => signedReply(res, seen, 404, { error: { code: 'PERSON_NOT_FOUND' } }, { secret: OTHER_SECRET }));
    await expect(adapterFor(s.base).match(WANG.idNumber, WANG.name).catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    expect(await adapterFor(s.base).health()).toMatchObject({ status: 'misconfigured' });
  });

  test('an answer signed for another request (a replayed answer) is refused', async () => {
    const s = await serve((seen, res) => signedReply(res, seen, 200, { person: PERSON }, { nonce: 'ffffffffffffffffffffffffffffffff' }));
    await expect(adapterFor(s.base).match(WANG.idNumber, WANG.name).catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
  });

  test('an answer with a stale timestamp is refused', async () => {
    const s = await serve((seen, res) => signedReply(res, seen, 200, { person: PERSON }, { timestamp: Math.floor(Date.now() / 1000) - 600 }));
    await expect(adapterFor(s.base).match(WANG.idNumber, WANG.name).catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
  });

  test('requests carry the documented signature over the path with its prefix', async () => {
    const s = await serve((seen, res) => signedReply(res, seen, 200, { person: PERSON }));
    const prefixed = adapterFor(`${s.base}/gateway/hukou/`);
    expect(await prefixed.person('resident-001')).toMatchObject({ _id: 'resident-001' });
    expect(s.seen[0].path).toBe('/gateway/hukou/v1/persons/resident-001');
  });

  test('a read that times out is sent again (new nonce) and its answer used', async () => {
    const s = await serve((seen, res, n) => {
      if (n === 1) return; // never answers the first attempt
      signedReply(res, seen, 200, { person: PERSON });
    });
    const delays: number[] = [];
    const adapter = adapterFor(s.base, { timeoutMs: 1_000, backoffMs: 100, random: () => 1, sleep: async (ms) => void delays.push(ms) });
    expect(await adapter.match(WANG.idNumber, WANG.name)).toMatchObject({ _id: 'resident-001' });
    expect(s.seen).toHaveLength(2);
    expect(s.seen[0].nonce).not.toBe(s.seen[1].nonce);
    expect(delays).toEqual([100]);
  });

  test('reads give up after three attempts with growing back-off: REGISTRY_UNAVAILABLE, never REGISTRY_MISMATCH', async () => {
    const s = await serve((seen, res) => signedReply(res, seen, 503, { error: { code: 'UNAVAILABLE' } }));
    const delays: number[] = [];
    const adapter = adapterFor(s.base, { backoffMs: 100, random: () => 1, sleep: async (ms) => void delays.push(ms) });
    await expect(adapter.match(WANG.idNumber, WANG.name).catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    expect(s.seen).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  test('the loss report is retried only with its idempotency key: every attempt carries the same requestId', async () => {
    const s = await serve((seen, res, n) => {
      if (n === 1) return signedReply(res, seen, 503, { error: { code: 'UNAVAILABLE' } });
      const { requestId } = JSON.parse(seen.body) as { requestId: string };
      signedReply(res, seen, 201, { lossReport: { requestId, lostAt: '2026-12-01T02:00:00.000Z', alreadyReported: false } });
    });
    expect(await adapterFor(s.base).reportCardLost('resident-001', new Date('2026-12-01T02:00:00Z'))).toBe(true);
    expect(s.seen).toHaveLength(2);
    const ids = s.seen.map((x) => (JSON.parse(x.body) as { requestId: string }).requestId);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  test('refusals of our request (401, 404) are not retried', async () => {
    const refused = await serve((seen, res) => signedReply(res, seen, 401, { error: { code: 'BAD_SIGNATURE' } }));
    await expect(adapterFor(refused.base).person('resident-001').catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    expect(refused.seen).toHaveLength(1);
    const missing = await serve((seen, res) => signedReply(res, seen, 404, { error: { code: 'PERSON_NOT_FOUND' } }));
    expect(await adapterFor(missing.base).person('resident-001')).toBeNull();
    expect(missing.seen).toHaveLength(1);
  });

  test('the breaker opens after consecutive failed calls, fails fast while open, half-opens after the cool-down', async () => {
    let healthy = false;
    const s = await serve((seen, res) => (healthy ? signedReply(res, seen, 200, { person: PERSON }) : signedReply(res, seen, 503, { error: { code: 'UNAVAILABLE' } })));
    let shift = 0;
    const adapter = adapterFor(s.base, { failureThreshold: 3, coolDownMs: 60_000, retries: 0, now: () => Date.now() + shift });
    for (let i = 0; i < 3; i++) await expect(adapter.person('resident-001').catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    expect(adapter.breakerState).toBe('open');
    expect(s.seen).toHaveLength(3);
    healthy = true;
    // Open: fails at once, nothing sent.
    await expect(adapter.person('resident-001').catch(code)).resolves.toBe('REGISTRY_UNAVAILABLE');
    expect(s.seen).toHaveLength(3);
    // After the cool-down one probe goes out; it succeeds and closes the breaker.
    shift = 60_000;
    expect(adapter.breakerState).toBe('half-open');
    expect(await adapter.person('resident-001')).toMatchObject({ _id: 'resident-001' });
    expect(s.seen).toHaveLength(4);
    expect(adapter.breakerState).toBe('closed');
  });

  test('"not found" answers do not open the breaker', async () => {
    const s = await serve((seen, res) => signedReply(res, seen, 404, { error: { code: 'PERSON_NOT_FOUND' } }));
    const adapter = adapterFor(s.base, { failureThreshold: 2 });
    for (let i = 0; i < 4; i++) expect(await adapter.match(WANG.idNumber, WANG.name)).toBeNull();
    expect(adapter.breakerState).toBe('closed');
  });

  test('health: unreachable when nobody answers, without retries, and says nothing secret', async () => {
    const s = await serve(() => {});
    const health = await adapterFor(s.base, { timeoutMs: 1_000 }).health();
    expect(health.status).toBe('unreachable');
    expect(s.seen).toHaveLength(1);
    expect(JSON.stringify(health)).not.toContain('127.0.0.1');
    expect(JSON.stringify(health)).not.toContain(SECRET.toString('base64'));
  });
});
