import { addDays } from './shanghai';
import type { WorkCalendar } from './WorkCalendar';

/**
 * The statutory public holidays of a year by the rule of 《全国年节及纪念日放假办法》 (as amended in
 * 2024, in force from 2025), art. 2: 元旦 1 January; 春节 农历除夕 to 正月初三 (4 days); 清明节 the
 * day of the 清明 solar term; 劳动节 1–2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1–3
 * October. Only these days: the State Council's yearly notice adds the bridging days and the
 * weekend make-up workdays (调休), which nobody knows before it is published.
 */

/** What the rule needs from a Chinese almanac. Dates are Shanghai calendar dates (YYYY-MM-DD). */
export interface Almanac {
  /** The Gregorian date of a day of a lunar month (never the leap month) of the lunar year that begins in `year`. */
  lunarDay(year: number, month: number, day: number): string;
  /** The day of the 清明 solar term in a year. */
  qingming(year: number): string;
}

/** The suffix that says a day is closed by the law's rule, not by a published notice. */
export const BY_STATUTE = '（法定节假日）';

const pad = (n: number) => String(n).padStart(2, '0');

/** date → the holiday's name (two names when two holidays fall on one day, e.g. 中秋节 on 3 October 2028). */
export function statutoryHolidays(year: number, almanac: Almanac): Record<string, string> {
  const days: Record<string, string> = {};
  const add = (date: string, name: string) => {
    days[date] = days[date] && days[date] !== name ? `${days[date]}、${name}` : name;
  };
  add(`${year}-01-01`, '元旦');
  const newYear = almanac.lunarDay(year, 1, 1);
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), '春节');
  add(almanac.qingming(year), '清明节');
  for (let d = 1; d <= 2; d++) add(`${year}-05-${pad(d)}`, '劳动节');
  add(almanac.lunarDay(year, 5, 5), '端午节');
  add(almanac.lunarDay(year, 8, 15), '中秋节');
  for (let d = 1; d <= 3; d++) add(`${year}-10-${pad(d)}`, '国庆节');
  return days;
}

/**
 * A published calendar, extended past the last year it covers by the statutory rule: in such a year
 * the statutory days close (named e.g. 元旦（法定节假日）) and every other day is ordinary (a hall's
 * weekly hours; its special hours still win). A day without data never silently books a public
 * holiday, and never closes a whole year either.
 */
export function withStatutoryHolidaysAfter(published: WorkCalendar, lastPublishedYear: number, almanac: Almanac): WorkCalendar {
  const years = new Map<number, Record<string, string>>();
  const ruled = (date: string): string | undefined => {
    const year = Number(date.slice(0, 4));
    if (!(year > lastPublishedYear)) return undefined;
    let days = years.get(year);
    if (!days) years.set(year, (days = statutoryHolidays(year, almanac)));
    const name = Object.prototype.hasOwnProperty.call(days, date) ? days[date] : undefined;
    return name === undefined ? undefined : `${name}${BY_STATUTE}`;
  };
  return {
    isStatutoryHoliday: (date) => published.isStatutoryHoliday(date) || ruled(date) !== undefined,
    isAdjustedWorkday: (date) => published.isAdjustedWorkday(date),
    holidayName: (date) => published.holidayName(date) ?? ruled(date),
  };
}
