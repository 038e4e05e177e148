import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { identityActions } from '../../core/identity/identityActions';
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { identityFlow } from './support/identityFlow';
import { at, bookingFlow, requestId } from './support/bookingFlow';
import { verifyOfficer } from '../support/verifiedOfficer';

/**
 * Issue 12: every act for a family member is in the audit log once, and the log reads in Chinese
 * (action, hall, masked actor) with filters, to whom may read it: an admin every hall, an officer
 * their own.
 */
jest.setTimeout(180_000);

let h: Harness;
let b: ReturnType<typeof bookingFlow>;
let id: ReturnType<typeof identityFlow>;
const HALL = 'haikou-longhua';
const OTHER = 'haikou-meilan';
const HALL_NAME = '海口市公安局龙华分局户政服务大厅';
const RENEWAL = 'id-card-renewal';
const CERTIFICATE = 'household-certificate';
const NOW = at('2026-12-01', '08:30');
const DAY = '2026-12-02';
const slot = (start: string, day = DAY) => `${HALL}:${day}:${start.replace(':', '')}`;
const SON = 'resident-003';
const MEILAN_OFFICER = 'itest-meilan-officer';

interface Entry {
  id: string;
  action: string;
  actionName: string;
  actorLabel: string;
  actorId: string;
  hallId?: string;
  hallName?: string;
  target: string;
  actedForName?: string;
  at: string;
}
const log = async (as: string, query: Record<string, unknown> = {}) =>
  (await id.ok(as, 'auditLog', { limit: 200, ...query })) as { entries: Entry[]; hasMore: boolean; nextOffset?: number };
const records = async () => ((await localDatabase(h.cloud.url).collection('audit_log').limit(1000).get()).data ?? []) as Array<Record<string, unknown>>;

/** Ids of the acts for the son, set by the first test. */
const acts = { reserved: '', rescheduled: '', own: '' };

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = bookingFlow(h);
  id = identityFlow(h);
  const now = new Date();
  await localDatabase(h.cloud.url)
    .collection('accounts')
    .doc(MEILAN_OFFICER)
    .set({ role: 'officer', halls: [OTHER], consents: [], createdAt: now, updatedAt: now });
  await verifyOfficer(h.cloud.url, MEILAN_OFFICER);
  await id.ok('local-citizen', 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
});
afterAll(async () => {
  await h.close();
});

test('booking, rescheduling and cancelling for a family member each write one record, a retried request none more', async () => {
  const reserveRid = requestId();
  const input = { hallId: HALL, business: RENEWAL, slotId: slot('09:00'), forMemberId: SON, requestId: reserveRid };
  const booked = await b.ok('local-citizen', 'reserve', input);
  expect((await b.ok('local-citizen', 'reserve', input)).id).toBe(booked.id);
  acts.reserved = booked.id;

  const moveRid = requestId();
  const moved = await b.ok('local-citizen', 'reschedule', { appointmentId: booked.id, slotId: slot('10:00'), requestId: moveRid });
  expect((await b.ok('local-citizen', 'reschedule', { appointmentId: booked.id, slotId: slot('10:00'), requestId: moveRid })).id).toBe(moved.id);
  acts.rescheduled = moved.id;

  const cancelRid = requestId();
  await b.ok('local-citizen', 'cancel', { appointmentId: moved.id, requestId: cancelRid });
  await b.ok('local-citizen', 'cancel', { appointmentId: moved.id, requestId: cancelRid });

  const stored = await records();
  const of = (action: string) => stored.filter((r) => r.action === action);
  expect(of('appointment.reserveFor').map((r) => r.target)).toEqual([booked.id]);
  expect(of('appointment.rescheduleFor').map((r) => r.target)).toEqual([moved.id]);
  expect(of('appointment.cancelFor').map((r) => r.target)).toEqual([moved.id]);
  for (const r of [...of('appointment.reserveFor'), ...of('appointment.rescheduleFor'), ...of('appointment.cancelFor')]) {
    expect(r).toMatchObject({ actorOpenid: 'local-citizen', role: 'citizen', hallId: HALL, actedFor: SON, actedForName: '王**' });
  }

  // As the admin reads them: in Chinese, the hall by name, the actor masked with the member.
  const { entries } = await log('local-admin', { actor: 'local-citizen' });
  const named = (action: string) => entries.find((e) => e.action === action)!;
  expect(named('appointment.reserveFor')).toMatchObject({ actionName: '代为预约', hallName: HALL_NAME, actorLabel: '市民 王** 代 王**', actedForName: '王**' });
  expect(named('appointment.rescheduleFor').actionName).toBe('代为改约');
  expect(named('appointment.cancelFor').actionName).toBe('代为取消预约');
  expect(named('family.add')).toMatchObject({ actionName: '添加代办家人', actorLabel: '市民 王**' });
});

