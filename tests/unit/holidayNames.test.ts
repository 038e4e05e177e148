import { readFileSync } from 'node:fs';
import { HOLIDAY_NAMES_FILE, chineseNames, holidayNamesText } from '../../scripts/time/holidayNames';
import { HOLIDAY_NAMES } from '../../server/time/holidayNames';

/** The work calendar's tables, written ahead from chinese-days' data file (cold start: docs/PERFORMANCE.md). */

test('server/time/holidayNames.ts is what the installed chinese-days says (regenerate: npx tsx scripts/time/holidayNames.ts)', () => {
  expect(readFileSync(HOLIDAY_NAMES_FILE, 'utf8')).toBe(holidayNamesText());
});

test('date → the Chinese name, the abbreviated ones in full', () => {
  expect(HOLIDAY_NAMES.holidays['2025-01-28']).toBe('春节');
  expect(HOLIDAY_NAMES.holidays['2025-04-04']).toBe('清明节');
  expect(HOLIDAY_NAMES.adjustedWorkdays['2025-01-26']).toBe('春节');
  expect(chineseNames({ '2030-06-05': 'Dragon Boat Festival,端午,1' }, 'holidays')).toEqual({ '2030-06-05': '端午节' });
});

test('an entry written otherwise (a package update): the generator stops', () => {
  expect(() => chineseNames({ '2030-06-05': 'Dragon Boat Festival' }, 'holidays')).toThrow(/unexpected entry/);
  expect(() => chineseNames({ '2030/06/05': 'x,端午,1' }, 'holidays')).toThrow(/unexpected entry/);
});
