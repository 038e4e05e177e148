import type { AddressDivisions } from '../reissue/ReissueDeps';

/** 省市区 of a district code, as a certificate states where a household is registered (municipalities' 市辖区 left out); '' when unknown. */
export function placeOf(divisions: AddressDivisions, code: string): string {
  if (!/^\d{6}$/.test(code)) return '';
  const names = divisions.names(`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code);
  if (!names) return '';
  return [names.province, names.city === '市辖区' ? '' : names.city, names.district].join('');
}
