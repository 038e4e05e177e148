import type { DeclaredField as FieldKey } from '../../../../core/business/declaredFields';
import type { BusinessTrack } from '../../../../core/business/kinds';
import type { BusinessDetails } from '../../../services/businessApi';

/**
 * How the form asks for each thing a citizen may declare (`apply`'s `details`). Which a business
 * needs is the catalogue's `fields` (core/business/declaredFields.ts); the rules that judge them
 * are in core/business/conditions.ts.
 */
export interface DeclaredField {
  key: keyof BusinessDetails;
  label: string;
  kind: 'text' | 'date';
  placeholder: string;
}

const FIELDS: { readonly [K in FieldKey]: DeclaredField } = {
  purpose: { key: 'purpose', label: '证明用途', kind: 'text', placeholder: '如：子女入学、办理社保' },
  graduatedOn: { key: 'graduatedOn', label: '毕业日期', kind: 'date', placeholder: '请选择毕业日期' },
  marriedOn: { key: 'marriedOn', label: '结婚登记日期', kind: 'date', placeholder: '请选择结婚登记日期' },
  residenceRegisteredOn: { key: 'residenceRegisteredOn', label: '居住登记日期', kind: 'date', placeholder: '请选择居住登记日期' },
  residencePermitIssuedOn: { key: 'residencePermitIssuedOn', label: '居住证签发日期', kind: 'date', placeholder: '请选择居住证签发日期（见居住证）' },
};

/** The form's inputs for the fields a business needs, in the catalogue's order (unknown ones skipped). */
export function declaredFields(fields: readonly string[] = []): DeclaredField[] {
  return fields.flatMap((f) => (f in FIELDS ? [FIELDS[f as FieldKey]] : []));
}

/** Groups of the catalogue, in this order; a group shows the businesses of its tracks in the catalogue's order. */
export const GROUPS: Array<{ key: string; tracks: readonly BusinessTrack[]; title: string }> = [
  { key: 'certificate', tracks: ['certificate'], title: '户籍证明' },
  { key: 'migration', tracks: ['migration'], title: '户口迁移' },
  { key: 'registration', tracks: ['handover', 'endorsement'], title: '出生登记与居住证' },
];
