import type { AppointmentView } from './views';

/** How an appointment's state reads to a person: its status, or 已改约 for a cancellation a reschedule made. */
export type ShownStatus = AppointmentView['status'] | 'rescheduled';

/** The words for each shown status, and its tone (colour) on a tag. */
export const APPOINTMENT_STATUS_NAMES: Record<ShownStatus, { text: string; tone: 'active' | 'done' | 'off' | 'warn' }> = {
  booked: { text: '待办理', tone: 'active' },
  checkedIn: { text: '已签到', tone: 'done' },
  cancelled: { text: '已取消', tone: 'off' },
  rescheduled: { text: '已改约', tone: 'off' },
  noShow: { text: '未到', tone: 'warn' },
};

/** The citizen cancelled it, or moved it: a moved one never reads 已取消. */
export function shownStatus(a: Pick<AppointmentView, 'status' | 'rescheduledTo'>): ShownStatus {
  return a.status === 'cancelled' && a.rescheduledTo ? 'rescheduled' : a.status;
}
