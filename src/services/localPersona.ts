import Taro from '@tarojs/taro';
import { DEFAULT_PERSONA, PERSONA_KEY } from './personaStorage';

/**
 * H5 only: the local persona the local cloud should treat as the caller. Production (weapp)
 * never sends it; the function context alone says who calls.
 */
export function localPersona(): string | undefined {
  if (process.env.TARO_ENV === 'weapp') return undefined;
  const stored = Taro.getStorageSync(PERSONA_KEY);
  return typeof stored === 'string' && stored ? stored : DEFAULT_PERSONA;
}

export function setLocalPersona(openid: string | undefined): void {
  if (openid) Taro.setStorageSync(PERSONA_KEY, openid);
  else Taro.removeStorageSync(PERSONA_KEY);
}
