import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { verifyOfficer } from '../support/verifiedOfficer';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';

/**
 * Issue 16, duty roster and special hours, through the local cloud: a hall's lead (or an admin)
 * edits special hours and the duty roster from the mini-program; availability and reserve see an
 * edit at once (warm instances included); an edit that would strand a booking is refused and names
 * it; every change is audited with before and after; citizens read the duty board on the hall page.
 */
jest.setTimeout(120_000);

const A = 'haikou-longhua';
const B = 'haikou-meilan';
const LEAD_A = 'duty-lead-a';
const LEAD_B = 'duty-lead-b';
const OFFICER_A = 'duty-officer-a';
const ADMIN = 'local-admin';
const CITIZEN = 'local-citizen';
// Monday 2026-03-02, 10:00 in Shanghai; Wednesday 03-04 is an ordinary day (09:00–12:00, 13:30–17:00).
const NOW = at('2026-03-02', '10:00');
const DAY = '2026-03-04';

let h: Harness;
const booking = () => functionCaller(h, 'booking');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  const db = localDatabase(h.cloud.url);
  const now = new Date();
  const accounts = { [LEAD_A]: [A], [LEAD_B]: [B], [OFFICER_A]: [A] } as Record<string, string[]>;
  for (const [openid, halls] of Object.entries(accounts)) {
    await db.collection('accounts').doc(openid).set({ role: 'officer', halls, consents: [], createdAt: now, updatedAt: now });
    await verifyOfficer(h.cloud.url, openid);
  }
  // Leads are granted by an admin, as in production.
  await functionCaller(h, 'identity').ok(ADMIN, 'setHallLead', { openid: LEAD_A, hallId: A, lead: true });
  await functionCaller(h, 'identity').ok(ADMIN, 'setHallLead', { openid: LEAD_B, hallId: B, lead: true });
});
afterAll(async () => {
  await h.close();
});

const starts = async (hallId: string, date: string) =>
  (await booking().ok(CITIZEN, 'availability', { hallId, business: 'id-card-renewal', date })).slots.map((s: { start: string }) => s.start);

test('an admin grants a lead only to an officer of the hall; the grant is audited', async () => {
  const identity = functionCaller(h, 'identity');
  expect((await identity.error(ADMIN, 'setHallLead', { openid: OFFICER_A, hallId: B, lead: true })).code).toBe('OFFICER_NOT_IN_HALL');
  expect((await identity.error(LEAD_A, 'setHallLead', { openid: OFFICER_A, hallId: A, lead: true })).code).toBe('FORBIDDEN');
  expect(await identity.ok(ADMIN, 'setHallLead', { openid: LEAD_A, hallId: A, lead: true })).toEqual({ changed: false, leads: [A] });
  const log = await identity.ok(ADMIN, 'auditLog', { limit: 20, action: 'officer.lead' });
  expect(log.entries.map((r: { target: string; hallId: string }) => [r.target, r.hallId])).toEqual(expect.arrayContaining([[LEAD_A, A]]));
});

