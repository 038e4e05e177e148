import { periodOf, stepped } from '../../core/statistics/periodSteps';

/** 统计报表's ‹ › and its tabs (core/statistics/periodSteps.ts). */
describe('stepping through report periods', () => {
  it('a day, a week, a month (across a year), a holiday of the year before or after', () => {
    expect(stepped({ kind: 'day', date: '2026-12-31' }, 1)).toEqual({ kind: 'day', date: '2027-01-01' });
    expect(stepped({ kind: 'week', date: '2026-12-02' }, -1)).toEqual({ kind: 'week', date: '2026-11-25' });
    expect(stepped({ kind: 'month', month: '2026-12' }, 1)).toEqual({ kind: 'month', month: '2027-01' });
    expect(stepped({ kind: 'month', month: '2027-01' }, -1)).toEqual({ kind: 'month', month: '2026-12' });
    expect(stepped({ kind: 'holiday', year: 2027, holiday: '春节' }, -1)).toEqual({ kind: 'holiday', year: 2026, holiday: '春节' });
  });

  it('the period of a tab holds the date', () => {
    expect(periodOf('month', '2026-12-03')).toEqual({ kind: 'month', month: '2026-12' });
    expect(periodOf('week', '2026-12-03')).toEqual({ kind: 'week', date: '2026-12-03' });
  });
});
