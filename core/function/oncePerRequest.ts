import { DomainError, isDomainError } from '../errors/DomainError';
import type { FunctionResponse } from './envelope';

/**
 * What a request id was first used for: the function, the action and a fingerprint (a digest of
 * the canonical input, never the input itself). A repeat is the same request only when all three
 * are the same.
 */
export interface RequestBinding {
  fn: string;
  action: string;
  fingerprint: string;
}

/** `binding` is absent only on records written before requests were bound (taken as the same request). */
export type RequestState = { state: 'new' } | { state: 'pending'; binding?: RequestBinding } | { state: 'done'; binding?: RequestBinding; response: FunctionResponse<unknown> };

/** Where the first result of each repeatable write is kept (one record per caller and request id). */
export interface RequestLog {
  /** The first call with a key records its binding and gets 'new'; repeats get the record as it is. */
  beginRequest(key: string, binding: RequestBinding): Promise<RequestState>;
  finishRequest(key: string, response: FunctionResponse<unknown>): Promise<void>;
  abandonRequest(key: string): Promise<void>;
  /**
   * Records the answer of a request that wrote nothing, as a finished record in one write: 'new'
   * when recorded. When the key has a record already, records nothing and returns what
   * `beginRequest` would (a pending record past its lease is taken over and finished with this
   * answer: then 'new' too). Optional: without it the record is begun and finished as usual.
   */
  recordAnswer?(key: string, binding: RequestBinding, response: FunctionResponse<unknown>): Promise<RequestState>;
}

const sameRequest = (a: RequestBinding | undefined, b: RequestBinding): boolean => !a || (a.fn === b.fn && a.action === b.action && a.fingerprint === b.fingerprint);

/** Ends a run with the answer a request's record holds (or refuses it: another request, or one still running). */
class RecordedAnswer {
  constructor(readonly state: Exclude<RequestState, { state: 'new' }>) {}
}

function answerFrom<T>(begun: Exclude<RequestState, { state: 'new' }>, binding: RequestBinding): T {
  if (!sameRequest(begun.binding, binding)) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  if (begun.state === 'pending') throw new DomainError('REQUEST_IN_PROGRESS');
  const r = begun.response;
  // The stored result of the first run: the same function, action and input made it, so it is a T.
  if (r.ok) return r.data as T;
  const first = new DomainError(r.error.code);
  first.message = r.error.message;
  throw first;
}

/**
 * Runs a repeatable write once per (caller, request id), as Stripe's idempotency keys do:
 * - a repeat of the same request (same function, action and input) returns the first result,
 *   success or catalogue error, as it was; while the first still runs it is told to wait;
 * - the same id with another action or another input is refused (IDEMPOTENCY_KEY_REUSED) and does
 *   nothing: the id promised one request;
 * - an unexpected failure forgets the request, so the client may retry it.
 *
 * With `readsFirst` (and a log that can `recordAnswer`), the work runs its reads before the request
 * is recorded and calls `beforeWrites` before its first write; that records the request (or ends
 * the run with the answer recorded before). An answer found by reads alone is recorded in one write,
 * unless a record of the key exists: then that record's answer is the answer, as above. So a repeat
 * still gets the first answer, and nothing is written under a key another request holds.
 */
export async function runOncePerRequest<T>(
  log: RequestLog,
  key: string,
  binding: RequestBinding,
  work: (beforeWrites?: () => Promise<void>) => Promise<T>,
  options: { readsFirst?: boolean } = {},
): Promise<T> {
  if (options.readsFirst && log.recordAnswer) return runReadsFirst(log, key, binding, work, log.recordAnswer.bind(log));
  const begun = await log.beginRequest(key, binding);
  if (begun.state !== 'new') return answerFrom<T>(begun, binding);
  return finishing(log, key, () => work());
}

/** Runs begun work and records how it ended: its answer, or (an unexpected failure) nothing. */
async function finishing<T>(log: RequestLog, key: string, run: () => Promise<T>): Promise<T> {
  try {
    const data = await run();
    await log.finishRequest(key, { ok: true, data });
    return data;
  } catch (e) {
    if (isDomainError(e)) {
      await log.finishRequest(key, { ok: false, error: { code: e.code, message: e.message } });
    } else {
      await log.abandonRequest(key);
    }
    throw e;
  }
}

async function runReadsFirst<T>(
  log: RequestLog,
  key: string,
  binding: RequestBinding,
  work: (beforeWrites: () => Promise<void>) => Promise<T>,
  recordAnswer: NonNullable<RequestLog['recordAnswer']>,
): Promise<T> {
  let begun = false;
  const beforeWrites = async () => {
    if (begun) return;
    const state = await log.beginRequest(key, binding);
    if (state.state !== 'new') throw new RecordedAnswer(state);
    begun = true;
  };
  let outcome: { ok: true; data: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, data: await work(beforeWrites) };
  } catch (e) {
    if (e instanceof RecordedAnswer) return answerFrom<T>(e.state, binding);
    outcome = { ok: false, error: e };
  }
  if (begun) {
    const ended = outcome;
    return finishing(log, key, async () => {
      if (ended.ok) return ended.data;
      throw ended.error;
    });
  }
  // Nothing was written: an unexpected failure leaves nothing to forget; an answer is recorded.
  if (!outcome.ok && !isDomainError(outcome.error)) throw outcome.error;
  const response: FunctionResponse<unknown> = outcome.ok
    ? { ok: true, data: outcome.data }
    : { ok: false, error: { code: (outcome.error as DomainError).code, message: (outcome.error as DomainError).message } };
  const recorded = await recordAnswer(key, binding, response);
  if (recorded.state !== 'new') return answerFrom<T>(recorded, binding);
  if (outcome.ok) return outcome.data;
  throw outcome.error;
}
