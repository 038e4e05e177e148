/**
 * Slot generation from a hall's opening and schedule, and the times around a slot (release,
 * start, cancellation deadline, check-in window), checked against an independent UTC+8
 * computation, in this process and under other process time zones.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import type { HallSchedule } from '../../core/booking/HallSchedule';
import { openingOn } from '../../core/time/opening';
import {
  bookableDates,
  bookingOpen,
  cancellationDeadline,
  checkInWindow,
  parseSlotId,
  releasedThrough,
  slotCapacity,
  slotEnd,
  slotId,
  slotStart,
  slotsOn,
} from '../../core/booking/slots';
import { NO_HOLIDAYS } from '../../core/time/WorkCalendar';
import type { Hall } from '../../core/guide/Hall';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { loadSchedules } from '../../server/seed/loadSchedules';
import { arbHall, arbInstantFor, atShanghai, hhmm } from './support/arbHall';
import { arbCalendar, arbDate, arbSchedule, fakeCalendar, walkInPercent } from './support/arbSchedule';
import { expectedDeadline, expectedReleasedThrough, expectedState, plusDays, shanghaiMs } from './support/bookingExpectations';
import { seedContent, seedHall } from './support/InMemoryGuideRepository';

const schedules = loadSchedules(undefined, seedContent());
const scheduleOf = (id: string): HallSchedule => schedules.find((s) => s._id === id)!;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const starts = (plans: { start: string }[]) => plans.map((p) => p.start);

describe('slot ids', () => {
  it('are hall:date:HHmm and parse back', () => {
    expect(slotId('shenzhen-futian', '2026-11-23', '09:30')).toBe('shenzhen-futian:2026-11-23:0930');
    expect(parseSlotId('shenzhen-futian:2026-11-23:0930')).toEqual({ hallId: 'shenzhen-futian', date: '2026-11-23', start: '09:30' });
  });

  it('anything else is not a slot id', () => {
    for (const id of [
      '',
      'x',
      'a:b:c',
      'hall:2026-11-23:930',
      'hall:2026-11-23:2400',
      'hall:2026-11-23:0960',
      'Hall:2026-11-23:0930',
      'hall:2026-11-23:0930:x',
      'hall:20261123:0930',
    ]) {
      expect(parseSlotId(id)).toBeNull();
    }
  });

  it('property: every hall id, date and time round-trips', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/), arbDate, fc.integer({ min: 0, max: 1439 }), (hallId, date, m) => {
        expect(parseSlotId(slotId(hallId, date, hhmm(m)))).toEqual({ hallId, date, start: hhmm(m) });
      }),
    );
  });
});

describe('slotCapacity', () => {
  it('is floor(windows × perWindow × (1 − walkInShare))', () => {
    expect(slotCapacity({ windows: 6, perWindow: 2, walkInShare: 0.5 })).toBe(6);
    expect(slotCapacity({ windows: 4, perWindow: 2, walkInShare: 0.3 })).toBe(5);
    expect(slotCapacity({ windows: 3, perWindow: 1, walkInShare: 0.3 })).toBe(2);
    expect(slotCapacity({ windows: 3, perWindow: 1, walkInShare: 0 })).toBe(3);
    // 10 × (1 − 0.9) is 0.9999999999999998 in floating point: still one place.
    expect(slotCapacity({ windows: 10, perWindow: 1, walkInShare: 0.9 })).toBe(1);
    expect(slotCapacity({ windows: 1, perWindow: 1, walkInShare: 0.9 })).toBe(0);
  });

  it('property: equals the exact integer computation for whole-percent shares', () => {
    fc.assert(
      fc.property(arbSchedule, (s) => {
        expect(slotCapacity(s)).toBe(Math.floor((s.windows * s.perWindow * (100 - walkInPercent(s))) / 100));
      }),
      { numRuns: 500 },
    );
  });
});

describe('slotsOn', () => {
  it('Futian on a Monday: three sessions cut into 30-minute slots of 6 places (6 windows × 2, half kept for walk-ins)', () => {
    const plans = slotsOn(seedHall('shenzhen-futian'), scheduleOf('shenzhen-futian'), '2026-11-23', chineseDaysCalendar);
    expect(plans).toHaveLength(6 + 3 + 7);
    expect(plans[0]).toEqual({ slotId: 'shenzhen-futian:2026-11-23:0900', hallId: 'shenzhen-futian', date: '2026-11-23', start: '09:00', end: '09:30', capacity: 6 });
    expect(starts(plans).slice(5, 10)).toEqual(['11:30', '12:00', '12:30', '13:00', '14:00']);
    expect(plans.at(-1)).toMatchObject({ start: '17:00', end: '17:30' });
  });

  it('drops a trailing piece shorter than a slot (Yuexiu, 40-minute slots)', () => {
    const plans = slotsOn(seedHall('guangzhou-yuexiu'), scheduleOf('guangzhou-yuexiu'), '2026-11-23', chineseDaysCalendar);
    expect(starts(plans)).toEqual(['09:00', '09:40', '10:20', '11:00', '13:30', '14:10', '14:50', '15:30', '16:10']);
    expect(plans.at(-1)!.end).toBe('16:50');
    expect(new Set(plans.map((p) => p.capacity))).toEqual(new Set([2]));
  });

  it('the small Qiongshan ID-card point: 20-minute slots of 2 places', () => {
    const plans = slotsOn(seedHall('haikou-qiongshan-idcard'), scheduleOf('haikou-qiongshan-idcard'), '2026-11-23', chineseDaysCalendar);
    expect(plans).toHaveLength(10 + 10);
    expect(plans[0]).toMatchObject({ start: '08:30', end: '08:50', capacity: 2 });
  });

  it('no slots on a statutory holiday or a closed day; slots on an adjusted workday and in extended hours', () => {
    const futian = seedHall('shenzhen-futian');
    const s = scheduleOf('shenzhen-futian');
    expect(slotsOn(futian, s, '2026-10-01', chineseDaysCalendar)).toEqual([]);
    expect(slotsOn(futian, s, '2026-11-29', chineseDaysCalendar)).toEqual([]);
    expect(slotsOn(futian, s, '2026-09-20', chineseDaysCalendar)).toHaveLength(16);
    expect(slotsOn(futian, s, '2027-01-01', chineseDaysCalendar)).toEqual([]);
    expect(starts(slotsOn(futian, s, '2026-12-28', chineseDaysCalendar)).slice(-2)).toEqual(['18:30', '19:00']);
  });

  it('refuses another hall’s schedule', () => {
    expect(() => slotsOn(seedHall('shenzhen-futian'), scheduleOf('haikou-longhua'), '2026-11-23', NO_HOLIDAYS)).toThrow(/haikou-longhua/);
  });

  it('property: slots lie inside the day’s sessions, are slotMinutes long, do not overlap, fill each session, and ids are unique and parse back', () => {
    fc.assert(
      fc.property(arbHall, arbSchedule, arbDate, arbCalendar, (hall, s, date, fake) => {
        const plans = slotsOn(hall, s, date, fake.calendar);
        const sessions = openingOn(hall, date, fake.calendar).sessions;
        const capacity = Math.floor((s.windows * s.perWindow * (100 - walkInPercent(s))) / 100);
        const wrong = plans.filter((p) => {
          const parsed = parseSlotId(p.slotId);
          return (
            minutes(p.end) - minutes(p.start) !== s.slotMinutes ||
            !sessions.some((x) => x.start <= p.start && p.end <= x.end) ||
            p.hallId !== hall._id ||
            p.date !== date ||
            p.capacity !== capacity ||
            parsed?.hallId !== hall._id ||
            parsed.date !== date ||
            parsed.start !== p.start
          );
        });
        expect(wrong).toEqual([]);
        const sorted = [...plans].sort((a, b) => a.start.localeCompare(b.start));
        for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].end <= sorted[i].start).toBe(true);
        expect(new Set(plans.map((p) => p.slotId)).size).toBe(plans.length);
        const fits = sessions.reduce((n, x) => n + Math.floor((minutes(x.end) - minutes(x.start)) / s.slotMinutes), 0);
        expect(plans).toHaveLength(fits);
      }),
      { numRuns: 400 },
    );
  });

  it('property: holidays give no slots unless a special period opens the hall; adjusted workdays give working-day slots; special periods override', () => {
    fc.assert(
      fc.property(arbHall, arbSchedule, arbDate, fc.constantFrom('holiday', 'adjusted'), (hall, s, date, kind) => {
        const cal = kind === 'holiday' ? fakeCalendar({ [date]: '国庆节' }) : fakeCalendar({}, { [date]: '国庆节' });
        const special = hall.specialHours.find((x) => x.from <= date && date <= x.to);
        const plans = slotsOn(hall, s, date, cal);
        // The same hall with only the given sessions, every day, and no special periods.
        const only = (sessions: Hall['weeklyHours'][number]['sessions']): Hall => ({
          ...hall,
          specialHours: [],
          weeklyHours: sessions.length ? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, sessions })) : [],
        });
        if (special) {
          expect(plans).toEqual(slotsOn(only(special.sessions), s, date, NO_HOLIDAYS));
        } else if (kind === 'holiday') {
          expect(plans).toEqual([]);
        } else {
          const workday = [...hall.weeklyHours].sort((a, b) => a.weekday - b.weekday)[0]?.sessions ?? [];
          expect(plans).toEqual(slotsOn(only(workday), s, date, NO_HOLIDAYS));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('slot instants', () => {
  it('slotStart and slotEnd are the Shanghai wall-clock times as UTC instants (UTC+8)', () => {
    expect(slotStart('2026-11-23', '09:00').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(slotEnd('2026-11-23', '17:30').toISOString()).toBe('2026-11-23T09:30:00.000Z');
    // Before 08:00 in Shanghai it is still the day before in UTC.
    expect(slotStart('2026-11-23', '00:30').toISOString()).toBe('2026-11-22T16:30:00.000Z');
    expect(slotStart('2027-03-14', '02:30').toISOString()).toBe('2027-03-13T18:30:00.000Z');
  });

  it('cancellation deadline: 2 hours before the start, or at a time the day before', () => {
    const slot = { date: '2026-12-01', start: '09:00' };
    // 07:00 in Shanghai is 23:00 UTC the day before.
    expect(cancellationDeadline({ cancelDeadline: { kind: 'hoursBefore', hours: 2 } }, slot).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(cancellationDeadline(scheduleOf('guangzhou-tianhe'), slot).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(cancellationDeadline(scheduleOf('haikou-xiuying'), { date: '2026-12-01', start: '14:00' }).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('check-in window: 30 minutes early to 15 minutes late around the start', () => {
    const w = checkInWindow(scheduleOf('shenzhen-futian'), { date: '2026-11-23', start: '09:00' });
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(['2026-11-23T00:30:00.000Z', '2026-11-23T01:15:00.000Z']);
  });

  it('property: deadlines and check-in windows agree with an independent UTC+8 computation', () => {
    fc.assert(
      fc.property(arbSchedule, arbDate, fc.integer({ min: 0, max: 1439 }), (s, date, m) => {
        const slot = { date, start: hhmm(m) };
        expect(cancellationDeadline(s, slot).getTime()).toBe(expectedDeadline(s, slot));
        const start = shanghaiMs(date, slot.start);
        const w = checkInWindow(s, slot);
        expect([w.from.getTime(), w.to.getTime()]).toEqual([start - s.checkIn.earlyMinutes * 60_000, start + s.checkIn.lateMinutes * 60_000]);
        expect(slotStart(date, slot.start).getTime()).toBe(start);
      }),
      { numRuns: 300 },
    );
  });
});

describe('release and booking state', () => {
  const futian = scheduleOf('shenzhen-futian');
  const longhua = scheduleOf('haikou-longhua');

  it('the newest day opens exactly at the release time (Futian 07:00, 7 days ahead)', () => {
    expect(futian.releaseTime).toBe('07:00');
    const justBefore = new Date(atShanghai('2026-11-23', '07:00').getTime() - 1);
    expect(releasedThrough(futian, justBefore)).toBe('2026-11-29');
    expect(releasedThrough(futian, atShanghai('2026-11-23', '07:00'))).toBe('2026-11-30');
    expect(bookableDates(futian, justBefore)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(bookableDates(futian, atShanghai('2026-11-23', '07:00'))).toHaveLength(8);
    const newest = { date: '2026-11-30', start: '09:00' };
    expect(bookingOpen(newest, futian, justBefore)).toBe('notReleased');
    expect(bookingOpen(newest, futian, atShanghai('2026-11-23', '07:00'))).toBe('open');
  });

  it('a midnight release opens the newest day as the Shanghai date turns (16:00 UTC)', () => {
    expect(longhua.releaseTime).toBe('00:00');
    // 23:59:59.999 on 11-22 in Shanghai: 11-22 + 7; a millisecond later it is 11-23 + 7.
    expect(releasedThrough(longhua, new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-29');
    expect(releasedThrough(longhua, new Date('2026-11-22T16:00:00.000Z'))).toBe('2026-11-30');
  });

  it('a slot can be booked until the instant it starts', () => {
    const slot = { date: '2026-11-23', start: '09:00' };
    expect(bookingOpen(slot, longhua, new Date(atShanghai('2026-11-23', '09:00').getTime() - 1))).toBe('open');
    expect(bookingOpen(slot, longhua, atShanghai('2026-11-23', '09:00'))).toBe('past');
    expect(bookingOpen({ date: '2026-11-22', start: '16:30' }, longhua, atShanghai('2026-11-23', '08:00'))).toBe('past');
  });

  it('property: releasedThrough, bookableDates and bookingOpen agree with an independent UTC+8 computation', () => {
    fc.assert(
      fc.property(
        arbSchedule.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.oneof(
              arbInstantFor({ ...seedHall('haikou-longhua'), specialHours: [], weeklyHours: [{ weekday: 1, sessions: [{ start: s.releaseTime, end: '23:59' }] }] } as Hall),
              arbDate.map((d) => atShanghai(d, s.releaseTime)),
              arbDate.map((d) => new Date(atShanghai(d, s.releaseTime).getTime() - 1)),
            ),
            fc.integer({ min: -3, max: 33 }),
            fc.integer({ min: 0, max: 1439 }),
          ),
        ),
        ([s, now, ahead, m]) => {
          const expected = expectedReleasedThrough(s, now);
          expect(releasedThrough(s, now)).toBe(expected);
          const dates = bookableDates(s, now);
          const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
          expect(dates).toEqual(Array.from({ length: dates.length }, (_, i) => plusDays(today, i)));
          expect(dates.at(-1)).toBe(expected);
          const slot = { date: plusDays(today, ahead), start: hhmm(m) };
          expect(bookingOpen(slot, s, now)).toBe(expectedState(s, slot, now));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same times under any process time zone, daylight-saving gaps included', () => {
    // Jest hands each test a copy of process.env, so TZ is changed for real in a child process.
    const root = path.resolve(__dirname, '..', '..');
    const probe = path.join(__dirname, 'support', 'bookingZoneProbe.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', probe, 'slots'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`probe exited with ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as {
      zone: string;
      januaryOffset: number;
      julyOffset: number;
      transitions: number;
      failure?: string;
      fingerprint: string;
      pinned: string[];
    }[];
    expect(report).toHaveLength(10);
    // Most zones change offset, and their change days were probed (release times an hour either side).
    expect(report.filter((r) => r.transitions > 0).length).toBeGreaterThanOrEqual(6);
    // The zones really took effect in the child.
    expect(report.find((r) => r.zone === 'America/New_York')).toMatchObject({ januaryOffset: 300, julyOffset: 240 });
    expect(report.find((r) => r.zone === 'Australia/Lord_Howe')).toMatchObject({ januaryOffset: -660, julyOffset: -630 });
    expect(report.filter((r) => r.failure)).toEqual([]);
    // Slot generation is identical everywhere.
    for (const r of report) expect({ zone: r.zone, same: r.fingerprint === report[0].fingerprint }).toEqual({ zone: r.zone, same: true });
    // 02:30 in Shanghai on 2027-03-14 (New York's spring-forward gap): a 02:00 release has happened, a 03:00 one not yet.
    for (const r of report) expect({ zone: r.zone, pinned: r.pinned }).toEqual({ zone: r.zone, pinned: ['2027-03-21', '2027-03-20'] });
  });
});
