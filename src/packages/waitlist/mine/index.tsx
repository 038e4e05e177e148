import { useCallback, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { useRemote } from '../../../services/useRemote';
import { Countdown } from '../Countdown';
import { WaitItem } from '../WaitItem';
import { waitlistApi, type WaitEntryView } from '../waitlistApi';
import '../../../components/Form.scss';
import '../waitlist.scss';

const asShown = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试'));

/** An element id for an entry's error (entry ids hold `:`, which a selector would misread). */
const errorId = (e: WaitEntryView) => `wl-error-${e.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** An offer's steps: accept (books it, then the ticket) or give it up; the time left to decide. */
function OfferSteps({ e, onDone, onExpired }: { e: WaitEntryView; onDone: (note: string) => void; onExpired: () => void }) {
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  // One request id per offer shown: a double tap or a retry after no answer books once.
  const requestId = useRef(newRequestId());
  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const appointment = await waitlistApi.accept(e, requestId.current);
      void Taro.redirectTo({ url: `/packages/booking/ticket/index?id=${appointment.id}` });
    } catch (err) {
      const shown = asShown(err);
      // A final answer: a later tap is a new attempt.
      if (!retryWithSameId(shown)) requestId.current = newRequestId();
      setError({ code: shown.code, message: shown.message });
    } finally {
      setBusy(false);
    }
  };
  const decline = async () => {
    const ok = await Taro.showModal({
      title: '放弃候补名额',
      content: '放弃后该名额将给下一位候补群众，您也将退出本次候补。确定放弃吗？',
      confirmText: '放弃',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    setError(undefined);
    try {
      await waitlistApi.leave(e);
      onDone('已放弃该名额，名额已给下一位候补群众');
    } catch (err) {
      const shown = asShown(err);
      setError({ code: shown.code, message: shown.message });
    }
  };
  const [ended, setEnded] = useState(false);
  const end = useCallback(() => {
    setEnded(true);
    onExpired();
  }, [onExpired]);
  if (!e.offer || e.offer.secondsLeft === 0 || ended) {
    return <Text className="wl__expired">已过保留时间，名额将顺延给下一位候补群众。</Text>;
  }
  return (
    <>
      <Countdown seconds={e.offer.secondsLeft} onEnd={end} />
      <ActionError error={error} id={errorId(e)}>
        {(error?.code === 'OFFER_EXPIRED' || error?.code === 'ALREADY_BOOKED') && (
          <Text className="wl__link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/booking/mine/index' })}>
            查看我的预约 ›
          </Text>
        )}
      </ActionError>
      <View className="wl__buttons">
        <Button type="primary" size="small" loading={busy} onClick={() => void accept()}>
          接受并预约
        </Button>
        <Text className="wl__link" data-action="decline" {...tappable()} onClick={() => void decline()}>
          放弃
        </Text>
      </View>
    </>
  );
}

/** Leaving a line still waiting. */
function LeaveStep({ e, onDone }: { e: WaitEntryView; onDone: (note: string) => void }) {
  const [error, setError] = useState<ShownError>();
  const leave = async () => {
    const ok = await Taro.showModal({ title: '退出候补', content: '退出后如再加入将排到队尾。确定退出吗？', confirmText: '退出', cancelText: '再想想' });
    if (!ok.confirm) return;
    try {
      await waitlistApi.leave(e);
      onDone('已退出候补');
    } catch (err) {
      const shown = asShown(err);
      setError({ code: shown.code, message: shown.message });
    }
  };
  return (
    <>
      <ActionError error={error} id={errorId(e)} />
      <View className="wl__buttons">
        <Text className="wl__link" data-action="leave" {...tappable()} onClick={() => void leave()}>
          退出候补
        </Text>
      </View>
    </>
  );
}

/** After an entry closed: the booking it made, or where to go instead. */
function AfterSteps({ e }: { e: WaitEntryView }) {
  if (e.state === 'booked' && e.appointmentId) {
    return (
      <Text className="wl__link" data-action="ticket" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: `/packages/booking/ticket/index?id=${e.appointmentId}` })}>
        查看预约凭证 ›
      </Text>
    );
  }
  return (
    <Text
      className="wl__link"
      data-action="book"
      {...tappable('link')}
      onClick={() => void Taro.navigateTo({ url: `/packages/booking/book/index?business=${encodeURIComponent(e.business)}&hall=${encodeURIComponent(e.hallId)}` })}
    >
      预约其他日期 ›
    </Text>
  );
}

/** 我的候补: the waiting lists the citizen joined (for themselves or family), where each stands and what to do next. */
export default function MyWaitlist() {
  const { params } = useRouter();
  const [note, setNote] = useState('');
  const [key, setKey] = useState(0);
  const mine = useRemote(() => waitlistApi.mine(), `mine:${key}`);
  const reload = useCallback(() => setKey((k) => k + 1), []);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  const done = (text: string) => {
    setNote(text);
    reload();
  };
  const list = mine.data?.entries ?? [];
  // The entry the page was opened at (after joining, or from the notice): its id comes URL-encoded.
  const wanted = params.id ? decodeURIComponent(params.id) : undefined;
  const joined = params.joined ? list.find((e) => e.id === wanted) : undefined;
  const shownNote = note || (joined?.state === 'waiting' ? `已加入候补${joined.ahead ? `，您前面还有 ${joined.ahead} 人` : '，您排在第1位'}。有名额时会通知您。` : '');
  return (
    <PageShell className="wl-mine">
      {shownNote && (
        <Text className="notice" data-field="note">
          {shownNote}
        </Text>
      )}
      <LoadState remote={mine}>
        <Section title="我的候补">
          {mine.data && list.length === 0 && <Text className="wl__empty">还没有候补。预约时所选日期已约满的，可在预约页“加入候补”，有人取消时按顺序为您保留名额。</Text>}
          {list.map((e) => (
            <WaitItem key={e.id} e={e} highlight={e.id === wanted}>
              {e.state === 'offered' && <OfferSteps e={e} onDone={done} onExpired={reload} />}
              {e.state === 'waiting' && <LeaveStep e={e} onDone={done} />}
              {(e.state === 'booked' || e.state === 'lapsed' || e.state === 'left') && <AfterSteps e={e} />}
            </WaitItem>
          ))}
        </Section>
      </LoadState>
    </PageShell>
  );
}