test('a person’s bookings for themselves are not audited (the appointment is their record)', async () => {
  const own = await b.ok('local-citizen', 'reserve', { hallId: HALL, business: CERTIFICATE, slotId: slot('11:00'), requestId: requestId() });
  acts.own = own.id;
  await b.ok('local-citizen', 'cancel', { appointmentId: own.id, requestId: requestId() });
  expect((await records()).filter((r) => r.target === own.id)).toEqual([]);
});

test('filters: action, hall, Shanghai dates, actor; a page at a time', async () => {
  const reserved = await log('local-admin', { action: 'appointment.reserveFor' });
  expect(reserved.entries.map((e) => e.target)).toEqual([acts.reserved]);
  expect((await log('local-admin', { hallId: OTHER })).entries.filter((e) => e.hallId === HALL)).toEqual([]);
  expect((await log('local-admin', { hallId: HALL })).entries.map((e) => e.action)).toEqual(['appointment.cancelFor', 'appointment.rescheduleFor', 'appointment.reserveFor']);
  // The records were made on 2026-12-01 in Shanghai (the functions' clock).
  expect((await log('local-admin', { hallId: HALL, from: '2026-12-01', to: '2026-12-01' })).entries).toHaveLength(3);
  expect((await log('local-admin', { hallId: HALL, from: '2026-12-02' })).entries).toEqual([]);
  expect((await log('local-admin', { hallId: HALL, to: '2026-11-30' })).entries).toEqual([]);
  expect((await id.error('local-admin', 'auditLog', { from: '2026-12-02', to: '2026-12-01' })).code).toBe('INVALID_INPUT');
  expect((await log('local-admin', { actor: 'nobody-at-all' })).entries).toEqual([]);

  const first = await log('local-admin', { hallId: HALL, limit: 2 });
  expect(first).toMatchObject({ hasMore: true, nextOffset: 2 });
  const second = await log('local-admin', { hallId: HALL, limit: 2, offset: 2 });
  expect(second.hasMore).toBe(false);
  expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual((await log('local-admin', { hallId: HALL })).entries.map((e) => e.id));
  expect((await id.error('local-admin', 'auditLog', { limit: 201 })).code).toBe('INVALID_INPUT');
});

test('who reads what: the admin every hall, an officer only their halls, a citizen nothing', async () => {
  const longhua = await log('local-officer');
  expect(longhua.entries.length).toBeGreaterThanOrEqual(3);
  expect(longhua.entries.every((e) => e.hallId === HALL)).toBe(true);
  expect((await log('local-officer', { hallId: HALL })).entries.map((e) => e.action)).toEqual(['appointment.cancelFor', 'appointment.rescheduleFor', 'appointment.reserveFor']);
  expect((await id.error('local-officer', 'auditLog', { hallId: OTHER })).code).toBe('FORBIDDEN');

  // The other hall's officer sees none of this hall's records, and may not ask for them.
  expect((await id.error(MEILAN_OFFICER, 'auditLog', { hallId: HALL })).code).toBe('FORBIDDEN');
  expect((await log(MEILAN_OFFICER)).entries.filter((e) => e.hallId !== OTHER)).toEqual([]);
  expect((await log(MEILAN_OFFICER, { actor: 'local-citizen' })).entries).toEqual([]);

  expect((await id.error('local-citizen', 'auditLog', {})).code).toBe('FORBIDDEN');
  expect((await id.error(undefined, 'auditLog', {})).code).toBe('UNAUTHENTICATED');
  // The admin also reads records of no hall (family, identity, invitations).
  expect((await log('local-admin')).entries.some((e) => e.action === 'family.add' && e.hallId === undefined)).toBe(true);
});

test('the family page’s 代办记录: the caller’s own acts for family members, and nobody else’s', async () => {
  const mine = (await id.ok('local-citizen', 'myActsFor')) as { entries: Entry[] };
  expect(mine.entries.map((e) => e.actionName)).toEqual(['代为取消预约', '代为改约', '代为预约']);
  expect(mine.entries[0]).toMatchObject({ hallName: HALL_NAME, actedForName: '王**' });
  expect(identityActions.myActsFor.output.parse(mine)).toEqual(mine);
  expect((await id.ok('local-admin', 'myActsFor').catch((e: Error) => e.message)) as string).toContain('NOT_VERIFIED');
});

test('every answer of the log parses with its schema; no ID or phone number unmasked in records or responses', async () => {
  const all = await log('local-admin');
  expect(identityActions.auditLog.output.parse(all)).toEqual(all);
  expect(all.entries.every((e) => !/resident-|^appointment\.|haikou-/.test(`${e.actionName} ${e.actorLabel} ${e.hallName ?? ''}`))).toBe(true);
  const leaks = [JSON.stringify(await records()), ...h.responses, ...h.logs].flatMap((text) => containsUnmaskedIdOrPhone(text));
  expect(leaks).toEqual([]);
  expect(h.responses.join('\n')).not.toContain('王小明');
  expect(h.responses.join('\n')).not.toContain('王建国');
});
