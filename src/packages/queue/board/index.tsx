import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { ApiError } from '../../../services/api';
import { useElderMode } from '../../../services/elderMode';
import { tappable } from '../../../components/tappable';
import { queueApi, type Board } from '../queueApi';
import { announce, unlockSound } from './announce';
import './index.scss';

/** The board asks again this often: a call shows within a second or two. */
export const BOARD_POLL_MS = 1000;

/**
 * 叫号屏: the hall's TV (H5, no login). Large numbers called and their windows, the latest calls,
 * polled every second; a new call (or a recall) is announced where the browser allows sound.
 * Numbers and windows only: the function sends nothing else.
 */
export default function QueueBoard() {
  const { params } = useRouter();
  const hallId = params.hall ?? '';
  const [board, setBoard] = useState<Board>();
  const [error, setError] = useState('');
  const [visible, setVisible] = useState(true);
  const [sound, setSound] = useState(false);
  // Not a PageShell (the TV needs no NutUI frame), but the same page classes: large text follows the setting.
  const [elder] = useElderMode();
  // Calls already seen (label and times called): the first answer is not announced.
  const seen = useRef<Set<string> | undefined>(undefined);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!visible || !hallId) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const b = await queueApi.board(hallId);
        if (stopped) return;
        const keys = b.calling.map((c) => `${c.label}#${c.calls}`);
        if (seen.current) b.calling.filter((_c, i) => !seen.current!.has(keys[i])).forEach((c) => announce(c.label, c.window));
        seen.current = new Set([...(seen.current ?? []), ...keys]);
        setBoard(b);
        setError('');
      } catch (e) {
        if (!stopped) setError(e instanceof ApiError && e.code === 'HALL_NOT_FOUND' ? e.message : '网络连接中断，正在重试…');
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), BOARD_POLL_MS);
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [visible, hallId]);

  if (!hallId) return <Text className="board__error">请在地址中指定大厅（?hall=大厅编号）</Text>;
  const calling = board?.calling ?? [];
  const recent = (board?.recent ?? []).filter((c) => c.status !== 'calling').slice(0, 6);
  return (
    <View className={`page ${elder ? 'page--elder' : ''} board`} data-hall={hallId}>
      <View className="board__head">
        <Text className="board__hall">{board?.hallName ?? ''}</Text>
        <Text className="board__title">叫号信息</Text>
      </View>
      {error && (
        <View className="board__error" role="alert">
          <Text>{error}</Text>
        </View>
      )}
      <View className="board__calling" aria-live="assertive">
        {calling.length === 0 && <Text className="board__empty">请留意叫号，按序办理</Text>}
        {calling.map((c) => (
          <View key={c.label} className="board__call" data-label={c.label} data-window={c.window}>
            <Text className="board__label">{c.label}</Text>
            <Text className="board__to">请到</Text>
            <Text className="board__window">{c.window}号窗口</Text>
          </View>
        ))}
      </View>
      {recent.length > 0 && (
        <View className="board__recent">
          <Text className="board__recent-title">最近叫号</Text>
          {recent.map((c) => (
            <Text key={`${c.label}-${c.calledAt}`} className="board__recent-item" data-label={c.label}>
              {c.label} → {c.window}号窗口
            </Text>
          ))}
        </View>
      )}
      {!sound && process.env.TARO_ENV === 'h5' && (
        <Text className="board__sound" {...tappable()} onClick={() => setSound(unlockSound())}>
          开启语音叫号
        </Text>
      )}
    </View>
  );
}
