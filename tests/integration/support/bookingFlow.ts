import type { Harness } from '../../support/localCloudHarness';

let counter = 0;
export const requestId = () => `req${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Shanghai wall clock → instant. */
export const at = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`);

/** Calls of the appointment function as personas. */
export function bookingFlow(h: Harness) {
  const call = async (openid: string | undefined, action: string, data: unknown = {}) => (await h.call('appointment', { action, data }, openid)).body;
  async function ok(openid: string | undefined, action: string, data: unknown = {}) {
    const body = await call(openid, action, data);
    if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body.error)}`);
    return body.data;
  }
  async function error(openid: string | undefined, action: string, data: unknown = {}): Promise<{ code: string; message: string }> {
    const body = await call(openid, action, data);
    if (body.ok) throw new Error(`${action} unexpectedly succeeded: ${JSON.stringify(body.data).slice(0, 200)}`);
    return body.error;
  }
  const reserve = (openid: string, hallId: string, business: string, slotId: string, extra: Record<string, unknown> = {}) =>
    call(openid, 'reserve', { hallId, business, slotId, requestId: requestId(), ...extra });
  const remaining = async (hallId: string, business: string, date: string, slotId: string): Promise<number> =>
    (await ok(undefined, 'availability', { hallId, business, date })).slots.find((s: { slotId: string }) => s.slotId === slotId).remaining;
  const timer = async (name: string) => (await h.call('appointment', { Type: 'Timer', TriggerName: name, Time: new Date().toISOString() })).body;
  return { call, ok, error, reserve, remaining, timer };
}
