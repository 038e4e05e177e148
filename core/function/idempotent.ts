import { DomainError, isDomainError } from '../errors/DomainError';
import type { FunctionResponse } from './envelope';

export type RequestState = { state: 'new' } | { state: 'pending' } | { state: 'done'; response: FunctionResponse<unknown> };

/** Where the first result of each repeatable write is kept (one document per caller and request id). */
export interface RequestLog {
  /** The first call with a key gets 'new'; repeats get the stored response, or 'pending' while it runs. */
  beginRequest(key: string): Promise<RequestState>;
  finishRequest(key: string, response: FunctionResponse<unknown>): Promise<void>;
  abandonRequest(key: string): Promise<void>;
}

/**
 * Runs a repeatable write once per (caller, client request id): a repeat returns the first result,
 * success or catalogue error, as it was; a repeat while the first is still running is told to wait.
 * An unexpected failure forgets the request, so the client may retry it.
 */
export async function idempotent<T>(log: RequestLog, openid: string, requestId: string, work: () => Promise<T>): Promise<T> {
  const key = `${openid}:${requestId}`;
  const begun = await log.beginRequest(key);
  if (begun.state === 'pending') throw new DomainError('REQUEST_IN_PROGRESS');
  if (begun.state === 'done') {
    const r = begun.response;
    if (r.ok) return r.data as T;
    throw new DomainError(r.error.code);
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
