import { DomainError } from '../../core/errors/DomainError';
import type { PopulationRegistry } from '../../core/identity/ports';
import type { PhoneOnFile } from '../../core/assisted/ports';
import type { RegisteredPerson } from '../../core/identity/Resident';
import type { CardRegistry, CardResident, RegistryPhoto } from '../../core/reissue/ReissueDeps';
import { sendRequest, type HttpAnswer, type HttpRequest } from '../http/httpClient';
import { writeLog } from '../log/logLine';
import { BreakerOpenError, CircuitBreaker } from './CircuitBreaker';
import { answerText, HEADER, newNonce, requestHeaders, signatureMatches, timestampFresh } from './registrySignature';
import { CardAnswer, ContactAnswer, HealthAnswer, LossReportAnswer, PersonAnswer, PersonId, PhotoAnswer, REGISTRY_API, type Person } from './registryWire';

export interface RegistryConnection {
  /** HUKOU_REGISTRY_URL: the gateway's base (https; a path prefix is kept). */
  baseUrl: string;
  keyId: string;
  /** The shared secret's bytes (HUKOU_REGISTRY_SECRET is their base64). */
  secret: Buffer;
}

export interface RegistryTuning {
  /** Per request (each attempt). */
  timeoutMs: number;
  /** Further attempts of a retryable call (reads, and the loss report with its requestId). */
  retries: number;
  /** First back-off; doubled per retry, with jitter. */
  backoffMs: number;
  /** Consecutive failed calls that open the breaker, and how long it stays open before a probe. */
  failureThreshold: number;
  coolDownMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  send: (r: HttpRequest) => Promise<HttpAnswer>;
}

/**
 * Defaults sized for a cloud function (at most 60 s, 20 s here locally): three attempts of 3 s with
 * 0.2 s and 0.4 s back-off stay under 10 s; five failed calls in a row open the breaker for 30 s.
 */
export const DEFAULT_TUNING: RegistryTuning = {
  timeoutMs: 3_000,
  retries: 2,
  backoffMs: 200,
  failureThreshold: 5,
  coolDownMs: 30_000,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  send: sendRequest,
};

export type RegistryReadiness = 'ready' | 'unreachable' | 'misconfigured';

export interface RegistryHealth {
  status: RegistryReadiness;
  /** Round trip of the health request, when an answer came. */
  latencyMs?: number;
  /** Why not ready, in words that carry no secret (never the URL's query, never a key). */
  detail?: string;
}

/** A call that failed for a reason of the registry or the line, not of the person asked about. */
export class RegistryCallError extends Error {
  constructor(
    readonly reason: 'timeout' | 'network' | 'status' | 'refused' | 'answer-signature' | 'answer-shape',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryCallError';
  }
  /** Worth another attempt: the line or the service was down, not our request or our keys. */
  get retryable(): boolean {
    return this.reason === 'timeout' || this.reason === 'network' || this.reason === 'status';
  }
}

interface Answer {
  status: number;
  json: unknown;
}

const CHANNEL = 'wechat-miniprogram';

/**
 * The population registry through the bureau's gateway (docs/REGISTRY.md): signed JSON over HTTPS,
 * answers verified. Implements both ports (identity's PopulationRegistry, reissue's CardRegistry).
 * Reads are retried with back-off; the loss report is retried too, because it carries its
 * idempotency key (one requestId for all attempts, so the gateway records one report). All calls
 * go through one circuit breaker per warm instance. Any failure surfaces as REGISTRY_UNAVAILABLE,
 * never as a mismatch: "not found" is only ever the gateway's own signed 404.
 */
export class HttpRegistry implements PopulationRegistry, CardRegistry, PhoneOnFile {
  private readonly tuning: RegistryTuning;
  private readonly breaker: CircuitBreaker;
  private readonly base: URL;

  constructor(
    private readonly connection: RegistryConnection,
    tuning: Partial<RegistryTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.breaker = new CircuitBreaker({ failureThreshold: this.tuning.failureThreshold, coolDownMs: this.tuning.coolDownMs, now: this.tuning.now });
    this.base = new URL(connection.baseUrl);
  }

  get breakerState() {
    return this.breaker.state;
  }

  async match(idNumber: string, name: string): Promise<RegisteredPerson | null> {
    const a = await this.call('match', 'POST', '/persons/match', { idNumber, name }, true);
    if (a.status === 404) return null;
    return personOf(this.expect(a, 200, PersonAnswer).person);
  }

  async person(personId: string): Promise<RegisteredPerson | null> {
    if (!PersonId.safeParse(personId).success) return null;
    const a = await this.call('person', 'GET', `/persons/${personId}`, undefined, true);
    if (a.status === 404) return null;
    return personOf(this.expect(a, 200, PersonAnswer).person);
  }

