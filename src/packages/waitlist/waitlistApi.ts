import type { AppointmentView } from '../../../core/booking/views';
import type { WaitEntryView } from '../../../core/waitlist/views';
import { call } from '../../services/api';

export type { WaitEntryView };

export interface JoinInput {
  hallId: string;
  business: string;
  date: string;
  forMemberId?: string;
}

/**
 * Typed calls of the waiting list (the booking function), kept in this subpackage so the main and
 * booking packages do not carry them. Accepting takes the request id made when the offer was shown,
 * sent again on a retry or a double tap, so it books once.
 */
export const waitlistApi = {
  join: (input: JoinInput) => call<WaitEntryView>('booking', 'joinWaitlist', input),
  mine: () => call<{ entries: WaitEntryView[] }>('booking', 'myWaitlist'),
  leave: (e: WaitEntryView) => call<WaitEntryView>('booking', 'leaveWaitlist', { entryId: e.id }),
  accept: (e: WaitEntryView, requestId: string) => call<AppointmentView>('booking', 'acceptWaitlistOffer', { entryId: e.id }, requestId),
};
