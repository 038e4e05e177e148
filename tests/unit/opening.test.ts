/**
 * When a hall is open for booking and on its public pages: the hall's special periods, then
 * statutory holidays (closed, named), then adjusted workdays (open with working-day hours), then
 * the weekly hours.
 */
import fc from 'fast-check';
import { openingOn, workdaySessions } from '../../core/time/opening';
import { NO_HOLIDAYS } from '../../core/time/WorkCalendar';
import { dispatch } from '../../core/function/dispatch';
import { guideActions } from '../../core/guide/guideActions';
import { HallDetailView, HallSummaryView } from '../../core/guide/views';
import type { Hall, Session } from '../../core/guide/Hall';
import { describeHours, hoursOn } from '../../core/guide/hallHours';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { arbHall, atShanghai } from './support/arbHall';
import { arbCalendar, arbDate, fakeCalendar } from './support/arbSchedule';
import { InMemoryGuideRepository, fixedClock, seedContent, seedHall } from './support/InMemoryGuideRepository';

const AM: Session = { start: '09:00', end: '12:00' };
const PM: Session = { start: '13:30', end: '17:00' };
const AM_830: Session = { start: '08:30', end: '12:00' };
const PM_1400: Session = { start: '14:00', end: '17:30' };
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

function hallWith(weeklyHours: Hall['weeklyHours'], specialHours: Hall['specialHours'] = []): Hall {
  return { ...seedHall('haikou-meilan'), weeklyHours, specialHours };
}

/** 2026-11-23 is a Monday; 11-28 a Saturday; 11-29 a Sunday. */
const calendar = fakeCalendar({ '2026-11-23': '国庆节', '2026-11-28': '国庆节' }, { '2026-11-29': '国庆节' });

describe('openingOn', () => {
  const longhua = seedHall('haikou-longhua');
  const meilan = seedHall('haikou-meilan');

  it('an ordinary day follows the weekly hours; a day without hours is closed', () => {
    expect(openingOn(longhua, '2026-11-24', calendar)).toEqual({ sessions: [AM, PM], reason: 'regular' });
    expect(openingOn(meilan, '2026-11-22', calendar)).toEqual({ sessions: [], reason: 'closed' });
  });

  it('a statutory holiday closes the hall, on a weekday or on a Saturday it opens, labelled with the holiday', () => {
    expect(openingOn(longhua, '2026-11-23', calendar)).toEqual({ sessions: [], reason: 'holiday', label: '国庆节' });
    expect(openingOn(longhua, '2026-11-28', calendar)).toEqual({ sessions: [], reason: 'holiday', label: '国庆节' });
    expect(openingOn(longhua, '2026-11-23', fakeCalendar({ '2026-11-23': '' }))).toMatchObject({ reason: 'holiday' });
  });

  it('an adjusted workday opens a hall closed on Sundays with its Monday hours', () => {
    expect(openingOn(meilan, '2026-11-29', calendar)).toEqual({ sessions: [AM_830, PM_1400], reason: 'adjustedWorkday', label: '国庆节调休上班' });
    expect(openingOn(longhua, '2026-11-29', calendar)).toEqual({ sessions: [AM, PM], reason: 'adjustedWorkday', label: '国庆节调休上班' });
  });

  it('without Monday hours, an adjusted workday takes the first day of the week that has hours; with none it stays closed', () => {
    const tueThu = hallWith([
      { weekday: 4, sessions: [PM] },
      { weekday: 2, sessions: [AM] },
    ]);
    expect(workdaySessions(tueThu)).toEqual([AM]);
    expect(openingOn(tueThu, '2026-11-29', calendar)).toMatchObject({ sessions: [AM], reason: 'adjustedWorkday' });
    expect(openingOn(hallWith([]), '2026-11-29', calendar)).toEqual({ sessions: [], reason: 'closed' });
  });

  it('a special period wins over a holiday (holiday duty) and over an adjusted workday (closure)', () => {
    const hall = hallWith(meilan.weeklyHours, [
      { from: '2026-11-23', to: '2026-11-23', label: '国庆值班', sessions: [AM] },
      { from: '2026-11-29', to: '2026-11-29', label: '系统升级闭厅', sessions: [] },
    ]);
    expect(openingOn(hall, '2026-11-23', calendar)).toEqual({ sessions: [AM], reason: 'special', label: '国庆值班' });
    expect(openingOn(hall, '2026-11-29', calendar)).toEqual({ sessions: [], reason: 'special', label: '系统升级闭厅' });
  });

  it('with the real calendar: closed on National Day 2026, open on its Saturday working day 10-10', () => {
    expect(openingOn(longhua, '2026-10-01', chineseDaysCalendar)).toEqual({ sessions: [], reason: 'holiday', label: '国庆节' });
    expect(openingOn(longhua, '2026-10-03', chineseDaysCalendar)).toMatchObject({ reason: 'holiday' });
    expect(openingOn(meilan, '2026-10-10', chineseDaysCalendar)).toEqual({ sessions: [AM_830, PM_1400], reason: 'adjustedWorkday', label: '国庆节调休上班' });
    expect(openingOn(meilan, '2026-09-20', chineseDaysCalendar)).toMatchObject({ reason: 'adjustedWorkday' });
    expect(openingOn(meilan, '2026-11-28', chineseDaysCalendar)).toEqual({ sessions: [], reason: 'closed' });
    // The seed's own New Year closure (2027, beyond the package's data) still applies.
    expect(openingOn(longhua, '2027-01-01', chineseDaysCalendar)).toEqual({ sessions: [], reason: 'special', label: '元旦休息' });
  });

  it('property: exactly one source decides, in order special → holiday → adjusted workday → week', () => {
    fc.assert(
      fc.property(arbHall, arbCalendar, arbDate, (hall, fake, date) => {
        const opening = openingOn(hall, date, fake.calendar);
        const special = hall.specialHours.find((s) => s.from <= date && date <= s.to);
        const regular = hall.weeklyHours.find((w) => w.weekday === weekdayOf(date))?.sessions ?? [];
        const monday = [...hall.weeklyHours].sort((a, b) => a.weekday - b.weekday)[0]?.sessions ?? [];
        if (special) expect(opening).toEqual({ sessions: special.sessions, reason: 'special', label: special.label });
        else if (date in fake.holidays) expect(opening).toEqual({ sessions: [], reason: 'holiday', label: fake.holidays[date] });
        else if (date in fake.adjustedWorkdays && monday.length > 0)
          expect(opening).toEqual({ sessions: monday, reason: 'adjustedWorkday', label: `${fake.adjustedWorkdays[date]}调休上班` });
        else expect(opening).toEqual({ sessions: regular, reason: regular.length ? 'regular' : 'closed' });
      }),
      { numRuns: 500 },
    );
  });
});

