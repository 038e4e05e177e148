import type { Appointment } from '../booking/Appointment';
import type { QueueTicket } from './QueueTicket';

const fresh = {
  status: 'waiting',
  version: 0,
  window: null,
  transferred: false,
  calls: 0,
  skips: 0,
  notBefore: null,
  firstCalledAt: null,
  lastCalledAt: null,
  servedAt: null,
  doneAt: null,
  green: null,
  handled: null,
} as const;

/** The ticket of a checked-in appointment: its id follows from the appointment, so a repeated check-in stores one ticket. */
export function bookedTicketId(appointmentId: string): string {
  return `appt:${appointmentId}`;
}

/** A booked arrival's ticket, called in appointment order. */
export function bookedTicket(a: Pick<Appointment, '_id' | 'hallId' | 'date' | 'start' | 'business'>, number: number, now: Date): QueueTicket {
  return {
    ...fresh,
    _id: bookedTicketId(a._id),
    hallId: a.hallId,
    date: a.date,
    number,
    source: 'booked',
    appointmentId: a._id,
    appointmentStart: a.start,
    business: a.business,
    takenAt: now,
  };
}

/** A walk-in's ticket taken at the hall (the id from the request, so a retried request takes one). */
export function walkInTicket(id: string, hallId: string, date: string, number: number, now: Date, business?: string): QueueTicket {
  return { ...fresh, _id: id, hallId, date, number, source: 'walkIn', ...(business ? { business } : {}), takenAt: now };
}
