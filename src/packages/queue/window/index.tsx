import { useCallback, useEffect, useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { GREEN_REASONS, greenReasons, type GreenReason } from '../../../../core/queue/greenReasons';
import type { TicketView, WindowStateView } from '../../../../core/queue/views';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { OfficerVerifyFirst } from '../../../components/OfficerVerifyFirst';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { guideApi } from '../../../services/guideApi';
import { officerHalls } from '../../../services/officerHalls';
import { useRemote } from '../../../services/useRemote';
import { queueApi } from '../queueApi';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import './index.scss';

/** The window's state is read again this often while shown (another officer may transfer a number here). */
const POLL_MS = 5000;
const WINDOWS = ['1', '2', '3', '4', '5', '6', '7', '8'];
const WINDOW_KEY = 'queue.window';

async function myHalls() {
  const { status, mustVerify, halls } = await officerHalls();
  return { role: status.role, mustVerify, halls };
}

function Chips<T extends string>({ items, chosen, label, onChoose, field }: { items: readonly T[]; chosen?: T; label: (x: T) => string; onChoose: (x: T) => void; field: string }) {
  return (
    <View className="chips" data-field={field}>
      {items.map((x) => (
        <Text key={x} className={`chip ${x === chosen ? 'chip--on' : ''}`} data-value={x} {...tappable('button', { pressed: x === chosen })} onClick={() => onChoose(x)}>
          {label(x)}
        </Text>
      ))}
    </View>
  );
}

/** The number at the window: big, with its line and (green channel) its reason. */
function Current({ state }: { state: WindowStateView }) {
  const t = state.ticket;
  if (state.state === 'idle' || !t) return <Text className="window__idle">空闲，可叫下一号</Text>;
  return (
    <View className="window__current" data-state={state.state} data-label={t.label}>
      <Text className="window__state">{state.state === 'calling' ? '正在叫号' : '正在办理'}</Text>
      <Text className="window__label">{t.label}</Text>
      <Text className="window__line">
        {t.source === 'booked' ? `预约 ${t.appointmentStart ?? ''}` : '现场取号'}
        {t.calls > 1 ? ` · 已呼叫${t.calls}次` : ''}
        {t.skips > 0 ? ` · 过号${t.skips}次` : ''}
      </Text>
      {t.green && <Text className="window__green">绿色通道：{t.green.reasonText}</Text>}
    </View>
  );
}

/**
 * 窗口叫号: an officer at a window of their hall calls the next number, recalls it, starts the
 * service, skips a no-answer, transfers to another window and marks it done with the business
 * handled; gives walk-in numbers and marks the green channel. The rules are the function's.
 */
export default function QueueWindow() {
  const halls = useRemote(myHalls, 'queue-halls');
  const list = useMemo(() => halls.data?.halls ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  const [window, setWindow] = useState<string>(() => (Taro.getStorageSync(WINDOW_KEY) as string) || '1');
  const [state, setState] = useState<WindowStateView>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const [visible, setVisible] = useState(true);
  const [transferTo, setTransferTo] = useState<string>();
  const [business, setBusiness] = useState<string>();
  const [greenReason, setGreenReason] = useState<GreenReason>();
  const [greenNumber, setGreenNumber] = useState('');
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0].id);
  }, [hallId, list]);
  const hall = useRemote(() => (hallId ? guideApi.hall(hallId) : Promise.resolve(undefined)), `queue-hall:${hallId}`);
  const services = hall.data?.services ?? [];

  const refresh = useCallback(async () => {
    if (!hallId) return;
    try {
      setState(await queueApi.windowState(hallId, window));
    } catch {
      // The next poll tries again.
    }
  }, [hallId, window]);
  useEffect(() => {
    if (!visible || !hallId) return undefined;
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [visible, hallId, refresh]);

  const act = async (what: () => Promise<{ ticket: TicketView }>, done: (t: TicketView) => string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { ticket } = await what();
      setMessage({ error: false, text: done(ticket) });
    } catch (e) {
      setMessage({ error: true, text: e instanceof ApiError ? e.message : '操作失败，请重试' });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const chooseWindow = (w: string) => {
    setWindow(w);
    Taro.setStorageSync(WINDOW_KEY, w);
  };

  const t = state?.ticket;
  const finishAs = business ?? t?.business;
  return (
    <PageShell className="window">
      <LoadState remote={halls}>
        {halls.data?.mustVerify && <OfficerVerifyFirst />}
        {halls.data && !halls.data.mustVerify && list.length === 0 && <Text className="notice notice--error">仅限大厅窗口民警使用。</Text>}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        {hallId && (
          <>
            <Section title="本窗口">
              <Chips field="window" items={WINDOWS} chosen={window} label={(w) => `${w}号`} onChoose={chooseWindow} />
              {state && <Current state={state} />}
              {state && <Text className="window__waiting">大厅等候 {state.waiting} 人</Text>}
              {message && (
                <View className={`notice ${message.error ? 'notice--error' : ''}`} role={message.error ? 'alert' : 'status'} data-field="message">
                  <Text>{message.text}</Text>
                </View>
              )}
              <View className="window__actions">
                {state?.state === 'idle' && (
                  <Button
                    type="primary"
                    className="window__call"
                    loading={busy}
                    onClick={() =>
                      void act(
                        () => queueApi.callNext(hallId, window),
                        (x) => `请 ${x.label} 号到${window}号窗口`,
                      )
                    }
                  >
                    叫下一号
                  </Button>
                )}
                {t && state?.state === 'calling' && (
                  <>
                    <Button
                      loading={busy}
                      onClick={() =>
                        void act(
                          () => queueApi.recall(hallId, window, t.ticketId),
                          (x) => `已重呼 ${x.label}`,
                        )
                      }
                    >
                      重呼
                    </Button>
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() =>
                        void act(
                          () => queueApi.serve(hallId, window, t.ticketId),
                          (x) => `${x.label} 开始办理`,
                        )
                      }
                    >
                      已到窗口，开始办理
                    </Button>
                    <Button
                      loading={busy}
                      onClick={() =>
                        void act(
                          () => queueApi.skip(hallId, window, t.ticketId),
                          (x) => (x.status === 'missed' ? `${x.label} 多次未到，已作废` : `${x.label} 已过号，稍后可再叫`),
                        )
                      }
                    >
                      过号
                    </Button>
                  </>
                )}
              </View>
            </Section>

            {t && state?.state !== 'idle' && (
              <Section title="办结或转窗口">
                <Text className="form-field__label">办理的事项</Text>
                <Chips field="business" items={services.map((s) => s.id)} chosen={finishAs} label={(id) => services.find((s) => s.id === id)?.title ?? id} onChoose={setBusiness} />
                <Button
                  type="primary"
                  disabled={!finishAs}
                  loading={busy}
                  onClick={() =>
                    finishAs &&
                    void act(
                      () => queueApi.finish(hallId, window, t.ticketId, finishAs),
                      (x) => `${x.label} 已办结`,
                    ).then(() => setBusiness(undefined))
                  }
                >
                  办结
                </Button>
                <Text className="form-field__label">转到窗口</Text>
                <Chips field="transfer" items={WINDOWS.filter((w) => w !== window)} chosen={transferTo} label={(w) => `${w}号`} onChoose={setTransferTo} />
                <Button
                  disabled={!transferTo}
                  loading={busy}
                  onClick={() =>
                    transferTo &&
                    void act(
                      () => queueApi.transfer(hallId, window, t.ticketId, transferTo),
                      (x) => `${x.label} 已转到${transferTo}号窗口`,
                    )
                  }
                >
                  转窗口
                </Button>
              </Section>
            )}

            <Section title="现场取号与绿色通道">
              <Text className="form-field__label">绿色通道原因（现场取号时可选；标记等候中的号时必选）</Text>
              <Chips field="green" items={greenReasons} chosen={greenReason} label={(r) => GREEN_REASONS[r]} onChoose={(r) => setGreenReason(r === greenReason ? undefined : r)} />
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  void act(
                    () => queueApi.takeWalkIn(hallId, undefined, greenReason),
                    (x) => `现场取号：${x.label}${x.green ? '（绿色通道）' : ''}`,
                  ).then(() => setGreenReason(undefined))
                }
              >
                现场取号
              </Button>
              <View className="form-field">
                <Text className="form-field__label">将等候中的号标记为绿色通道（输入号码数字，如 B012 输入 12）</Text>
                <Input
                  className="window__number"
                  type="number"
                  data-field="green-number"
                  value={greenNumber}
                  maxlength={5}
                  placeholder="如 12"
                  onInput={(e) => setGreenNumber(e.detail.value)}
                />
              </View>
              <Button
                disabled={!greenReason || !/^\d{1,5}$/.test(greenNumber)}
                loading={busy}
                onClick={() =>
                  greenReason &&
                  void act(
                    () => queueApi.markGreenChannel(hallId, Number(greenNumber), greenReason),
                    (x) => `${x.label} 已标记绿色通道：${x.green?.reasonText ?? ''}`,
                  ).then(() => setGreenNumber(''))
                }
              >
                标记绿色通道
              </Button>
            </Section>

            <Text className="window__board link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: `/packages/queue/board/index?hall=${encodeURIComponent(hallId)}` })}>
              打开本大厅叫号屏 ›
            </Text>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
