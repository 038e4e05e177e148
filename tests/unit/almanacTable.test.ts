import { readFileSync } from 'node:fs';
import { statutoryHolidays } from '../../core/time/statutoryHolidays';
import { ALMANAC_TABLE_FILE, TABLED_YEARS, almanacTableText } from '../../scripts/time/almanacTable';
import { chineseAlmanac } from '../../server/time/chineseAlmanac';
import { chineseDaysCoverage } from '../../server/time/chineseDaysCalendar';
import { tabledAlmanac } from '../../server/time/tabledAlmanac';

/** The cloud functions read the almanac from a table written at build time (cold start: docs/PERFORMANCE.md). */

test('server/time/almanacTable.ts is what chinese-days answers today (regenerate: npx tsx scripts/time/almanacTable.ts)', () => {
  expect(readFileSync(ALMANAC_TABLE_FILE, 'utf8')).toBe(almanacTableText());
});

test('it covers every year after the last holiday notice through 2100, the end of the lunar data', () => {
  expect(TABLED_YEARS.first).toBeLessThanOrEqual(chineseDaysCoverage.lastYear + 1);
  expect(TABLED_YEARS.last).toBe(2100);
});

test('the statutory holidays of every tabled year are those the package-backed almanac gives', () => {
  for (let year = TABLED_YEARS.first; year <= TABLED_YEARS.last; year++) {
    expect([year, statutoryHolidays(year, tabledAlmanac)]).toEqual([year, statutoryHolidays(year, chineseAlmanac)]);
  }
});

test('after 2100, or for a lunar day the rule never asks, it throws (the package has no lunar data after 2100 either)', () => {
  expect(() => statutoryHolidays(2101, chineseAlmanac)).toThrow();
  expect(() => statutoryHolidays(2101, tabledAlmanac)).toThrow(/no dates for 2101/);
  expect(() => tabledAlmanac.lunarDay(2030, 7, 7)).toThrow(/not tabled/);
});
