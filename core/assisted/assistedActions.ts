import type { ActionMap } from '../function/action';
import type { AssistedDeps } from './AssistedDeps';
import { closeAssistedSession, confirmAssistedSession, openAssistedSession } from './actions/session';
import { assistedCancel, assistedReschedule, assistedReserve } from './actions/booking';
import { assistedReport } from './actions/report';
import { purgeAssistedSessions } from './actions/purge';
import { assistedTellMaterials } from './actions/materials';
import { assistedDivisions, assistedReissue, assistedReissueFee } from './actions/reissue';

/** The assisted channel's actions (issue 18): the `assisted` function (officers only). */
export const assistedActions: ActionMap<AssistedDeps> = {
  openAssistedSession,
  confirmAssistedSession,
  closeAssistedSession,
  assistedReserve,
  assistedCancel,
  assistedReschedule,
  assistedDivisions,
  assistedReissueFee,
  assistedReissue,
  assistedTellMaterials,
  assistedReport,
  purgeAssistedSessions,
};

/** Actions only timer triggers may run. */
export const assistedTimers = ['purgeAssistedSessions'] as const;
