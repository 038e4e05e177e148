import type { BusinessKind } from '../../../../core/business/kinds';
import type { BusinessDetails } from '../../../services/businessApi';

/**
 * What the citizen declares when applying, per business: the form's fields, as `apply`'s
 * `details` takes them (core/business/actions/apply.ts; the rules that judge them are in
 * core/business/conditions.ts). The catalogue does not say which a business needs, so the form
 * lists them here.
 */
export interface DeclaredField {
  key: keyof BusinessDetails;
  label: string;
  kind: 'text' | 'date';
  placeholder: string;
}

const PURPOSE: DeclaredField = { key: 'purpose', label: '证明用途', kind: 'text', placeholder: '如：子女入学、办理社保' };

export function declaredFields(kind: BusinessKind, track: string): DeclaredField[] {
  if (track === 'certificate') return [PURPOSE];
  if (kind === 'migrationGraduate') return [{ key: 'graduatedOn', label: '毕业日期', kind: 'date', placeholder: '请选择毕业日期' }];
  if (kind === 'migrationSpouse') return [{ key: 'marriedOn', label: '结婚登记日期', kind: 'date', placeholder: '请选择结婚登记日期' }];
  if (kind === 'residencePermit') return [{ key: 'residenceRegisteredOn', label: '居住登记日期', kind: 'date', placeholder: '请选择居住登记日期' }];
  return [];
}

/** Groups of the catalogue, in this order. */
export const GROUPS: Array<{ track: 'certificate' | 'migration' | 'handover'; title: string }> = [
  { track: 'certificate', title: '户籍证明' },
  { track: 'migration', title: '户口迁移' },
  { track: 'handover', title: '出生登记与居住证' },
];
