import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';

/** "29分05秒" (or "1小时02分" beyond an hour). */
export function leftText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}小时${two(m)}分` : `${m}分${two(s)}秒`;
}

/**
 * The time left to accept an offer, counted down each second from the server's `seconds` (not the
 * phone's clock, which may be wrong); `onEnd` once when it runs out.
 */
export function Countdown({ seconds, onEnd }: { seconds: number; onEnd: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const from = Date.now();
    setLeft(seconds);
    const timer = setInterval(() => setLeft(Math.max(0, seconds - Math.floor((Date.now() - from) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  const ended = left === 0 && seconds > 0;
  useEffect(() => {
    if (ended) onEnd();
  }, [ended, onEnd]);
  return (
    <Text className={`wl__countdown ${left < 300 ? 'wl__countdown--soon' : ''}`} data-field="countdown">
      {left > 0 ? `剩余 ${leftText(left)}` : '已过保留时间'}
    </Text>
  );
}
