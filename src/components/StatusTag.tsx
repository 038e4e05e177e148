import { Text } from '@tarojs/components';
import type { AppointmentView } from '../../core/booking/views';
import { APPOINTMENT_STATUS } from './appointmentFormat';
import './StatusTag.scss';

/** 待办理 / 已签到 / 已取消 / 未到. */
export function StatusTag({ status }: { status: AppointmentView['status'] }) {
  const s = APPOINTMENT_STATUS[status];
  return (
    <Text className={`status-tag status-tag--${s.tone}`} data-status-tag={status}>
      {s.text}
    </Text>
  );
}
