import type { Harness } from '../../support/localCloudHarness';

/**
 * The envelope of a call. A `requestId` written with the data (as tests of repeatable writes do) is
 * sent where the API takes it: as the envelope's request id, not inside `data`.
 */
export function envelopeOf(action: string, data: unknown): { action: string; data: unknown; requestId?: string } {
  if (data && typeof data === 'object' && !Array.isArray(data) && 'requestId' in data) {
    const { requestId, ...rest } = data as { requestId?: unknown };
    return typeof requestId === 'string' ? { action, data: rest, requestId } : { action, data: rest };
  }
  return { action, data };
}

/** Calls one function's actions as a persona: the raw envelope, the data of a success, or the error. */
export function functionCaller(h: Harness, fn: string) {
  const call = async (openid: string | undefined, action: string, data: unknown = {}) => (await h.call(fn, envelopeOf(action, data), openid)).body;
  async function ok(openid: string | undefined, action: string, data: unknown = {}) {
    const body = await call(openid, action, data);
    if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body.error)}`);
    return body.data;
  }
  async function error(openid: string | undefined, action: string, data: unknown = {}): Promise<{ code: string; message: string }> {
    const body = await call(openid, action, data);
    if (body.ok) throw new Error(`${fn}.${action} unexpectedly succeeded: ${JSON.stringify(body.data).slice(0, 200)}`);
    return body.error;
  }
  return { call, ok, error };
}
