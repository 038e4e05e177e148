import Taro from '@tarojs/taro';

const KEY = 'hukou.localPersona';

/**
 * H5 only: the local persona the local cloud should treat as the caller. Production (weapp)
 * never sends it; the function context alone says who calls.
 */
export function localPersona(): string | undefined {
  if (process.env.TARO_ENV === 'weapp') return undefined;
  const stored = Taro.getStorageSync(KEY);
  return typeof stored === 'string' && stored ? stored : undefined;
}

export function setLocalPersona(openid: string | undefined): void {
  if (openid) Taro.setStorageSync(KEY, openid);
  else Taro.removeStorageSync(KEY);
}
