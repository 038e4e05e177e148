import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

const KEY = 'hukou.elderMode';
const EVENT = 'hukou:elderMode';

export function isElderMode(): boolean {
  return Taro.getStorageSync(KEY) === true;
}

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  Taro.eventCenter.trigger(EVENT, on);
}

/** Large-text mode (长辈模式): remembered on the device, applied on every page at once. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => {
    const listener = (next: boolean) => setOn(next);
    Taro.eventCenter.on(EVENT, listener);
    return () => {
      Taro.eventCenter.off(EVENT, listener);
    };
  }, []);
  return [on, setElderMode];
}
