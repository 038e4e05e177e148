import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { verifyOfficer } from '../support/verifiedOfficer';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';

/**
 * The hall's side of issue 17's waiting lists through the local cloud: its officers see how many wait
 * per day and business (counts only), its lead sets how long an offered place is held, and the next
 * offer holds the place that long; another hall's officer and a citizen see nothing.
 */
jest.setTimeout(120_000);

const HALL = 'haikou-longhua';
const OTHER_HALL = 'haikou-meilan';
const BUSINESS = 'id-card-renewal';
// Monday 2026-03-02, 10:00 in Shanghai; Thursday 03-05 is an ordinary day.
const NOW = at('2026-03-02', '10:00');
const DAY = '2026-03-05';
const OFFICER = 'local-officer';
const LEAD = 'itest-wl-lead';
const OTHER_OFFICER = 'itest-wl-officer-b';

let h: Harness;
const booking = () => functionCaller(h, 'booking');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  const db = localDatabase(h.cloud.url);
  await db.collection('hall_schedules').doc(HALL).update({ windows: 1, perWindow: 1, walkInShare: 0 });
  for (const [openid, hall, leads] of [
    [LEAD, HALL, [HALL]],
    [OTHER_OFFICER, OTHER_HALL, []],
  ] as const) {
    await db
      .collection('accounts')
      .doc(openid)
      .set({ role: 'officer', halls: [hall], leads, consents: [], createdAt: NOW, updatedAt: NOW });
    await verifyOfficer(h.cloud.url, openid);
  }
});
afterAll(async () => {
  await h.close();
});

test('the hall sees who waits (counts only); its lead sets the hold time, and the next offer holds the place that long', async () => {
  const [booker, waiter, citizen] = await seedVerifiedCitizens(h.cloud.url, 'wl-hall', 3);
  const slots = (await booking().ok(booker, 'availability', { hallId: HALL, business: BUSINESS, date: DAY })).slots as Array<{ slotId: string; start: string }>;
  const db = localDatabase(h.cloud.url);
  const first = slots.find((s) => s.start === '09:00')!;
  for (const s of slots.filter((x) => x !== first)) {
    await db
      .collection('slots')
      .doc(s.slotId)
      .set({ hallId: HALL, date: DAY, start: s.start, end: s.start, capacity: 1, booked: 1, holders: [`elsewhere-${s.start}`] });
  }
  const booked = await booking().ok(booker!, 'reserve', { hallId: HALL, business: BUSINESS, slotId: first.slotId, requestId: requestId() });
  await booking().ok(waiter!, 'joinWaitlist', { hallId: HALL, business: BUSINESS, date: DAY });

  // The hall's officers see the line as counts; only the lead may change the hold time.
  const seen = await booking().ok(OFFICER, 'hallWaitlists', { hallId: HALL });
  expect(seen).toMatchObject({ hallId: HALL, holdMinutes: 30, version: 0, mayEdit: false, more: false });
  expect(seen.lines).toEqual([{ date: DAY, business: BUSINESS, businessTitle: expect.any(String), waiting: 1, offered: 0 }]);
  expect(JSON.stringify(seen)).not.toMatch(new RegExp(waiter!));
  expect((await booking().ok(LEAD, 'hallWaitlists', { hallId: HALL })).mayEdit).toBe(true);
  expect((await booking().error(OTHER_OFFICER, 'hallWaitlists', { hallId: HALL })).code).toBe('FORBIDDEN');
  expect((await booking().error(citizen!, 'hallWaitlists', { hallId: HALL })).code).toBe('FORBIDDEN');

  const save = (openid: string, minutes: number, expectedVersion: number) => booking().error(openid, 'saveWaitlistHold', { hallId: HALL, minutes, expectedVersion });
  expect((await save(OFFICER, 45, 0)).code).toBe('FORBIDDEN');
  expect((await save(OTHER_OFFICER, 45, 0)).code).toBe('FORBIDDEN');
  const tooShort = await save(LEAD, 5, 0);
  expect(tooShort).toMatchObject({ code: 'HALL_SETTINGS_INVALID', message: expect.stringContaining('10至120分钟') });
  expect((await booking().ok(LEAD, 'saveWaitlistHold', { hallId: HALL, minutes: 45, expectedVersion: 0 })).holdMinutes).toBe(45);
  // A second save on the version seen before is refused: nothing overwritten silently.
  expect((await save(LEAD, 60, 0)).code).toBe('HALL_SETTINGS_VERSION_CONFLICT');
  expect(await booking().ok(citizen!, 'waitlistHold', { hallId: HALL })).toEqual({ hallId: HALL, holdMinutes: 45, version: 1 });
  expect(await booking().ok(citizen!, 'waitlistHold', { hallId: OTHER_HALL })).toEqual({ hallId: OTHER_HALL, holdMinutes: 30, version: 0 });

  // A cancellation offers the place to the one waiting, held 45 minutes.
  await booking().ok(booker!, 'cancel', { appointmentId: booked.id, requestId: requestId() });
  const offered = (await booking().ok(waiter!, 'myWaitlist', {})).entries[0];
  expect(offered.state).toBe('offered');
  // The local cloud's clock runs on from NOW: 45 minutes from the cancellation, give or take the test's own seconds.
  const heldFor = (Date.parse(offered.offer.until) - NOW.getTime()) / 60_000;
  expect(heldFor).toBeGreaterThanOrEqual(45);
  expect(heldFor).toBeLessThan(46);
  expect((await booking().ok(OFFICER, 'hallWaitlists', { hallId: HALL })).lines).toEqual([expect.objectContaining({ date: DAY, waiting: 0, offered: 1 })]);
  // The change is audited with before and after.
  const log = await db.collection('audit_log').where({ action: 'hall.saveWaitlistHold' }).get();
  expect(log.data).toEqual([expect.objectContaining({ hallId: HALL, change: { before: '30分钟', after: '45分钟' } })]);
});
