import Taro from '@tarojs/taro';

const KEY = 'hukou.localPersona';

/**
 * H5 only: the local persona the local cloud should treat as the caller. Production (weapp)
 * never sends it; the function context alone says who calls.
 */
/** Until one is chosen, the H5 app is a citizen who has not verified yet. */
export const DEFAULT_PERSONA = 'local-visitor';

export function localPersona(): string | undefined {
  if (process.env.TARO_ENV === 'weapp') return undefined;
  const stored = Taro.getStorageSync(KEY);
  return typeof stored === 'string' && stored ? stored : DEFAULT_PERSONA;
}

export function setLocalPersona(openid: string | undefined): void {
  if (openid) Taro.setStorageSync(KEY, openid);
  else Taro.removeStorageSync(KEY);
}
