import { inShanghai } from '../time/shanghai';
import type { Appointment } from '../booking/Appointment';
import type { AssistedNotice } from './ports';

/** 3月5日 09:00 */
export function noticeWhen(a: Pick<Appointment, 'date' | 'start'>): string {
  return `${inShanghai(`${a.date}T00:00:00+08:00`).format('M月D日')} ${a.start}`;
}

/** What the citizen is told after an act done for them in a session (texted to the phone on file). */
export function noticeOf(act: 'reserve' | 'cancel' | 'reschedule', a: Pick<Appointment, 'date' | 'start' | 'refNumber'>, hallName: string): AssistedNotice {
  return { act: act === 'reserve' ? '预约' : act === 'cancel' ? '取消预约' : '改约', hallName, when: noticeWhen(a), ref: `预约号${a.refNumber ?? ''}` };
}

/** The text of the notice (the local outbox; Tencent's template says the same with the four parameters). */
export function noticeText(n: AssistedNotice): string {
  return `【户政服务】民警已应您的要求为您办理${n.act}：${n.hallName}，${n.when}，${n.ref}。实名认证“户政服务”小程序后可查看。如非本人要求，请致电大厅。`;
}
