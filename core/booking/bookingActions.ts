import type { ActionMap } from '../function/action';
import type { BookingDeps } from './BookingDeps';
import { availability, bookingOptions } from './actions/availability';
import { cancel } from './actions/cancel';
import { checkIn } from './actions/checkIn';
import { appointmentByNumber, checkInByNumber } from './actions/byNumber';
import { myAppointments } from './actions/mine';
import { hallDay, hallWeek } from './actions/officer';
import { hallReportAction } from './actions/report';
import { reschedule } from './actions/reschedule';
import { reserve } from './actions/reserve';
import { ticket } from './actions/ticket';
import { markNoShows, openSlots, reconcileSlots, sendReminders } from './actions/timers';
import { rateAppointment } from './actions/rate';
import { hallRatings } from '../rating/actions/hallRatings';
import { myRatings } from '../rating/actions/myRatings';
import { purgeExpiredRequests } from '../function/requestExpiry';
import { askConsultation, consultation, myConsultations } from '../consult/actions/citizen';
import { answerConsultation, closeConsultation, hallConsultations, publishConsultation } from '../consult/actions/officer';
import { callNext, finish, recall, serve, skip, transfer, windowState } from '../queue/actions/window';
import { markGreenChannel, takeWalkIn } from '../queue/actions/walkIn';
import { queueBoard } from '../queue/actions/board';
import { myQueueTicket } from '../queue/actions/myTicket';
import { deleteSpecialHours, hallHours, saveSpecialHours } from '../hallDuty/actions/hours';
import { cancelHomeVisit, confirmHomeVisit, myHomeVisits, requestHomeVisit } from '../homeVisit/actions/citizen';
import { assignHomeVisit, completeHomeVisit, hallHomeVisits, refuseHomeVisit, rescheduleHomeVisit } from '../homeVisit/actions/hall';
import { deleteDutyDay, dutyRoster, saveDutyDay } from '../hallDuty/actions/roster';

import { hallReleaseDraws, openReleaseDraw, runReleaseDraw, runReleaseDraws } from '../fairRelease/actions/lead';
import { applyReleaseDraw, myReleaseApplications, withdrawReleaseApplication } from '../fairRelease/actions/citizen';
import { releaseDraw, releaseDraws } from '../fairRelease/actions/public';
import { acceptWaitlistOffer, joinWaitlist, lapseWaitlistOffers, leaveWaitlist, myWaitlist } from '../waitlist/actions';
import { hallWaitlists, saveWaitlistHold, waitlistHold } from '../waitlist/hallActions';
export const bookingActions: ActionMap<BookingDeps> = {
  joinWaitlist,
  myWaitlist,
  leaveWaitlist,
  acceptWaitlistOffer,
  lapseWaitlistOffers,
  waitlistHold,
  hallWaitlists,
  saveWaitlistHold,
  bookingOptions,
  availability,
  reserve,
  cancel,
  reschedule,
  myAppointments,
  ticket,
  checkIn,
  appointmentByNumber,
  checkInByNumber,
  hallDay,
  hallWeek,
  hallReport: hallReportAction,
  markNoShows,
  sendReminders,
  reconcileSlots,
  openSlots,
  rateAppointment,
  myRatings,
  hallRatings,
  askConsultation,
  myConsultations,
  consultation,
  hallConsultations,
  answerConsultation,
  publishConsultation,
  closeConsultation,
  hallHours,
  saveSpecialHours,
  deleteSpecialHours,
  dutyRoster,
  saveDutyDay,
  deleteDutyDay,
  purgeExpiredRequests,
  callNext,
  recall,
  serve,
  skip,
  transfer,
  finish,
  takeWalkIn,
  markGreenChannel,
  windowState,
  queueBoard,
  myQueueTicket,
  requestHomeVisit,
  myHomeVisits,
  confirmHomeVisit,
  cancelHomeVisit,
  hallHomeVisits,
  assignHomeVisit,
  rescheduleHomeVisit,
  refuseHomeVisit,
  completeHomeVisit,
  openReleaseDraw,
  hallReleaseDraws,
  runReleaseDraw,
  runReleaseDraws,
  applyReleaseDraw,
  withdrawReleaseApplication,
  myReleaseApplications,
  releaseDraw,
  releaseDraws,
};

/** Actions only timer triggers may run. */
export const bookingTimers = ['markNoShows', 'sendReminders', 'reconcileSlots', 'openSlots', 'purgeExpiredRequests', 'lapseWaitlistOffers', 'runReleaseDraws'] as const;
