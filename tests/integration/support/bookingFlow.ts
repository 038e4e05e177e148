import type { Harness } from '../../support/localCloudHarness';
import { functionCaller } from './functionCaller';

let counter = 0;
export const requestId = () => `req${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Shanghai wall clock → instant. */
export const at = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`);

/** Calls of the appointment function as personas. */
export function bookingFlow(h: Harness) {
  const { call, ok, error } = functionCaller(h, 'booking');
  const reserve = (openid: string, hallId: string, business: string, slotId: string, extra: Record<string, unknown> = {}) =>
    call(openid, 'reserve', { hallId, business, slotId, requestId: requestId(), ...extra });
  const remaining = async (hallId: string, business: string, date: string, slotId: string): Promise<number> =>
    (await ok(undefined, 'availability', { hallId, business, date })).slots.find((s: { slotId: string }) => s.slotId === slotId).remaining;
  const timer = (name: string) => h.timer('booking', name);
  return { call, ok, error, reserve, remaining, timer };
}