  /** Issue 18: the mobile number on file, only for an assisted session's code; null when none (or no such person). */
  async mobileOnFile(personId: string): Promise<string | null> {
    if (!PersonId.safeParse(personId).success) return null;
    const a = await this.call('contact', 'GET', `/persons/${personId}/contact`, undefined, true);
    if (a.status === 404) return null;
    return this.expect(a, 200, ContactAnswer).contact.mobile;
  }

  async resident(personId: string): Promise<CardResident | null> {
    if (!PersonId.safeParse(personId).success) return null;
    // Both asked at once, and both awaited to the end even when one fails: a call left running
    // would outlive the invocation (and its retries and log line land in the next one).
    const settled = await Promise.allSettled([
      this.call('person', 'GET', `/persons/${personId}`, undefined, true),
      this.call('card', 'GET', `/persons/${personId}/card`, undefined, true),
    ]);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [p, c] = settled.map((s) => (s as PromiseFulfilledResult<Answer>).value);
    if (p.status === 404 || c.status === 404) return null;
    const person = personOf(this.expect(p, 200, PersonAnswer).person);
    const { card } = this.expect(c, 200, CardAnswer);
    return {
      ...person,
      fingerprintsOnFile: card.fingerprintsOnFile,
      ...(card.status !== 'none' && card.issuedOn ? { cardIssuedOn: card.issuedOn } : {}),
      ...(card.lostAt ? { cardLostAt: new Date(card.lostAt) } : {}),
      ...(card.photo.takenOn ? { photoTakenOn: card.photo.takenOn } : {}),
      photoReused: card.photo.reused,
      photoOnFile: card.photo.onFile,
    };
  }

  async reportCardLost(personId: string, at: Date): Promise<boolean> {
    if (!PersonId.safeParse(personId).success) throw new DomainError('REGISTRY_MISMATCH');
    // One key for every attempt of this report: the gateway answers a repeat with the first answer.
    const requestId = newNonce();
    const a = await this.call('reportLoss', 'POST', `/persons/${personId}/card/loss-reports`, { requestId, reportedAt: at.toISOString(), channel: CHANNEL }, true);
    if (a.status === 404) throw new DomainError('REGISTRY_MISMATCH');
    if (a.status === 409 && errorCode(a.json) === 'NO_CARD') throw new DomainError('REISSUE_NOT_ELIGIBLE', '没有查询到身份证办理记录');
    const answer = a.status === 201 ? this.expect(a, 201, LossReportAnswer) : this.expect(a, 200, LossReportAnswer);
    return !answer.lossReport.alreadyReported;
  }

  async photo(personId: string): Promise<RegistryPhoto | null> {
    if (!PersonId.safeParse(personId).success) return null;
    const a = await this.call('photo', 'GET', `/persons/${personId}/card/photo`, undefined, true);
    if (a.status === 404) return null;
    const { photo } = this.expect(a, 200, PhotoAnswer);
    return { mimeType: photo.mimeType, base64: photo.base64, ...(photo.takenOn ? { takenOn: photo.takenOn } : {}), ...(photo.sample ? { sample: true } : {}) };
  }

  /**
   * Readiness for the functions' `health`: one signed GET /v1/health, never retried and outside the
   * breaker (ops ask for the truth of the line now). Keys refused or answers not signed with our
   * secret: misconfigured; no answer, 5xx or the gateway not ready: unreachable.
   */
  async health(): Promise<RegistryHealth> {
    const started = this.tuning.now();
    try {
      const a = await this.attempt('GET', '/health', undefined);
      const latencyMs = Math.max(0, Math.round(this.tuning.now() - started));
      const parsed = HealthAnswer.safeParse(a.json);
      if (a.status === 200 && parsed.success && parsed.data.status !== 'down') return { status: 'ready', latencyMs };
      return { status: 'unreachable', latencyMs, detail: `gateway answered ${a.status}${parsed.success ? ` (${parsed.data.status})` : ''}` };
    } catch (e) {
      const latencyMs = Math.max(0, Math.round(this.tuning.now() - started));
      if (e instanceof RegistryCallError) {
        const misconfigured = e.reason === 'refused' || e.reason === 'answer-signature';
        return { status: misconfigured ? 'misconfigured' : 'unreachable', ...(e.reason === 'timeout' || e.reason === 'network' ? {} : { latencyMs }), detail: e.message };
      }
      return { status: 'unreachable', detail: 'unexpected failure' };
    }
  }

