/**
 * The rig of tests/integration/bookingFaults.test.ts: the real CloudbaseBookingStore against the
 * in-memory database emulator (through the SDK, so every write has its real semantics), the booking
 * use cases run through `dispatch` as the function would, and the checks of what must hold after
 * any single fault.
 */
import { InMemoryFairReleaseStore } from '../../unit/support/InMemoryFairReleaseStore';
import { InMemoryWaitlistStore } from '../../unit/support/InMemoryWaitlistStore';
import { InMemoryHallDutyStore } from '../../unit/support/InMemoryHallDutyStore';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { InMemoryConsultationStore, RecordingConsultNotifier } from '../../unit/support/consultInMemoryStore';
import { InMemoryHomeVisitStore, RecordingHomeVisitNotifier } from '../../unit/support/homeVisitInMemoryStore';
import { InMemoryReferenceNumbers } from '../../unit/support/InMemoryReferenceNumbers';
import { InMemoryQueueStore } from '../../unit/support/queueInMemoryStore';
import { bookingActions } from '../../../core/booking/bookingActions';
import type { Appointment } from '../../../core/booking/Appointment';
import type { BookingDeps } from '../../../core/booking/BookingDeps';
import type { BookingStore, SlotState } from '../../../core/booking/ports';
import { NO_HOLIDAYS } from '../../../core/time/WorkCalendar';
import { dispatch } from '../../../core/function/dispatch';
import type { RequestLog } from '../../../core/function/oncePerRequest';
import { CloudbaseRequestLog } from '../../../server/function/CloudbaseRequestLog';
import { sha256Hex } from '../../../server/function/requestDigest';
import { newAccount, type Account } from '../../../core/identity/Account';
import { loadSchedules } from '../../../server/seed/loadSchedules';
import { loadSeedContent } from '../../../server/seed/loadSeedContent';
import { CloudbaseBookingStore } from '../../../server/booking/CloudbaseBookingStore';
import { CloudbaseStatisticsStore } from '../../../server/statistics/CloudbaseStatisticsStore';
import type { StatisticsStore } from '../../../core/statistics/ports';
import { InMemoryStatisticsStore } from '../../unit/support/inMemoryStatistics';
import type { Database } from '../../../server/cloudbase/app';
import { HmacTicketSigner } from '../../../server/ticket/hmacTicketSigner';
import { InMemoryGuideRepository } from '../../unit/support/InMemoryGuideRepository';
import { FixedClock, InMemoryAuditLog } from '../../unit/support/InMemoryIdentityPorts';
import { InMemoryRatingStore } from '../../unit/support/ratingInMemoryStore';

