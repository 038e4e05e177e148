/**
 * Time limits of a reissue application with a made-up calendar (weekends, a holiday week, two
 * adjusted workdays), at Shanghai midnight, and the same results whatever the process time zone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { calendarFrom, NO_HOLIDAYS } from '../../core/time/WorkCalendar';
import type { ReissueApplication } from '../../core/reissue/ReissueApplication';
import { ReissueConfig, defaultReissueConfig } from '../../core/reissue/ReissueConfig';
import { deadlines, paymentOverdue, reviewOverdue } from '../../core/reissue/timeLimits';
import { addWorkingDays, isWorkingDay, onOrNextWorkingDay } from '../../core/time/workingDays';
import { addDays } from '../../core/time/shanghai';
import { NATIONAL_DAY, T0, draft } from './support/reissueFixtures';
import { probe } from './support/reissueZoneProbe';

const CONFIG = defaultReissueConfig('460100');
const submitted = (submittedAt: Date, patch: Partial<ReissueApplication> = {}): ReissueApplication => ({
  ...draft(),
  state: 'submitted',
  submittedAt,
  ...patch,
});
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('working days', () => {
  it('weekends and holidays do not count; adjusted workdays do', () => {
    expect(['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-05', '2026-10-08', '2026-10-10', '2026-10-11'].map((d) => isWorkingDay(d, NATIONAL_DAY))).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('counts from the day after, across the holiday week', () => {
    // Fri 25 Sep → Sun 27 (调休) 1, Mon–Wed 2–4, 1–7 Oct off, Thu 8 5, Fri 9 6, Sat 10 (调休) 7, Mon 12 8.
    expect([0, 1, 2, 4, 5, 7, 8].map((n) => addWorkingDays('2026-09-25', n, NATIONAL_DAY))).toEqual([
      '2026-09-25',
      '2026-09-27',
      '2026-09-28',
      '2026-09-30',
      '2026-10-08',
      '2026-10-10',
      '2026-10-12',
    ]);
    expect(addWorkingDays('2026-09-25', 20, NO_HOLIDAYS)).toBe('2026-10-23');
    expect(addWorkingDays('2026-09-25', 20, NATIONAL_DAY)).toBe('2026-10-28');
    expect(() => addWorkingDays('2026-09-25', -1, NO_HOLIDAYS)).toThrow(RangeError);
  });

  it('property: the nth working day after a date is a working day with exactly n working days up to it', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((k) => addDays('2026-09-01', k));
    const arbCalendar = fc
      .tuple(fc.uniqueArray(day, { maxLength: 15 }), fc.uniqueArray(day, { maxLength: 4 }))
      .map(([h, a]) =>
        calendarFrom({ holidays: Object.fromEntries(h.map((d) => [d, '节日'])), adjustedWorkdays: Object.fromEntries(a.filter((d) => !h.includes(d)).map((d) => [d, '节日'])) }),
      );
    fc.assert(
      fc.property(arbCalendar, day, fc.integer({ min: 1, max: 25 }), (calendar, from, n) => {
        const due = addWorkingDays(from, n, calendar);
        expect(isWorkingDay(due, calendar)).toBe(true);
        let count = 0;
        for (let d = addDays(from, 1); d <= due; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
        expect(count).toBe(n);
        expect(addWorkingDays(from, n + 1, calendar) > due).toBe(true);
      }),
    );
  });
});

describe('deadlines', () => {
  it('legal: 60 calendar days from the day after submission; promised: 20 working days', () => {
    const d = deadlines(submitted(T0), NATIONAL_DAY, CONFIG)!;
    expect(d).toMatchObject({ submittedOn: '2026-09-25', legalDue: '2026-11-24', legalDays: 60, promisedDue: '2026-10-28', remote: false });
    expect(d.reviewDue).toBeUndefined();
  });

  it('a legal last day on a holiday moves to the next working day (unless the city turns that off)', () => {
    const aug2 = submitted(shanghai('2026-08-02T09:00:00'));
    expect(deadlines(aug2, NATIONAL_DAY, CONFIG)!.legalDue).toBe('2026-10-08');
    const bare = ReissueConfig.parse({ cityCode: '460100', timeLimits: { legalDueMovesToWorkday: false } });
    expect(deadlines(aug2, NATIONAL_DAY, bare)!.legalDue).toBe('2026-10-01');
    expect(onOrNextWorkingDay('2026-10-31', NATIONAL_DAY)).toBe('2026-11-02');
  });

  it('remote areas get 30 days more', () => {
    const remote = ReissueConfig.parse({ cityCode: '460100', timeLimits: { remoteDivisions: ['4601'] } });
    const d = deadlines(submitted(shanghai('2026-08-02T09:00:00')), NATIONAL_DAY, remote)!;
    expect(d).toMatchObject({ remote: true, legalDue: '2026-11-02', legalDays: 90 }); // 31 Oct is a Saturday
    expect(deadlines(submitted(T0, { issuerDivisionCode: '460202' }), NATIONAL_DAY, remote)!.remote).toBe(false);
  });

  it('the submission day is the Shanghai date, at midnight on either side', () => {
    expect(deadlines(submitted(new Date('2026-09-24T15:59:59Z')), NATIONAL_DAY, CONFIG)).toMatchObject({ submittedOn: '2026-09-24', legalDue: '2026-11-23' });
    expect(deadlines(submitted(new Date('2026-09-24T16:00:00Z')), NATIONAL_DAY, CONFIG)).toMatchObject({ submittedOn: '2026-09-25', legalDue: '2026-11-24' });
  });

  it('overdue from Shanghai midnight after a due day, until the card is issued', () => {
    const d = deadlines(submitted(T0), NATIONAL_DAY, CONFIG)!;
    expect(d.status(new Date('2026-10-28T15:59:59Z'))).toBe('onTime');
    expect(d.overdue(new Date('2026-10-28T15:59:59Z'))).toBe(false);
    expect(d.status(new Date('2026-10-28T16:00:00Z'))).toBe('pastPromised');
    expect(d.overdue(new Date('2026-10-28T16:00:00Z'))).toBe(true);
    expect(d.status(new Date('2026-11-24T16:00:00Z'))).toBe('pastLegal');
    const late = new Date('2026-12-01T00:00:00Z');
    expect(deadlines(submitted(T0, { state: 'shipped' }), NATIONAL_DAY, CONFIG)!.status(late)).toBe('met');
    expect(deadlines(submitted(T0, { state: 'heldAtHall' }), NATIONAL_DAY, CONFIG)!.overdue(late)).toBe(false);
    expect(deadlines(submitted(T0, { state: 'rejected' }), NATIONAL_DAY, CONFIG)!.status(late)).toBe('closed');
    expect(deadlines(draft(), NATIONAL_DAY, CONFIG)).toBeNull();
  });

  it('review: 3 working days after payment', () => {
    const paidAt = shanghai('2026-09-30T10:00:00');
    const app = submitted(T0, { state: 'underReview', timeline: [...draft().timeline, { state: 'paid', event: 'paymentSucceeded', at: paidAt, by: 'system' }] });
    expect(deadlines(app, NATIONAL_DAY, CONFIG)!.reviewDue).toBe('2026-10-10');
    expect(reviewOverdue(app, shanghai('2026-10-10T23:59:00'), NATIONAL_DAY, CONFIG)).toBe(false);
    expect(reviewOverdue(app, shanghai('2026-10-11T00:00:00'), NATIONAL_DAY, CONFIG)).toBe(true);
    expect(reviewOverdue({ ...app, state: 'approved' }, shanghai('2026-10-20T00:00:00'), NATIONAL_DAY, CONFIG)).toBe(false);
  });

  it('an unpaid application may be expired 3 days after submission', () => {
    const app = submitted(T0);
    const day = 24 * 3_600_000;
    expect(paymentOverdue(app, new Date(T0.getTime() + 3 * day - 1), CONFIG)).toBe(false);
    expect(paymentOverdue(app, new Date(T0.getTime() + 3 * day), CONFIG)).toBe(true);
    expect(paymentOverdue({ ...app, payment: { id: 'p', status: 'failed' } }, new Date(T0.getTime() + 4 * day), CONFIG)).toBe(true);
    expect(paymentOverdue({ ...app, payment: { id: 'p', status: 'pending' } }, new Date(T0.getTime() + 4 * day), CONFIG)).toBe(false);
    expect(paymentOverdue({ ...app, state: 'paid' }, new Date(T0.getTime() + 4 * day), CONFIG)).toBe(false);
  });

  it('gives the same dates whatever the process time zone', () => {
    // Jest hands each test a copy of process.env, so TZ is changed for real in a child process.
    const root = path.resolve(__dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'reissueZoneProbe.ts')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const byZone = JSON.parse(run.stdout) as Record<string, unknown>;
    const here = probe();
    expect(here['2026-09-24T16:00:00Z']).toEqual(['2026-09-25', '2026-11-24', '2026-10-28', 'onTime']);
    expect(Object.keys(byZone)).toHaveLength(6);
    for (const result of Object.values(byZone)) expect(result).toEqual(here);
  });
});
