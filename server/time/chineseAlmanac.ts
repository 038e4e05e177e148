/**
 * The Almanac of the statutory holiday rule (core/time/statutoryHolidays.ts) over the lunar tables
 * and solar-term formula of the `chinese-days` package (lunar data 1900–2100), which stay valid
 * after the last holiday notice the package has.
 *
 * Zone safety (see chineseDaysCalendar.ts): `getLunarDate` counts whole days from a base instant
 * fixed at Shanghai midnight, so it is asked about Shanghai noon of a date and is exact in any
 * process zone. `getSolarTermDate` builds the term's day as UTC midnight and formats it with local
 * getters, which west of UTC names the day before: that slip is undone here.
 */
import { getLunarDate, getSolarTermDate } from 'chinese-days';
import type { Almanac } from '../../core/time/statutoryHolidays';
import { addDays } from '../../core/time/shanghai';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** For one Gregorian year: "lunarYear-month-day" (leap months left out) → date. */
function lunarTable(year: number): Map<string, string> {
  const table = new Map<string, string>();
  for (let t = Date.UTC(year, 0, 1, 4); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    const lunar = getLunarDate(new Date(t));
    if (!lunar.isLeap) table.set(`${lunar.lunarYear}-${lunar.lunarMon}-${lunar.lunarDay}`, iso(t));
  }
  return table;
}

const tables = new Map<number, Map<string, string>>();

export const chineseAlmanac: Almanac = {
  lunarDay(year, month, day) {
    let table = tables.get(year);
    if (!table) tables.set(year, (table = lunarTable(year)));
    const date = table.get(`${year}-${month}-${day}`);
    if (!date) throw new Error(`chinese-days: no lunar ${year}-${month}-${day} in ${year}`);
    return date;
  },
  qingming(year) {
    const formatted = getSolarTermDate(year, 4, 'pure_brightness');
    const westOfUtc = new Date(Date.UTC(year, 3, 5)).getTimezoneOffset() > 0;
    return westOfUtc ? addDays(formatted, 1) : formatted;
  },
};
