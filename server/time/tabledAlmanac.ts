/**
 * The Almanac of the statutory holiday rule (core/time/statutoryHolidays.ts) read from a table written
 * at build time by the package-backed one (server/time/chineseAlmanac.ts, through
 * scripts/time/almanacTable.ts): the same dates, without loading `chinese-days`' lunar tables and its
 * date library when a cloud function starts (about 3 ms of CPU: docs/PERFORMANCE.md, cold start).
 * It answers what the rule asks (正月初一, 五月初五, 八月十五, 清明) for 2025–2100; like the package,
 * which has no lunar data after 2100, it throws for any other question.
 */
import type { Almanac } from '../../core/time/statutoryHolidays';
import { ALMANAC_TABLE } from './almanacTable';

const LUNAR_DAYS = ['1-1', '5-5', '8-15'];

function row(year: number): readonly [string, string, string, string] {
  const found = Object.prototype.hasOwnProperty.call(ALMANAC_TABLE, year) ? ALMANAC_TABLE[year] : undefined;
  if (!found) throw new Error(`almanac: no dates for ${year} (server/time/almanacTable.ts)`);
  return found;
}

export const tabledAlmanac: Almanac = {
  lunarDay(year, month, day) {
    const at = LUNAR_DAYS.indexOf(`${month}-${day}`);
    if (at < 0) throw new Error(`almanac: lunar ${month}-${day} is not tabled (server/time/almanacTable.ts): only what the statutory rule asks`);
    return row(year)[at];
  },
  qingming: (year) => row(year)[3],
};
