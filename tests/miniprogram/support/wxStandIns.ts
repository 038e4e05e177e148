import { randomUUID } from 'node:crypto';
import { createWxPlatform, type PlatformHooks, type WxPlatform } from './wxPlatform';

/**
 * Stand-ins for the `wx` APIs the pages use, shaped like WeChat's documented interface, that
 * record what the page asked for. miniprogram-simulate's own `wx` mocks stay for everything else
 * (getSystemInfoSync, nextTick, …); these are merged over them.
 */

/** Where a `wx.cloud.callFunction` goes: resolves with the function's return value (`result`). */
export type CloudBackend = (name: string, data: unknown) => Promise<CloudAnswer>;
/** `ok: false` means the call itself failed (unknown function, function crashed), as on WeChat. */
export type CloudAnswer = { ok: true; result: unknown } | { ok: false; errMsg: string };

export interface CloudCall {
  name: string;
  /** The environment the call went to: its `config.env`, else the one `wx.cloud.init` set. */
  env?: string;
  data: unknown;
  /** What `callFunction` resolved with (`result`), or why it failed; undefined while in flight. */
  answer?: CloudAnswer;
}

export interface Callbacks<T> {
  success?: (res: T) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: T | { errMsg: string }) => void;
}

/** The WeChat calling convention: callbacks if any are given, otherwise a Promise. */
export function settle<T>(api: string, opts: Callbacks<T> | undefined, run: () => Promise<T>): Promise<T> | undefined {
  const p = run();
  if (opts && (opts.success || opts.fail || opts.complete)) {
    p.then(
      (res) => {
        opts.success?.(res);
        opts.complete?.(res);
      },
      (err: unknown) => {
        const e = { errMsg: (err as { errMsg?: string })?.errMsg ?? `${api}:fail ${String(err)}` };
        opts.fail?.(e);
        opts.complete?.(e);
      },
    );
    return undefined;
  }
  return p;
}

export interface WxStandIns {
  /** Merge into the global `wx` before the app's code runs (Taro copies `wx.cloud` at start-up). */
  api: Record<string, unknown>;
  /** `wx.cloud.init` options, once the app called it. */
  cloudInit(): Record<string, unknown> | undefined;
  cloudCalls: CloudCall[];
  /** Every `wx.cloud.uploadFile`: where to, to which environment, how many bytes. */
  uploads: Array<{ cloudPath: string; env?: string; bytes: number }>;
  /** Every `wx.navigateTo` url, in order. */
  navigations: string[];
  /** Every `wx.showModal` call's options; they are answered with `cancel`. */
  modals: Record<string, unknown>[];
  storage: Map<string, unknown>;
  /** The weapp-only APIs beyond the cloud (scanCode, requestPayment, …): wxPlatform.ts. */
  platform: WxPlatform;
}

export interface WxStandInOptions {
  /**
   * The environment ids this account's CloudBase has. When given, a call to any other environment
   * (or with none set, which `wx.cloud.init` requires) fails as WeChat answers it.
   */
  envIds?: string[];
  /** What the platform APIs do (payment at WeChat Pay, face verification results): wxPlatform.ts. */
  platform?: PlatformHooks;
  /** Where `wx.cloud.uploadFile` puts the bytes: resolves with the file id (cloud://<env>.<bucket>/<cloudPath>). */
  storeFile?: (cloudPath: string, bytes: Buffer) => Promise<string>;
}

/** What WeChat answers a call to an environment the mini-program has no access to. */
export const ENV_INVALID = '-501000 | errMsg: [100003] Param Invalid: env check invalid be filterd';

function envOf(init: Record<string, unknown>, config: { env?: unknown } | undefined): string | undefined {
  if (typeof config?.env === 'string') return config.env;
  const env = init.env;
  if (typeof env === 'string') return env;
  if (env && typeof env === 'object') {
    const perService = env as { functions?: unknown; default?: unknown };
    if (typeof perService.functions === 'string') return perService.functions;
    if (typeof perService.default === 'string') return perService.default;
  }
  return undefined;
}

