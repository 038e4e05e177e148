import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { currentFirst } from '../../../../core/booking/currentFirst';
import type { AppointmentView } from '../../../../core/booking/views';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Button, Empty } from '../../../components/nutui';
import { formatInstant, formatWhen, formatWho } from '../../../components/appointmentFormat';
import { pageMessages } from '../../../../core/errors/pageMessages';
import { ApiError } from '../../../services/api';
import { bookingApi, newRequestId, retryWithSameId, type AppointmentPage } from '../../../services/bookingApi';
import { useRemote } from '../../../services/useRemote';
import { VerifyFirstToBook } from '../components/VerifyFirstToBook';
import { StatusTag } from '../../../components/StatusTag';
import { shownStatus } from '../../../../core/booking/statusNames';
import { Reschedule } from './Reschedule';
import { RatingEntry } from '../../../components/RatingSheet';
import type { RatingView } from '../../../../core/rating/Rating';
import { RefNumber } from '../../../components/RefNumber';
import '../components/booking.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

function AppointmentCard({
  a,
  onCancel,
  onMove,
  rating,
  onRated,
}: {
  a: AppointmentView;
  onCancel: () => void;
  onMove: () => void;
  rating?: RatingView;
  onRated: (r: RatingView) => void;
}) {
  const openTicket = () => Taro.navigateTo({ url: `/packages/booking/ticket/index?id=${a.id}` });
  return (
    <View className={`appointment appointment--${a.status}`} data-appointment={a.id} data-status={a.status} data-shown-status={shownStatus(a)}>
      <View className="appointment__head">
        <Text className="appointment__title">{a.businessTitle}</Text>
        <StatusTag appointment={a} />
      </View>
      <Text className="appointment__line appointment__when">{formatWhen(a)}</Text>
      {a.status === 'cancelled' && a.rescheduledTo && (
        <Text className="appointment__line appointment__moved" data-moved-to={a.rescheduledTo.id}>
          已改至 {formatWhen(a.rescheduledTo)}
        </Text>
      )}
      <Text className="appointment__line">{a.hallName}</Text>
      <Text className="appointment__line">办理人 {formatWho(a)}</Text>
      <RefNumber label="预约号" number={a.refNumber} size="inline" />
      {a.status === 'checkedIn' && a.queueNumber !== undefined && (
        <View className="appointment__queue">
          <Text>排队号</Text>
          <Text className="appointment__queue-number" data-queue-number={a.queueNumber}>
            {a.queueNumber}
          </Text>
        </View>
      )}
      {a.status === 'booked' && a.cancellableUntil && <Text className="appointment__deadline">{formatInstant(a.cancellableUntil)} 前可取消或改约</Text>}
      {a.status === 'booked' && (
        <View className="appointment__actions">
          <Button type="primary" className="appointment__primary" onClick={openTicket}>
            出示预约码
          </Button>
          <View className="appointment__secondary">
            <Button className="appointment__button" onClick={onMove}>
              改约
            </Button>
            <Button className="appointment__button appointment__button--danger" onClick={onCancel}>
              取消预约
            </Button>
          </View>
        </View>
      )}
      {a.status === 'checkedIn' && (
        <Text className="appointment__link link" {...tappable()} onClick={openTicket}>
          查看签到凭证 ›
        </Text>
      )}
      {/* Served: 好差评, once. */}
      {a.status === 'checkedIn' && <RatingEntry id={a.id} rating={rating} submit={(r) => bookingApi.rateAppointment(a.id, r)} onRated={onRated} />}
    </View>
  );
}

