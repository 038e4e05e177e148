/**
 * Fair release (issue 17) through the local cloud (booking function): a hall's lead opens a day not
 * yet released to a draw; citizens apply in the window (twice is once); another hall's lead and an
 * officer who does not lead are refused; after the window, applying is refused, and after the day's
 * release first click is refused while the draw stands; the timer runs the draw: the seed matches
 * the commitment, anyone recomputes the published order, places go in that order and the rest wait
 * in it on the waiting list; then the places left open to the public. A stranger sees only the
 * public view, which holds nothing personal.
 */
import { createHash } from 'node:crypto';
import { drawOrder, seedMatches } from '../../core/fairRelease/draw';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { verifyOfficer } from '../support/verifiedOfficer';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';

jest.setTimeout(180_000);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
let h: Harness;
const HALL = 'haikou-longhua';
const OTHER_HALL = 'haikou-meilan';
const BUSINESS = 'household-certificate';
/** Thursday 10 December: released on 3 December at 00:00 (7 days ahead); the test starts on 2 December. */
const DAY = '2026-12-10';
const LEAD = 'itest-fr-lead';
const OTHER_LEAD = 'itest-fr-lead-b';
const OFFICER = 'local-officer';

beforeAll(async () => {
  h = await startHarness();
  h.setNow(at('2026-12-02', '10:00'));
  const db = localDatabase(h.cloud.url);
  const now = new Date();
  for (const [openid, hall] of [
    [LEAD, HALL],
    [OTHER_LEAD, OTHER_HALL],
  ] as const) {
    await db
      .collection('accounts')
      .doc(openid)
      .set({ role: 'officer', halls: [hall], leads: [hall], consents: [], createdAt: now, updatedAt: now });
    await verifyOfficer(h.cloud.url, openid);
  }
});
afterAll(async () => {
  await h.close();
});

const booking = () => functionCaller(h, 'booking');

