/** Stepping a report period (统计报表's ‹ › and its tabs): the day, week, month or holiday before or after. Pure. */
import type { ReportPeriod } from './period';
import { addDays } from '../time/shanghai';

export type StepKind = 'day' | 'week' | 'month';

/** The month after (or before) a YYYY-MM month. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The period of `kind` that holds `date` (YYYY-MM-DD). */
export function periodOf(kind: StepKind, date: string): ReportPeriod {
  return kind === 'month' ? { kind, month: date.slice(0, 7) } : { kind, date };
}

/** The period before (-1) or after (+1) one of the same kind. */
export function stepped(period: ReportPeriod, by: -1 | 1): ReportPeriod {
  switch (period.kind) {
    case 'day':
      return { kind: 'day', date: addDays(period.date, by) };
    case 'week':
      return { kind: 'week', date: addDays(period.date, 7 * by) };
    case 'month':
      return { kind: 'month', month: addMonths(period.month, by) };
    case 'holiday':
      return { ...period, year: period.year + by };
  }
}