export function createWxStandIns(backend: CloudBackend, options: WxStandInOptions = {}): WxStandIns {
  let initOptions: Record<string, unknown> | undefined;
  const cloudCalls: CloudCall[] = [];
  const uploads: WxStandIns['uploads'] = [];
  const navigations: string[] = [];
  const modals: Record<string, unknown>[] = [];
  const storage = new Map<string, unknown>();

  const cloud = {
    init(opts: Record<string, unknown> = {}): void {
      // "Only the first call takes effect when multiple calls are made."
      if (!initOptions) initOptions = { ...opts };
    },
    callFunction(opts: { name: string; data?: unknown; config?: { env?: unknown } } & Callbacks<{ result: unknown; requestID: string; errMsg: string }>) {
      return settle('cloud.callFunction', opts, async () => {
        if (!initOptions) {
          // What the real SDK says when a page calls before App.onLaunch ran wx.cloud.init.
          throw { errMsg: 'cloud.callFunction:fail 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。' };
        }
        if (!opts || typeof opts.name !== 'string' || !opts.name) {
          throw { errMsg: 'cloud.callFunction:fail parameter.name should be String instead of Undefined;' };
        }
        // The payload crosses a process boundary on WeChat: the function sees a JSON copy.
        const data = opts.data === undefined ? {} : JSON.parse(JSON.stringify(opts.data));
        const env = envOf(initOptions, opts.config);
        const call: CloudCall = { name: opts.name, env, data };
        cloudCalls.push(call);
        if (options.envIds && (!env || !options.envIds.includes(env))) {
          call.answer = { ok: false, errMsg: ENV_INVALID };
          platform.problems.push(
            `cloud.callFunction went to environment ${JSON.stringify(env)}, not one of ${JSON.stringify(options.envIds)}: is the build bound to it (CLOUDBASE_ENV_ID)?`,
          );
          throw { errMsg: `cloud.callFunction:fail ${ENV_INVALID}` };
        }
        const answer = await backend(opts.name, data);
        call.answer = answer;
        if (!answer.ok) throw { errMsg: `cloud.callFunction:fail ${answer.errMsg}` };
        return { result: answer.result, requestID: randomUUID(), errMsg: 'cloud.callFunction:ok' };
      });
    },
  };

  Object.assign(cloud, {
    /** 云存储 uploadFile: a temporary file of the phone to `cloudPath` in the environment's bucket. */
    uploadFile(opts: { cloudPath?: string; filePath?: string; config?: { env?: unknown } } & Callbacks<{ fileID: string; statusCode: number; errMsg: string }>) {
      return settle('cloud.uploadFile', opts, async () => {
        if (!initOptions) throw { errMsg: 'cloud.uploadFile:fail 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。' };
        if (typeof opts?.cloudPath !== 'string' || !opts.cloudPath) throw { errMsg: 'cloud.uploadFile:fail parameter.cloudPath should be String' };
        const photo = typeof opts.filePath === 'string' ? platform.files.get(opts.filePath) : undefined;
        if (!photo) throw { errMsg: 'cloud.uploadFile:fail file not exist' };
        const env = envOf(initOptions, opts.config);
        if (options.envIds && (!env || !options.envIds.includes(env))) throw { errMsg: `cloud.uploadFile:fail ${ENV_INVALID}` };
        if (!options.storeFile) throw { errMsg: 'cloud.uploadFile:fail the test gave no storage' };
        uploads.push({ cloudPath: opts.cloudPath, env, bytes: photo.bytes.length });
        return { fileID: await options.storeFile(opts.cloudPath, photo.bytes), statusCode: 204, errMsg: 'cloud.uploadFile:ok' };
      });
    },
  });

  const api: Record<string, unknown> = {
    cloud,
    getStorageSync(key: string): unknown {
      // WeChat answers an empty string for a key it never stored.
      return storage.has(key) ? storage.get(key) : '';
    },
    setStorageSync(key: string, value: unknown): void {
      storage.set(key, value);
    },
    removeStorageSync(key: string): void {
      storage.delete(key);
    },
    navigateTo(opts: { url: string } & Callbacks<{ errMsg: string }>) {
      return settle('navigateTo', opts, async () => {
        navigations.push(opts.url);
        return { errMsg: 'navigateTo:ok' };
      });
    },
    showModal(opts: Record<string, unknown> & Callbacks<{ errMsg: string; confirm: boolean; cancel: boolean }>) {
      return settle('showModal', opts, async () => {
        const shown: Record<string, unknown> = { ...opts };
        for (const callback of ['success', 'fail', 'complete']) delete shown[callback];
        modals.push(shown);
        return { errMsg: 'showModal:ok', confirm: false, cancel: true };
      });
    },
  };

  const platform = createWxPlatform(settle, options.platform ?? {});
  Object.assign(api, platform.api);
  // Page moves the pages make (other than navigateTo, kept above for the older tests).
  for (const name of ['redirectTo', 'navigateBack', 'switchTab', 'reLaunch']) {
    api[name] = (opts: Record<string, unknown> & Callbacks<{ errMsg: string }> = {}) =>
      settle(name, opts, async () => {
        platform.moves.push({ api: name, url: typeof opts.url === 'string' ? opts.url : undefined });
        return { errMsg: `${name}:ok` };
      });
  }
  const navigateTo = api.navigateTo as (opts: { url: string } & Callbacks<{ errMsg: string }>) => unknown;
  api.navigateTo = (opts: { url: string } & Callbacks<{ errMsg: string }>) => {
    platform.moves.push({ api: 'navigateTo', url: opts.url });
    return navigateTo(opts);
  };

  return { api, cloudInit: () => initOptions, cloudCalls, uploads, navigations, modals, storage, platform };
}
