/**
 * The postal zone between the authority that issues a card and the delivery address, from their
 * GB/T 2260 codes (6 digits): same city, same province, or another province. Three shapes of
 * codes make "same city" more than "same first four digits":
 * - municipalities (北京 11, 天津 12, 上海 31, 重庆 50) are one city whatever their 4-digit
 *   groups (重庆 5001 districts and 5002 counties);
 * - province-direct county-level units (xx90yy: 济源 419001, 五指山 469001) are each a city of
 *   their own, though they share the xx90 group;
 * - everything else is the prefecture of the first four digits (东莞 441900 included).
 */
export type PostageZone = 'sameCity' | 'sameProvince' | 'otherProvince';

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const CODE = /^\d{6}$/;

/** The 6-digit code standing for the city a division belongs to. */
export function cityOf(code: string): string {
  if (!CODE.test(code)) throw new RangeError(`not a 6-digit division code: ${code}`);
  const province = code.slice(0, 2);
  if (MUNICIPALITIES.has(province)) return `${province}0000`;
  if (code.slice(2, 4) === '90') return code;
  return `${code.slice(0, 4)}00`;
}

/** The 6-digit code of the province a division belongs to. */
export function provinceOf(code: string): string {
  if (!CODE.test(code)) throw new RangeError(`not a 6-digit division code: ${code}`);
  return `${code.slice(0, 2)}0000`;
}

export function postageZone(fromCode: string, toCode: string): PostageZone {
  if (cityOf(fromCode) === cityOf(toCode)) return 'sameCity';
  if (provinceOf(fromCode) === provinceOf(toCode)) return 'sameProvince';
  return 'otherProvince';
}
