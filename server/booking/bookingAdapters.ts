import { CloudbaseRequestLog } from '../function/CloudbaseRequestLog';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { BookingDeps } from '../../core/booking/BookingDeps';
import type { Environment } from '../config/loadEnvironment';
import { CloudbaseAuditLog } from '../audit/CloudbaseAuditLog';
import { cloudbase, database } from '../cloudbase/app';
import { systemClock } from '../clock';
import { keysFromEnvironment } from '../crypto/keysFromEnvironment';
import { CloudbaseGuideRepository } from '../guide/CloudbaseGuideRepository';
import { CloudbaseIdentityStore } from '../identity/CloudbaseIdentityStore';
import { createSecrets } from '../identity/secrets';
import { HmacTicketSigner } from '../ticket/hmacTicketSigner';
import { CloudCallSubscribeNotifier } from '../wechat/CloudCallSubscribeNotifier';
import type { BookingVariable } from '../../config/bookingEnvironment';
import { chineseDaysCalendar } from '../time/chineseDaysCalendar';
import { CloudbaseBookingStore } from './CloudbaseBookingStore';
import { CloudbaseRatingStore } from '../rating/CloudbaseRatingStore';
import { CloudbaseReferenceNumbers } from '../reference/CloudbaseReferenceNumbers';
import { CloudbaseHandoverApplications } from './CloudbaseHandoverApplications';
import { CloudbaseStatisticsStore } from '../statistics/CloudbaseStatisticsStore';
import { CloudbaseConsultationStore } from '../consult/CloudbaseConsultationStore';
import { CloudCallConsultNotifier } from '../wechat/CloudCallConsultNotifier';
import { CloudbaseQueueStore } from '../queue/CloudbaseQueueStore';
import { CloudbaseHomeVisitStore } from '../homeVisit/CloudbaseHomeVisitStore';
import { CloudCallHomeVisitNotifier } from '../wechat/CloudCallHomeVisitNotifier';
import { CloudCallWaitlistNotifier } from '../wechat/CloudCallWaitlistNotifier';
import { CloudbaseHallDutyStore } from '../hallDuty/CloudbaseHallDutyStore';
import { CloudbaseWaitlistStore } from '../waitlist/CloudbaseWaitlistStore';
import { CloudbaseFairReleaseStore } from '../fairRelease/CloudbaseFairReleaseStore';

export type BookingAdapters = Omit<BookingDeps, 'caller'>;

/** The booking function's ports, built once per warm instance. */
export function bookingAdapters(env: Environment<BookingVariable>): BookingAdapters {
  const db = database();
  const { cipher, blindIndex } = keysFromEnvironment(env);
  const secrets = createSecrets(cipher, blindIndex);
  const identities = new CloudbaseIdentityStore(db);
  return {
    booking: new CloudbaseBookingStore(db, () => systemClock.now().getTime()),
    queue: new CloudbaseQueueStore(db),
    references: new CloudbaseReferenceNumbers(db),
    // Edited hours come as of the snapshot; availability and reserve read them fresh (core/hallDuty/freshHours.ts).
    guides: new CloudbaseGuideRepository(db),
    hallDuty: new CloudbaseHallDutyStore(db),
    identities,
    calendar: chineseDaysCalendar,
    secrets,
    tickets: new HmacTicketSigner(env.HUKOU_TICKET_KEY),
    // 云调用 (no AppSecret, no IP whitelist); locally the local cloud answers the same SDK call.
    notifier: new CloudCallSubscribeNotifier(cloudbase(), env.HUKOU_REMINDER_TEMPLATE_ID),
    audit: new CloudbaseAuditLog(db),
    ratings: new CloudbaseRatingStore(db),
    statistics: new CloudbaseStatisticsStore(db),
    consultations: new CloudbaseConsultationStore(db),
    consultNotifier: new CloudCallConsultNotifier(cloudbase(), env.HUKOU_PROGRESS_TEMPLATE_ID),
    homeVisits: new CloudbaseHomeVisitStore(db),
    waitlist: new CloudbaseWaitlistStore(db),
    fairRelease: new CloudbaseFairReleaseStore(db),
    sha256: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
    waitlistNotifier: new CloudCallWaitlistNotifier(cloudbase(), env.HUKOU_PROGRESS_TEMPLATE_ID),
    homeVisitNotifier: new CloudCallHomeVisitNotifier(cloudbase(), env.HUKOU_PROGRESS_TEMPLATE_ID),
    handovers: new CloudbaseHandoverApplications(db),
    clock: systemClock,
    requests: new CloudbaseRequestLog(db, 'booking_requests', () => systemClock.now()),
    // 12 random bytes, unguessable: for a write run without a request id (appointments take theirs from idFor).
    newId: () => randomBytes(12).toString('base64url'),
    // 16 bytes of an HMAC under the ticket key: stable for a retried request, unguessable to others.
    idFor: (key: string) => createHmac('sha256', env.HUKOU_TICKET_KEY).update(`appointment-id:${key}`).digest().subarray(0, 16).toString('base64url'),
  };
}