export const HALL = 'haikou-longhua';
export const BUSINESS = 'id-card-renewal';
export const DAY = '2026-12-02';
export const slotOf = (start: string) => `${HALL}:${DAY}:${start.replace(':', '')}`;
export const at = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`);

const content = loadSeedContent();
const guides = new InMemoryGuideRepository(content);
const schedule = loadSchedules(undefined, content).find((s) => s.hallId === HALL)!;
const tickets = new HmacTicketSigner(Buffer.alloc(32, 7).toString('base64'));

function citizen(openid: string): Account {
  const now = new Date('2026-11-01T00:00:00Z');
  return {
    ...newAccount(openid, now),
    identity: {
      residentId: `resident-${openid}`,
      idIndex: `idx-${openid}`,
      idNumberEnc: 'enc',
      nameEnc: 'enc',
      phoneEnc: 'enc',
      phoneIndex: `phone-${openid}`,
      verifiedAt: now,
    },
  };
}

const accounts = new Map<string, Account>([
  ['citizen-a', citizen('citizen-a')],
  ['citizen-b', citizen('citizen-b')],
  ['officer-a', { ...citizen('officer-a'), role: 'officer', halls: [HALL] }],
  ['officer-other', { ...citizen('officer-other'), role: 'officer', halls: ['haikou-meilan'] }],
]);

/** Each store's reference numbers (kept in memory: the fault matrices are about places and claims). */
const referenceStores = new WeakMap<BookingStore, InMemoryReferenceNumbers>();
const referencesOf = (store: BookingStore): InMemoryReferenceNumbers => {
  let refs = referenceStores.get(store);
  if (!refs) referenceStores.set(store, (refs = new InMemoryReferenceNumbers()));
  return refs;
};

/** Each store's queue tickets (in memory, as the reference numbers). */
const queueStores = new WeakMap<BookingStore, InMemoryQueueStore>();
const queueOf = (store: BookingStore): InMemoryQueueStore => {
  let q = queueStores.get(store);
  if (!q) queueStores.set(store, (q = new InMemoryQueueStore()));
  return q;
};

export function depsFor(openid: string | undefined, store: BookingStore, clock: FixedClock): BookingDeps {
  return {
    caller: { openid, clientIp: '127.0.0.1' },
    booking: store,
    queue: queueOf(store),
    references: referencesOf(store),
    guides,
    identities: { account: async (o: string) => accounts.get(o) ?? null, familyLinks: async () => [] },
    calendar: NO_HOLIDAYS,
    secrets: { encrypt: (plain: string) => plain, decrypt: () => '王小明' },
    tickets,
    notifier: { remindAppointment: async () => undefined },
    audit: new InMemoryAuditLog(),
    ratings: new InMemoryRatingStore(),
    statistics: statisticsOf.get(store) ?? new InMemoryStatisticsStore(() => []),
    consultations: new InMemoryConsultationStore(),
    consultNotifier: new RecordingConsultNotifier(),
    homeVisits: new InMemoryHomeVisitStore(),
    homeVisitNotifier: new RecordingHomeVisitNotifier(),
    waitlist: new InMemoryWaitlistStore(),
    fairRelease: new InMemoryFairReleaseStore(),
    sha256: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
    handovers: { forAppointment: async () => null, forAppointments: async () => [] },
    hallDuty: new InMemoryHallDutyStore(),
    clock,
    requests: { removeExpired: async () => 0 },
    newId: () => randomBytes(12).toString('base64url'),
    idFor: (key: string) => createHmac('sha256', 'fault-rig').update(key).digest().subarray(0, 16).toString('base64url'),
  };
}

/** Each store's request log (the function's, as createMain builds it), on the same database and clock. */
const requestLogs = new WeakMap<BookingStore, RequestLog>();
export const requestLogOf = (store: BookingStore): RequestLog => {
  const log = requestLogs.get(store);
  if (!log) throw new Error('a store made by storeOf has a request log');
  return log;
};

/**
 * An action as the function runs it: the request id (given here in `data` for brevity) goes in the
 * envelope, repeatable writes run once per id through the request log. Never throws; the answer is
 * 'ok' or the catalogue code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function act(deps: BookingDeps, action: string, data: unknown, log?: RequestLog): Promise<{ code: string; data?: any }> {
  const { requestId, ...input } = (data ?? {}) as { requestId?: string };
  // A store view a test made itself (a proxy) has no log of its own: such a call runs without one.
  const requestLog = log ?? requestLogs.get(deps.booking);
  const requests = requestLog ? { fn: 'booking', openid: deps.caller.openid, log: requestLog, digest: sha256Hex } : undefined;
  const { response } = await dispatch(bookingActions, { action, data: input, ...(requestId ? { requestId } : {}) }, deps, requests);
  return response.ok ? { code: 'ok', data: response.data } : { code: response.error.code };
}

export async function seedSchedule(db: Database): Promise<void> {
  await db.collection('hall_schedules').add({ ...schedule });
}

/** Each store's statistics, aggregated by the same database (a store view a test made itself counts nothing). */
const statisticsOf = new WeakMap<BookingStore, StatisticsStore>();

export const storeOf = (db: Database, clock: FixedClock): BookingStore => {
  const store = new CloudbaseBookingStore(db, () => clock.now().getTime());
  requestLogs.set(store, new CloudbaseRequestLog(db, 'booking_requests', () => clock.now()));
  statisticsOf.set(store, new CloudbaseStatisticsStore(db));
  return store;
};

async function all<T>(db: Database, collection: string): Promise<T[]> {
  return ((await db.collection(collection).limit(1000).get()).data ?? []) as T[];
}

/**
 * What must hold after any single fault, once the reconciliation sweep ran: every slot's count is its
 * holders and they are exactly the booked, checked-in or no-show appointments in it, within capacity; every
 * claim belongs to an appointment that should hold it; nobody holds two active bookings of a business
 * or two bookings on one day. Returns the violations (empty when consistent).
 */
export async function violations(db: Database): Promise<string[]> {
  const [slots, appointments, claims] = await Promise.all([
    all<SlotState>(db, 'slots'),
    all<Appointment>(db, 'appointments'),
    all<{ _id: string; appointmentId: string }>(db, 'booking_claims'),
  ]);
  const out: string[] = [];
  for (const s of slots) {
    const holding = appointments
      .filter((a) => a.slotId === s._id && (a.status === 'booked' || a.status === 'checkedIn' || a.status === 'noShow'))
      .map((a) => a._id)
      .sort();
    const holders = [...(s.holders ?? [])].sort();
    if (s.booked !== holders.length) out.push(`slot ${s.start}: booked ${s.booked} ≠ ${holders.length} holders`);
    if (holders.join() !== holding.join()) out.push(`slot ${s.start}: holders [${holders.length}] ≠ holding appointments [${holding.length}]`);
    if (s.booked > s.capacity) out.push(`slot ${s.start}: overbooked ${s.booked}/${s.capacity}`);
  }
  const byId = new Map(appointments.map((a) => [a._id, a]));
  for (const c of claims) {
    if (c._id.startsWith('cancel:')) continue;
    const a = byId.get(c.appointmentId);
    if (!a) out.push(`claim ${c._id.split(':')[0]} without its appointment`);
    else if (a.status === 'cancelled') out.push(`claim ${c._id.split(':')[0]} of a cancelled appointment`);
    else if (a.status !== 'booked' && c._id.startsWith('active:')) out.push(`active claim of a ${a.status} appointment`);
    else if (!a.claims.includes(c._id)) out.push(`claim ${c._id.split(':')[0]} not listed by its appointment`);
  }
  for (const a of appointments.filter((x) => x.status === 'booked')) {
    for (const c of a.claims) {
      const held = claims.find((x) => x._id === c);
      if (!held || held.appointmentId !== a._id) out.push(`booked appointment without its ${c.split(':')[0]} claim`);
    }
  }
  const active = new Map<string, number>();
  for (const a of appointments.filter((x) => x.status === 'booked')) {
    const key = `${a.subjectIdIndex}|${a.business}`;
    active.set(key, (active.get(key) ?? 0) + 1);
  }
  for (const [key, n] of active) if (n > 1) out.push(`double booking: ${n} active appointments of ${key.split('|')[1]}`);
  return out;
}

export { bookingActions };
export type { Appointment };
