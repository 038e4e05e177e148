/**
 * The WorkCalendar port over the `chinese-days` package, which is maintained from the State
 * Council's yearly holiday notices (国务院办公厅关于部分节假日安排的通知).
 *
 * It reads the package's published data file (`dist/chinese-days.json`, documented in its README)
 * rather than its functions: `isHoliday`, `getDayDetail` & co. parse 'YYYY-MM-DD' as UTC midnight
 * and read it back with local getters, and build their own tables the same way when loaded, so in
 * a process zone west of UTC (e.g. TZ=America/New_York) every answer is for the day before.
 * The data file is keyed by plain calendar dates and cannot shift with the process zone.
 *
 * Each entry reads "English name,中文名,days": the Chinese name is the one shown to citizens.
 * `isHoliday` of the package is also true on every ordinary weekend; a statutory holiday here is
 * only a day of the holiday table, and an adjusted workday only a day of the workday table.
 */
import days from 'chinese-days/dist/chinese-days.json';
import { calendarFrom, type WorkCalendar } from '../../core/time/WorkCalendar';
import { withStatutoryHolidaysAfter } from '../../core/time/statutoryHolidays';
import { tabledAlmanac } from './tabledAlmanac';

/** The package abbreviates some names; citizens read the full ones. */
const FULL_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** date → Chinese holiday name, from one table of the data file. */
function chineseNames(table: Readonly<Record<string, string>>, which: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [date, entry] of Object.entries(table)) {
    const name = entry.split(',')[1]?.trim();
    if (!DATE.test(date) || !name) throw new Error(`chinese-days ${which}: unexpected entry ${date} → ${entry}`);
    out[date] = FULL_NAMES[name] ?? name;
  }
  return out;
}

const holidays = chineseNames(days.holidays, 'holidays');
const adjustedWorkdays = chineseNames(days.workdays, 'workdays');

/** The published notices alone. */
export const publishedCalendar: WorkCalendar = calendarFrom({ holidays, adjustedWorkdays });

/**
 * The years the installed package knows (2004 through the last notice published). DEPLOY.md says to
 * update the package when the State Council publishes the next year's notice (each autumn).
 */
export const chineseDaysCoverage = (() => {
  const years = Object.keys(holidays).map((d) => Number(d.slice(0, 4)));
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
})();

/**
 * The published notices, and after the last year they cover the statutory days of the law
 * (元旦（法定节假日） …, core/time/statutoryHolidays.ts); other days of such a year open by a
 * hall's weekly hours, and bridging days are closed only by a hall's special hours until the
 * package is updated.
 */
export const chineseDaysCalendar: WorkCalendar = withStatutoryHolidaysAfter(publishedCalendar, chineseDaysCoverage.lastYear, tabledAlmanac);
