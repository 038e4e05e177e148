import type { HomeVisitReason, HomeVisitState } from './homeVisitNames';
import type { HomeVisitEvent, HomeVisitSide } from './homeVisitStates';
import type { VisitWindow } from './visitWindow';

/** One accepted step: the state after it, what happened, by which side and when. */
export interface HomeVisitStep {
  event: HomeVisitEvent | 'request';
  state: HomeVisitState;
  by: HomeVisitSide;
  at: Date;
}

/**
 * A request for a home visit (上门服务, issue 17): a citizen who cannot come to the hall, or the
 * family member acting for them, asks the hall to come to their home for one of its businesses.
 * Stored in `home_visits`; every change is a compare-and-set on `version` (entry i of `history`
 * is version i + 1). What identifies the person is encrypted (name, street and room, phone); the
 * district is the hall's own.
 */
export interface HomeVisit {
  _id: string;
  hallId: string;
  /** A guide id the hall handles. */
  business: string;
  reason: HomeVisitReason;
  state: HomeVisitState;
  version: number;
  /** The account that asked (the citizen, or the family member acting for them). */
  requesterOpenid: string;
  /** The person visited. */
  subjectResidentId: string;
  subjectIdIndex: string;
  subjectNameEnc: string;
  /** Resident id of the family member acted for, when the requester acted for someone. */
  actedFor?: string;
  /** Street, building and room within the hall's district (context `address`). */
  detailEnc: string;
  /** The mobile number the officers call before coming (context `phone`). */
  phoneEnc: string;
  note?: string;
  /** Set by the hall's lead (assign, reschedule). */
  officers?: string[];
  window?: VisitWindow;
  refusalReason?: string;
  createdAt: Date;
  updatedAt: Date;
  history: HomeVisitStep[];
}
