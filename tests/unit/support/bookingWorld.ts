/**
 * The booking function's use cases on in-memory ports, run through dispatch as the cloud function
 * runs them: the seed hall haikou-longhua with a schedule the test chooses, verified citizens
 * (and a family member), an officer of the hall, a clock the test moves, and the store of
 * bookingInMemoryStore.ts, whose operations a fast-check scheduler may interleave.
 */
import { InMemoryWaitlistStore } from './InMemoryWaitlistStore';
import { InMemoryFairReleaseStore } from './InMemoryFairReleaseStore';
import { InMemoryHallDutyStore } from './InMemoryHallDutyStore';
import { officerIdentity } from '../../support/officerIdentity';
import { InMemoryStatisticsStore } from './inMemoryStatistics';
import { InMemoryConsultationStore, RecordingConsultNotifier } from './consultInMemoryStore';
import { InMemoryHomeVisitStore, RecordingHomeVisitNotifier } from './homeVisitInMemoryStore';
import { createHash } from 'node:crypto';
import { newAccount, type Account } from '../../../core/identity/Account';
import type { Appointment } from '../../../core/booking/Appointment';
import type { BookingDeps } from '../../../core/booking/BookingDeps';
import { HallSchedule } from '../../../core/booking/HallSchedule';
import type { Notifier } from '../../../core/booking/ports';
import { bookingActions } from '../../../core/booking/bookingActions';
import { slotsOn, type SlotPlan } from '../../../core/booking/slots';
import { dispatch } from '../../../core/function/dispatch';
import type { FunctionResponse } from '../../../core/function/envelope';
import type { FamilyLink } from '../../../core/identity/family';
import { FIELD } from '../../../core/identity/fieldNames';
import { HmacTicketSigner } from '../../../server/ticket/hmacTicketSigner';
import { chineseDaysCalendar } from '../../../server/time/chineseDaysCalendar';
import { InMemoryBookingStore, type Turn } from './bookingInMemoryStore';
import { InMemoryReferenceNumbers } from './InMemoryReferenceNumbers';
import { InMemoryQueueStore } from './queueInMemoryStore';
import { InMemoryGuideRepository, seedContent } from './InMemoryGuideRepository';
import { FixedClock, InMemoryAuditLog, InMemoryIdentityStore, testSecrets } from './InMemoryIdentityPorts';
import { InMemoryRatingStore } from './ratingInMemoryStore';

type Data = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const HALL = 'haikou-longhua';
export const OTHER_HALL = 'haikou-meilan';
/** Three businesses the seed hall handles. */
export const ID_CARD = 'id-card-renewal';
export const CERTIFICATE = 'household-certificate';
export const MIGRATION = 'migration-job-transfer';
/** 10:00 on Monday 23 November 2026 in Shanghai (a working day; days through 30 November are released). */
export const START = '2026-11-23T02:00:00Z';
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** Synthetic citizens (openid → name and ID number); every number has a valid check digit shape for the index only. */
export const CITIZENS = ['o-a', 'o-b', 'o-c', 'o-d', 'o-e', 'o-f'] as const;
export const OFFICER = 'o-officer';
export const OTHER_OFFICER = 'o-officer-meilan';
export const CHILD_RESIDENT = 'r-child-of-a';

export class RecordingNotifier implements Notifier {
  readonly sent: Array<{ openid: string; date: string; start: string }> = [];
  failFor = new Set<string>();

  async remindAppointment(openid: string, r: { date: string; start: string }) {
    if (this.failFor.has(openid)) throw new Error('user declined the subscription');
    this.sent.push({ openid, date: r.date, start: r.start });
  }
}

export interface WorldOptions {
  /** Places per slot (windows × perWindow with no walk-in share). */
  capacity?: number;
  schedule?: Partial<Record<string, unknown>>;
  turn?: Turn;
  start?: string;
  /** Another store (e.g. a deliberately broken one, to show a test would catch it). */
  store?: (now: () => number, turn?: Turn) => InMemoryBookingStore;
}

