import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { keepIdleConnectionsLonger } from '../keepAlive';
import type { AddressInfo } from 'node:net';
import { readBody, RequestBodyError } from '../readBody';
import { answerText, HEADER, NONCE, REPLAY_WINDOW_SECONDS, requestText, sign, signatureMatches, timestampFresh } from '../../server/registry/registrySignature';
import { ERROR_STATUS, LossReportRequest, MatchRequest, PersonId, REGISTRY_API, type RegistryErrorCode } from '../../server/registry/registryWire';
import { cardAnswer, personAnswer, photoAnswer, type StandInPerson } from './registryPeople';

/** How the stand-in misbehaves on purpose (tests of outages): `down` answers 503, `silent` never answers. */
export type RegistryFault = 'down' | 'silent' | undefined;

export interface LocalRegistry {
  /** The base URL the functions get as HUKOU_REGISTRY_URL. */
  url: string;
  /** Replaces everyone (the seed: data/residents.json as of a day). */
  reseed(people: readonly StandInPerson[]): void;
  /** Changes one person's record (tests: a photo gone from the file). */
  update(personId: string, changes: Partial<StandInPerson>): void;
  person(personId: string): StandInPerson | undefined;
  /** Requests answered (any outcome), for tests that count round trips. */
  readonly served: number;
  setFault(fault: RegistryFault): void;
  close(): Promise<void>;
}

export interface LocalRegistryOptions {
  /** Key ids and their secrets the stand-in accepts (the functions' HUKOU_REGISTRY_KEY_ID / _SECRET). */
  keys: Record<string, Buffer>;
  host?: string;
  log?: (line: string) => void;
}

const BODY_LIMIT = 16 * 1024;

/**
 * The population registry's gateway as docs/REGISTRY.md describes it, played on this machine by its
 * own HTTP listener (outside the local cloud, as the bureau's gateway is outside CloudBase): every
 * request's signature, timestamp (±300 s) and nonce (once per window) checked, every answer signed,
 * loss reports idempotent by their requestId. Its people are synthetic (data/residents.json).
 */
