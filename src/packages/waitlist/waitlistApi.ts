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
  /** How long the hall holds an offered place (its lead sets it). */
  hold: (hallId: string) => call<HoldView>('booking', 'waitlistHold', { hallId }),
  /** The hall's officers: who waits per day and business (counts only), its hold time, whether the caller may change it. */
  hall: (hallId: string) => call<HallWaitlists>('booking', 'hallWaitlists', { hallId }),
  saveHold: (hallId: string, minutes: number, expectedVersion: number) => call<HoldView>('booking', 'saveWaitlistHold', { hallId, minutes, expectedVersion }),
};

export interface HoldView {
  hallId: string;
  holdMinutes: number;
  version: number;
}

export interface HallWaitlists extends HoldView {
  mayEdit: boolean;
  lines: Array<{ date: string; business: string; businessTitle: string; waiting: number; offered: number }>;
  more: boolean;
}
