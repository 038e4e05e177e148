import type { AppointmentView, SlotView } from '../../core/booking/views';
import type { HandoverAtWindowView } from '../../core/business/handoverAtWindow';
import type { RatingInput, RatingView } from '../../core/rating/Rating';
import { call, type ApiError } from './api';

/** What the `booking` function returns (shapes from core/booking/actions). */

export interface BookingHall {
  id: string;
  name: string;
  city: string;
  address: string;
  /** Dates among BookingOptions.dates on which this hall has no slot, and why (shown closed). */
  closedDates: { date: string; reason: string }[];
}

export interface BookingOptions {
  halls: BookingHall[];
  /** YYYY-MM-DD, Shanghai, open for booking now. */
  dates: string[];
}

export interface Availability {
  hallId: string;
  date: string;
  /** Why the hall takes no bookings that day (a holiday's name, or 当日不办公). */
  closedReason?: string;
  /** Released by draw (issue 17): the slots are the draw's until it is done (the release package). */
  releaseDraw?: boolean;
  slots: SlotView[];
}

export interface TicketView {
  token: string;
  expiresAt: string;
  refreshAfterSeconds: number;
}

export interface CheckInResult {
  appointment: AppointmentView;
  queueNumber: number;
  /** A business application (issue 15) this appointment is the hall handover of. */
  business?: HandoverAtWindowView;
}

/** An appointment found by its 预约号 (officer): the ID number with its last four hidden, for the identity check at the window. */
export interface FoundByNumber {
  appointment: AppointmentView;
  idNumberMasked: string;
  identityCheckAttemptsLeft: number;
}

/** One page of the caller's appointments, newest first; `next` (absent on the last page) is the cursor of the next one. */
export interface AppointmentPage {
  appointments: AppointmentView[];
  next?: string;
}

/** Where an appointment of the caller was found: `cursor` is the one of its page (none for the first). */
export interface FoundAppointment {
  appointment?: AppointmentView;
  cursor?: string;
}

/** How many pages of the caller's appointments findMyAppointment reads at most. */
export const FIND_MAX_PAGES = 20;

/** A hall's whole day, as the officer's day view shows it (hallDayPages.ts reads it page by page). */
export interface HallDay {
  hallId: string;
  date: string;
  /** An appointment may carry the business application it is the hall handover of (issue 15). */
  slots: Array<{ start: string; end: string; appointments: Array<AppointmentView & { application?: HandoverAtWindowView }> }>;
  byBusiness: Array<{ business: string; title: string; booked: number; checkedIn: number; noShow: number; cancelled: number }>;
}

/** One page of `hallDay`: the counts on the first page only; `next` (absent on the last) is the next page's cursor. */
export interface HallDayPage extends Omit<HallDay, 'byBusiness'> {
  byBusiness?: HallDay['byBusiness'];
  next?: string;
}

export interface HallWeek {
  hallId: string;
  days: Array<{ date: string; slots: Array<{ start: string; end: string; capacity: number; booked: number }> }>;
}

/**
 * A client request id for a repeatable write: create one per intention (when the confirm step
 * opens) and send the same one again on retry, so the function answers with the first result
 * instead of booking twice. 8–64 characters of [A-Za-z0-9_-].
 */
export function newRequestId(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 10)).join('');
  return `r${Date.now().toString(36)}${random}`.slice(0, 40);
}

/**
 * Whether a failed write may not have happened (no answer, busy, still running): try again with the
 * SAME request id. Any other answer is final for that id; a new attempt needs a new id.
 */
export function retryWithSameId(error: ApiError): boolean {
  return ['NETWORK_UNAVAILABLE', 'REQUEST_IN_PROGRESS', 'SERVICE_BUSY', 'INTERNAL'].includes(error.code);
}

/** Typed calls to the `booking` cloud function (citizen and officer actions). */
export const bookingApi = {
  bookingOptions: (business: string) => call<BookingOptions>('booking', 'bookingOptions', { business }),
  availability: (hallId: string, business: string, date: string) => call<Availability>('booking', 'availability', { hallId, business, date }),
  // Repeatable writes: the request id goes in the envelope, bound to the action and its input.
  reserve: (input: { hallId: string; business: string; slotId: string; forMemberId?: string }, requestId: string) => call<AppointmentView>('booking', 'reserve', input, requestId),
  cancel: (appointmentId: string, requestId: string) => call<AppointmentView>('booking', 'cancel', { appointmentId }, requestId),
  reschedule: (appointmentId: string, slotId: string, requestId: string) => call<AppointmentView>('booking', 'reschedule', { appointmentId, slotId }, requestId),
  myAppointments: (cursor?: string) => call<AppointmentPage>('booking', 'myAppointments', cursor ? { cursor } : {}),
  ticket: (appointmentId: string) => call<TicketView>('booking', 'ticket', { appointmentId }),
  // Officer actions.
  checkIn: (token: string) => call<CheckInResult>('booking', 'checkIn', { token }),
  appointmentByNumber: (number: string) => call<FoundByNumber>('booking', 'appointmentByNumber', { number }),
  checkInByNumber: (number: string, idLast4: string) => call<CheckInResult>('booking', 'checkInByNumber', { number, idLast4 }),
  hallDay: (hallId: string, date?: string, cursor?: string) => call<HallDayPage>('booking', 'hallDay', { hallId, ...(date ? { date } : {}), ...(cursor ? { cursor } : {}) }),
  hallWeek: (hallId: string) => call<HallWeek>('booking', 'hallWeek', { hallId }),
  // 好差评: the citizen rates a served appointment; the hall (officers, admins) reads its ratings.
  rateAppointment: (appointmentId: string, rating: RatingInput) => call<RatingView>('booking', 'rateAppointment', { appointmentId, ...rating }),
  myRatings: (serviceIds: string[]) => call<{ ratings: RatingView[] }>('booking', 'myRatings', { kind: 'appointment', serviceIds }),
  hallRatings: (hallId: string) => call<HallRatings>('booking', 'hallRatings', { hallId }),
};

/** A hall's 好差评 (core/rating/actions/hallRatings.ts). */
export interface HallRatings {
  hallId: string;
  hallName: string;
  total: number;
  byLevel: Array<{ level: RatingView['level']; name: string; count: number }>;
  satisfactionPercent?: number;
  poorCount: number;
  recentPoor: Array<RatingView & { businessTitle: string }>;
}

/**
 * One appointment of the caller by id: reads the pages of myAppointments from `cursor` (the first
 * page without one), following `next` until it is found or after FIND_MAX_PAGES pages. Resolves
 * with the cursor of the page it was on, so a later look can start there (pages are keyed by
 * creation time, so an appointment stays on the same page; if it is not there after all, the search
 * starts again from the first page). Without `appointment` if not found.
 */
export async function findMyAppointment(id: string, cursor?: string): Promise<FoundAppointment> {
  let from = cursor;
  for (let pages = 0; pages < FIND_MAX_PAGES; pages++) {
    const page = await bookingApi.myAppointments(from);
    const appointment = page.appointments.find((a) => a.id === id);
    if (appointment) return from ? { appointment, cursor: from } : { appointment };
    if (!page.next) break;
    from = page.next;
  }
  // Not after the remembered page: look once more from the first page.
  return cursor ? findMyAppointment(id) : {};
}
