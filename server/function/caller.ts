import tcb from '@cloudbase/node-sdk';

/** Who called a function, as CloudBase's context tells it. Never taken from the event payload. */
export interface Caller {
  /** WeChat openid of the mini-program user; absent for timer triggers and anonymous calls. */
  openid?: string;
  appid?: string;
  clientIp?: string;
}

export function callerFrom(context: unknown): Caller {
  if (!context || typeof context !== 'object') return {};
  try {
    const env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
    return {
      openid: env.WX_OPENID || undefined,
      appid: env.WX_APPID || undefined,
      clientIp: env.WX_CLIENTIP || env.WX_CLIENTIPV6 || undefined,
    };
  } catch {
    return {};
  }
}
