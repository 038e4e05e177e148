import { DomainError, isDomainError } from '../errors/DomainError';
import type { BookingStore } from './ports';

/**
 * Runs a repeatable write once per (caller, client request id): a repeat returns the first result,
 * success or catalogue error, as it was; a repeat while the first is still running is told to wait.
 * An unexpected failure forgets the request, so the client may retry it.
 */
export async function idempotent<T>(store: BookingStore, openid: string, requestId: string, work: () => Promise<T>): Promise<T> {
  const key = `${openid}:${requestId}`;
  const begun = await store.beginRequest(key);
  if (begun.state === 'pending') throw new DomainError('REQUEST_IN_PROGRESS');
  if (begun.state === 'done') {
    const r = begun.response;
    if (r.ok) return r.data as T;
    throw new DomainError(r.error.code);
  }
  try {
    const data = await work();
    await store.finishRequest(key, { ok: true, data });
    return data;
  } catch (e) {
    if (isDomainError(e)) {
      await store.finishRequest(key, { ok: false, error: { code: e.code, message: e.message } });
    } else {
      await store.abandonRequest(key);
    }
    throw e;
  }
}
