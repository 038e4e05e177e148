import { csvText, type CsvCell } from '../../../../core/statistics/csv';
import type { HallReportView } from '../../../services/statsApi';

/** The report as a spreadsheet: the hall and period, totals, per business, per day, per hour. */
export function reportCsv(hallName: string, r: HallReportView): string {
  const f = r.floor;
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
    [],
    ['大厅现场', '数量'],
    ['预约到场取号', f.bookedArrivals],
    ['现场取号', f.walkIns],
    ['绿色通道', f.green],
    ...f.greenByReason.map((g) => [`绿色通道：${g.title}`, g.count]),
    ['已办结', f.served],
    ['过号未到', f.missed],
    ['平均等候（分钟）', f.meanWaitMinutes],
    ['平均办理（分钟）', f.meanServiceMinutes],
    ...f.byWindow.map((w) => [`办结：${w.window}号窗口`, w.served]),
    ...f.handled.map((h) => [`办理事项：${h.title}`, h.count]),
    ['咨询', f.consultations.asked],
    ['已答复咨询', f.consultations.answered],
    ['公开到问答', f.consultations.published],
  ];
  return csvText(rows);
}