describe('hall hours with a work calendar (public pages)', () => {
  const longhua = seedHall('haikou-longhua');

  it('hoursOn shows a statutory holiday as closed with its name, and an adjusted workday as open', () => {
    expect(hoursOn(longhua, '2026-10-01', chineseDaysCalendar)).toEqual({ date: '2026-10-01', weekday: 4, sessions: [], special: '国庆节' });
    expect(hoursOn(seedHall('haikou-meilan'), '2026-10-10', chineseDaysCalendar)).toEqual({
      date: '2026-10-10',
      weekday: 6,
      sessions: [AM_830, PM_1400],
      special: '国庆节调休上班',
    });
    // Without a calendar (as before): only the hall's own hours.
    expect(hoursOn(longhua, '2026-10-01')).toEqual({ date: '2026-10-01', weekday: 4, sessions: [AM, PM] });
  });

  it('property: without a calendar, or with one that knows no holidays, hoursOn is what it was', () => {
    fc.assert(
      fc.property(arbHall, arbDate, (hall, date) => {
        expect(hoursOn(hall, date, NO_HOLIDAYS)).toEqual(hoursOn(hall, date));
      }),
      { numRuns: 300 },
    );
  });

  it('describeHours: closed now on National Day at 10:00, named', () => {
    const { today } = describeHours(longhua, atShanghai('2026-10-01', '10:00'), 60, chineseDaysCalendar);
    expect(today).toEqual({ date: '2026-10-01', weekday: 4, sessions: [], special: '国庆节', openNow: false });
    expect(describeHours(seedHall('haikou-meilan'), atShanghai('2026-10-10', '10:00'), 60, chineseDaysCalendar).today.openNow).toBe(true);
  });

  it('the guide function’s hall page, given the calendar, shows the National Day week', async () => {
    const deps = { guides: new InMemoryGuideRepository(seedContent()), clock: fixedClock('2026-09-30T02:00:00Z'), calendar: chineseDaysCalendar };
    const { response } = await dispatch(guideActions, { action: 'hall', data: { id: 'haikou-longhua' } }, deps);
    if (!response.ok) throw new Error(response.error.code);
    const output = HallDetailView.parse(response.data);
    expect(output.week.map((d) => [d.date, d.sessions.length > 0, d.special])).toEqual([
      ['2026-09-30', true, undefined],
      ['2026-10-01', false, '国庆节'],
      ['2026-10-02', false, '国庆节'],
      ['2026-10-03', false, '国庆节'],
      ['2026-10-04', false, '国庆节'],
      ['2026-10-05', false, '国庆节'],
      ['2026-10-06', false, '国庆节'],
    ]);
    const halls = await dispatch(guideActions, { action: 'halls', data: {} }, { ...deps, clock: fixedClock('2026-10-01T02:00:00Z') });
    if (!halls.response.ok) throw new Error(halls.response.error.code);
    const list = halls.response.data as { halls: unknown[] };
    for (const h of list.halls.map((x) => HallSummaryView.parse(x))) expect(h.today).toMatchObject({ sessions: [], special: '国庆节', openNow: false });
  });
});
