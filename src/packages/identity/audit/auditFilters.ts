import { addDays, shanghaiDate } from '../../../../core/time/shanghai';

/** The date ranges the log offers, as Shanghai days counted back from today (inclusive). */
export const DATE_RANGES = [
  { key: 'all', label: '不限日期', days: 0 },
  { key: 'today', label: '今天', days: 1 },
  { key: 'week', label: '近7天', days: 7 },
  { key: 'month', label: '近30天', days: 30 },
] as const;
export type DateRangeKey = (typeof DATE_RANGES)[number]['key'];

export interface AuditFilters {
  action?: string;
  hallId?: string;
  actor?: { id: string; label: string };
  range: DateRangeKey;
}

/** The auditLog input of the filters: from/to as Shanghai dates. */
export function auditQueryOf(f: AuditFilters, now: number): { action?: string; hallId?: string; actor?: string; from?: string; to?: string } {
  const range = DATE_RANGES.find((r) => r.key === f.range);
  const today = shanghaiDate(now);
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.hallId ? { hallId: f.hallId } : {}),
    ...(f.actor ? { actor: f.actor.id } : {}),
    ...(range && range.days > 0 ? { from: addDays(today, 1 - range.days), to: today } : {}),
  };
}
