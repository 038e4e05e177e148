import type { BusinessApplicationView, BusinessSummaryView } from '../../core/business/views';
import type { BusinessKind, BusinessTrack } from '../../core/business/kinds';
import type { DeclaredField } from '../../core/business/declaredFields';
import { call } from './api';
import type { AddressInput } from './reissueApi';

/** What the `business` function returns (shapes from core/business/actions; types only, no zod here). */
export type BusinessView = BusinessApplicationView;
export type BusinessSummary = BusinessSummaryView;

export interface CatalogueEntry {
  kind: BusinessKind;
  name: string;
  track: BusinessTrack;
  guideId: string;
  /** What the form asks the citizen to declare (core/business/declaredFields.ts). */
  fields: DeclaredField[];
  conditions: string[];
  materials: Array<{ key: string; name: string; required: boolean; note?: string }>;
  halls: Array<{ id: string; name: string }>;
}

export interface BusinessDetails {
  purpose?: string;
  graduatedOn?: string;
  marriedOn?: string;
  residenceRegisteredOn?: string;
  residencePermitIssuedOn?: string;
}

export interface UploadTarget {
  cloudPath: string;
  fileId: string;
  url: string;
  authorization: string;
  token: string;
  cosFileId: string;
}

export type QueueEntry = BusinessSummary & { reviewDue?: string; overdue: boolean; correctionRounds: number };

/** The officer's case: the application plus what the registry says of the person. */
export type BusinessCase = BusinessView & {
  subject: { idNumberMasked: string; householdDivisionCode: string; householdPlace: string; birthDate?: string; sex?: 'male' | 'female'; registryKnows: boolean };
  forFamilyMember: boolean;
  /** The waybill, when the applicant chose mail (the case's opening is audited). */
  mailTo?: { recipient: string; phone: string; address: string };
};

export interface CertificateCheck {
  serial: string;
  status: 'valid' | 'expired' | 'revoked';
  statusName: string;
  holderName: string;
  holderIdNumber: string;
  householdPlace: string;
  issuedBy: string;
  issuedAt: string;
  validUntil: string;
}

type Versioned = { applicationId: string; expectedVersion: number };

/** A migration waiting for its move-out (迁出) at the origin station. */
export type MoveOutEntry = BusinessSummary & {
  version: number;
  idNumberMasked: string;
  householdPlace: string;
  destinationHallName: string;
  permitNumber: string;
  permitValidUntil: string;
  permitExpired: boolean;
  dueAt: string;
  overdue: boolean;
};

export type Handover = { kind: 'hall'; appointmentId: string } | { kind: 'mail'; address: AddressInput };

/** Typed calls to the `business` function (citizen, officer and public actions). */
export const businessApi = {
  catalogue: () => call<{ businesses: CatalogueEntry[] }>('business', 'businessCatalogue'),
  // A repeatable write: the request id goes in the envelope, bound to the action and its input.
  apply: (input: { kind: BusinessKind; hallId: string; forMemberId?: string; details: BusinessDetails }, requestId: string) =>
    call<BusinessView>('business', 'apply', input, requestId),
  materialUpload: (input: { applicationId: string; material: string; type: 'jpeg' | 'png' }) => call<UploadTarget>('business', 'materialUpload', input),
  attachMaterial: (input: Versioned & { material: string; fileIds: string[] }) => call<BusinessView>('business', 'attachMaterial', input),
  submit: (input: Versioned) => call<BusinessView>('business', 'submit', input),
  resubmit: (input: Versioned) => call<BusinessView>('business', 'resubmit', input),
  withdraw: (input: Versioned) => call<BusinessView>('business', 'withdraw', input),
  chooseHandover: (input: Versioned & { handover: Handover }) => call<BusinessView>('business', 'chooseHandover', input),
  mine: () => call<{ applications: BusinessSummary[] }>('business', 'myBusinessApplications'),
  application: (applicationId: string) => call<BusinessView>('business', 'businessApplication', { applicationId }),
  // Officer actions.
  reviewHalls: () => call<{ halls: Array<{ id: string; name: string }> }>('business', 'myReviewHalls'),
  queue: (hallId: string, states?: string[]) => call<{ applications: QueueEntry[] }>('business', 'businessQueue', states ? { hallId, states } : { hallId }),
  businessCase: (applicationId: string) => call<BusinessCase>('business', 'businessCase', { applicationId }),
  startReview: (input: Versioned) => call<BusinessView>('business', 'startReview', input),
  approve: (input: Versioned) => call<BusinessView>('business', 'approve', input),
  reject: (input: Versioned & { reason: string }) => call<BusinessView>('business', 'reject', input),
  requestCorrection: (input: Versioned & { items: Array<{ material: string; reason: string }> }) => call<BusinessView>('business', 'requestCorrection', input),
  revoke: (input: Versioned & { reason: string }) => call<BusinessView>('business', 'revoke', input),
  extendPermit: (input: Versioned & { validThrough: string; reason: string }) => call<BusinessView>('business', 'extendPermit', input),
  collect: (input: Versioned) => call<BusinessView>('business', 'collect', input),
  ship: (input: Versioned & { courier: string; trackingNumber: string }) => call<BusinessView>('business', 'ship', input),
  moveOutQueue: (hallId: string) => call<{ applications: MoveOutEntry[] }>('business', 'moveOutQueue', { hallId }),
  completeMoveOut: (input: Versioned & { hallId: string }) => call<BusinessView>('business', 'completeMoveOut', input),
  // Public: any WeChat user, no real-name verification.
  verify: (serial: string) => call<CertificateCheck>('business', 'verifyCertificate', { serial }),
};
