/**
 * The household-registration (户口) businesses a citizen can apply for online (issue 15), the
 * guide each one follows (materials, conditions and time limits come from the guide's data) and
 * how an approved application ends:
 *  - certificate: an electronic certificate is issued at once (户籍类证明);
 *  - migration: the destination issues a permission to move in (准迁证), the origin's station
 *    completes the move-out within 5 working days, then the result is handed over (跨省通办);
 *  - handover: the result (household register page, residence permit) is collected at the hall
 *    or sent by mail;
 *  - endorsement: nothing is made or handed over: the approval is the act, recorded against the
 *    card the citizen already holds (居住证签注), and the application is done.
 */
export const BUSINESS_KINDS = [
  'householdCertificate',
  'migrationJobTransfer',
  'migrationCollegeAdmission',
  'migrationGraduate',
  'migrationSpouse',
  'migrationParentsJoinChildren',
  'birthRegistration',
  'birthRegistrationElsewhere',
  'residencePermit',
  'residencePermitEndorsement',
] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

export const BUSINESS_TRACKS = ['certificate', 'migration', 'handover', 'endorsement'] as const;
export type BusinessTrack = (typeof BUSINESS_TRACKS)[number];

export interface BusinessDefinition {
  track: BusinessTrack;
  /** The service guide (data/guides/<id>.json) whose materials and conditions apply. */
  guideId: string;
}

export const BUSINESSES: { readonly [K in BusinessKind]: BusinessDefinition } = {
  householdCertificate: { track: 'certificate', guideId: 'household-certificate' },
  migrationJobTransfer: { track: 'migration', guideId: 'migration-job-transfer' },
  migrationCollegeAdmission: { track: 'migration', guideId: 'migration-college-admission' },
  migrationGraduate: { track: 'migration', guideId: 'migration-graduate' },
  migrationSpouse: { track: 'migration', guideId: 'migration-spouse' },
  migrationParentsJoinChildren: { track: 'migration', guideId: 'migration-parents-join-children' },
  birthRegistration: { track: 'handover', guideId: 'birth-registration' },
  birthRegistrationElsewhere: { track: 'handover', guideId: 'birth-registration-elsewhere' },
  residencePermit: { track: 'handover', guideId: 'residence-permit-application' },
  residencePermitEndorsement: { track: 'endorsement', guideId: 'residence-permit-endorsement' },
};

export const trackOf = (kind: BusinessKind): BusinessTrack => BUSINESSES[kind].track;

/** The online business that follows a guide, if any (the guide page's 在线申请). */
export const kindOfGuide = (guideId: string): BusinessKind | undefined => BUSINESS_KINDS.find((k) => BUSINESSES[k].guideId === guideId);
