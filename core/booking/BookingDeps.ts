import type { Clock } from '../time/Clock';
import type { GuideRepository } from '../guide/GuideRepository';
import type { CallerContext } from '../identity/caller';
import type { AuditLog, IdentityStore, Secrets } from '../identity/ports';
import type { TicketSigner } from '../ticket/TicketToken';
import type { WorkCalendar } from '../time/WorkCalendar';
import type { BookingStore, Notifier } from './ports';
import type { RatingStore } from '../rating/ports';
import type { HallDutyStore } from '../hallDuty/ports';
import type { WaitlistNotifier, WaitlistStore } from '../waitlist/ports';
import type { ReferenceNumberStore } from '../reference/ports';
import type { ExpiringRequests } from '../function/requestExpiry';
import type { HandoverApplication } from '../business/handoverAtWindow';
import type { StatisticsStore } from '../statistics/ports';
import type { ConsultationStore, ConsultNotifier } from '../consult/ports';
import type { QueueStore } from '../queue/QueueStore';
import type { HomeVisitNotifier, HomeVisitStore } from '../homeVisit/ports';
import type { FairReleaseStore } from '../fairRelease/ports';
import type { Digest } from '../fairRelease/draw';

export interface BookingDeps {
  caller: CallerContext;
  booking: BookingStore;
  /** The hall floor's numbers (issue 16): a check-in's ticket, the windows' calls (core/queue). */
  queue: QueueStore;
  /** The window's identity-confirmation counters (预约号 are unique by an index on appointments). */
  references: ReferenceNumberStore;
  guides: GuideRepository;
  identities: Pick<IdentityStore, 'account' | 'familyLinks'>;
  calendar: WorkCalendar;
  /** Decrypts names for views; encrypts a home visit's street and phone (core/homeVisit). */
  secrets: Pick<Secrets, 'encrypt' | 'decrypt'>;
  tickets: TicketSigner;
  notifier: Notifier;
  audit: AuditLog;
  /** The business application (issue 15) whose hall handover names an appointment, read at check-in. */
  handovers: {
    forAppointment(appointmentId: string): Promise<HandoverApplication | null>;
    /** The same for a page of the officer's day: those of these appointments that have one. */
    forAppointments(appointmentIds: readonly string[]): Promise<HandoverApplication[]>;
  };
  /** A hall's numbers, counted by the database (core/statistics). */
  statistics: StatisticsStore;
  /** Edited special hours and duty rosters (issue 16, core/hallDuty). */
  hallDuty: HallDutyStore;
  /** 好差评 ratings of served appointments (core/rating). */
  ratings: RatingStore;
  /** Citizens' questions to halls and the halls' answers (core/consult). */
  consultations: ConsultationStore;
  /** Tells a citizen their question was answered (subscribe message, the progress template). */
  consultNotifier: ConsultNotifier;
  /** Door-to-door service requests (issue 17, core/homeVisit). */
  homeVisits: HomeVisitStore;
  /** Tells a citizen the hall arranged or moved a home visit (subscribe message, the progress template). */
  homeVisitNotifier: HomeVisitNotifier;
  /** Waiting lists of full hall-days (issue 17, core/waitlist, docs/WAITLIST.md). */
  waitlist: WaitlistStore;
  /** Hall-days released by draw and their applications (issue 17, core/fairRelease). */
  fairRelease: FairReleaseStore;
  /** SHA-256 as hex: the draw's commitment and order (core/fairRelease/draw.ts), recomputable by anyone. */
  sha256: Digest;
  /** Tells a citizen a place is held for them (subscribe message, the progress template); absent in some test worlds. */
  waitlistNotifier?: WaitlistNotifier;
  clock: Clock;
  /** A new random id: an appointment's when none is derived from the request, a request's when none was sent. */
  newId(): string;
  /**
   * An id derived from a key (e.g. the caller and the client's request id): the same for a retry of
   * the request, unguessable without the server's key. Makes multi-step writes resumable.
   */
  idFor(key: string): string;
  /** The function's request records, purged after the idempotency window. */
  requests: ExpiringRequests;
}
