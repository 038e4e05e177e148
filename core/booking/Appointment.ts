/**
 * A booked place in a slot of a hall, for one business, for one person (the caller or a family
 * member the caller acts for). Only the use cases in core/booking change its status, each with a
 * compare-and-set on the status it expects.
 */
export type AppointmentStatus = 'booked' | 'checkedIn' | 'noShow' | 'cancelled';

export interface Appointment {
  _id: string;
  /** Who booked (the WeChat account). */
  actorOpenid: string;
  /** For whom: a resident of the registry (the actor's own identity or a family member). */
  subjectResidentId: string;
  subjectIdIndex: string;
  subjectNameEnc: string;
  /** Set when the actor booked for a family member (who acted for whom). */
  actedFor?: string;
  hallId: string;
  business: string;
  date: string;
  start: string;
  end: string;
  slotId: string;
  /** 预约号: eight digits, unique in the hall (core/reference). Absent on appointments booked before numbers existed. */
  refNumber?: string;
  status: AppointmentStatus;
  /** Claim documents this appointment holds: a cancellation releases them all, a check-in or no-show only the business's (the day and week stay used). */
  claims: string[];
  queueNumber?: number;
  checkedInAt?: Date;
  checkedInBy?: string;
  cancelledAt?: Date;
  /** Set when it was replaced by a rescheduled appointment. */
  rescheduledTo?: string;
  /** Which request ended it (cancel, reschedule, no-show sweep): a retry of that request finishes the job. */
  endedBy?: string;
  remindedAt?: Date;
  /** Booked by an officer in an assisted session (issue 18): which session, which officer, why. */
  assisted?: { sessionId: string; officerOpenid: string; reason: string };
  createdAt: Date;
  updatedAt: Date;
}
