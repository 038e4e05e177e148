import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { formatReferenceNumber } from '../../../../core/reference/referenceNumber';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { StatusTag } from '../../../components/StatusTag';
import { TicketQr } from '../../../components/TicketQr';
import { formatInstant, formatWhen, formatWho } from '../../../components/appointmentFormat';
import { ApiError, call } from '../../../services/api';
import { bookingApi, findMyAppointment, type FoundAppointment, type TicketView } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { useRemote } from '../../../services/useRemote';
import { Materials } from '../components/Materials';
import { SummaryRow } from '../../../components/SummaryRow';
import { Button } from '../../../components/nutui';
import { RefNumber } from '../../../components/RefNumber';
import '../components/booking.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

/** While the ticket is shown, the appointment is read again this often, to see the check-in. */
const POLL_MS = 5000;
/** After a failed token refresh, try again this soon. */
const RETRY_MS = 5000;

/**
 * A token, with its refresh timed from its arrival (refreshAfterSeconds later), not from when the
 * page shows it: the first token is asked for before the appointment is known, and may wait.
 */
interface Arrived {
  view: TicketView;
  timer: ReturnType<typeof setTimeout>;
  /** The refresh time has come (before anyone listened). */
  due: boolean;
  /** Called when the refresh is due (set once the token is shown). */
  onDue?: () => void;
}

function arrived(view: TicketView): Arrived {
  const a = { view, due: false } as Arrived;
  a.timer = setTimeout(() => {
    a.due = true;
    a.onDue?.();
  }, view.refreshAfterSeconds * 1000);
  return a;
}

/** Where the checked-in citizen's number stands (booking.myQueueTicket), read every 10 s while shown. */
interface QueuePlace {
  label: string;
  status: string;
  window: string | null;
  ahead: number | null;
  waitMinutes: number | null;
}

function useQueuePlace(appointmentId: string, on: boolean): QueuePlace | undefined {
  const [place, setPlace] = useState<QueuePlace>();
  useEffect(() => {
    if (!on) return undefined;
    const read = () => void call<QueuePlace>('booking', 'myQueueTicket', { appointmentId }).then(setPlace, () => undefined);
    read();
    const timer = setInterval(read, 10_000);
    return () => clearInterval(timer);
  }, [appointmentId, on]);
  return place;
}

/** Called: which window; waiting: how many ahead and the wait, and (two or fewer ahead) that it is soon. */
function placeText(p: QueuePlace): string {
  if (p.status === 'calling') return `请到${p.window}号窗口`;
  if (p.ahead === null) return '';
  return `前面还有${p.ahead}人，约${p.waitMinutes}分钟${p.ahead <= 2 ? '，即将轮到您' : ''}`;
}

/** 我的预约: back to it when it is the page below, else open it. */
function openMine(): void {
  const pages = Taro.getCurrentPages();
  const below = pages[pages.length - 2]?.route ?? '';
  if (below.includes('packages/booking/mine')) void Taro.navigateBack();
  else void Taro.navigateTo({ url: '/packages/booking/mine/index' });
}