test('open, apply, refusals, the draw by the timer, the order recomputed, the rest waiting in it, the places left opened', async () => {
  const b = booking();
  const citizens = await seedVerifiedCitizens(h.cloud.url, 'itest-fr', 8);
  const applicants = citizens.slice(0, 7);
  const stranger = citizens[7]!;

  // Only the hall's lead opens it.
  expect((await b.error(OTHER_LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, requestId: requestId() })).code).toBe('FORBIDDEN');
  expect((await b.error(OFFICER, 'openReleaseDraw', { hallId: HALL, date: DAY, requestId: requestId() })).code).toBe('FORBIDDEN');
  const opened = await b.ok(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, groups: ['elderly70', 'disabled'], requestId: requestId() });
  expect(opened).toMatchObject({ hallId: HALL, date: DAY, phase: 'open', applications: { applied: 0 } });
  expect(opened.seed).toBeUndefined();

  // Every applicant wants the day's first slot (5 places), then the second.
  const day = await b.ok(undefined, 'availability', { hallId: HALL, business: BUSINESS, date: DAY });
  expect(day.releaseDraw).toBe(true);
  const [s1, s2, , s4] = day.slots.map((s: { slotId: string }) => s.slotId);
  const places = day.slots[0].capacity as number;
  const apply = (openid: string, extra: Record<string, unknown> = {}) =>
    b.call(openid, 'applyReleaseDraw', { hallId: HALL, date: DAY, business: BUSINESS, preferences: [s1], requestId: requestId(), ...extra });
  const tickets = new Map<string, string>();
  for (const [i, openid] of applicants.entries()) {
    const r = await apply(openid, i === 6 ? { group: 'disabled' } : {});
    expect(r.ok).toBe(true);
    tickets.set(openid, r.data.ticket);
  }
  // Twice is once (the database refuses a second application of the person for the business).
  const again = await apply(applicants[0]!, { preferences: [s2] });
  expect(again.ok && again.data.ticket).toBe(tickets.get(applicants[0]!));
  expect((await b.ok(LEAD, 'hallReleaseDraws', { hallId: HALL })).draws[0].applications.applied).toBe(applicants.length);
  expect((await b.error(OTHER_LEAD, 'hallReleaseDraws', { hallId: HALL })).code).toBe('FORBIDDEN');

  // A stranger: the public view, nothing personal; none of the applications.
  const during = await b.ok(stranger, 'releaseDraw', { hallId: HALL, date: DAY });
  expect(during.order).toBeUndefined();
  expect((await b.ok(stranger, 'myReleaseApplications', {})).applications).toEqual([]);

  // The window closed: applying refused. After the day's release (3 December, 00:00), the draw not run yet: first click refused.
  h.setNow(at('2026-12-02', '11:01'));
  const late = await apply(stranger);
  expect(late.ok ? 'OK' : late.error.code).toBe('RELEASE_WINDOW_CLOSED');
  h.setNow(at('2026-12-03', '00:01'));
  const refused = await b.call(stranger, 'reserve', { hallId: HALL, business: BUSINESS, slotId: s4, requestId: requestId() });
  expect(refused.ok ? 'OK' : refused.error.code).toBe('RELEASE_BY_DRAW');

  // The timer runs the draw.
  expect(await h.timer('booking', 'runReleaseDraws')).toMatchObject({ ok: true });
  const pub = await b.ok(undefined, 'releaseDraw', { hallId: HALL, date: DAY });
  expect(pub.phase).toBe('done');
  expect(seedMatches(pub.seed, opened.commitment, sha256)).toBe(true);
  const published: Array<{ ticket: string; group?: string }> = pub.order;
  const recomputed = drawOrder(
    [...published].reverse().map((o) => ({ _id: o.ticket, preferences: [], ...(o.group && { group: o.group }) })),
    pub.seed,
    sha256,
    ['elderly70', 'disabled'],
  );
  expect(recomputed.map((o) => o._id)).toEqual(published.map((o) => o.ticket));
  expect(published[0]!.group).toBe('disabled');
  expect(published.map((o) => o.ticket).sort()).toEqual([...tickets.values()].sort());
  // Nothing personal is published.
  const stored = (
    await localDatabase(h.cloud.url)
      .collection('release_applications')
      .where({ drawId: `${HALL}:${DAY}` })
      .get()
  ).data as Array<{ subject: { idIndex: string } }>;
  const text = JSON.stringify(pub);
  for (const a of stored) expect(text).not.toContain(a.subject.idIndex);
  for (const openid of applicants) expect(text).not.toContain(openid);

  // In draw order: the first `places` booked in the first slot, the rest waiting in that order.
  const position = (openid: string) => published.findIndex((o) => o.ticket === tickets.get(openid));
  const byOrder = [...applicants].sort((x, y) => position(x) - position(y));
  for (const [k, openid] of byOrder.entries()) {
    const mine = (await b.ok(openid, 'myReleaseApplications', {})).applications[0];
    expect(mine.position).toBe(k + 1);
    if (k < places) expect(mine).toMatchObject({ state: 'placed', slot: { slotId: s1 } });
    else {
      expect(mine.state).toBe('waiting');
      expect((await b.ok(openid, 'myWaitlist', {})).entries[0]).toMatchObject({ hallId: HALL, date: DAY, business: BUSINESS, state: 'waiting' });
    }
  }
  const line = (await localDatabase(h.cloud.url).collection('waitlist').where({ hallId: HALL, date: DAY }).get()).data as Array<{ actorOpenid: string; joinedAt: string }>;
  const lineOrder = [...line].sort((x, y) => new Date(x.joinedAt).getTime() - new Date(y.joinedAt).getTime()).map((e) => e.actorOpenid);
  expect(lineOrder).toEqual(byOrder.slice(places));
  const counts = (await b.ok(LEAD, 'hallReleaseDraws', { hallId: HALL })).draws[0].applications;
  expect(counts).toEqual({ applied: 0, withdrawn: 0, placed: places, waiting: applicants.length - places });

  // The places left are the public's now.
  const after = await b.ok(undefined, 'availability', { hallId: HALL, business: BUSINESS, date: DAY });
  expect(after.releaseDraw).toBeUndefined();
  expect(after.slots[0]).toMatchObject({ state: 'full', remaining: 0 });
  expect((await b.call(stranger, 'reserve', { hallId: HALL, business: BUSINESS, slotId: s4, requestId: requestId() })).ok).toBe(true);
  // Run again (the lead): nothing changes.
  expect((await b.ok(LEAD, 'runReleaseDraw', { hallId: HALL, date: DAY })).applications).toEqual(counts);
});