/** 我的预约: every appointment made by this account, for oneself or family, newest first. */
export default function MyAppointments() {
  const [version, setVersion] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setVersion((n) => n + 1);
  });
  const list = useRemote(() => bookingApi.myAppointments(), `mine:${version}`);
  // The pages loaded after the first by 加载更多, tagged with the first page they follow: a reload
  // (new first page) leaves them behind, and a late answer for an old first page is ignored.
  const [more, setMore] = useState<{ after: AppointmentPage; appointments: AppointmentView[]; next?: string; loading: boolean; error?: string }>();
  const firstPage = list.data;
  const extra = more && more.after === firstPage ? more : undefined;
  const next = extra ? extra.next : firstPage?.next;
  const [moving, setMoving] = useState<AppointmentView>();
  // One request id per cancellation intention, kept while the answer may not have arrived.
  const cancelIds = useRef(new Map<string, string>());

  const cancel = async (a: AppointmentView) => {
    const deadline = a.cancellableUntil ? `\n取消截止：${formatInstant(a.cancellableUntil)}` : '';
    const ok = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${formatWhen(a)} 的“${a.businessTitle}”预约？取消后名额将释放给他人。${deadline}`,
      confirmText: '取消预约',
      confirmColor: '#c2410c',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    const requestId = cancelIds.current.get(a.id) ?? newRequestId();
    cancelIds.current.set(a.id, requestId);
    try {
      await bookingApi.cancel(a.id, requestId);
      cancelIds.current.delete(a.id);
      void Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '取消失败，请重试');
      if (!retryWithSameId(err)) cancelIds.current.delete(a.id);
      void Taro.showModal({ title: '未能取消', content: err.message, showCancel: false, confirmText: '知道了' });
    }
    setVersion((n) => n + 1);
  };

  const loadMore = async () => {
    if (!firstPage || !next || extra?.loading) return;
    const loaded = extra?.appointments ?? [];
    setMore({ after: firstPage, appointments: loaded, next, loading: true });
    try {
      const page = await bookingApi.myAppointments(next);
      setMore((m) => (m?.after === firstPage ? { after: firstPage, appointments: [...loaded, ...page.appointments], next: page.next, loading: false } : m));
    } catch (e) {
      const error = e instanceof ApiError ? e.message : pageMessages.INTERNAL;
      setMore((m) => (m?.after === firstPage ? { ...m, loading: false, error } : m));
    }
  };

  // What still needs doing first (soonest first), then the history as the function ordered it
  // (newest first). Ordered within the pages loaded so far: a booked one on a later page joins the
  // current ones when 加载更多 brings it.
  const appointments = currentFirst([...(firstPage?.appointments ?? []), ...(extra?.appointments ?? [])]);
  const historyFrom = appointments.findIndex((a) => a.status !== 'booked');
  // Which served appointments were rated already (and ratings given on this page since).
  const served = appointments.filter((a) => a.status === 'checkedIn').map((a) => a.id);
  const rated = useRemote(() => (served.length ? bookingApi.myRatings(served.slice(0, 100)) : Promise.resolve({ ratings: [] })), `rated:${served.join(',')}`);
  const [given, setGiven] = useState<Record<string, RatingView>>({});
  const ratingOf = (id: string) => given[id] ?? rated.data?.ratings.find((r) => r.serviceId === id);
  return (
    <PageShell className="my-appointments">
      {moving ? (
        <Reschedule
          appointment={moving}
          onClose={() => setMoving(undefined)}
          onDone={() => {
            setMoving(undefined);
            setVersion((n) => n + 1);
          }}
        />
      ) : list.error?.code === 'NOT_VERIFIED' ? (
        <VerifyFirstToBook />
      ) : (
        <LoadState remote={list}>
          {list.data && appointments.length === 0 && (
            <View className="my-appointments__empty">
              <Empty status="empty" title="还没有预约" description="预约后到大厅，出示预约码即可签到办理" />
            </View>
          )}
          {appointments.map((a, i) => (
            <View key={a.id}>
              {i === historyFrom && historyFrom > 0 && <Text className="my-appointments__group">历史预约</Text>}
              <AppointmentCard a={a} onCancel={() => void cancel(a)} onMove={() => setMoving(a)} rating={ratingOf(a.id)} onRated={(r) => setGiven((g) => ({ ...g, [a.id]: r }))} />
            </View>
          ))}
          {next && (
            <View className="my-appointments__more">
              {extra?.error && (
                <View className="notice notice--error" role="alert">
                  <Text>{extra.error}</Text>
                </View>
              )}
              <Button loading={extra?.loading} disabled={extra?.loading} onClick={() => void loadMore()}>
                加载更多
              </Button>
            </View>
          )}
          <View className="form-actions">
            <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/booking/book/index' })}>
              新的预约
            </Button>
          </View>
        </LoadState>
      )}
    </PageShell>
  );
}
