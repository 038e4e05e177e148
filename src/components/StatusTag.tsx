import { Text } from '@tarojs/components';
import type { AppointmentView } from '../../core/booking/views';
import { APPOINTMENT_STATUS_NAMES, shownStatus } from '../../core/booking/statusNames';
import './StatusTag.scss';

/** 待办理 / 已签到 / 已取消 / 已改约 / 未到, in core's words: a moved appointment never reads 已取消. */
export function StatusTag({ appointment }: { appointment: Pick<AppointmentView, 'status'> & Partial<Pick<AppointmentView, 'rescheduledTo'>> }) {
  const shown = shownStatus(appointment);
  const s = APPOINTMENT_STATUS_NAMES[shown];
  return (
    <Text className={`status-tag status-tag--${s.tone}`} data-status-tag={shown}>
      {s.text}
    </Text>
  );
}
