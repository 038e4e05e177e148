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
 * `isHoliday` of the package is also true on every ordinary weekend; a statutory holiday here is
 * only a day of the holiday table, and an adjusted workday only a day of the workday table.
 * Both tables are written ahead into server/time/holidayNames.ts (scripts/time/holidayNames.ts:
 * date → the Chinese name shown to citizens; a test fails when it is not what the installed package
 * says), and the almanac past the last notice is a table too (server/time/tabledAlmanac.ts): nothing
 * of the package is loaded or checked when a function starts.
 */
import { calendarFrom, type WorkCalendar } from '../../core/time/WorkCalendar';
import { withStatutoryHolidaysAfter } from '../../core/time/statutoryHolidays';
import { HOLIDAY_NAMES } from './holidayNames';
import { tabledAlmanac } from './tabledAlmanac';

const { holidays, adjustedWorkdays } = HOLIDAY_NAMES;

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