test('an edit of special hours reaches availability and reserve at once; one that would strand a booking is refused and names it', async () => {
  // Warm every cache first: the hall, its schedule and the day's slots are read once before the edit.
  expect(await starts(A, DAY)).toContain('09:00');
  const before = await booking().ok(LEAD_A, 'hallHours', { hallId: A });
  expect(before.version).toBe(0);
  // Staggered service: a late start, open into the evening.
  const staggered = {
    from: DAY,
    to: DAY,
    kind: 'staggered',
    label: '错时服务（晚间延长）',
    sessions: [
      { start: '10:00', end: '12:00' },
      { start: '14:00', end: '19:00' },
    ],
  };
  const saved = await booking().ok(LEAD_A, 'saveSpecialHours', { hallId: A, entry: staggered, expectedVersion: 0 });
  expect(saved.version).toBe(1);
  expect(saved.specialHours).toContainEqual(staggered);
  const after = await starts(A, DAY);
  expect(after).not.toContain('09:00');
  expect(after).toContain('18:30');
  // The 09:00 slot is still in the warm instance's guide snapshot (read before the edit): the edit
  // closed its slot document, which reserve reads anyway, and refuses it; nothing is taken.
  expect((await booking().error(CITIZEN, 'reserve', { hallId: A, business: 'id-card-renewal', slotId: `${A}:${DAY}:0900`, requestId: requestId() })).code).toBe('SLOT_NOT_FOUND');
  const evening = `${A}:${DAY}:1830`;
  const booked = await booking().ok(CITIZEN, 'reserve', { hallId: A, business: 'id-card-renewal', slotId: evening, requestId: requestId() });
  expect(booked.start).toBe('18:30');
  // The citizen's hall page shows it too.
  const hall = await functionCaller(h, 'guide').ok(undefined, 'hall', { id: A });
  expect(hall.upcomingSpecial).toContainEqual(expect.objectContaining({ from: DAY, label: '错时服务（晚间延长）' }));

  // Back to the regular hours would leave the 18:30 booking outside them: refused, listed, nothing saved.
  const refused = await booking().error(LEAD_A, 'deleteSpecialHours', { hallId: A, from: DAY, expectedVersion: 1 });
  expect(refused.code).toBe('HOURS_STRAND_BOOKINGS');
  expect(refused.message).toContain(`${DAY} 18:30`);
  const shorter = {
    ...staggered,
    sessions: [
      { start: '10:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  };
  expect((await booking().error(LEAD_A, 'saveSpecialHours', { hallId: A, entry: shorter, replacing: DAY, expectedVersion: 1 })).code).toBe('HOURS_STRAND_BOOKINGS');
  expect((await booking().ok(LEAD_A, 'hallHours', { hallId: A })).version).toBe(1);
  expect(await starts(A, DAY)).toContain('18:30');
  // A stale version is refused; a change that keeps every booking is saved.
  expect((await booking().error(LEAD_A, 'saveSpecialHours', { hallId: A, entry: { ...staggered, to: '2026-03-05' }, replacing: DAY, expectedVersion: 0 })).code).toBe(
    'HOURS_VERSION_CONFLICT',
  );
  const longer = await booking().ok(ADMIN, 'saveSpecialHours', {
    hallId: A,
    entry: {
      ...staggered,
      sessions: [
        { start: '10:00', end: '12:00' },
        { start: '14:00', end: '20:00' },
      ],
    },
    replacing: DAY,
    expectedVersion: 1,
  });
  expect(longer.version).toBe(2);
  expect(await starts(A, DAY)).toContain('19:30');
  // Invalid periods are refused with what is wrong.
  const invalid = await booking().error(LEAD_A, 'saveSpecialHours', {
    hallId: A,
    entry: { ...staggered, from: '2026-03-05', to: '2026-03-05', kind: 'closed' },
    expectedVersion: 2,
  });
  expect(invalid.code).toBe('HOURS_INVALID');
  expect(invalid.message).toContain('暂停办公不应填写办公时段');

  // Audited with before and after.
  const log = await functionCaller(h, 'identity').ok(ADMIN, 'auditLog', { limit: 10, action: 'hall.saveSpecialHours' });
  expect(log.entries[0]).toMatchObject({
    hallId: A,
    target: `${A}:${DAY}`,
    change: { before: `${DAY} 错时服务（晚间延长） 10:00-12:00 14:00-19:00`, after: `${DAY} 错时服务（晚间延长） 10:00-12:00 14:00-20:00` },
  });
  expect(log.entries).toHaveLength(2);
});

test('the duty roster: edited by the lead, shown on the hall page with the duty phone and display names only', async () => {
  const day = {
    date: '2026-03-03',
    phone: '0898-66531299',
    windows: [
      { window: 2, officer: '王警官', business: '身份证' },
      { window: 1, officer: '李警官' },
    ],
    note: '午间不休',
  };
  const saved = await booking().ok(LEAD_A, 'saveDutyDay', { hallId: A, day });
  expect(saved.day.windows.map((w: { window: number }) => w.window)).toEqual([1, 2]);
  expect((await booking().ok(LEAD_A, 'dutyRoster', { hallId: A })).days).toEqual([saved.day]);
  const hall = await functionCaller(h, 'guide').ok(undefined, 'hall', { id: A });
  expect(hall.duty).toEqual([saved.day]);
  expect(JSON.stringify(hall.duty)).not.toMatch(/duty-lead|openid|updatedBy/);
  expect((await booking().error(LEAD_A, 'saveDutyDay', { hallId: A, day: { ...day, windows: [...day.windows, { window: 2, officer: '赵警官' }] } })).message).toContain(
    '2号窗口重复',
  );
  expect((await booking().error(LEAD_A, 'saveDutyDay', { hallId: A, day: { ...day, date: '2026-03-01' } })).code).toBe('HOURS_INVALID');
  expect(await booking().ok(LEAD_A, 'deleteDutyDay', { hallId: A, date: '2026-03-03' })).toEqual({ deleted: true });
  expect(await booking().ok(LEAD_A, 'deleteDutyDay', { hallId: A, date: '2026-03-03' })).toEqual({ deleted: false });
  expect((await functionCaller(h, 'guide').ok(undefined, 'hall', { id: A })).duty).toEqual([]);
  const log = await functionCaller(h, 'identity').ok(LEAD_A, 'auditLog', { limit: 10, hallId: A });
  const acts = log.entries.map((r: { action: string }) => r.action);
  expect(acts).toEqual(expect.arrayContaining(['hall.saveDutyDay', 'hall.deleteDutyDay']));
  expect(log.entries.find((r: { action: string }) => r.action === 'hall.deleteDutyDay').change).toEqual({
    before: '2026-03-03 电话 0898-66531299；1号窗口 李警官、2号窗口 王警官（身份证）；午间不休',
    after: '无',
  });
});

test.each([
  ['another hall’s lead', LEAD_B, 'FORBIDDEN'],
  ['an officer of the hall who is not its lead', OFFICER_A, 'FORBIDDEN'],
  ['a citizen', CITIZEN, 'FORBIDDEN'],
  ['nobody signed in', undefined, 'UNAUTHENTICATED'],
])('%s may not edit hall A’s hours or roster', async (_who, openid, code) => {
  const entry = { from: '2026-03-06', to: '2026-03-06', kind: 'closed', label: '临时闭厅', sessions: [] };
  const calls: [string, Record<string, unknown>][] = [
    ['hallHours', { hallId: A }],
    ['saveSpecialHours', { hallId: A, entry, expectedVersion: 2 }],
    ['deleteSpecialHours', { hallId: A, from: DAY, expectedVersion: 2 }],
    ['dutyRoster', { hallId: A }],
    ['saveDutyDay', { hallId: A, day: { date: '2026-03-03', phone: '12345', windows: [] } }],
    ['deleteDutyDay', { hallId: A, date: '2026-03-03' }],
  ];
  for (const [action, data] of calls) expect([action, (await booking().error(openid, action, data)).code]).toEqual([action, code]);
  expect(await starts(A, DAY)).toContain('19:30');
});
