import type { Session, SpecialHours, SpecialKind } from '../guide/Hall';
import { addDays } from '../time/shanghai';

/**
 * The rules of one special period a hall lead or admin edits in the mini-program (holiday duty,
 * staggered or extended service, closure). No I/O: the booking function's actions ask these.
 */

/** What the editor calls each kind (shown to leads; citizens see the entry's own label). */
export const SPECIAL_KIND_NAMES: Record<SpecialKind, string> = {
  closed: '暂停办公',
  holidayDuty: '节假日值班',
  staggered: '错时服务',
  extended: '延时服务',
};

/** Longest period one entry may cover (a Spring Festival's duty fits; a season does not). */
export const MAX_SPECIAL_DAYS = 62;
/** Most sessions in one day of a period. */
export const MAX_SESSIONS = 4;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD text names a real calendar date (2027-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  return DATE.test(date) && addDays(date, 0) === date;
}

/** Days from `from` to `to`, both counted. */
export function daysCovered(from: string, to: string): number {
  let n = 1;
  for (let d = from; d < to && n <= MAX_SPECIAL_DAYS + 1; d = addDays(d, 1)) n++;
  return n;
}

/** Whether two periods share a date. */
export function periodsOverlap(a: Pick<SpecialHours, 'from' | 'to'>, b: Pick<SpecialHours, 'from' | 'to'>): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function sessionProblems(sessions: readonly Session[]): string[] {
  const problems: string[] = [];
  if (sessions.length > MAX_SESSIONS) problems.push(`每天最多 ${MAX_SESSIONS} 个办公时段`);
  for (const s of sessions) if (!(s.start < s.end)) problems.push(`时段 ${s.start}–${s.end} 的结束时间须晚于开始时间`);
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i].start < sessions[i - 1].end)
      problems.push(`时段 ${sessions[i - 1].start}–${sessions[i - 1].end} 与 ${sessions[i].start}–${sessions[i].end} 须按时间先后排列且不重叠`);
  }
  return problems;
}

/**
 * What is wrong with a special period, given the hall's other periods (the one it replaces left
 * out); empty when it may be saved. A closure has no sessions; holiday duty, staggered and extended
 * service have at least one, in order and not overlapping; the period is at most MAX_SPECIAL_DAYS
 * long and shares no date with another (a date has one special arrangement, never two competing).
 */
export function specialHoursProblems(entry: SpecialHours, others: readonly SpecialHours[]): string[] {
  const problems: string[] = [];
  if (!isCalendarDate(entry.from) || !isCalendarDate(entry.to)) return ['日期无效'];
  if (entry.to < entry.from) return ['结束日期不能早于开始日期'];
  if (daysCovered(entry.from, entry.to) > MAX_SPECIAL_DAYS) problems.push(`一次最多安排 ${MAX_SPECIAL_DAYS} 天`);
  const kind = entry.kind ?? (entry.sessions.length ? 'holidayDuty' : 'closed');
  if (kind === 'closed' && entry.sessions.length > 0) problems.push('暂停办公不应填写办公时段');
  if (kind !== 'closed' && entry.sessions.length === 0) problems.push(`${SPECIAL_KIND_NAMES[kind]}须至少填写一个办公时段`);
  if (!entry.label.trim()) problems.push('请填写向群众展示的说明');
  problems.push(...sessionProblems(entry.sessions));
  const clash = others.find((o) => periodsOverlap(o, entry));
  if (clash) problems.push(`与已有安排“${clash.label}”（${clash.from} 至 ${clash.to}）日期重叠`);
  return problems;
}

/**
 * The hall's periods with `entry` saved in place of the one starting on `replacing` (a new one
 * when absent), in date order. Periods never overlap, so a start date names one.
 */
export function withEntry(list: readonly SpecialHours[], entry: SpecialHours, replacing?: string): SpecialHours[] {
  return [...list.filter((s) => s.from !== (replacing ?? entry.from)), entry].sort((a, b) => a.from.localeCompare(b.from));
}

/** The hall's periods without the one starting on `from`. */
export function withoutEntry(list: readonly SpecialHours[], from: string): SpecialHours[] {
  return list.filter((s) => s.from !== from);
}