  /** One logical call: the breaker around the attempts; any failure becomes REGISTRY_UNAVAILABLE. */
  private async call(op: string, method: 'GET' | 'POST', route: string, body: unknown, retry: boolean): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = this.tuning.now();
    try {
      return await this.breaker.run(
        () => this.attempts(method, route, payload, retry),
        (e) => e instanceof RegistryCallError,
      );
    } catch (e) {
      const why = e instanceof BreakerOpenError ? 'circuit open' : e instanceof RegistryCallError ? e.message : 'unexpected failure';
      writeLog({ fn: 'registry', action: op, outcome: 'failed', durationMs: Math.round(this.tuning.now() - started), errorCode: 'REGISTRY_UNAVAILABLE', error: why });
      throw new DomainError('REGISTRY_UNAVAILABLE');
    }
  }

  private async attempts(method: 'GET' | 'POST', route: string, payload: string | undefined, retry: boolean): Promise<Answer> {
    const tries = retry ? this.tuning.retries + 1 : 1;
    for (let i = 0; ; i++) {
      try {
        return await this.attempt(method, route, payload);
      } catch (e) {
        if (!(e instanceof RegistryCallError) || !e.retryable || i + 1 >= tries) throw e;
        const backoff = this.tuning.backoffMs * 2 ** i;
        await this.tuning.sleep(backoff / 2 + this.tuning.random() * (backoff / 2));
      }
    }
  }

  /** One signed request and the verification of its answer's signature. */
  private async attempt(method: 'GET' | 'POST', route: string, payload: string | undefined): Promise<Answer> {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const pathAndQuery = `${prefix}${REGISTRY_API}${route}`;
    const timestamp = Math.floor(this.tuning.now() / 1000);
    const nonce = newNonce();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...requestHeaders(this.connection.keyId, this.connection.secret, { method, pathAndQuery, timestamp, nonce, body: payload ?? '' }),
      ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    };
    let answer: HttpAnswer;
    try {
      answer = await this.tuning.send({
        method,
        url: `${this.base.origin}${pathAndQuery}`,
        headers,
        timeoutMs: this.tuning.timeoutMs,
        ...(payload === undefined ? {} : { body: payload }),
      });
    } catch (e) {
      const timedOut = e instanceof Error && /did not answer/.test(e.message);
      throw new RegistryCallError(timedOut ? 'timeout' : 'network', timedOut ? `no answer in ${this.tuning.timeoutMs} ms` : 'gateway not reachable');
    }
    const header = (name: string): string | undefined => {
      const v = answer.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    // The answer must be signed with our secret, for this very request (its nonce), and fresh.
    const signed =
      header(HEADER.nonce) === nonce &&
      timestampFresh(header(HEADER.timestamp), timestamp) &&
      signatureMatches(
        this.connection.secret,
        answerText({ status: answer.status, method, pathAndQuery, requestNonce: nonce, timestamp: Number(header(HEADER.timestamp)), body: answer.body }),
        header(HEADER.signature),
      );
    if (!signed) {
      // An unsigned 5xx from a proxy in front of the gateway is an outage, not an attack.
      if (answer.status >= 500 || answer.status === 429) throw new RegistryCallError('status', `gateway answered ${answer.status}`, answer.status);
      throw new RegistryCallError('answer-signature', `answer ${answer.status} not signed with our key`, answer.status);
    }
    if (answer.status >= 500 || answer.status === 429)
      throw new RegistryCallError('status', `gateway answered ${answer.status} ${errorCode(safeJson(answer.body)) ?? ''}`.trim(), answer.status);
    if (answer.status === 401 || answer.status === 403)
      throw new RegistryCallError('refused', `gateway refused the request: ${errorCode(safeJson(answer.body)) ?? answer.status}`, answer.status);
    return { status: answer.status, json: safeJson(answer.body) };
  }

  private expect<T>(a: Answer, status: number, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T {
    const parsed = schema.safeParse(a.json);
    if (a.status !== status || !parsed.success) {
      writeLog({ fn: 'registry', outcome: 'failed', errorCode: 'REGISTRY_UNAVAILABLE', error: `unexpected answer ${a.status}${parsed.success ? '' : ' (shape)'}` });
      throw new DomainError('REGISTRY_UNAVAILABLE');
    }
    return parsed.data;
  }
}

function personOf(p: Person): RegisteredPerson {
  return {
    _id: p.personId,
    householdId: p.householdId,
    relationToHead: p.relationToHead,
    birthDate: p.birthDate,
    sex: p.sex,
    divisionCode: p.divisionCode,
    idNumberMasked: p.idNumberMasked,
  };
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function errorCode(json: unknown): string | undefined {
  const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : undefined;
}