export async function startLocalRegistry(opts: LocalRegistryOptions): Promise<LocalRegistry> {
  const people = new Map<string, StandInPerson>();
  const byNumber = new Map<string, string>();
  /** Nonce → unix second it was seen; forgotten once outside the window. */
  const nonces = new Map<string, number>();
  const lossReports = new Map<string, { personId: string; status: number; body: unknown }>();
  let fault: RegistryFault;
  let served = 0;
  const log = opts.log ?? (() => {});

  function rememberNonce(nonce: string, nowSeconds: number): boolean {
    for (const [n, at] of nonces) if (nowSeconds - at > 2 * REPLAY_WINDOW_SECONDS) nonces.delete(n);
    if (nonces.has(nonce)) return false;
    nonces.set(nonce, nowSeconds);
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    served++;
    const method = req.method ?? 'GET';
    const pathAndQuery = req.url ?? '/';
    const nonceHeader = header(req, HEADER.nonce);
    const keyId = header(req, HEADER.keyId);
    const secret = keyId !== undefined && Object.prototype.hasOwnProperty.call(opts.keys, keyId) ? opts.keys[keyId] : undefined;

    /** Answers signed with the caller's key when it is known and the nonce is well formed (else unsigned). */
    const answer = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      if (secret && nonceHeader && NONCE.test(nonceHeader)) {
        const timestamp = Math.floor(Date.now() / 1000);
        headers[HEADER.timestamp] = String(timestamp);
        headers[HEADER.nonce] = nonceHeader;
        headers[HEADER.signature] = sign(secret, answerText({ status, method, pathAndQuery, requestNonce: nonceHeader, timestamp, body: text }));
      }
      res.writeHead(status, headers);
      res.end(text);
    };
    const fail = (code: RegistryErrorCode, message: string): void => answer(ERROR_STATUS[code], { error: { code, message } });

    let body: Buffer;
    try {
      body = await readBody(req, BODY_LIMIT);
    } catch (e) {
      if (e instanceof RequestBodyError && e.reason === 'too-large') return fail('INVALID_REQUEST', 'body too large');
      return;
    }
    if (fault === 'silent') return; // Never answers: the client's timeout decides.
    if (!secret) return fail('UNKNOWN_KEY', 'unknown key id');
    const nowSeconds = Math.floor(Date.now() / 1000);
    const timestamp = header(req, HEADER.timestamp);
    if (!timestampFresh(timestamp, nowSeconds)) return fail('STALE_TIMESTAMP', `timestamp outside ±${REPLAY_WINDOW_SECONDS} s`);
    if (!nonceHeader || !NONCE.test(nonceHeader)) return fail('INVALID_REQUEST', 'nonce: 16–64 of A-Z a-z 0-9 _ -');
    const text = requestText({ method, pathAndQuery, timestamp: Number(timestamp), nonce: nonceHeader, body });
    if (!signatureMatches(secret, text, header(req, HEADER.signature))) return fail('BAD_SIGNATURE', 'signature does not match');
    // Only a verified request spends its nonce (a forger cannot burn nonces for us).
    if (!rememberNonce(nonceHeader, nowSeconds)) return fail('NONCE_REUSED', 'nonce seen within the window');
    if (fault === 'down') return fail('UNAVAILABLE', 'registry down (local fault)');
    route(method, pathAndQuery, body, answer, fail);
  }

  function route(
    method: string,
    pathAndQuery: string,
    body: Buffer,
    answer: (status: number, body: unknown) => void,
    fail: (code: RegistryErrorCode, message: string) => void,
  ): void {
    const path = pathAndQuery.split('?')[0];
    if (!path.startsWith(`${REGISTRY_API}/`)) return fail('INVALID_REQUEST', 'unknown path');
    const rest = path.slice(REGISTRY_API.length);
    if (rest === '/health' && method === 'GET') return answer(200, { status: 'ready', version: 'local-stand-in' });
    if (rest === '/persons/match' && method === 'POST') {
      const input = MatchRequest.safeParse(parseJson(body));
      if (!input.success) return fail('INVALID_REQUEST', 'idNumber (18 characters) and name');
      const id = byNumber.get(input.data.idNumber);
      const p = id ? people.get(id) : undefined;
      // An unknown number and another name: one answer.
      if (!p || p.name !== input.data.name) return fail('PERSON_NOT_FOUND', 'no such person');
      return answer(200, { person: personAnswer(p) });
    }
    const m = /^\/persons\/([^/]+)(\/card|\/card\/photo|\/card\/loss-reports|\/contact)?$/.exec(rest);
    if (!m || !PersonId.safeParse(m[1]).success) return fail('INVALID_REQUEST', 'unknown path');
    const p = people.get(m[1]);
    const part = m[2] ?? '';
    if (method === 'GET' && part === '') return p ? answer(200, { person: personAnswer(p) }) : fail('PERSON_NOT_FOUND', 'no such person');
    if (method === 'GET' && part === '/card') return p ? answer(200, { card: cardAnswer(p) }) : fail('PERSON_NOT_FOUND', 'no such person');
    if (method === 'GET' && part === '/contact') return p ? answer(200, { contact: { mobile: p.mobile ?? null } }) : fail('PERSON_NOT_FOUND', 'no such person');
    if (method === 'GET' && part === '/card/photo') {
      if (!p) return fail('PERSON_NOT_FOUND', 'no such person');
      const photo = photoAnswer(p);
      return photo ? answer(200, { photo }) : fail('PHOTO_NOT_FOUND', 'no photo on file');
    }
    if (method === 'POST' && part === '/card/loss-reports') {
      const input = LossReportRequest.safeParse(parseJson(body));
      if (!input.success) return fail('INVALID_REQUEST', 'requestId, reportedAt, channel');
      const earlier = lossReports.get(input.data.requestId);
      if (earlier) {
        if (earlier.personId !== m[1]) return fail('IDEMPOTENCY_KEY_REUSED', 'requestId used for another person');
        return answer(earlier.status, earlier.body);
      }
      if (!p) return fail('PERSON_NOT_FOUND', 'no such person');
      if (!p.cardIssuedOn) return fail('NO_CARD', 'no card was ever issued');
      const already = Boolean(p.cardLostAt);
      if (!already) p.cardLostAt = input.data.reportedAt;
      const result = { status: already ? 200 : 201, body: { lossReport: { requestId: input.data.requestId, lostAt: p.cardLostAt, alreadyReported: already } } };
      lossReports.set(input.data.requestId, { personId: m[1], ...result });
      if (!already) log(`[户籍系统] ${p.personId} 的身份证已挂失`);
      return answer(result.status, result.body);
    }
    return fail('INVALID_REQUEST', 'unknown path or method');
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  keepIdleConnectionsLonger(server);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    reseed(list) {
      people.clear();
      byNumber.clear();
      lossReports.clear();
      for (const p of list) {
        people.set(p.personId, { ...p });
        byNumber.set(p.idNumber, p.personId);
      }
    },
    update(personId, changes) {
      const p = people.get(personId);
      if (!p) throw new Error(`no person ${personId} in the local registry`);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) delete (p as unknown as Record<string, unknown>)[k];
        else (p as unknown as Record<string, unknown>)[k] = v;
      }
    },
    person: (personId) => {
      const p = people.get(personId);
      return p ? { ...p } : undefined;
    },
    get served() {
      return served;
    },
    setFault(next) {
      fault = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
