import { devEnvironment } from '../../devcloud/devEnvironment';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';

/**
 * Issue 17's waiting list through the local cloud: a citizen joins the list of a full hall-day; a
 * cancellation offers the place to the first in line, held for them (the public finds it full); the
 * offer is accepted and booked with the booking rules; an offer not answered in time passes on;
 * a stranger cannot touch another's entry.
 */
jest.setTimeout(120_000);

const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
// Monday 2026-03-02, 10:00 in Shanghai; Wednesday 03-04 is an ordinary day.
const NOW = at('2026-03-02', '10:00');
const DAY = '2026-03-04';

let h: Harness;
let citizens: string[];
const booking = () => functionCaller(h, 'booking');

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  citizens = await seedVerifiedCitizens(h.cloud.url, 'wait', 4);
  // One place per slot, and every slot of the day but 09:00 full (their holders are not this test's).
  const db = localDatabase(h.cloud.url);
  await db.collection('hall_schedules').doc(HALL).update({ windows: 1, perWindow: 1, walkInShare: 0 });
});
afterAll(async () => {
  await h.close();
});

test('join a full day, a cancellation offers the place to the first in line, accepted it is booked; unanswered it passes on', async () => {
  const [a, b, c, d] = citizens;
  const slots = (await booking().ok(a, 'availability', { hallId: HALL, business: BUSINESS, date: DAY })).slots as Array<{ slotId: string; start: string }>;
  const db = localDatabase(h.cloud.url);
  const first = slots.find((s) => s.start === '09:00')!;
  for (const s of slots.filter((x) => x !== first)) {
    await db
      .collection('slots')
      .doc(s.slotId)
      .set({ hallId: HALL, date: DAY, start: s.start, end: s.start, capacity: 1, booked: 1, holders: [`elsewhere-${s.start}`] });
  }
  // Not full yet: join is refused, book instead.
  expect((await booking().error(b, 'joinWaitlist', { hallId: HALL, business: BUSINESS, date: DAY })).code).toBe('WAITLIST_NOT_FULL');
  const booked = await booking().ok(a, 'reserve', { hallId: HALL, business: BUSINESS, slotId: first.slotId, requestId: requestId() });
  const joined = await booking().ok(b, 'joinWaitlist', { hallId: HALL, business: BUSINESS, date: DAY });
  expect(joined.state).toBe('waiting');
  expect((await booking().ok(c, 'joinWaitlist', { hallId: HALL, business: BUSINESS, date: DAY })).state).toBe('waiting');
  // Where each stands, named for the page: b first in line, c behind one.
  expect(joined).toMatchObject({ ahead: 0, stateName: '候补中', forFamilyMember: false });
  expect(joined.hallName).not.toBe(HALL);
  expect(joined.businessTitle).not.toBe(BUSINESS);
  expect((await booking().ok(c, 'myWaitlist', {})).entries[0]).toMatchObject({ ahead: 1, state: 'waiting' });
  // A stranger cannot leave or accept another's entry.
  expect((await booking().error(d, 'leaveWaitlist', { entryId: joined.id })).code).toBe('WAITLIST_NOT_FOUND');

  const sentBefore = h.cloud.notifications.length;
  await booking().ok(a, 'cancel', { appointmentId: booked.id, requestId: requestId() });
  const offered = (await booking().ok(b, 'myWaitlist', {})).entries[0];
  // b is told, with the progress template (no template more to apply for), opening 我的候补 at the entry.
  const told = h.cloud.notifications.slice(sentBefore);
  expect(told).toEqual([expect.objectContaining({ openid: b, templateId: devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID })]);
  expect(told[0]!.data).toMatchObject({ phrase2: { value: '候补有名额' }, time3: { value: '2026年3月4日 09:00' }, thing4: { value: '名额保留至10:30，请进小程序确认' } });
  expect(offered).toMatchObject({ state: 'offered', stateName: '有名额待确认', offer: { slotId: first.slotId, start: '09:00' } });
  // Held 30 minutes, counted on the server's clock (which runs on from NOW).
  expect(offered.offer.secondsLeft).toBeGreaterThan(29 * 60);
  expect(offered.offer.secondsLeft).toBeLessThanOrEqual(30 * 60);
  // c moved up: nobody waits before them now.
  expect((await booking().ok(c, 'myWaitlist', {})).entries[0]).toMatchObject({ ahead: 0 });
  // Held for b: the public finds it full.
  expect((await booking().error(d, 'reserve', { hallId: HALL, business: BUSINESS, slotId: first.slotId, requestId: requestId() })).code).toBe('SLOT_FULL');
  const accepted = await booking().ok(b, 'acceptWaitlistOffer', { entryId: joined.id, requestId: requestId() });
  expect(accepted).toMatchObject({ date: DAY, start: '09:00', status: 'booked' });
  expect((await booking().ok(b, 'myWaitlist', {})).entries[0]).toMatchObject({ state: 'booked', appointmentId: accepted.id });

  // c declined subscribe messages: WeChat refuses the notice, the offer stands all the same.
  h.cloud.declineReminders(c);
  // b cancels; c is offered the place but does not answer: 31 minutes later the timer passes it back to the public (nobody else waits).
  await booking().ok(b, 'cancel', { appointmentId: accepted.id, requestId: requestId() });
  const cEntry = (await booking().ok(c, 'myWaitlist', {})).entries[0];
  expect(cEntry.state).toBe('offered');
  // b's booking from the list was cancelled: b may wait again, behind nobody but at the back.
  expect(await booking().ok(b, 'joinWaitlist', { hallId: HALL, business: BUSINESS, date: DAY })).toMatchObject({ id: joined.id, state: 'waiting', ahead: 0 });
  await booking().ok(b, 'leaveWaitlist', { entryId: joined.id });
  h.setNow(new Date(NOW.getTime() + 31 * 60_000));
  expect(await h.cloud.fireTimer('booking', 'lapseWaitlistOffers')).toMatchObject({ ok: true, data: { lapsed: 1 } });
  expect((await booking().ok(c, 'myWaitlist', {})).entries[0].state).toBe('lapsed');
  expect((await booking().error(c, 'acceptWaitlistOffer', { entryId: cEntry.id, requestId: requestId() })).code).toBe('OFFER_EXPIRED');
  expect((await booking().ok(d, 'reserve', { hallId: HALL, business: BUSINESS, slotId: first.slotId, requestId: requestId() })).status).toBe('booked');
});
