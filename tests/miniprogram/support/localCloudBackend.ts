import vm from 'node:vm';
import { startHarness, type Harness } from '../../support/localCloudHarness';
import type { CloudBackend } from './wxStandIns';

/**
 * The local cloud (bundled functions + database emulator, seeded) behind `wx.cloud.callFunction`,
 * inside a jsdom test. Two things of jsdom's sandbox get in the way and are put right for the
 * harness's lifetime:
 * - it has no `fetch` (the harness POSTs with it): Node's own is lent from the main context;
 * - it has `XMLHttpRequest`, so the axios copies inside @cloudbase/node-sdk (seeding, and the
 *   bundled function) would pick their browser adapter and send the SDK's traffic through jsdom.
 *   A mini-program's JS runtime has no XMLHttpRequest either, so it is hidden.
 */
export interface LocalCloudForWx {
  harness: Harness;
  /** Forwards a call to `POST /fn/<name>` without a persona (an anonymous visitor). */
  backend: CloudBackend;
  /**
   * The same, acting as a demo persona (devcloud/personas.ts, e.g. 'local-citizen') or any openid
   * the test seeded: the openid WeChat would attach to the call of a signed-in user.
   */
  backendAs(openid: string): CloudBackend;
  close(): Promise<void>;
}

export async function startLocalCloudForWx(): Promise<LocalCloudForWx> {
  const g = globalThis as unknown as Record<string, unknown>;
  const hadFetch = Object.prototype.hasOwnProperty.call(g, 'fetch');
  const previousFetch = g.fetch;
  const xhr = Object.getOwnPropertyDescriptor(g, 'XMLHttpRequest');
  if (typeof g.fetch !== 'function') g.fetch = vm.runInThisContext('fetch') as unknown;
  if (xhr) delete g.XMLHttpRequest;
  const restore = () => {
    if (hadFetch) g.fetch = previousFetch;
    else delete g.fetch;
    if (xhr) Object.defineProperty(g, 'XMLHttpRequest', xhr);
  };

  let harness: Harness;
  try {
    harness = await startHarness();
  } catch (e) {
    restore();
    throw e;
  }

  const backendAs =
    (openid: string | undefined): CloudBackend =>
    async (name, data) => {
      const { status, body } = await harness.call(name, data, openid);
      if (status === 200) return { ok: true, result: body };
      // What WeChat reports when the function is missing or crashed instead of answering.
      if (status === 404) return { ok: false, errMsg: `-501000 FunctionName parameter could not be found (${name})` };
      return { ok: false, errMsg: `-504002 functions execute fail (local gateway answered HTTP ${status})` };
    };

  return {
    harness,
    backend: backendAs(undefined),
    backendAs: (openid) => backendAs(openid),
    async close() {
      try {
        await harness.close();
      } finally {
        restore();
      }
    },
  };
}
