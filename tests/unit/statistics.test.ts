import fc from 'fast-check';
import { csvText } from '../../core/statistics/csv';
import { floorReport } from '../../core/statistics/floorReport';
import { hallReport, type AppointmentCounts } from '../../core/statistics/hallReport';
import { MAX_FACTOR, MIN_SAMPLE, OVERFLOW_RISK, overbookingAdvice, overflowProbability } from '../../core/statistics/overbooking';
import { holidaysOf, periodRange } from '../../core/statistics/period';
import { calendarFrom, NO_HOLIDAYS } from '../../core/time/WorkCalendar';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';

/** core/statistics (issue 16): the periods a hall's report covers, the overbooking advice, the report's shape, CSV. */

describe('report periods', () => {
  it('a day, the ISO week (Monday to Sunday) of a date, a month (leap February too)', () => {
    expect(periodRange({ kind: 'day', date: '2026-12-02' }, NO_HOLIDAYS)).toEqual({ from: '2026-12-02', to: '2026-12-02', label: '2026-12-02' });
    expect(periodRange({ kind: 'week', date: '2026-12-02' }, NO_HOLIDAYS)).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    // A Sunday belongs to the week that began the Monday before; a Monday starts its own.
    expect(periodRange({ kind: 'week', date: '2026-12-06' }, NO_HOLIDAYS)).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodRange({ kind: 'week', date: '2026-12-07' }, NO_HOLIDAYS)).toMatchObject({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodRange({ kind: 'month', month: '2028-02' }, NO_HOLIDAYS)).toEqual({ from: '2028-02-01', to: '2028-02-29', label: '2028年2月' });
    expect(periodRange({ kind: 'month', month: '2026-12' }, NO_HOLIDAYS)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('a holiday: the days off the calendar gives it that year, weekends inside included; one that began the December before counts for its year', () => {
    const calendar = calendarFrom({
      holidays: { '2026-12-31': '元旦', '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-02-06': '春节', '2027-02-07': '春节', '2027-02-08': '春节' },
      adjustedWorkdays: { '2027-02-14': '春节' },
    });
    expect(periodRange({ kind: 'holiday', year: 2027, holiday: '春节' }, calendar)).toEqual({
      from: '2027-02-06',
      to: '2027-02-08',
      label: '2027年春节（2027-02-06 至 2027-02-08）',
    });
    expect(periodRange({ kind: 'holiday', year: 2027, holiday: '元旦' }, calendar)).toMatchObject({ from: '2026-12-31', to: '2027-01-02' });
    expect(holidaysOf(2027, calendar).map((h) => h.holiday)).toEqual(['元旦', '春节']);
    expect(periodRange({ kind: 'holiday', year: 2027, holiday: '国庆节' }, calendar)).toBeUndefined();
  });

  it('the real calendar: National Day 2026 is 1 to 7 October', () => {
    expect(periodRange({ kind: 'holiday', year: 2026, holiday: '国庆节' }, chineseDaysCalendar)).toMatchObject({ from: '2026-10-01', to: '2026-10-07' });
  });
});

describe('the suggested overbooking factor', () => {
  it('fewer than 50 concluded appointments: no factor, and how many are needed', () => {
    expect(overbookingAdvice(10, 49, 50)).toEqual({ kind: 'tooFewConcluded', sample: 49, needed: MIN_SAMPLE });
  });

  it('no no-shows: no overbooking; small slots get none at 10%; large ones a little (binomial, counted by hand)', () => {
    expect(overbookingAdvice(0, 200, 50)).toMatchObject({ kind: 'suggested', factor: 1, bookingsPerSlot: 50 });
    // 10 places, 90% show: an 11th booking overfills 0.9^11 = 31% of slots.
    expect(overbookingAdvice(20, 200, 10)).toMatchObject({ factor: 1, bookingsPerSlot: 10 });
    // 50 places, 90% show: 52 bookings overfill 2.8% of slots, 53 bookings 9.0%.
    expect(overflowProbability(52, 0.9, 50)).toBeCloseTo(0.028, 3);
    expect(overflowProbability(53, 0.9, 50)).toBeCloseTo(0.09, 2);
    expect(overbookingAdvice(20, 200, 50)).toEqual({ kind: 'suggested', factor: 1.04, bookingsPerSlot: 52, capacity: 50, noShowRate: 0.1, sample: 200 });
  });

  it('property: the suggestion overfills at most one slot in twenty, one more booking would overfill more, never above the cap; more no-shows never suggest fewer bookings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: MIN_SAMPLE, max: 2000 }), fc.double({ min: 0, max: 0.6, noNaN: true }), (capacity, sample, rate) => {
        const noShow = Math.floor(sample * rate);
        const advice = overbookingAdvice(noShow, sample, capacity);
        if (advice.kind !== 'suggested') throw new Error('enough sample');
        const show = 1 - noShow / sample;
        expect(advice.bookingsPerSlot).toBeGreaterThanOrEqual(capacity);
        expect(advice.bookingsPerSlot).toBeLessThanOrEqual(Math.floor(capacity * MAX_FACTOR));
        expect(overflowProbability(advice.bookingsPerSlot, show, capacity)).toBeLessThanOrEqual(OVERFLOW_RISK);
        if (advice.bookingsPerSlot < Math.floor(capacity * MAX_FACTOR)) expect(overflowProbability(advice.bookingsPerSlot + 1, show, capacity)).toBeGreaterThan(OVERFLOW_RISK);
        expect(advice.factor).toBeLessThanOrEqual(advice.bookingsPerSlot / capacity);
        const more = overbookingAdvice(Math.min(sample, noShow + Math.ceil(sample / 20)), sample, capacity);
        expect(more.kind === 'suggested' && more.bookingsPerSlot).toBeGreaterThanOrEqual(advice.bookingsPerSlot);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a hall's report", () => {
  const week = { from: '2026-11-30', to: '2026-12-06', label: 'w' };

  it('property: the totals are the sums over businesses and over days; every day of the period is listed once', () => {
    const status = fc.constantFrom('booked' as const, 'checkedIn' as const, 'noShow' as const, 'cancelled' as const);
    const date = fc.integer({ min: 0, max: 6 }).map((d) => `2026-1${d === 0 ? '1-30' : `2-0${d}`}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), date, status, fc.integer({ min: 1, max: 40 })), { maxLength: 30 }), (rows) => {
        const counts: AppointmentCounts = {
          byBusiness: rows.map(([business, , s, count]) => ({ business, status: s, count })),
          byDate: rows.map(([, d, s, count]) => ({ date: d, status: s, count })),
          byHour: [],
        };
        const r = hallReport(week, counts, 8);
        expect(r.byDay.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
        for (const key of ['appointments', 'booked', 'checkedIn', 'noShow', 'cancelled'] as const) {
          expect(r.byBusiness.reduce((n, b) => n + b[key], 0)).toBe(r.totals[key]);
          expect(r.byDay.reduce((n, d) => n + d[key], 0)).toBe(r.totals[key]);
        }
        expect(r.totals.appointments).toBe(r.totals.booked + r.totals.checkedIn + r.totals.noShow);
        const concluded = r.totals.checkedIn + r.totals.noShow;
        expect(r.noShowRate).toBe(concluded ? r.totals.noShow / concluded : null);
      }),
    );
  });

  it('busiest business first; hours in order, empty ones left out', () => {
    const r = hallReport(
      week,
      {
        byBusiness: [
          { business: 'b', status: 'checkedIn', count: 1 },
          { business: 'a', status: 'checkedIn', count: 3 },
          { business: 'c', status: 'cancelled', count: 9 },
        ],
        byDate: [],
        byHour: [
          { hour: '14', count: 2 },
          { hour: '09', count: 2 },
          { hour: '10', count: 0 },
        ],
      },
      8,
    );
    expect(r.byBusiness.map((b) => b.business)).toEqual(['a', 'b', 'c']);
    expect(r.byHour).toEqual([
      { hour: '09', appointments: 2 },
      { hour: '14', appointments: 2 },
    ]);
  });
});

describe('CSV for a spreadsheet', () => {
  it('a byte-order mark, CRLF, quoted where needed, numbers as they are', () => {
    expect(
      csvText([
        ['事项', '预约数'],
        ['到期换领居民身份证', 12],
        ['a "b", c', 0.25],
        [null, undefined],
      ]),
    ).toBe('\uFEFF事项,预约数\r\n到期换领居民身份证,12\r\n"a ""b"", c",0.25\r\n,\r\n');
  });

  it('a cell a spreadsheet would run as a formula is written as text', () => {
    expect(csvText([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', -3]])).toBe('\uFEFF"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@SUM(A1),-3\r\n');
  });
});

describe("the hall floor's numbers", () => {
  it('property: every ticket is a booked arrival or a walk-in; served, missed and green are parts of them; consultations add up', () => {
    const row = fc.record({
      source: fc.constantFrom('booked' as const, 'walkIn' as const),
      status: fc.constantFrom('waiting' as const, 'calling' as const, 'serving' as const, 'done' as const, 'missed' as const),
      green: fc.option(fc.constantFrom('elderly', 'examinee', 'disabled'), { nil: null }),
      count: fc.integer({ min: 1, max: 50 }),
    });
    const state = fc.record({ state: fc.constantFrom('open' as const, 'answered' as const, 'published' as const, 'closed' as const), count: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.array(state, { maxLength: 8 }), (tickets, byState) => {
        const f = floorReport({ tickets, meanWaitMs: null, meanServiceMs: 90_000, byWindow: [], handled: [] }, { byState });
        const total = tickets.reduce((n, t) => n + t.count, 0);
        expect(f.bookedArrivals + f.walkIns).toBe(total);
        expect(f.served + f.missed).toBeLessThanOrEqual(total);
        expect(f.green).toBe(f.greenByReason.reduce((n, g) => n + g.count, 0));
        expect(f.green).toBeLessThanOrEqual(total);
        expect(f.consultations.asked).toBe(byState.reduce((n, s) => n + s.count, 0));
        expect(f.consultations.answered).toBeGreaterThanOrEqual(f.consultations.published);
        expect(f.meanWaitMinutes).toBeNull();
        expect(f.meanServiceMinutes).toBe(1.5);
      }),
    );
  });

  it('windows in their natural order (2 before 10)', () => {
    const f = floorReport(
      {
        tickets: [],
        meanWaitMs: null,
        meanServiceMs: null,
        byWindow: [
          { window: '10', count: 1 },
          { window: '2', count: 3 },
        ],
        handled: [],
      },
      { byState: [] },
    );
    expect(f.byWindow.map((w) => w.window)).toEqual(['2', '10']);
  });
});