/** The QR of a booked appointment, refreshed while shown; once checked in, the queue number. */
export default function Ticket() {
  const { params } = useRouter();
  const id = params.id ?? '';
  // Booked from a business application's 领取方式 (issue 15): that application, to go back and choose this appointment.
  const forApplication = params.application;
  // Older appointments are on later pages of myAppointments: followed until found (bounded).
  const initial = useRemote(() => findMyAppointment(id), `mine:${id}`);
  const [latest, setLatest] = useState<FoundAppointment>();
  const [visible, setVisible] = useState(true);
  const [ticket, setTicket] = useState<TicketView>();
  const [ticketError, setTicketError] = useState('');
  const [pollNow, setPollNow] = useState(0);
  // The first token is asked for at once, beside the appointment (one round instead of two); it is
  // used once the appointment turns out booked, else dropped. 'used': taken by the first refresh;
  // later refreshes ask at once (nothing awaited before the request).
  const firstToken = useRef<Promise<Arrived | undefined> | 'used'>(undefined);
  if (firstToken.current === undefined && id) {
    firstToken.current = bookingApi
      .ticket(id)
      .then(arrived)
      .catch(() => undefined);
  }

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useUnload(() => setVisible(false));

  const found = latest ?? initial.data;
  const appointment = found?.appointment;
  const cursor = found?.cursor;
  const status = appointment?.status;
  const business = appointment?.business ?? '';
  const guide = useRemote(() => (business ? guideApi.detail(business) : Promise.resolve(undefined)), `guide:${business}`);

  // Poll the appointment while shown and still waiting for check-in (silently: a missed poll is
  // made up by the next one).
  useEffect(() => {
    if (!visible || status !== 'booked') return undefined;
    let stopped = false;
    // From the page it was found on (pages are keyed by creation time, so it stays there).
    const poll = () =>
      findMyAppointment(id, cursor)
        .then((r) => !stopped && setLatest(r))
        .catch(() => undefined);
    if (pollNow > 0) void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [visible, status, pollNow, id, cursor]);

  // A fresh signed token every refreshAfterSeconds while shown.
  useEffect(() => {
    if (!visible || status !== 'booked') return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown: Arrived | undefined;
    const refresh = async () => {
      try {
        // The early token once (a failed one is asked for again here, so its error shows).
        const early = firstToken.current;
        firstToken.current = 'used';
        const got = (early && early !== 'used' ? await early : undefined) ?? arrived(await bookingApi.ticket(id));
        if (stopped) {
          clearTimeout(got.timer);
          return;
        }
        shown = got;
        setTicket(got.view);
        setTicketError('');
        got.onDue = () => {
          if (!stopped) void refresh();
        };
        if (got.due) got.onDue();
      } catch (e) {
        if (stopped) return;
        setTicketError(e instanceof ApiError ? e.message : '预约码获取失败，正在重试');
        // Checked in or cancelled meanwhile: read the appointment now rather than in 5 s.
        if (e instanceof ApiError && e.code === 'APPOINTMENT_NOT_ACTIVE') setPollNow((n) => n + 1);
        else timer = setTimeout(refresh, RETRY_MS);
      }
    };
    void refresh();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (shown) clearTimeout(shown.timer);
    };
  }, [visible, status, id]);

  const place = useQueuePlace(id, visible && status === 'checkedIn');

  return (
    <PageShell className="ticket">
      <View className="ticket__root" data-status={status ?? 'loading'}>
        <LoadState remote={initial}>
          {found && !appointment && <Text className="notice notice--error">未找到该预约，请在“我的预约”中查看。</Text>}
          {appointment && (
            <>
              <View className="ticket__head">
                <Text className="ticket__business">{appointment.businessTitle}</Text>
                <StatusTag appointment={appointment} />
              </View>

              {appointment.status === 'booked' && forApplication && (
                <View className="notice ticket__for-application" role="alert" data-field="forApplication">
                  <Text>还差一步：回到您的户口业务申请，选择这个预约作为领取方式，民警才会提前准备好您的材料。</Text>
                  <Button
                    type="primary"
                    className="ticket__back-to-application"
                    onClick={() =>
                      void Taro.redirectTo({ url: `/packages/business/detail/index?id=${encodeURIComponent(forApplication)}&appointment=${encodeURIComponent(appointment.id)}` })
                    }
                  >
                    回到申请，选择此预约领取
                  </Button>
                </View>
              )}

              {appointment.status === 'booked' && (
                <View className="ticket__qr-card">
                  <Text className="ticket__qr-title">请在窗口出示预约码</Text>
                  <View className="ticket__qr">{ticket ? <TicketQr token={ticket.token} /> : <View className="ticket__qr-placeholder" />}</View>
                  {ticketError ? (
                    <View className="ticket__qr-error" role="alert">
                      <Text>{ticketError}</Text>
                    </View>
                  ) : (
                    <Text className="ticket__qr-note">预约码每 {ticket?.refreshAfterSeconds ?? 30} 秒自动刷新，截图无效</Text>
                  )}
                  <RefNumber label="预约号" number={appointment.refNumber} note="扫码不便或手机无网络时，报出预约号并出示身份证" />
                </View>
              )}

              {appointment.status === 'checkedIn' && (
                <View className="ticket__checked-in">
                  <Text className="ticket__checked-in-title">已签到</Text>
                  <Text className="ticket__queue-label">您的排队号</Text>
                  <Text className="ticket__queue-number" data-queue-number={appointment.queueNumber ?? ''}>
                    {place?.label ?? appointment.queueNumber ?? '—'}
                  </Text>
                  {place && (
                    <Text className="ticket__queue-note" data-field="queue-place">
                      {placeText(place)}
                    </Text>
                  )}
                  <Text className="ticket__queue-note">请留意大厅叫号屏，叫到号后到窗口办理</Text>
                </View>
              )}

              {appointment.status === 'cancelled' && !appointment.rescheduledTo && <Text className="notice">该预约已取消，预约码不再有效。</Text>}
              {appointment.status === 'cancelled' && appointment.rescheduledTo && (
                <Text className="notice" data-moved-to={appointment.rescheduledTo.id}>
                  该预约已改至 {formatWhen(appointment.rescheduledTo)}，原预约码不再有效。
                </Text>
              )}
              {appointment.status === 'noShow' && <Text className="notice notice--error">该预约未按时签到，已记为未到。</Text>}

              <Section title="预约信息">
                {appointment.status !== 'booked' && appointment.refNumber && <SummaryRow label="预约号">{formatReferenceNumber(appointment.refNumber)}</SummaryRow>}
                <SummaryRow label="大厅">{appointment.hallName}</SummaryRow>
                <SummaryRow label="地址">{appointment.hallAddress}</SummaryRow>
                <SummaryRow label="时间" field="when">
                  {formatWhen(appointment)}
                </SummaryRow>
                <SummaryRow label="事项">{appointment.businessTitle}</SummaryRow>
                <SummaryRow label="办理人" field="who">
                  {formatWho(appointment)}
                </SummaryRow>
                {appointment.cancellableUntil && <SummaryRow label="取消截止">{formatInstant(appointment.cancellableUntil)}</SummaryRow>}
              </Section>

              {appointment.status === 'booked' && guide.data && <Materials materials={guide.data.materials} />}

              <Text className="ticket__mine link" {...tappable()} onClick={openMine}>
                查看全部预约 ›
              </Text>
            </>
          )}
        </LoadState>
      </View>
    </PageShell>
  );
}
