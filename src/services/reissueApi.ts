import Taro from '@tarojs/taro';
import type { TypedAddress } from '../../core/reissue/addressRules';
import type { ApplicationView } from '../../core/reissue/applicationView';
import type { RatingInput, RatingView } from '../../core/rating/Rating';
import type { CaseFileView } from '../../core/reissue/caseFile';
import { call } from './api';
import { localPersona } from './localPersona';

/** What the `reissue` function returns (shapes from core/reissue/actions). */
export type ReissueView = ApplicationView;
export type ReissueReason = 'lost' | 'damaged';
/** The officer's audited case file (photo, card facts, the waybill's recipient). */
export type CaseFile = CaseFileView;

export interface FeeView {
  lines: Array<{ label: string; amount: string; note?: string }>;
  total: string;
}

export interface EligibilityView {
  eligible: boolean;
  reasons: Array<{ code: string; message: string; next: 'bookHall' | 'viewApplication' }>;
  subjectNameMasked: string;
  forFamilyMember: boolean;
  hall?: { id: string; name: string };
  fee?: FeeView;
  openApplicationId?: string;
}

/** A delivery address as typed (checked by core/reissue/addressRules.ts before sending). */
export type AddressInput = TypedAddress;

export type DeliveryInput = { kind: 'mail'; address: AddressInput } | { kind: 'hall'; hallId: string };

export interface PaymentStart {
  applicationId: string;
  orderId: string;
  amount: string;
  paymentParams: { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string };
}

export interface QueueItem {
  id: string;
  hallId: string;
  state: string;
  stateName: string;
  reasonName: string;
  subjectNameMasked: string;
  deliveryKind: 'mail' | 'hall';
  submittedAt: string;
  submittedText: string;
  ageDays: number;
  legalDue?: string;
  promisedDue?: string;
  overdue: boolean;
  reviewOverdue: boolean;
  version: number;
  /** The payment's status and its name (returnDue, 待当面退费: a fee collected by hand to hand back). */
  paymentStatus: string;
  paymentStatusName: string;
  /** 办件编号, when it has one. */
  refNumber?: string;
}

type Id = { applicationId: string };
type Versioned = Id & { expectedVersion?: number };

/** Typed calls to the `reissue` cloud function (citizen and officer actions). */
export const reissueApi = {
  // 好差评: the applicant rates a delivered or collected application.
  rateApplication: (applicationId: string, rating: RatingInput) => call<RatingView>('reissue', 'rateApplication', { applicationId, ...rating }),
  myRatings: (serviceIds: string[]) => call<{ ratings: RatingView[] }>('reissue', 'myRatings', { kind: 'application', serviceIds }),
  eligibility: (input: { forMemberId?: string; reason: ReissueReason; delivery?: { kind: 'mail'; districtCode: string } | { kind: 'hall' } }) =>
    call<EligibilityView>('reissue', 'eligibility', { appearanceUnchanged: true, ...input }),
  reportLoss: (forMemberId?: string) => call<{ reported: true; alreadyReported: boolean; reportedAt: string }>('reissue', 'reportLoss', forMemberId ? { forMemberId } : {}),
  // Repeatable writes (apply, pay, cancel): the request id goes in the envelope, bound to the action and its input.
  apply: (input: { forMemberId?: string; reason: ReissueReason; delivery: DeliveryInput }, requestId: string) =>
    call<ReissueView>('reissue', 'apply', { ...input, appearanceUnchanged: true }, requestId),
  pay: (applicationId: string, requestId?: string) => call<PaymentStart>('reissue', 'pay', { applicationId }, requestId),
  confirmPayment: (applicationId: string, reported?: 'ok' | 'fail' | 'cancel' | 'timeout') =>
    call<ReissueView>('reissue', 'confirmPayment', reported ? { applicationId, reported } : { applicationId }),
  cancel: (input: Versioned, requestId: string) => call<ReissueView>('reissue', 'cancel', input, requestId),
  changeAddress: (input: Versioned & { address: AddressInput }) => call<ReissueView>('reissue', 'changeAddress', input),
  myApplications: () => call<{ applications: ReissueView[] }>('reissue', 'myApplications'),
  application: (applicationId: string) => call<ReissueView>('reissue', 'application', { applicationId }),
  // Officer actions.
  caseFile: (applicationId: string) => call<CaseFile>('reissue', 'caseFile', { applicationId }),
  applicationByNumber: (number: string) =>
    call<{ id: string; hallId: string; refNumber: string; state: string; stateName: string; subjectNameMasked: string }>('reissue', 'applicationByNumber', { number }),
  reviewQueue: (input: { hallId?: string; states?: string[]; minAgeDays?: number; paymentStatuses?: string[] } = {}) =>
    call<{ applications: QueueItem[] }>('reissue', 'reviewQueue', input),
  startReview: (input: Versioned) => call<ReissueView>('reissue', 'startReview', input),
  approve: (input: Versioned) => call<ReissueView>('reissue', 'approve', input),
  reject: (input: Versioned & { reason: string }) => call<ReissueView>('reissue', 'reject', input),
  startProduction: (input: Versioned) => call<ReissueView>('reissue', 'startProduction', input),
  ship: (input: Versioned & { courier: string; trackingNumber: string }) => call<ReissueView>('reissue', 'ship', input),
  markDelivered: (input: Versioned) => call<ReissueView>('reissue', 'markDelivered', input),
  markReturned: (input: Versioned & { note?: string }) => call<ReissueView>('reissue', 'markReturned', input),
  reship: (input: Versioned & { courier: string; trackingNumber: string }) => call<ReissueView>('reissue', 'reship', input),
  holdAtHall: (input: Versioned & { hallId: string }) => call<ReissueView>('reissue', 'holdAtHall', input),
  collect: (input: Versioned) => call<ReissueView>('reissue', 'collect', input),
};

/**
 * H5 only: the local cloud's stand-in for wx.requestPayment. Resolves with the errMsg the stand-in
 * answers ('requestPayment:ok', '…fail…').
 */
export async function localPaymentStandIn(orderId: string, outcome: 'success' | 'fail' | 'timeout'): Promise<string> {
  const persona = localPersona();
  const response = await Taro.request<{ errMsg?: string; error?: string; message?: string }>({
    url: '/local/pay/confirm',
    method: 'POST',
    data: { orderId, outcome },
    header: persona ? { 'content-type': 'application/json', 'X-Local-Openid': persona } : { 'content-type': 'application/json' },
    timeout: 20000,
  });
  return response.data?.errMsg ?? response.data?.message ?? '';
}
