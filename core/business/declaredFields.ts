import type { BusinessKind } from './kinds';

/** What a citizen may declare when applying (`apply`'s `details`). */
export const DECLARED_FIELD_KEYS = ['purpose', 'graduatedOn', 'marriedOn', 'residenceRegisteredOn', 'residencePermitIssuedOn'] as const;
export type DeclaredField = (typeof DECLARED_FIELD_KEYS)[number];

/**
 * What each business needs declared (issue 15): a certificate what it is for; the businesses whose
 * conditions look at a date (core/business/conditions.ts), that date. The catalogue tells the form.
 */
export const DECLARED_FIELDS: { readonly [K in BusinessKind]: readonly DeclaredField[] } = {
  householdCertificate: ['purpose'],
  migrationJobTransfer: [],
  migrationCollegeAdmission: [],
  migrationGraduate: ['graduatedOn'],
  migrationSpouse: ['marriedOn'],
  migrationParentsJoinChildren: [],
  birthRegistration: [],
  birthRegistrationElsewhere: [],
  residencePermit: ['residenceRegisteredOn'],
  residencePermitEndorsement: ['residencePermitIssuedOn'],
};
