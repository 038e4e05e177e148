import type { HomeVisitView } from '../../../core/homeVisit/views';
import type { HomeVisitState } from '../../../core/homeVisit/homeVisitNames';
import type { VisitWindow } from '../../../core/homeVisit/visitWindow';
import { call } from '../../services/api';

export type { HomeVisitView };
export type Stepped = HomeVisitView & { notified: boolean };

export interface HomeVisitRequest {
  hallId: string;
  business: string;
  reason: string;
  detail: string;
  phone: string;
  note?: string;
  forMemberId?: string;
}

/**
 * Typed calls of the door-to-door service (the booking function), kept in this subpackage so the
 * main package does not carry them. Every step sends the version the person saw; the request takes
 * the request id made when the form opened, sent again on retry.
 */
export const homeVisitApi = {
  request: (input: HomeVisitRequest, requestId: string) => call<HomeVisitView>('booking', 'requestHomeVisit', input, requestId),
  mine: () => call<{ visits: HomeVisitView[] }>('booking', 'myHomeVisits'),
  confirm: (v: HomeVisitView) => call<HomeVisitView>('booking', 'confirmHomeVisit', { visitId: v.id, expectedVersion: v.version }),
  cancel: (v: HomeVisitView) => call<HomeVisitView>('booking', 'cancelHomeVisit', { visitId: v.id, expectedVersion: v.version }),
  hall: (hallId: string, states: HomeVisitState[]) => call<{ hallId: string; visits: HomeVisitView[] }>('booking', 'hallHomeVisits', { hallId, states }),
  assign: (v: HomeVisitView, officers: string[], window: VisitWindow) =>
    call<Stepped>('booking', 'assignHomeVisit', { visitId: v.id, expectedVersion: v.version, officers, window }),
  reschedule: (v: HomeVisitView, window: VisitWindow, officers?: string[]) =>
    call<Stepped>('booking', 'rescheduleHomeVisit', { visitId: v.id, expectedVersion: v.version, window, ...(officers && { officers }) }),
  refuse: (v: HomeVisitView, reason: string) => call<Stepped>('booking', 'refuseHomeVisit', { visitId: v.id, expectedVersion: v.version, reason }),
  complete: (v: HomeVisitView) => call<Stepped>('booking', 'completeHomeVisit', { visitId: v.id, expectedVersion: v.version }),
};
