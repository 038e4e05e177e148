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
}

const sameRequest = (a: RequestBinding | undefined, b: RequestBinding): boolean => !a || (a.fn === b.fn && a.action === b.action && a.fingerprint === b.fingerprint);

/**
 * Runs a repeatable write once per (caller, request id), as Stripe's idempotency keys do:
 * - a repeat of the same request (same function, action and input) returns the first result,
 *   success or catalogue error, as it was; while the first still runs it is told to wait;
 * - the same id with another action or another input is refused (IDEMPOTENCY_KEY_REUSED) and does
 *   nothing: the id promised one request;
 * - an unexpected failure forgets the request, so the client may retry it.
 */
export async function runOncePerRequest<T>(log: RequestLog, key: string, binding: RequestBinding, work: () => Promise<T>): Promise<T> {
  const begun = await log.beginRequest(key, binding);
  if (begun.state !== 'new' && !sameRequest(begun.binding, binding)) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  if (begun.state === 'pending') throw new DomainError('REQUEST_IN_PROGRESS');
  if (begun.state === 'done') {
    const r = begun.response;
    // The stored result of the first run: the same function, action and input made it, so it is a T.
    if (r.ok) return r.data as T;
    const first = new DomainError(r.error.code);
    first.message = r.error.message;
    throw first;
  }
  try {
    const data = await work();
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
