import type { Appointment } from './Appointment';
import type { HallSchedule } from './HallSchedule';
import type { SlotPlan } from './slots';

/** A slot as stored: capacity is fixed when the slot is first created; `booked` is the count. */
export interface SlotState {
  _id: string;
  /** When a place was last taken (reconciliation leaves recently busy slots alone). */
  lastTakenAt?: Date;
  hallId: string;
  date: string;
  start: string;
  end: string;
  capacity: number;
  booked: number;
}


/** Booking data in CloudBase: schedules, slots, claims, appointments, queue counters (requests: server/function/CloudbaseRequestLog). */
export interface BookingStore {
  schedule(hallId: string): Promise<HallSchedule | null>;
  /** Every stored slot of a hall on a day: one indexed query. */
  slots(hallId: string, date: string): Promise<SlotState[]>;
  /** One conditional update: takes a place only while booked < the plan's capacity (creating the slot on first use). */
  takePlace(plan: SlotPlan): Promise<boolean>;
  /** Gives a place back (never below zero). */
  releasePlace(slotId: string): Promise<void>;
  /** Slots of dates from `date` on whose last place was taken before `quietSince` (reconciliation). */
  quietSlots(fromDate: string, quietSince: Date, limit: number): Promise<SlotState[]>;
  /** Appointments holding a place in a slot (booked or checked in). */
  countHolding(slotId: string): Promise<number>;
  /** Compare-and-set of a slot's count: only if it is still `from`. */
  correctPlaces(slotId: string, from: number, to: number): Promise<boolean>;
  /** Claims taken before `before` whose appointment does not exist (a crash between claim and insert). */
  orphanClaims(before: Date, limit: number): Promise<string[]>;

  /** Creates a claim document with this id; false when it exists (the database refuses it). */
  takeClaim(id: string, appointmentId: string): Promise<boolean>;
  releaseClaims(ids: readonly string[]): Promise<void>;

  addAppointment(a: Appointment): Promise<void>;
  appointment(id: string): Promise<Appointment | null>;
  /** Compare-and-set on the status. */
  changeStatus(id: string, from: Appointment['status'], changes: Partial<Appointment>): Promise<boolean>;
  /** The actor's appointments, newest first. */
  appointmentsOf(actorOpenid: string, limit: number): Promise<Appointment[]>;
  /** Dates of a person's no-shows since a date. */
  noShowDates(subjectIdIndex: string, since: string): Promise<string[]>;
  appointmentsOfHall(hallId: string, from: string, to: string): Promise<Appointment[]>;
  nextQueueNumber(hallId: string, date: string): Promise<number>;
  /** Booked appointments dated before `date` (no-show sweep), oldest first. */
  bookedBefore(date: string, limit: number): Promise<Appointment[]>;
  /** Booked appointments on `date` not yet reminded. */
  unremindedOn(date: string, limit: number): Promise<Appointment[]>;
}

/** Sends the day-before reminder (WeChat subscribe message in production). */
export interface Notifier {
  remindAppointment(openid: string, reminder: { hallName: string; businessTitle: string; date: string; start: string; end: string }): Promise<void>;
}
