import { ADDRESS_RULES } from '../reissue/addressRules';
import { HOME_VISIT_LIMITS, isHomeVisitReason } from './homeVisitNames';

/** A request as the citizen types it; the district is the hall's own (a hall visits homes in its district). */
export interface TypedHomeVisit {
  reason: string;
  /** Street, building and room within the hall's district. */
  detail: string;
  /** A mobile number the officers call before coming. */
  phone: string;
  note?: string;
}

const length = (text: string) => Array.from(text.trim()).length;

/**
 * What is wrong with the request, in the order the form asks for it; undefined when it can be sent.
 * The same rules as a delivery address's street and mobile (core/reissue/addressRules.ts).
 */
export function requestProblem(r: TypedHomeVisit): string | undefined {
  if (!isHomeVisitReason(r.reason)) return '请选择不能到大厅办理的原因';
  if (length(r.detail) < HOME_VISIT_LIMITS.detail.min || length(r.detail) > HOME_VISIT_LIMITS.detail.max) return '请填写详细地址（街道、门牌、楼栋房号）';
  if (!ADDRESS_RULES.mobile.test(r.phone.trim())) return '请填写11位手机号码';
  if (r.note !== undefined && length(r.note) > HOME_VISIT_LIMITS.note.max) return `补充说明不超过${HOME_VISIT_LIMITS.note.max}字`;
  return undefined;
}

/** What is wrong with the officers named for a visit (display names, 1 to 3, distinct); undefined when fine. */
export function officersProblem(officers: readonly string[]): string | undefined {
  const { officers: count, officerName } = HOME_VISIT_LIMITS;
  if (officers.length < count.min || officers.length > count.max) return `请指派${count.min}至${count.max}名民警`;
  if (officers.some((o) => length(o) < officerName.min || length(o) > officerName.max)) return `民警称呼须为${officerName.min}至${officerName.max}字`;
  if (new Set(officers.map((o) => o.trim())).size !== officers.length) return '同一民警不能重复指派';
  return undefined;
}

/** What is wrong with a refusal's reason; undefined when fine. */
export function refusalProblem(reason: string): string | undefined {
  const n = length(reason);
  return n < HOME_VISIT_LIMITS.refusal.min || n > HOME_VISIT_LIMITS.refusal.max ? `请填写${HOME_VISIT_LIMITS.refusal.min}至${HOME_VISIT_LIMITS.refusal.max}字的原因` : undefined;
}
