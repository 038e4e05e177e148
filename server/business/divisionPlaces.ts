import { chinaAddressDivisions } from '../reissue/chinaAddressDivisions';

/** 省市区 of a district code, as a certificate states where a household is registered (municipalities' 市辖区 left out). */
export const divisionPlaces = {
  placeOf(code: string): string | undefined {
    if (!/^\d{6}$/.test(code)) return undefined;
    const names = chinaAddressDivisions.names(`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code);
    if (!names) return undefined;
    return [names.province, names.city === '市辖区' ? '' : names.city, names.district].join('');
  },
};
