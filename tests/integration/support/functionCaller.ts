import type { Harness } from '../../support/localCloudHarness';

/** Calls one function's actions as a persona: the raw envelope, the data of a success, or the error. */
export function functionCaller(h: Harness, fn: string) {
  const call = async (openid: string | undefined, action: string, data: unknown = {}) => (await h.call(fn, { action, data }, openid)).body;
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
