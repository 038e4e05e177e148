import type { SpecialHours } from '../guide/Hall';
import type { DutyDayFields } from './DutyDay';
import type { BookedPlace } from './bookingsOutside';

/** A special period in words, for the audit log's before/after: 2027-02-08至2027-02-10 春节值班 09:00-12:00. */
export function describeSpecial(s: SpecialHours | undefined): string {
  if (!s) return '无';
  const dates = s.from === s.to ? s.from : `${s.from}至${s.to}`;
  return `${dates} ${s.label} ${s.sessions.length ? s.sessions.map((x) => `${x.start}-${x.end}`).join(' ') : '暂停办公'}`;
}

/** A duty day in words: 电话 0898-66531208；1号窗口 李警官、3号窗口 王警官（身份证）. */
export function describeDutyDay(d: DutyDayFields | undefined): string {
  if (!d) return '无';
  const windows = d.windows.map((w) => `${w.window}号窗口 ${w.officer}${w.business ? `（${w.business}）` : ''}`).join('、');
  return `${d.date} 电话 ${d.phone}${windows ? `；${windows}` : ''}${d.note ? `；${d.note}` : ''}`;
}

/** The bookings an edit would strand, as the refusal lists them (at most 10, then how many more). */
export function describeStranded(list: readonly BookedPlace[]): string {
  const shown = list.slice(0, 10).map((a) => `${a.date} ${a.start}${a.refNumber ? ` 预约号${a.refNumber}` : ''}`);
  return `${list.length}个预约：${shown.join('、')}${list.length > shown.length ? ` 等` : ''}`;
}
