/**
 * The work calendar over the `chinese-days` package: statutory holidays with their Chinese names,
 * adjusted workdays (调休上班), ordinary weekends being neither, and the same answers whatever the
 * process time zone (which the package's own functions do not manage west of UTC).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chineseDaysCalendar as cal, chineseDaysCoverage } from '../../server/time/chineseDaysCalendar';
import { isoDate } from './support/arbHall';

const DAY = 86_400_000;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** Every date the package covers. */
function* coveredDates(): Generator<string> {
  for (let t = Date.UTC(chineseDaysCoverage.firstYear, 0, 1); t <= Date.UTC(chineseDaysCoverage.lastYear, 11, 31); t += DAY) yield isoDate(t);
}

describe('chineseDaysCalendar', () => {
  it('National Day 2026: 10-01 to 10-07 are holidays named 国庆节, the Saturday 10-03 included', () => {
    for (let d = 1; d <= 7; d++) {
      const date = `2026-10-0${d}`;
      expect({ date, holiday: cal.isStatutoryHoliday(date), name: cal.holidayName(date) }).toEqual({ date, holiday: true, name: '国庆节' });
      expect(cal.isAdjustedWorkday(date)).toBe(false);
    }
    expect(cal.isStatutoryHoliday('2026-09-30')).toBe(false);
    expect(cal.isStatutoryHoliday('2026-10-08')).toBe(false);
  });

  it('the Spring Festival 2026 (02-15 to 02-23) is 春节', () => {
    expect(cal.isStatutoryHoliday('2026-02-17')).toBe(true);
    expect(cal.holidayName('2026-02-17')).toBe('春节');
    expect(cal.isStatutoryHoliday('2026-02-15')).toBe(true);
    expect(cal.isStatutoryHoliday('2026-02-23')).toBe(true);
    expect(cal.isStatutoryHoliday('2026-02-24')).toBe(false);
  });

  it('an ordinary weekend is neither a statutory holiday nor an adjusted workday', () => {
    for (const date of ['2026-11-28', '2026-11-29', '2026-03-07', '2026-03-08']) {
      expect({ date, holiday: cal.isStatutoryHoliday(date), adjusted: cal.isAdjustedWorkday(date), name: cal.holidayName(date) }).toEqual({
        date,
        holiday: false,
        adjusted: false,
        name: undefined,
      });
    }
    // An ordinary weekday too.
    expect(cal.isStatutoryHoliday('2026-11-23')).toBe(false);
    expect(cal.isAdjustedWorkday('2026-11-23')).toBe(false);
  });

  it('the adjusted workdays of 2026 are the weekend days of the State Council notice, named after their holiday', () => {
    const adjusted = [...coveredDates()].filter((d) => d.startsWith('2026-') && cal.isAdjustedWorkday(d));
    expect(adjusted.map((d) => [d, weekday(d), cal.holidayName(d)])).toEqual([
      ['2026-01-04', 7, '元旦'],
      ['2026-02-14', 6, '春节'],
      ['2026-02-28', 6, '春节'],
      ['2026-05-09', 6, '劳动节'],
      ['2026-09-20', 7, '国庆节'],
      ['2026-10-10', 6, '国庆节'],
    ]);
    for (const d of adjusted) expect(cal.isStatutoryHoliday(d)).toBe(false);
  });

  it('names come out in Chinese, in full: 清明节, 端午节, 中秋节', () => {
    expect(cal.holidayName('2026-04-05')).toBe('清明节');
    expect(cal.holidayName('2026-06-19')).toBe('端午节');
    expect(cal.holidayName('2026-09-25')).toBe('中秋节');
    expect(cal.holidayName('2026-05-01')).toBe('劳动节');
    expect(cal.holidayName('2026-01-01')).toBe('元旦');
  });

  it('over every covered date: names are Chinese, no day is both, adjusted workdays fall on weekends', () => {
    let holidays = 0;
    const wrong: string[] = [];
    for (const date of coveredDates()) {
      const holiday = cal.isStatutoryHoliday(date);
      const adjusted = cal.isAdjustedWorkday(date);
      const name = cal.holidayName(date);
      // Chinese characters (one name has a number: 中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日).
      const named = name !== undefined && /^[\u4e00-\u9fa5][\u4e00-\u9fa50-9]*$/.test(name);
      if ((holiday && adjusted) || (holiday || adjusted) !== named || (adjusted && weekday(date) < 6)) wrong.push(`${date} ${name}`);
      if (holiday) holidays++;
    }
    expect(wrong).toEqual([]);
    // Seven holidays a year, a few days each.
    expect(holidays / (chineseDaysCoverage.lastYear - chineseDaysCoverage.firstYear + 1)).toBeGreaterThan(20);
  });

  it('covers 2004 through at least 2026; later years close only the statutory days of the law (statutoryHolidays.test.ts)', () => {
    expect(chineseDaysCoverage.firstYear).toBe(2004);
    expect(chineseDaysCoverage.lastYear).toBeGreaterThanOrEqual(2026);
    const next = chineseDaysCoverage.lastYear + 1;
    expect(cal.isStatutoryHoliday(`${next}-10-01`)).toBe(true);
    expect(cal.holidayName(`${next}-10-01`)).toBe('国庆节（法定节假日）');
    expect(cal.isStatutoryHoliday(`${next}-10-04`)).toBe(false);
    expect(cal.holidayName(`${next}-10-04`)).toBeUndefined();
  });

  it('gives the same answers under any process time zone, where the package’s own functions slip a day west of UTC', () => {
    // Jest hands each test a copy of process.env, so TZ is changed for real in a child process.
    const root = path.resolve(__dirname, '..', '..');
    const probe = path.join(__dirname, 'support', 'bookingZoneProbe.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', probe, 'calendar'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`probe exited with ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as {
      zone: string;
      januaryOffset: number;
      julyOffset: number;
      known: Record<string, unknown>;
      packageAnswersFor: string;
      packageSaturdayIsWorkday: boolean;
      packageDisagreements: number;
    }[];
    expect(report.find((r) => r.zone === 'America/New_York')).toMatchObject({ januaryOffset: 300, julyOffset: 240 });
    expect(report.find((r) => r.zone === 'Asia/Shanghai')).toMatchObject({ januaryOffset: -480 });
    const expected = {
      '2026-10-01': { holiday: true, adjusted: false, name: '国庆节' },
      '2026-02-17': { holiday: true, adjusted: false, name: '春节' },
      '2026-11-28': { holiday: false, adjusted: false },
      '2026-10-10': { holiday: false, adjusted: true, name: '国庆节' },
      '2026-09-20': { holiday: false, adjusted: true, name: '国庆节' },
      '2026-10-03': { holiday: true, adjusted: false, name: '国庆节' },
      '2026-11-23': { holiday: false, adjusted: false },
      '2025-10-06': { holiday: true, adjusted: false, name: '中秋节' },
      '2027-02-05': { holiday: true, adjusted: false, name: '春节（法定节假日）' },
      '2027-04-05': { holiday: true, adjusted: false, name: '清明节（法定节假日）' },
      '2027-04-06': { holiday: false, adjusted: false },
    };
    for (const r of report) {
      expect({ zone: r.zone, known: r.known }).toEqual({ zone: r.zone, known: expected });
      // The adapter reads the package's data as its functions do, on every listed day.
      expect({ zone: r.zone, disagreements: r.packageDisagreements }).toEqual({ zone: r.zone, disagreements: 0 });
    }
    // Why the adapter reads the data file: west of UTC the package answers for the day before.
    const west = report.filter((r) => r.januaryOffset > 0);
    expect(west.map((r) => r.zone)).toEqual(expect.arrayContaining(['America/New_York', 'Pacific/Pago_Pago']));
    for (const r of west)
      expect({ zone: r.zone, for: r.packageAnswersFor, saturdayWorks: r.packageSaturdayIsWorkday }).toEqual({ zone: r.zone, for: '2026-09-30', saturdayWorks: true });
  });
});
