import { purgeExpiredRequests } from '../function/requestExpiry';
import type { ActionMap } from '../function/action';
import type { ReissueDeps } from './ReissueDeps';
import { apply, eligibility, reportLoss } from './actions/apply';
import { application, cancel, changeAddress, myApplications } from './actions/citizen';
import { caseFile } from './actions/caseFile';
import {
  approve,
  cancelAtHall,
  collect,
  holdAtHall,
  markDelivered,
  markReturned,
  reject,
  reship,
  returnFee,
  reviewQueue,
  ship,
  startProduction,
  startReview,
} from './actions/officer';
import { confirmPayment, pay } from './actions/payment';
import { applicationByNumber } from './actions/byNumber';
import { pollShipments, settlePayments } from './actions/timers';
import { rateApplication } from './actions/rate';
import { myRatings } from '../rating/actions/myRatings';

export const reissueActions: ActionMap<ReissueDeps> = {
  eligibility,
  reportLoss,
  apply,
  pay,
  confirmPayment,
  cancel,
  changeAddress,
  myApplications,
  application,
  reviewQueue,
  caseFile,
  applicationByNumber,
  startReview,
  approve,
  reject,
  startProduction,
  ship,
  markDelivered,
  markReturned,
  reship,
  holdAtHall,
  collect,
  cancelAtHall,
  returnFee,
  pollShipments,
  settlePayments,
  rateApplication,
  myRatings,
  purgeExpiredRequests,
};

/** Actions only timer triggers may run. */
export const reissueTimers = ['pollShipments', 'settlePayments', 'purgeExpiredRequests'] as const;
