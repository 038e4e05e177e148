import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AppointmentView, SlotView } from '../../../../core/booking/views';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { formatDate, formatWhen } from '../../../components/appointmentFormat';
import { ApiError } from '../../../services/api';
import { bookingApi, newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { useRemote } from '../../../services/useRemote';
import { SlotPicker } from '../components/SlotPicker';
import { SummaryRow } from '../../../components/SummaryRow';
import { ActionError } from '../components/ActionError';
import '../../../components/Form.scss';
import { tappable } from '../../../components/tappable';

const CHOOSE_AGAIN = ['SLOT_FULL', 'SLOT_NOT_OPEN', 'SLOT_NOT_FOUND'];

/**
 * 改约: another slot of the same hall and business. The function takes the new place before it
 * releases the old one, so the citizen never loses both.
 */
export function Reschedule({ appointment, onDone, onClose }: { appointment: AppointmentView; onDone: (moved: AppointmentView) => void; onClose: () => void }) {
  const options = useRemote(() => bookingApi.bookingOptions(appointment.business), `options:${appointment.business}`);
  const [date, setDate] = useState(appointment.date);
  const [slot, setSlot] = useState<SlotView>();
  const [requestId, setRequestId] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const dates = options.data?.dates ?? [];
  const closed = options.data?.halls.find((h) => h.id === appointment.hallId)?.closedDates ?? [];
  const open = dates.filter((d) => !closed.some((c) => c.date === d));
  const shownDate = open.includes(date) ? date : (open[0] ?? dates[0] ?? '');

  const choose = (s: SlotView) => {
    setSlot(s);
    setError(undefined);
    // A new slot is a new intention; a retry of the same one reuses the id.
    setRequestId(newRequestId());
  };

  const confirm = async () => {
    if (!slot) return;
    setBusy(true);
    setError(undefined);
    try {
      const moved = await bookingApi.reschedule(appointment.id, slot.slotId, requestId);
      void Taro.showToast({ title: '已改约', icon: 'success' });
      onDone(moved);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '改约失败，请重试');
      setError(err);
      if (!retryWithSameId(err)) setRequestId(newRequestId());
      if (CHOOSE_AGAIN.includes(err.code)) {
        setSlot(undefined);
        setReloadKey((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="reschedule" data-rescheduling={appointment.id}>
      <Section title="改约">
        <SummaryRow label="事项">{appointment.businessTitle}</SummaryRow>
        <SummaryRow label="大厅">{appointment.hallName}</SummaryRow>
        <SummaryRow label="原时间">{formatWhen(appointment)}</SummaryRow>
        {slot && (
          <SummaryRow label="改到" field="newWhen">
            {formatDate(shownDate)} {slot.start}–{slot.end}
          </SummaryRow>
        )}
      </Section>
      <Section title="选择新的日期和时段">
        <LoadState remote={options}>
          {dates.length === 0 ? (
            <Text className="picker-hint">暂无可预约的日期。</Text>
          ) : (
            <SlotPicker
              hallId={appointment.hallId}
              business={appointment.business}
              dates={dates}
              date={shownDate}
              closed={closed}
              onDate={(d) => {
                setDate(d);
                setSlot(undefined);
              }}
              slotId={slot?.slotId}
              onSlot={choose}
              current={{ date: appointment.date, start: appointment.start }}
              reloadKey={reloadKey}
            />
          )}
        </LoadState>
      </Section>
      <Text className="notice">新时段约定成功后，原预约自动取消，名额释放给他人。</Text>
      <View className="form-actions">
        <ActionError error={error} id="reschedule-error" />
        <Button type="primary" disabled={!slot} loading={busy} onClick={confirm}>
          {slot ? `确认改到 ${slot.start}–${slot.end}` : '请选择新的时段'}
        </Button>
        <Text className="form-actions__secondary" {...tappable()} onClick={onClose}>
          不改了，返回
        </Text>
      </View>
    </View>
  );
}
