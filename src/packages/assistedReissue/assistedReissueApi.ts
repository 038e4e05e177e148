import type { ApplicationView } from '../../../core/reissue/applicationView';
import type { FeeView } from '../../../core/reissue/feeView';
import type { ReissueReason } from '../../../core/reissue/ReissueApplication';
import { call } from '../../services/api';

export type { ApplicationView, FeeView, ReissueReason };

export interface Division {
  code: string;
  name: string;
}

export interface MailAddressInput {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  detail: string;
  recipient: string;
  phone: string;
}

/** core/assisted/actions/reissue.ts: whether the session's citizen may apply through this hall, and the fee to collect. */
export interface ReissueQuote {
  eligible: boolean;
  reasons: Array<{ code: string; message: string }>;
  fee: FeeView;
  hallName: string;
}

/**
 * Typed calls of a reissue in an assisted session (issue 18, the assisted function). The divisions
 * come from the function (the page carries no region data); the submission takes the request id
 * made when the form opened, sent again on retry.
 */
export const assistedReissueApi = {
  divisions: (sessionId: string, parentCode?: string) =>
    call<{ divisions: Division[] }>('assisted', 'assistedDivisions', { sessionId, ...(parentCode ? { parentCode } : {}) }).then((r) => r.divisions),
  fee: (sessionId: string, reason: ReissueReason, districtCode: string) => call<ReissueQuote>('assisted', 'assistedReissueFee', { sessionId, reason, districtCode }),
  apply: (input: { sessionId: string; reason: ReissueReason; address: MailAddressInput; receipt: string; amount: string }, requestId: string) =>
    call<ApplicationView>('assisted', 'assistedReissue', { ...input, appearanceUnchanged: true }, requestId),
};
