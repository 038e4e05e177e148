import type { AppointmentStatus } from '../booking/Appointment';
import { addDays } from '../time/shanghai';
import { overbookingAdvice, type OverbookingAdvice } from './overbooking';
import type { PeriodRange } from './period';

/**
 * A hall's numbers for a period (issue 16), from the database's aggregation of its appointments:
 * counts per business and status, per day, per hour of the slot's start. Pure: the store groups,
 * this shapes what a hall lead reads.
 */

/** One group of appointments the store counted. */
export interface StatusCount {
  status: AppointmentStatus;
  count: number;
}

export interface AppointmentCounts {
  byBusiness: Array<StatusCount & { business: string }>;
  byDate: Array<StatusCount & { date: string }>;
  /** Appointments not cancelled, by the hour ("09") their slot starts. */
  byHour: Array<{ hour: string; count: number }>;
}

export interface StatusTotals {
  /** Not cancelled: still to come (or not yet swept as a no-show), checked in, or no-show. */
  appointments: number;
  booked: number;
  checkedIn: number;
  noShow: number;
  cancelled: number;
}

export interface HallReport {
  period: PeriodRange;
  totals: StatusTotals;
  byBusiness: Array<StatusTotals & { business: string }>;
  /** Every date of the period, days without appointments included. */
  byDay: Array<StatusTotals & { date: string }>;
  byHour: Array<{ hour: string; appointments: number }>;
  /** No-shows over concluded appointments (checked in or no-show); null when none concluded. */
  noShowRate: number | null;
  overbooking: OverbookingAdvice;
}

function emptyTotals(): StatusTotals {
  return { appointments: 0, booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 };
}

function add(totals: StatusTotals, { status, count }: StatusCount): void {
  totals[status] += count;
  if (status !== 'cancelled') totals.appointments += count;
}

/** The report of `period` from the store's counts; `slotCapacity` is the places of the hall's usual slot. */
export function hallReport(period: PeriodRange, counts: AppointmentCounts, slotCapacity: number): HallReport {
  const totals = emptyTotals();
  const businesses = new Map<string, StatusTotals>();
  for (const row of counts.byBusiness) {
    add(totals, row);
    const b = businesses.get(row.business) ?? emptyTotals();
    businesses.set(row.business, b);
    add(b, row);
  }
  const days = new Map<string, StatusTotals>();
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) days.set(date, emptyTotals());
  for (const row of counts.byDate) {
    const d = days.get(row.date);
    if (d) add(d, row);
  }
  const concluded = totals.checkedIn + totals.noShow;
  return {
    period,
    totals,
    byBusiness: [...businesses].map(([business, t]) => ({ business, ...t })).sort((a, b) => b.appointments - a.appointments || a.business.localeCompare(b.business)),
    byDay: [...days].map(([date, t]) => ({ date, ...t })),
    byHour: counts.byHour
      .filter((h) => h.count > 0)
      .map((h) => ({ hour: h.hour, appointments: h.count }))
      .sort((a, b) => a.hour.localeCompare(b.hour)),
    noShowRate: concluded > 0 ? totals.noShow / concluded : null,
    overbooking: overbookingAdvice(totals.noShow, concluded, slotCapacity),
  };
}
