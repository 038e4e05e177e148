import type { ActionMap } from '../function/action';
import { purgeExpiredRequests } from '../function/requestExpiry';
import type { BusinessDeps } from './BusinessDeps';
import { apply, businessCatalogue } from './actions/apply';
import { attachMaterial, businessApplication, materialUpload, myBusinessApplications, resubmit, submit, withdraw } from './actions/citizen';
import { approve, businessCase, businessQueue, myReviewHalls, reject, requestCorrection, revoke, startReview } from './actions/officer';
import { verifyCertificate } from './actions/verify';
import { completeMoveOut, extendPermit, moveOutQueue } from './actions/migration';
import { chooseHandover, collect, ship } from './actions/handover';
import { expireApplications, purgeMaterials } from './actions/timers';
import { pollShipments } from './actions/shipments';

export const businessActions: ActionMap<BusinessDeps> = {
  businessCatalogue,
  apply,
  materialUpload,
  attachMaterial,
  submit,
  resubmit,
  withdraw,
  myBusinessApplications,
  businessApplication,
  myReviewHalls,
  businessQueue,
  businessCase,
  startReview,
  approve,
  reject,
  requestCorrection,
  revoke,
  moveOutQueue,
  completeMoveOut,
  extendPermit,
  chooseHandover,
  collect,
  ship,
  verifyCertificate,
  expireApplications,
  purgeMaterials,
  purgeExpiredRequests,
  pollShipments,
};

/** Actions only timer triggers may run. */
export const businessTimers = ['expireApplications', 'purgeMaterials', 'purgeExpiredRequests', 'pollShipments'] as const;
