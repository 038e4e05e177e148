/**
 * The statutory holiday rule (《全国年节及纪念日放假办法》, 2024 amendment) that closes the law's own
 * days in a year the installed calendar package has no notice for: never more than the published
 * notices closed in the years they cover, and in 2027 (past chinese-days 1.5.7) exactly the
 * statutory days, with an ordinary Tuesday still open for booking.
 */
import { statutoryHolidays, BY_STATUTE } from '../../core/time/statutoryHolidays';
import { openingOn } from '../../core/time/opening';
import { chineseAlmanac } from '../../server/time/chineseAlmanac';
import { chineseDaysCalendar, chineseDaysCoverage, publishedCalendar } from '../../server/time/chineseDaysCalendar';
import { seedHall } from './support/InMemoryGuideRepository';

/** A seed hall without its special periods (the seeds close 2027-01-01 themselves). */
const hall = (id: string) => ({ ...seedHall(id), specialHours: [] });

describe('statutory holidays by the rule of 2025', () => {
  it.each([2025, 2026])('in %i, every day the rule closes is a published holiday of the same name', (year) => {
    expect(chineseDaysCoverage.lastYear).toBeGreaterThanOrEqual(year);
    const ruled = statutoryHolidays(year, chineseAlmanac);
    expect(Object.keys(ruled)).toHaveLength(13);
    const wrong = Object.entries(ruled).filter(([date, name]) => !publishedCalendar.isStatutoryHoliday(date) || publishedCalendar.holidayName(date) !== name);
    expect(wrong).toEqual([]);
  });

  it('over 2008–2026 (older rules: a 3-day 春节 from 初一, a 1-day 劳动节 until 2019), the lunar and solar-term days fall in published holidays', () => {
    const missed: string[] = [];
    for (let year = 2008; year <= chineseDaysCoverage.lastYear; year++) {
      const ruled = statutoryHolidays(year, chineseAlmanac);
      const spring = chineseAlmanac.lunarDay(year, 1, 1);
      for (const [date, name] of Object.entries(ruled)) {
        const olderRule = year < 2025 && ((name === '春节' && date < spring) || (name === '劳动节' && date.endsWith('05-02') && year < 2020));
        // The package leaves out a few weekend days inside a holiday (2012-06-23, 端午 on a Saturday).
        const weekend = new Date(`${date}T00:00:00Z`).getUTCDay() % 6 === 0;
        if (!olderRule && !weekend && !publishedCalendar.isStatutoryHoliday(date)) missed.push(`${date} ${name}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('2027, past the package: the thirteen statutory days are closed, named as the law’s days', () => {
    expect(chineseDaysCoverage.lastYear).toBeLessThan(2027);
    const expected: Record<string, string> = {
      '2027-01-01': '元旦',
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
    };
    const closed: Record<string, string | undefined> = {};
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (chineseDaysCalendar.isStatutoryHoliday(date)) closed[date] = chineseDaysCalendar.holidayName(date);
    }
    expect(closed).toEqual(Object.fromEntries(Object.entries(expected).map(([d, n]) => [d, `${n}${BY_STATUTE}`])));
    expect(chineseDaysCalendar.isAdjustedWorkday('2027-02-20')).toBe(false);
  });

  it('a hall is closed on 元旦 2027 with the reason 元旦（法定节假日）, and open on an ordinary Tuesday and by its weekly hours on a Saturday', () => {
    const longhua = hall('haikou-longhua');
    expect(openingOn(longhua, '2027-01-01', chineseDaysCalendar)).toEqual({ sessions: [], reason: 'holiday', label: '元旦（法定节假日）' });
    expect(openingOn(longhua, '2027-01-05', chineseDaysCalendar)).toMatchObject({ reason: 'regular' });
    expect(openingOn(longhua, '2027-01-05', chineseDaysCalendar).sessions.length).toBeGreaterThan(0);
    const saturdayHours = longhua.weeklyHours.find((w) => w.weekday === 6)?.sessions ?? [];
    expect(openingOn(longhua, '2027-01-09', chineseDaysCalendar).sessions).toEqual(saturdayHours);
  });

  it('two holidays on one day keep both names (中秋节 on 3 October 2028)', () => {
    expect(statutoryHolidays(2028, chineseAlmanac)['2028-10-03']).toBe('中秋节、国庆节');
    expect(statutoryHolidays(2028, chineseAlmanac)['2028-01-25']).toBe('春节');
  });
});
