/**
 * When a hall is open: special periods over the weekly hours, the weekly summary rows, and
 * "today / open now" in Asia/Shanghai whatever the server's own time zone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describeHours, hoursOn, weeklyRows, type WeeklyHoursRow } from '../../core/guide/hallHours';
import type { Hall, Session } from '../../core/guide/Hall';
import { arbHall, arbInstantFor, atShanghai, isoDate, shanghaiWallClock } from './support/arbHall';
import { seedContent, seedHall } from './support/InMemoryGuideRepository';

const AM: Session = { start: '09:00', end: '12:00' };
const PM: Session = { start: '13:30', end: '17:00' };
const AM_830: Session = { start: '08:30', end: '12:00' };
const PM_1400: Session = { start: '14:00', end: '17:30' };

function hallWith(weeklyHours: Hall['weeklyHours'], specialHours: Hall['specialHours'] = []): Hall {
  return { ...seedHall('haikou-meilan'), weeklyHours, specialHours };
}

describe('hoursOn', () => {
  it('regular weekdays use the weekly hours; days without hours are closed', () => {
    const longhua = seedHall('haikou-longhua');
    expect(hoursOn(longhua, '2026-11-23')).toEqual({ date: '2026-11-23', weekday: 1, sessions: [AM, PM] });
    expect(hoursOn(longhua, '2026-11-28')).toEqual({ date: '2026-11-28', weekday: 6, sessions: [AM, PM] });
    expect(hoursOn(longhua, '2026-11-29')).toEqual({ date: '2026-11-29', weekday: 7, sessions: [] });
    expect(hoursOn(seedHall('haikou-meilan'), '2026-11-28')).toEqual({ date: '2026-11-28', weekday: 6, sessions: [] });
  });

  it('every seed hall is closed on New Year’s Day 2027 (a Friday), labelled by the special period', () => {
    for (const hall of seedContent().halls) {
      expect(hoursOn(hall, '2027-01-01')).toEqual({ date: '2027-01-01', weekday: 5, sessions: [], special: '元旦休息' });
      // The Friday before is a normal working day.
      expect(hoursOn(hall, '2026-12-25').special).toBeUndefined();
      expect(hoursOn(hall, '2026-12-25').sessions.length).toBeGreaterThan(0);
    }
  });

  it('Longhua keeps holiday-duty sessions during the Spring Festival while the other Haikou halls close', () => {
    const longhua = seedHall('haikou-longhua');
    expect(hoursOn(longhua, '2027-02-06')).toMatchObject({ weekday: 6, sessions: [], special: '春节休息' });
    expect(hoursOn(longhua, '2027-02-07')).toMatchObject({ sessions: [], special: '春节休息' });
    for (const date of ['2027-02-08', '2027-02-09', '2027-02-10']) {
      expect(hoursOn(longhua, date)).toMatchObject({ sessions: [AM], special: '春节假期值班（仅上午）' });
    }
    for (const date of ['2027-02-11', '2027-02-12']) {
      expect(hoursOn(longhua, date)).toMatchObject({
        sessions: [AM, { start: '14:30', end: '17:00' }],
        special: '春节假期值班',
      });
    }
    // The day after: back to the weekly hours (2027-02-13 is a Saturday, Longhua opens on Saturdays).
    expect(hoursOn(longhua, '2027-02-13')).toEqual({ date: '2027-02-13', weekday: 6, sessions: [AM, PM] });
    for (const id of ['haikou-meilan', 'haikou-xiuying', 'haikou-qiongshan-idcard']) {
      expect(hoursOn(seedHall(id), '2027-02-08')).toEqual({ date: '2027-02-08', weekday: 1, sessions: [], special: '春节休息' });
    }
  });

  it('extended-hours periods replace the weekly hours for their dates only', () => {
    const futian = seedHall('shenzhen-futian');
    expect(hoursOn(futian, '2026-12-28')).toMatchObject({
      weekday: 1,
      sessions: [AM, { start: '12:00', end: '13:30' }, { start: '14:00', end: '19:30' }],
      special: '年末延时服务（晚间延至19:30）',
    });
    expect(hoursOn(futian, '2026-12-31').sessions.at(-1)).toEqual({ start: '14:00', end: '19:30' });
    expect(hoursOn(futian, '2026-12-25').sessions.at(-1)).toEqual(PM_1400);

    const nanshan = seedHall('shenzhen-nanshan');
    expect(hoursOn(nanshan, '2027-01-25')).toMatchObject({ sessions: [AM, { start: '13:30', end: '19:30' }] });
    expect(hoursOn(nanshan, '2027-01-29').special).toBe('春节前延时服务（晚间延至19:30）');
    expect(hoursOn(nanshan, '2027-01-30')).toEqual({ date: '2027-01-30', weekday: 6, sessions: [AM, PM] });
    expect(hoursOn(nanshan, '2027-01-24')).toEqual({ date: '2027-01-24', weekday: 7, sessions: [] });

    const tianhe = seedHall('guangzhou-tianhe');
    expect(hoursOn(tianhe, '2027-07-05')).toMatchObject({ sessions: [AM_830, { start: '14:00', end: '19:00' }] });
    expect(hoursOn(tianhe, '2027-07-12')).toEqual({ date: '2027-07-12', weekday: 1, sessions: [AM_830, PM_1400] });
  });

  it('a special period can open a day that is closed every week', () => {
    const hall = hallWith([{ weekday: 1, sessions: [AM] }], [{ from: '2026-11-29', to: '2026-11-29', label: '周日值班', sessions: [AM] }]);
    expect(hoursOn(hall, '2026-11-29')).toEqual({ date: '2026-11-29', weekday: 7, sessions: [AM], special: '周日值班' });
  });

  it('property: the sessions come from exactly one source — the first special period covering the date, else the week', () => {
    fc.assert(
      fc.property(arbHall, fc.integer({ min: -30, max: 4 * 365 + 30 }), (hall, offset) => {
        const date = isoDate(Date.UTC(2025, 0, 1) + offset * 86_400_000);
        const day = hoursOn(hall, date);
        const covering = hall.specialHours.filter((s) => s.from <= date && date <= s.to);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
        expect(day.date).toBe(date);
        expect(day.weekday).toBe(weekday);
        if (covering.length > 0) {
          expect(day.sessions).toBe(covering[0].sessions);
          expect(day.special).toBe(covering[0].label);
        } else {
          const regular = hall.weeklyHours.find((w) => w.weekday === weekday);
          expect(day.special).toBeUndefined();
          if (regular) expect(day.sessions).toBe(regular.sessions);
          else expect(day.sessions).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('weeklyRows', () => {
  it('groups consecutive weekdays with equal sessions and omits closed days', () => {
    expect(weeklyRows(seedHall('haikou-longhua'))).toEqual([{ days: '周一至周六', sessions: [AM, PM] }]);
    expect(weeklyRows(seedHall('haikou-meilan'))).toEqual([{ days: '周一至周五', sessions: [AM_830, PM_1400] }]);
  });

  it('separates weekdays whose sessions differ (Futian: staggered weekday lunch, normal Saturday)', () => {
    expect(weeklyRows(seedHall('shenzhen-futian'))).toEqual([
      { days: '周一至周五', sessions: [AM, { start: '12:00', end: '13:30' }, PM_1400] },
      { days: '周六', sessions: [AM, PM] },
    ]);
  });

  it('does not join equal days across a closed day, names two days with 、 and keeps week order', () => {
    const hall = hallWith([
      { weekday: 5, sessions: [AM] },
      { weekday: 1, sessions: [AM] },
      { weekday: 2, sessions: [AM] },
      { weekday: 4, sessions: [AM] },
      { weekday: 7, sessions: [PM] },
      { weekday: 6, sessions: [PM] },
    ]);
    expect(weeklyRows(hall)).toEqual([
      { days: '周一、周二', sessions: [AM] },
      { days: '周四、周五', sessions: [AM] },
      { days: '周六、周日', sessions: [PM] },
    ]);
  });

  it('a hall with no weekly hours has no rows; a single day is named alone', () => {
    expect(weeklyRows(hallWith([]))).toEqual([]);
    expect(weeklyRows(hallWith([{ weekday: 7, sessions: [AM] }]))).toEqual([{ days: '周日', sessions: [AM] }]);
    expect(
      weeklyRows(
        hallWith([
          { weekday: 3, sessions: [AM] },
          { weekday: 4, sessions: [PM] },
        ]),
      ),
    ).toEqual([
      { days: '周三', sessions: [AM] },
      { days: '周四', sessions: [PM] },
    ]);
  });

  const NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  /** The weekdays a row's label names: 周X, 周X、周Y (adjacent) or 周X至周Y (three or more). */
  function daysOf(row: WeeklyHoursRow): number[] {
    const range = /^(周.)至(周.)$/.exec(row.days);
    if (range) {
      const from = NAMES.indexOf(range[1]) + 1;
      const to = NAMES.indexOf(range[2]) + 1;
      expect(to - from).toBeGreaterThanOrEqual(2);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    }
    const pair = /^(周.)、(周.)$/.exec(row.days);
    if (pair) {
      const [a, b] = [NAMES.indexOf(pair[1]) + 1, NAMES.indexOf(pair[2]) + 1];
      expect(b).toBe(a + 1);
      return [a, b];
    }
    const one = NAMES.indexOf(row.days) + 1;
    expect(one).toBeGreaterThan(0);
    return [one];
  }

  it('property: rows cover exactly the open weekdays with their sessions, each row maximal', () => {
    fc.assert(
      fc.property(arbHall, (hall) => {
        const rows = weeklyRows(hall);
        const covered = rows.flatMap((r) => daysOf(r).map((d) => ({ d, sessions: r.sessions })));
        const open = hall.weeklyHours.filter((w) => w.sessions.length > 0).sort((a, b) => a.weekday - b.weekday);
        expect(covered.map((c) => c.d)).toEqual(open.map((w) => w.weekday));
        for (const c of covered) expect(c.sessions).toEqual(open.find((w) => w.weekday === c.d)!.sessions);
        // Maximal: two rows that touch (…周三 | 周四…) have different sessions.
        for (let i = 1; i < rows.length; i++) {
          const prevLast = daysOf(rows[i - 1]).at(-1)!;
          if (daysOf(rows[i])[0] === prevLast + 1) expect(rows[i].sessions).not.toEqual(rows[i - 1].sessions);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('describeHours', () => {
  const longhua = seedHall('haikou-longhua');

  it('2026-11-23T01:30Z is 09:30 on Monday in Shanghai: the hall is open', () => {
    const { today } = describeHours(longhua, new Date('2026-11-23T01:30:00Z'));
    expect(today).toEqual({ date: '2026-11-23', weekday: 1, sessions: [AM, PM], openNow: true });
  });

  it('2026-11-22T16:30Z is 00:30 on Monday in Shanghai (Sunday in UTC): Monday’s hours, closed now', () => {
    const { today } = describeHours(longhua, new Date('2026-11-22T16:30:00Z'));
    expect(today).toEqual({ date: '2026-11-23', weekday: 1, sessions: [AM, PM], openNow: false });
  });

  it('a session includes its start and excludes its end', () => {
    const at = (time: string) => describeHours(longhua, atShanghai('2026-11-23', time)).today.openNow;
    expect(at('08:59:59')).toBe(false);
    expect(at('09:00:00')).toBe(true);
    expect(at('11:59:59')).toBe(true);
    expect(at('12:00:00')).toBe(false);
    expect(at('13:29:59')).toBe(false);
    expect(at('13:30:00')).toBe(true);
    expect(at('16:59:59')).toBe(true);
    expect(at('17:00:00')).toBe(false);
    // Futian's staggered lunch session starts at 12:00 exactly.
    expect(describeHours(seedHall('shenzhen-futian'), atShanghai('2026-11-23', '12:00')).today.openNow).toBe(true);
  });

  it('uses special hours for today: closed on New Year’s Day, morning-only holiday duty', () => {
    expect(describeHours(longhua, atShanghai('2027-01-01', '10:00')).today).toEqual({
      date: '2027-01-01',
      weekday: 5,
      sessions: [],
      special: '元旦休息',
      openNow: false,
    });
    expect(describeHours(longhua, atShanghai('2027-02-08', '10:00')).today.openNow).toBe(true);
    expect(describeHours(longhua, atShanghai('2027-02-08', '14:00')).today.openNow).toBe(false);
    expect(describeHours(seedHall('haikou-meilan'), atShanghai('2027-02-08', '10:00')).today.openNow).toBe(false);
    expect(describeHours(seedHall('shenzhen-futian'), atShanghai('2026-12-29', '19:00')).today.openNow).toBe(true);
    expect(describeHours(seedHall('shenzhen-futian'), atShanghai('2026-12-22', '19:00')).today.openNow).toBe(false);
  });

  it('upcomingSpecial lists periods not yet ended within the horizon, soonest first', () => {
    const futian = seedHall('shenzhen-futian');
    const labels = (hall: Hall, instant: Date, horizon?: number) => describeHours(hall, instant, horizon).upcomingSpecial.map((s) => s.label);
    const nov23 = new Date('2026-11-23T01:30:00Z');
    // 60 days from 2026-11-23 is 2027-01-22: the Spring Festival (from 2027-02-06) is beyond it.
    expect(labels(futian, nov23)).toEqual(['年末延时服务（晚间延至19:30）', '元旦休息']);
    expect(labels(longhua, nov23)).toEqual(['元旦休息']);
    expect(labels(longhua, nov23, 90)).toEqual(['元旦休息', '春节休息', '春节假期值班（仅上午）', '春节假期值班']);
    expect(labels(longhua, nov23, 0)).toEqual([]);
    // A period that starts exactly on the horizon day is in; one that ended yesterday is out.
    expect(labels(longhua, atShanghai('2026-12-02', '10:00'), 30)).toEqual(['元旦休息']);
    expect(labels(longhua, atShanghai('2027-02-08', '10:00'))).toEqual(['春节假期值班（仅上午）', '春节假期值班']);
    // On the last day of a period it is still listed, until midnight in Shanghai.
    expect(labels(longhua, atShanghai('2027-02-10', '23:59'))).toEqual(['春节假期值班（仅上午）', '春节假期值班']);
    expect(labels(longhua, atShanghai('2027-02-11', '00:00'))).toEqual(['春节假期值班']);
    expect(labels(longhua, atShanghai('2027-02-13', '00:00'))).toEqual([]);
  });

  it('sorts special periods listed out of order without reordering the hall’s own list', () => {
    const hall = hallWith(
      [{ weekday: 1, sessions: [AM] }],
      [
        { from: '2027-01-20', to: '2027-01-21', label: 'C', sessions: [] },
        { from: '2026-12-01', to: '2026-12-31', label: 'A', sessions: [AM] },
        { from: '2027-01-05', to: '2027-01-05', label: 'B', sessions: [] },
        { from: '2026-11-01', to: '2026-11-22', label: 'ended', sessions: [] },
      ],
    );
    const before = hall.specialHours.map((s) => s.label);
    expect(describeHours(hall, atShanghai('2026-12-10', '10:00')).upcomingSpecial.map((s) => s.label)).toEqual(['A', 'B', 'C']);
    expect(hall.specialHours.map((s) => s.label)).toEqual(before);
  });

  it('carries the weekly rows and the hall’s note', () => {
    const view = describeHours(longhua, new Date('2026-11-23T01:30:00Z'));
    expect(view.weekly).toEqual(weeklyRows(longhua));
    expect(view.note).toBe(longhua.hoursNote);
  });

  it('property: today is the Shanghai date (UTC+8) and openNow is true iff the Shanghai time is in one of today’s sessions', () => {
    fc.assert(
      fc.property(
        arbHall.chain((hall) => fc.tuple(fc.constant(hall), arbInstantFor(hall))),
        ([hall, instant]) => {
          const wall = shanghaiWallClock(instant);
          const { today } = describeHours(hall, instant);
          expect(today.date).toBe(wall.date);
          expect(today.weekday).toBe(wall.weekday);
          expect(today.sessions).toEqual(hoursOn(hall, wall.date).sessions);
          expect(today.openNow).toBe(today.sessions.some((s) => s.start <= wall.time && wall.time < s.end));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: upcomingSpecial is exactly the periods ending today or later and starting within the horizon, by start date', () => {
    fc.assert(
      fc.property(
        arbHall.chain((hall) => fc.tuple(fc.constant(hall), arbInstantFor(hall, Date.UTC(2024, 6, 1), Date.UTC(2029, 6, 1)))),
        fc.integer({ min: 0, max: 400 }),
        ([hall, instant], horizon) => {
          const { date } = shanghaiWallClock(instant);
          const last = isoDate(Date.parse(`${date}T00:00:00Z`) + horizon * 86_400_000);
          const listed = describeHours(hall, instant, horizon).upcomingSpecial;
          const expected = hall.specialHours.filter((s) => s.to >= date && s.from <= last);
          expect([...listed].sort((a, b) => hall.specialHours.indexOf(a) - hall.specialHours.indexOf(b))).toEqual(expected);
          for (let i = 1; i < listed.length; i++) expect(listed[i - 1].from <= listed[i].from).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the Shanghai date and openNow under any process time zone, daylight-saving gaps included', () => {
    // Jest hands each test a copy of process.env, so TZ is changed for real in a child process.
    const root = path.resolve(__dirname, '..', '..');
    const probe = path.join(__dirname, 'support', 'shanghaiClockProbe.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', probe], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`probe exited with ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as {
      zone: string;
      januaryOffset: number;
      julyOffset: number;
      transitions: number;
      pinned: { date: string; weekday: number; openNow: boolean };
      failure?: string;
    }[];
    expect(report.map((r) => r.zone)).toContain('America/New_York');
    // The zones really took effect in the child (offsets in minutes west of UTC, as getTimezoneOffset gives them).
    expect(report.find((r) => r.zone === 'America/New_York')).toMatchObject({ januaryOffset: 300, julyOffset: 240 });
    expect(report.find((r) => r.zone === 'Europe/Berlin')).toMatchObject({ januaryOffset: -60, julyOffset: -120 });
    expect(report.filter((r) => r.transitions > 0).length).toBeGreaterThanOrEqual(5);
    // 2027-03-13T18:30Z is 02:30 on Sunday 2027-03-14 in Shanghai — inside New York's spring-forward
    // gap (02:00–03:00 local that night). A hall open 03:00–04:00 on Sundays is not open yet.
    for (const r of report) expect({ zone: r.zone, ...r.pinned }).toEqual({ zone: r.zone, date: '2027-03-14', weekday: 7, openNow: false });
    expect(report.filter((r) => r.failure)).toEqual([]);
  });
});
