import type { ActionMap } from '../function/action';
import type { BookingDeps } from '../booking/BookingDeps';
import { closeAssistedSession, confirmAssistedSession, openAssistedSession } from './actions/session';
import { assistedCancel, assistedReschedule, assistedReserve } from './actions/booking';
import { assistedReport } from './actions/report';

/** The assisted channel's actions (issue 18), part of the booking function. */
export const assistedActions: ActionMap<BookingDeps> = {
  openAssistedSession,
  confirmAssistedSession,
  closeAssistedSession,
  assistedReserve,
  assistedCancel,
  assistedReschedule,
  assistedReport,
};