export function bookingWorld(options: WorldOptions = {}) {
  const clock = new FixedClock(options.start ?? START);
  const secrets = testSecrets();
  const booking = (options.store ?? ((now, turn) => new InMemoryBookingStore(now, turn)))(() => clock.now().getTime(), options.turn);
  const schedule = HallSchedule.parse({
    _id: HALL,
    hallId: HALL,
    businesses: [ID_CARD, CERTIFICATE, MIGRATION],
    windows: options.capacity ?? 2,
    perWindow: 1,
    walkInShare: 0,
    ...options.schedule,
  });
  booking.schedules.set(HALL, schedule);
  const identities = new InMemoryIdentityStore([HALL, OTHER_HALL]);
  const guides = new InMemoryGuideRepository(seedContent());
  const audit = new InMemoryAuditLog();
  const ratings = new InMemoryRatingStore();
  const consultations = new InMemoryConsultationStore();
  const consultNotifier = new RecordingConsultNotifier();
  const homeVisits = new InMemoryHomeVisitStore();
  const homeVisitNotifier = new RecordingHomeVisitNotifier();
  const waitlist = new InMemoryWaitlistStore();
  const fairRelease = new InMemoryFairReleaseStore(options.turn);
  const notifier = new RecordingNotifier();
  const tickets = new HmacTicketSigner(Buffer.alloc(32, 0x33));
  const now = clock.now();

  const idIndexOf = (openid: string) => secrets.index('idNumber', `id-of-${openid}`);
  CITIZENS.forEach((openid, i) => {
    const account: Account = {
      ...newAccount(openid, now),
      identity: {
        residentId: `r-${openid}`,
        idIndex: idIndexOf(openid),
        idNumberEnc: secrets.encrypt(`id-of-${openid}`, FIELD.idNumber),
        nameEnc: secrets.encrypt(['陈晓燕', '林志强', '黄丽娟', '赵伟', '王建国', '李娜'][i]!, FIELD.name),
        phoneEnc: secrets.encrypt('13912345601', FIELD.phone),
        phoneIndex: secrets.index('phone', '13912345601'),
        verifiedAt: now,
      },
    };
    void identities.saveAccount(account);
  });
  void identities.saveAccount(newAccount('o-unverified', now));
  void identities.saveAccount({ ...newAccount(OFFICER, now), role: 'officer', halls: [HALL], identity: officerIdentity(secrets, OFFICER, now) });
  void identities.saveAccount({ ...newAccount(OTHER_OFFICER, now), role: 'officer', halls: [OTHER_HALL], identity: officerIdentity(secrets, OTHER_OFFICER, now) });
  const child: FamilyLink = {
    _id: `o-a:${CHILD_RESIDENT}`,
    actorOpenid: 'o-a',
    memberResidentId: CHILD_RESIDENT,
    memberIdIndex: secrets.index('idNumber', 'id-of-child'),
    memberIdNumberEnc: secrets.encrypt('id-of-child', FIELD.idNumber),
    memberNameEnc: secrets.encrypt('王小明', FIELD.name),
    relation: 'child',
    addedAt: now,
  };
  void identities.saveFamilyLink(child);

  let ids = 0;
  let requests = 0;
  const references = new InMemoryReferenceNumbers();
  const queue = new InMemoryQueueStore();
  const hallDuty = new InMemoryHallDutyStore();
  const deps = (openid: string | undefined): BookingDeps => ({
    caller: { openid, clientIp: '203.0.113.7' },
    booking,
    queue,
    references,
    guides,
    identities,
    calendar: chineseDaysCalendar,
    secrets,
    tickets,
    notifier,
    audit,
    ratings,
    statistics: new InMemoryStatisticsStore(() => booking.appointments.values()),
    consultations,
    consultNotifier,
    homeVisits,
    homeVisitNotifier,
    waitlist,
    fairRelease,
    sha256: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
    handovers: { forAppointment: async () => null, forAppointments: async () => [] },
    hallDuty,
    clock,
    requests: { removeExpired: async () => 0 },
    newId: () => `new-id-${++ids}`,
    idFor: (key: string) => createHash('sha256').update(`appointment-id:${key}`).digest().subarray(0, 16).toString('base64url'),
  });

  /** Runs an action as the function would; a fresh request id unless one is given (a retry). */
  async function call(openid: string | undefined, action: string, data: unknown = {}, requestId = `request-${++requests}`): Promise<FunctionResponse<Data>> {
    const result = await dispatch(bookingActions, { action, data, requestId }, deps(openid));
    if (result.outcome === 'failed') throw result.cause;
    return result.response;
  }
  async function ok(openid: string | undefined, action: string, data: unknown = {}, requestId?: string): Promise<Data> {
    const r = await call(openid, action, data, requestId);
    if (!r.ok) throw new Error(`${action} refused: ${r.error.code} ${r.error.message}`);
    return r.data;
  }
  /** The error code of a refused call (throws when it succeeded). */
  async function refused(openid: string | undefined, action: string, data: unknown = {}, requestId?: string): Promise<string> {
    const r = await call(openid, action, data, requestId);
    if (r.ok) throw new Error(`${action} unexpectedly succeeded`);
    return r.error.code;
  }

  /** The planned slots of the hall on a date (its schedule as stored now). */
  const slotsOf = (date: string): SlotPlan[] =>
    slotsOn(
      seedContent().halls.find((h) => h._id === HALL)!,
      booking.schedules.get(HALL)!,
      date,
      chineseDaysCalendar,
    );
  const slot = (date: string, start: string): SlotPlan => {
    const s = slotsOf(date).find((p) => p.start === start);
    if (!s) throw new Error(`no slot ${date} ${start}`);
    return s;
  };
  const reserve = (openid: string, s: SlotPlan, business = ID_CARD, extra: Record<string, unknown> = {}, requestId?: string) =>
    call(openid, 'reserve', { hallId: HALL, business, slotId: s.slotId, ...extra }, requestId);
  const stored = (id: string): Appointment => {
    const a = booking.appointments.get(id);
    if (!a) throw new Error(`no appointment ${id}`);
    return a;
  };

  return {
    hallDuty,
    clock,
    secrets,
    booking,
    queue,
    references,
    identities,
    guides,
    audit,
    ratings,
    consultations,
    consultNotifier,
    homeVisits,
    homeVisitNotifier,
    waitlist,
    fairRelease,
    notifier,
    tickets,
    call,
    ok,
    refused,
    slotsOf,
    slot,
    reserve,
    stored,
    idIndexOf,
    deps,
  };
}

