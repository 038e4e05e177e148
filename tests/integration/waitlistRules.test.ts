import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';
import { identityFlow } from './support/identityFlow';

/**
 * Issue 17's waiting list keeps the booking rules (docs/WAITLIST.md): joining checks those that need
 * no slot (the no-show block, one active appointment per business); a person waits on at most 3
 * lists at once, also when joining several at the same moment; accepting an offer for a family
 * member needs the family link still standing.
 */
jest.setTimeout(120_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
// Monday 2026-03-02, 10:00 in Shanghai.
const NOW = at('2026-03-02', '10:00');
const DAYS = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];

let h: Harness;
const booking = () => functionCaller(h, 'booking');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  await localDatabase(h.cloud.url).collection('hall_schedules').doc(HALL).update({ windows: 1, perWindow: 1, walkInShare: 0 });
});
afterAll(async () => {
  await h.close();
});

/** Every slot of the day full with places that are not this test's, but those starting at `free` (left for real bookings). Returns their slot ids. */
async function fillDay(date: string, free: string[] = []): Promise<string[]> {
  const [someone] = await seedVerifiedCitizens(h.cloud.url, `fill-${date}`, 1);
  const slots = (await booking().ok(someone!, 'availability', { hallId: HALL, business: BUSINESS, date })).slots as Array<{ slotId: string; start: string }>;
  const db = localDatabase(h.cloud.url);
  for (const s of slots.filter((x) => !free.includes(x.start))) {
    await db
      .collection('slots')
      .doc(s.slotId)
      .set({ hallId: HALL, date, start: s.start, end: s.start, capacity: 1, booked: 1, holders: [`elsewhere-${date}-${s.start}`] });
  }
  return free.map((f) => slots.find((x) => x.start === f)!.slotId);
}

const join = (_openid: string, date: string, forMemberId?: string) => ({ hallId: HALL, business: BUSINESS, date, ...(forMemberId ? { forMemberId } : {}) });

// 03-09 has two places for this test's own bookings.
const OTHER_DAY = '2026-03-09';
let otherDay: string[];
beforeAll(async () => {
  for (const d of DAYS) await fillDay(d);
  otherDay = await fillDay(OTHER_DAY, ['09:00', '10:00']);
});

test('joining is refused while the person is blocked for no-shows, or has an active appointment for the business', async () => {
  const [blocked, booked] = await seedVerifiedCitizens(h.cloud.url, 'rules', 2);
  const db = localDatabase(h.cloud.url);
  const account = (await db.collection('accounts').doc(blocked!).get()).data[0];
  for (const date of ['2026-02-10', '2026-02-20', '2026-02-27']) {
    await db
      .collection('appointments')
      .add({ _id: `noshow-${date}`, hallId: HALL, refNumber: date.replace(/-/g, ''), subjectIdIndex: account.identity.idIndex, date, status: 'noShow', claims: [] });
  }
  const refused = await booking().error(blocked!, 'joinWaitlist', join(blocked!, DAYS[1]!));
  expect(refused.code).toBe('BOOKING_BLOCKED');
  expect(refused.message).toContain('起可再预约');

  // An appointment for the business on another day: the same limit as booking (one active per business).
  await booking().ok(booked!, 'reserve', { hallId: HALL, business: BUSINESS, slotId: otherDay[0]!, requestId: requestId() });
  expect((await booking().error(booked!, 'joinWaitlist', join(booked!, DAYS[1]!))).code).toBe('ALREADY_BOOKED');
});

test('at most 3 lists at once: a 4th is refused (also 4 joined at the same moment), a list left frees its place', async () => {
  const [one, many] = await seedVerifiedCitizens(h.cloud.url, 'cap', 2);
  const entries = [];
  for (const d of DAYS.slice(0, 3)) entries.push(await booking().ok(one!, 'joinWaitlist', join(one!, d)));
  // Joining a list again is the same entry, not a 4th.
  expect((await booking().ok(one!, 'joinWaitlist', join(one!, DAYS[0]!))).id).toBe(entries[0].id);
  expect((await booking().error(one!, 'joinWaitlist', join(one!, DAYS[3]!))).code).toBe('WAITLIST_LIMIT');
  await booking().ok(one!, 'leaveWaitlist', { entryId: entries[0].id });
  // A place is kept a minute after it was taken (a join in flight), then freed by the next join.
  h.setNow(new Date(NOW.getTime() + 2 * 60_000));
  expect((await booking().ok(one!, 'joinWaitlist', join(one!, DAYS[3]!))).state).toBe('waiting');
  // Rejoining the list left is a 4th again.
  expect((await booking().error(one!, 'joinWaitlist', join(one!, DAYS[0]!))).code).toBe('WAITLIST_LIMIT');

  const answers = await Promise.all(DAYS.map((d) => h.call('booking', { action: 'joinWaitlist', data: join(many!, d) }, many!)));
  expect(answers.filter((a) => a.body.ok)).toHaveLength(3);
  expect(answers.filter((a) => !a.body.ok).map((a) => a.body.error?.code)).toEqual(['WAITLIST_LIMIT']);
  h.setNow(NOW);
});

test('accepting an offer for a family member needs the family link still standing', async () => {
  const date = OTHER_DAY;
  const [other] = await seedVerifiedCitizens(h.cloud.url, 'family-offer', 1);
  const theirs = await booking().ok(other!, 'reserve', { hallId: HALL, business: BUSINESS, slotId: otherDay[1]!, requestId: requestId() });
  const parent = 'local-citizen';
  await identityFlow(h).ok(parent, 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  const entry = await booking().ok(parent, 'joinWaitlist', join(parent, date, 'resident-003'));
  expect(entry).toMatchObject({ state: 'waiting', forFamilyMember: true });
  await booking().ok(other!, 'cancel', { appointmentId: theirs.id, requestId: requestId() });
  expect((await booking().ok(parent, 'myWaitlist', {})).entries.find((e: { id: string }) => e.id === entry.id).state).toBe('offered');
  // The parent stops acting for the child: the offer can no longer be taken in the child's name.
  await identityFlow(h).ok(parent, 'removeFamilyMember', { memberId: 'resident-003' });
  expect((await booking().error(parent, 'acceptWaitlistOffer', { entryId: entry.id, requestId: requestId() })).code).toBe('FAMILY_MEMBER_NOT_FOUND');
});
