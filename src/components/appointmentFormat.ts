import type { AppointmentView, SlotView } from '../../core/booking/views';
import { inShanghai, isoWeekday } from '../../core/time/shanghai';
import { WEEKDAY } from './format';

/** Display of appointments and slots: words and dates only, no rules. */

/** Why a slot cannot be chosen, or how many places are left. */
export function slotLabel(slot: SlotView): string {
  switch (slot.state) {
    case 'full':
      return '已约满';
    case 'notReleased':
      return '未放号';
    case 'past':
      return '已过时';
    case 'draw':
      return '摇号';
    default:
      return `余 ${slot.remaining} 个`;
  }
}

/** '2026-11-23' → '11月23日 周一'. */
export function formatDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAY[isoWeekday(date)]}`;
}

/** '2026-11-23' → { day: '11-23', weekday: '周一' }, for compact pickers and tables. */
export function dateParts(date: string): { day: string; weekday: string } {
  return { day: `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`, weekday: WEEKDAY[isoWeekday(date)] };
}

/** An instant (ISO) as Shanghai wall clock: '11月22日 14:00'. */
export function formatInstant(iso: string): string {
  return inShanghai(iso).format('M月D日 HH:mm');
}

/** '11月23日 周一 09:00–09:30'. */
export function formatWhen(a: Pick<AppointmentView, 'date' | 'start' | 'end'>): string {
  return `${formatDate(a.date)} ${a.start}–${a.end}`;
}

/** Who comes to the window: '王**（本人）' or '王*（家人代办）'. */
export function formatWho(a: Pick<AppointmentView, 'subjectNameMasked' | 'forFamilyMember'>): string {
  return `${a.subjectNameMasked}（${a.forFamilyMember ? '家人代办' : '本人'}）`;
}
