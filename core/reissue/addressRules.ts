/**
 * A delivery address as the citizen types it, checked the same way by the form (to say what is
 * missing before sending) and by the function (`AddressInput` in actions/address.ts, built from
 * these rules; a unit test holds the two to the same answers). Pure TypeScript, so the
 * mini-program checks it without carrying zod.
 */
export const ADDRESS_RULES = {
  divisionCode: /^\d{6}$/,
  detail: { min: 4, max: 120 },
  recipient: { min: 2, max: 30 },
  mobile: /^1\d{10}$/,
} as const;

export interface TypedAddress {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  detail: string;
  recipient: string;
  phone: string;
}

const within = (text: string, range: { min: number; max: number }) => text.trim().length >= range.min && text.trim().length <= range.max;

/** What is wrong with the address, in the order the form asks for it; undefined when it can be sent. */
export function addressProblem(a: TypedAddress): string | undefined {
  if (![a.provinceCode, a.cityCode, a.districtCode].every((c) => ADDRESS_RULES.divisionCode.test(c))) return '请选择省、市、区县';
  if (!within(a.detail, ADDRESS_RULES.detail)) return '请填写详细地址（街道、门牌、楼栋房号）';
  if (!within(a.recipient, ADDRESS_RULES.recipient)) return '请填写收件人姓名';
  if (!ADDRESS_RULES.mobile.test(a.phone.trim())) return '请填写11位手机号码';
  return undefined;
}
