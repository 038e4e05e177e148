/**
 * The demo works on any day: seeded as of several dates (the local clock moved before seeding, as
 * HUKOU_LOCAL_CLOCK_OFFSET_MS does for `npm start`), 王建国 and his mother may apply online for a
 * reissue, both family members can be linked to him by the ID numbers the README lists, and he can
 * book a visit for each of them. His son 王小明 is a child under 16 (the family rule) and so, by
 * law, applies at a hall with a guardian: refused online for his age, fingerprints and card only.
 */
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, bookingFlow } from './support/bookingFlow';
import { identityFlow } from './support/identityFlow';
import { reissueFlow } from './support/reissueFlow';

jest.setTimeout(180_000);

const CITIZEN = 'local-citizen';
const HALL = 'haikou-longhua';
const RENEWAL = 'id-card-renewal';
const SON = { name: '王小明', idNumber: '460106202407201539', relation: 'child' };
const MOTHER = { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' };

describe.each(['2026-12-01', '2027-06-30', '2031-03-15', '2040-07-18'])('seeded on %s', (date) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seed: false });
    h.setNow(at(date, '10:00'));
    await seedLocalCloud(h.cloud.url);
  });
  afterAll(async () => {
    await h.close();
  });

  test('王建国 and his mother may reissue online; both family members can be linked', async () => {
    const r = reissueFlow(h);
    const self = await r.ok(CITIZEN, 'eligibility', { reason: 'lost' });
    expect({ eligible: self.eligible, reasons: self.reasons }).toEqual({ eligible: true, reasons: [] });

    const idFlow = identityFlow(h);
    await idFlow.ok(CITIZEN, 'addFamilyMember', SON);
    const members = (await idFlow.ok(CITIZEN, 'addFamilyMember', MOTHER)).members.map((m: { memberId: string }) => m.memberId).sort();
    expect(members).toEqual(['resident-003', 'resident-004']);

    const mother = await r.ok(CITIZEN, 'eligibility', { forMemberId: 'resident-004', reason: 'lost' });
    expect({ eligible: mother.eligible, reasons: mother.reasons }).toEqual({ eligible: true, reasons: [] });
    const son = await r.ok(CITIZEN, 'eligibility', { forMemberId: 'resident-003', reason: 'lost' });
    expect(son.reasons.map((x: { code: string }) => x.code).sort()).toEqual(['NO_CARD_ON_FILE', 'NO_FINGERPRINTS', 'UNDER_MIN_AGE']);
  });

  test('he can book a visit for himself, his son and his mother within the booking window', async () => {
    const b = bookingFlow(h);
    const options = await b.ok(undefined, 'bookingOptions', { business: RENEWAL });
    const open: string[] = [];
    for (const day of options.dates as string[]) {
      const availability = await b.ok(undefined, 'availability', { hallId: HALL, business: RENEWAL, date: day });
      open.push(...availability.slots.filter((s: { state: string; remaining: number }) => s.state === 'open' && s.remaining > 0).map((s: { slotId: string }) => s.slotId));
      if (open.length >= 3) break;
    }
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const [i, forMemberId] of [undefined, 'resident-003', 'resident-004'].entries()) {
      const booked = await b.reserve(CITIZEN, HALL, RENEWAL, open[i], forMemberId ? { forMemberId } : {});
      expect({ forMemberId, ok: booked.ok, error: booked.error }).toEqual({ forMemberId, ok: true, error: undefined });
    }
  });
});
