import { csvText, type CsvCell } from '../../../../core/statistics/csv';
import type { HallReportView } from '../../../services/statsApi';

/** The report as a spreadsheet: the hall and period, totals, per business, per day, per hour. */
export function reportCsv(hallName: string, r: HallReportView): string {
  const rate = r.noShowRate === null ? '' : `${(r.noShowRate * 100).toFixed(1)}%`;
  const rows: CsvCell[][] = [
    ['大厅', hallName],
    ['统计时段', r.period.label],
    ['未到率（已到期预约）', rate],
    [],
    ['事项', '预约（不含取消）', '待办理', '已签到', '未到', '已取消'],
    ...r.byBusiness.map((b) => [b.title, b.appointments, b.booked, b.checkedIn, b.noShow, b.cancelled]),
    ['合计', r.totals.appointments, r.totals.booked, r.totals.checkedIn, r.totals.noShow, r.totals.cancelled],
    [],
    ['日期', '预约（不含取消）', '待办理', '已签到', '未到', '已取消'],
    ...r.byDay.map((d) => [d.date, d.appointments, d.booked, d.checkedIn, d.noShow, d.cancelled]),
    [],
    ['时段（开始时）', '预约（不含取消）'],
    ...r.byHour.map((h) => [`${h.hour}:00`, h.appointments]),
  ];
  return csvText(rows);
}