export type BookingWorld = ReturnType<typeof bookingWorld>;

/**
 * What must hold in the store whatever ran, in whatever order: each slot's count equals its
 * holders, never exceeds its capacity, and its holders are exactly the appointments that hold a
 * place there (booked, checked in, or a no-show's spent place); every claim belongs to an
 * appointment that should still hold it. Returns the problems found (empty when sound).
 */
export function storeProblems(booking: InMemoryBookingStore): string[] {
  const problems: string[] = [];
  const appointments = [...booking.appointments.values()];
  for (const s of booking.slotDocs.values()) {
    const holding = appointments
      .filter((a) => a.slotId === s._id && a.status !== 'cancelled')
      .map((a) => a._id)
      .sort();
    const holders = [...(s.holders ?? [])].sort();
    // Places held for waiting-list offers count too (issue 17, docs/WAITLIST.md).
    const holds = Object.keys(s.holds ?? {}).length;
    if (s.booked !== holders.length + holds) problems.push(`${s._id}: booked ${s.booked} but ${holders.length} holders and ${holds} holds`);
    if (s.booked > s.capacity) problems.push(`${s._id}: booked ${s.booked} over capacity ${s.capacity}`);
    if (JSON.stringify(holders) !== JSON.stringify(holding)) problems.push(`${s._id}: holders ${holders.join(',')} but appointments ${holding.join(',')}`);
  }
  for (const [id, c] of booking.claims) {
    const a = booking.appointments.get(c.appointmentId);
    if (id.startsWith('cancel:')) continue;
    if (!a) problems.push(`claim ${id}: no appointment ${c.appointmentId}`);
    else if (a.status === 'cancelled') problems.push(`claim ${id}: held by cancelled ${a._id}`);
    else if (a.status !== 'booked' && id.startsWith('active:')) problems.push(`claim ${id}: ${a.status} ${a._id} still holds the business`);
    else if (!a.claims.includes(id)) problems.push(`claim ${id}: not listed by ${a._id}`);
  }
  for (const a of appointments) {
    if (a.status !== 'booked') continue;
    for (const id of a.claims) if (booking.claims.get(id)?.appointmentId !== a._id) problems.push(`${a._id} lists ${id} but does not hold it`);
  }
  // Never two active appointments of one person for one business, nor two on one day.
  const active = appointments.filter((a) => a.status === 'booked');
  const seen = new Set<string>();
  for (const a of active) {
    for (const key of [`${a.subjectIdIndex}:${a.business}`, `${a.subjectIdIndex}:${a.date}`]) {
      if (seen.has(key)) problems.push(`two booked appointments for ${key}`);
      seen.add(key);
    }
  }
  return problems;
}
