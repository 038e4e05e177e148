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

/** How long the materials' names may run in a text (one SMS segment with the rest of the notice). */
export const MATERIALS_TEXT_MAX = 40;

/**
 * The materials of a guide as one short line for a text: names only, required ones first, the
 * others marked 如有; cut at whole names within MATERIALS_TEXT_MAX characters, with how many more.
 */
export function materialsLine(materials: ReadonlyArray<{ name: string; required: boolean }>): string {
  const names = [...materials.filter((m) => m.required).map((m) => m.name), ...materials.filter((m) => !m.required).map((m) => `${m.name}（如有）`)];
  let shown = 0;
  while (shown < names.length && (shown === 0 || names.slice(0, shown + 1).join('、').length <= MATERIALS_TEXT_MAX)) shown++;
  return `需带${names.slice(0, shown).join('、')}${shown < names.length ? `等${names.length}项` : ''}`;
}
