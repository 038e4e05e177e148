import type { OverbookingAdvice } from '../../core/statistics/overbooking';
import type { ReportPeriod } from '../../core/statistics/period';
import { call } from './api';

/** What the booking function's `hallReport` returns (core/booking/actions/report.ts). */

export interface StatusTotals {
  appointments: number;
  booked: number;
  checkedIn: number;
  noShow: number;
  cancelled: number;
}

export interface HallReportView {
  hallId: string;
  period: { from: string; to: string; label: string };
  totals: StatusTotals;
  byBusiness: Array<StatusTotals & { business: string; title: string }>;
  byDay: Array<StatusTotals & { date: string }>;
  byHour: Array<{ hour: string; appointments: number }>;
  noShowRate: number | null;
  overbooking: OverbookingAdvice;
  floor: {
    bookedArrivals: number;
    walkIns: number;
    green: number;
    greenByReason: Array<{ reason: string; title: string; count: number }>;
    served: number;
    missed: number;
    meanWaitMinutes: number | null;
    meanServiceMinutes: number | null;
    byWindow: Array<{ window: string; served: number }>;
    handled: Array<{ business: string; title: string; count: number }>;
    consultations: { asked: number; answered: number; published: number; closed: number; open: number };
  };
  holidays: Array<{ holiday: string; from: string; to: string }>;
}

export const statsApi = {
  hallReport: (hallId: string, period: ReportPeriod) => call<HallReportView>('booking', 'hallReport', { hallId, period }),
};
