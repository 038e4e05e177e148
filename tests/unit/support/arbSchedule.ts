import fc from 'fast-check';
import type { HallSchedule } from '../../../core/booking/HallSchedule';
import { calendarFrom, type WorkCalendar } from '../../../core/time/WorkCalendar';
import { hhmm, isoDate } from './arbHall';

const DAY = 86_400_000;

/**
 * A valid schedule for the arbitrary hall of arbHall ('test-hall'). The walk-in share is a whole
 * percentage, so tests can compute the capacity exactly in integers.
 */
export const arbSchedule: fc.Arbitrary<HallSchedule> = fc
  .record({
    slotMinutes: fc.oneof(fc.constantFrom(10, 15, 20, 30, 45, 60, 120), fc.integer({ min: 10, max: 120 })),
    windows: fc.integer({ min: 1, max: 12 }),
    perWindow: fc.integer({ min: 1, max: 6 }),
    walkInPercent: fc.oneof(fc.constantFrom(0, 30, 50, 90), fc.integer({ min: 0, max: 90 })),
    bookingWindowDays: fc.integer({ min: 1, max: 30 }),
    releaseMinute: fc.oneof(fc.constantFrom(0, 6 * 60, 7 * 60, 23 * 60 + 59), fc.integer({ min: 0, max: 1439 })),
    cancelDeadline: fc.oneof(
      fc.integer({ min: 0, max: 72 }).map((hours) => ({ kind: 'hoursBefore' as const, hours })),
      fc.integer({ min: 0, max: 1439 }).map((m) => ({ kind: 'dayBeforeAt' as const, time: hhmm(m) })),
    ),
    earlyMinutes: fc.integer({ min: 0, max: 240 }),
    lateMinutes: fc.integer({ min: 0, max: 240 }),
  })
  .map((r) => ({
    _id: 'test-hall',
    hallId: 'test-hall',
    businesses: ['id-card-renewal'],
    slotMinutes: r.slotMinutes,
    windows: r.windows,
    perWindow: r.perWindow,
    walkInShare: r.walkInPercent / 100,
    bookingWindowDays: r.bookingWindowDays,
    releaseTime: hhmm(r.releaseMinute),
    cancelDeadline: r.cancelDeadline,
    checkIn: { earlyMinutes: r.earlyMinutes, lateMinutes: r.lateMinutes },
    limits: { perWeek: 2, noShowLimit: 3, noShowWindowDays: 180, noShowBlockDays: 30 },
  }));

/** Whole-percent walk-in share of an arbSchedule, as an integer. */
export const walkInPercent = (s: HallSchedule): number => Math.round(s.walkInShare * 100);

/** Dates from 2025-01-01 over four years, as arbHall's special periods use. */
export const arbDate: fc.Arbitrary<string> = fc.integer({ min: -30, max: 4 * 365 + 30 }).map((n) => isoDate(Date.UTC(2025, 0, 1) + n * DAY));

export interface FakeCalendar {
  calendar: WorkCalendar;
  holidays: Record<string, string>;
  adjustedWorkdays: Record<string, string>;
}

/** A made-up work calendar: some holidays and some adjusted workdays (never the same date). */
export const arbCalendar: fc.Arbitrary<FakeCalendar> = fc
  .tuple(fc.uniqueArray(arbDate, { maxLength: 40 }), fc.uniqueArray(arbDate, { maxLength: 20 }), fc.constantFrom('国庆节', '春节', '劳动节', '元旦'))
  .map(([h, w, name]) => {
    const holidays = Object.fromEntries(h.map((d) => [d, name]));
    const adjustedWorkdays = Object.fromEntries(w.filter((d) => !(d in holidays)).map((d) => [d, name]));
    return { calendar: calendarFrom({ holidays, adjustedWorkdays }), holidays, adjustedWorkdays };
  });

/** A calendar of a few chosen days, for examples. */
export function fakeCalendar(holidays: Record<string, string>, adjustedWorkdays: Record<string, string> = {}): WorkCalendar {
  return calendarFrom({ holidays, adjustedWorkdays });
}
