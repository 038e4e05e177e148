import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SlotView } from '../../../../core/booking/views';
import { LoadState } from '../../../components/LoadState';
import { dateParts, formatDate, slotLabel } from '../../../components/appointmentFormat';
import { bookingApi } from '../../../services/bookingApi';
import { useRemote } from '../../../services/useRemote';
import './booking.scss';
import { tappable } from '../../../components/tappable';

interface Props {
  hallId: string;
  business: string;
  /** Bookable dates from bookingOptions; the first one is today (Shanghai). */
  dates: readonly string[];
  date: string;
  /** Dates the hall does not open, with why: shown closed and cannot be chosen. */
  closed?: readonly { date: string; reason: string }[];
  onDate: (date: string) => void;
  slotId?: string;
  onSlot: (slot: SlotView) => void;
  /** The appointment being moved: its slot is marked and cannot be chosen again. */
  current?: { date: string; start: string };
  /** Change it to load the places left again (e.g. after 已约满). */
  reloadKey?: number;
  /** Set: a day whose every slot is taken offers 加入候补 (issue 17) for this family member ('' for oneself). */
  waitFor?: string;
}

function dayLabel(dates: readonly string[], date: string): string {
  const i = dates.indexOf(date);
  return i === 0 ? '今天' : i === 1 ? '明天' : dateParts(date).weekday;
}

/** What a closed day's chip says: a holiday's name (元旦), else 休息. */
function closedLabel(reason: string): string {
  return reason.length <= 3 ? reason : '休息';
}

/** Date chips (closed days shown closed) and the day's slots with the places left; only open days and slots can be chosen. */
export function SlotPicker({ hallId, business, dates, date, closed = [], onDate, slotId, onSlot, current, reloadKey = 0, waitFor }: Props) {
  const availability = useRemote(() => bookingApi.availability(hallId, business, date), `${hallId}:${business}:${date}:${reloadKey}`);
  const slots = availability.data?.date === date ? availability.data.slots : undefined;
  const anyOpen = slots?.some((s) => s.state === 'open');

  return (
    <View className="slot-picker">
      <ScrollView scrollX className="date-strip" enhanced showScrollbar={false}>
        <View className="date-strip__inner">
          {dates.map((d) => {
            const reason = closed.find((c) => c.date === d)?.reason;
            return (
              <View
                key={d}
                className={`date-chip ${reason ? 'date-chip--closed' : d === date ? 'date-chip--on' : ''}`}
                data-date={d}
                data-closed={reason ? 'true' : undefined}
                aria-disabled={Boolean(reason)}
                aria-label={reason ? `${formatDate(d)} ${reason}，不可预约` : undefined}
                {...tappable('button', { pressed: !reason && d === date })}
                onClick={() => {
                  if (!reason) onDate(d);
                }}
              >
                <Text className="date-chip__day">{dateParts(d).day}</Text>
                <Text className="date-chip__weekday">{dayLabel(dates, d)}</Text>
                {reason && <Text className="date-chip__closed">{closedLabel(reason)}</Text>}
              </View>
            );
          })}
        </View>
      </ScrollView>
      <Text className="picker-hint" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: `/packages/release/list/index?hallId=${hallId}` })}>
        摇号放号的日期 ›
      </Text>

      <LoadState remote={availability}>
        {slots && availability.data?.closedReason && <Text className="picker-hint">当日不可预约：{availability.data.closedReason}，请选择其他日期。</Text>}
        {slots && slots.length > 0 && !anyOpen && <Text className="picker-hint">当日已没有可预约的时段，请选择其他日期。</Text>}
        {waitFor !== undefined && !anyOpen && slots?.some((s) => s.state === 'full') && (
          <Text
            className="book__error-link"
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/packages/waitlist/join/index?q=${hallId},${business},${date},${waitFor}` })}
          >
            加入候补 ›
          </Text>
        )}
        <View className="slot-grid">
          {(slots ?? []).map((s) => {
            const isCurrent = current?.date === date && current.start === s.start;
            const disabled = s.state !== 'open' || isCurrent;
            return (
              <View
                key={s.slotId}
                className={`slot ${disabled ? 'slot--disabled' : ''} ${s.slotId === slotId ? 'slot--on' : ''} ${isCurrent ? 'slot--current' : ''}`}
                data-slot-id={s.slotId}
                data-state={s.state}
                aria-disabled={disabled}
                {...tappable('button', { pressed: s.slotId === slotId })}
                onClick={() => {
                  if (!disabled) onSlot(s);
                }}
              >
                <Text className="slot__time">
                  {s.start}–{s.end}
                </Text>
                <Text className="slot__left">{isCurrent ? '当前预约' : s.state === 'draw' ? '摇号' : slotLabel(s)}</Text>
              </View>
            );
          })}
        </View>
      </LoadState>
    </View>
  );
}
