/**
 * Issue 17, fair release through the booking function's dispatch on in-memory ports: a hall's lead
 * opens a draw for a day not yet released; citizens apply in its window (once per person and
 * business); first-click booking of the day is refused until the draw is done; the draw, run by
 * the timer, publishes a seed matching the commitment, books in the order anyone can recompute
 * from the public view, and puts the rest on the waiting list in that order.
 */
import { createHash } from 'node:crypto';
import { allocate, drawOrder, seedMatches } from '../../core/fairRelease/draw';
import { newAccount } from '../../core/identity/Account';
import { FIELD } from '../../core/identity/fieldNames';
import { officerIdentity } from '../support/officerIdentity';
import { CHILD_RESIDENT, CITIZENS, HALL, ID_CARD, MIN, OFFICER, OTHER_OFFICER, bookingWorld, storeProblems, type BookingWorld } from './support/bookingWorld';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Not released at START (Monday 23 November, 10:00; days through 30 November are): released 24 November at 00:00. */
const DAY = '2026-12-01';
const LEAD = 'o-lead';

function world(capacity = 1) {
  const w = bookingWorld({ capacity });
  const now = w.clock.now();
  void w.identities.saveAccount({ ...newAccount(LEAD, now), role: 'officer', halls: [HALL], leads: [HALL], identity: officerIdentity(w.secrets, LEAD, now) });
  return w;
}

const open = (w: BookingWorld, extra: Record<string, unknown> = {}) => w.ok(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, groups: ['elderly70', 'disabled'], ...extra });
const apply = (w: BookingWorld, openid: string, preferences: string[], extra: Record<string, unknown> = {}) =>
  w.call(openid, 'applyReleaseDraw', { hallId: HALL, date: DAY, business: ID_CARD, preferences, ...extra });

it('only the hall’s lead opens a draw, for a day not yet released, with a window closing before its release', async () => {
  const w = world();
  expect(await w.refused(OFFICER, 'openReleaseDraw', { hallId: HALL, date: DAY })).toBe('FORBIDDEN');
  expect(await w.refused(OTHER_OFFICER, 'openReleaseDraw', { hallId: HALL, date: DAY })).toBe('FORBIDDEN');
  expect(await w.refused('o-a', 'openReleaseDraw', { hallId: HALL, date: DAY })).toBe('FORBIDDEN');
  // Released already (through 30 November), or a window running past the release (24 November 00:00).
  expect(await w.refused(LEAD, 'openReleaseDraw', { hallId: HALL, date: '2026-11-30' })).toBe('RELEASE_DRAW_INVALID');
  expect(await w.refused(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, windowMinutes: 14 * 60 })).toBe('RELEASE_DRAW_INVALID');
  expect(await w.refused(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY, opensAt: '2026-11-22T10:00:00+08:00' })).toBe('RELEASE_DRAW_INVALID');
  const draw = await open(w);
  expect(draw).toMatchObject({ hallId: HALL, date: DAY, phase: 'open', applications: { applied: 0 }, groups: [{ id: 'elderly70', name: '高龄(70岁以上)' }, { id: 'disabled' }] });
  expect(draw.commitment).toMatch(/^[0-9a-f]{64}$/);
  expect(draw.seed).toBeUndefined();
  expect(new Date(draw.closesAt).getTime() - new Date(draw.opensAt).getTime()).toBe(60 * MIN);
  expect(await w.refused(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY })).toBe('RELEASE_DRAW_EXISTS');
  // The day shows as released by draw.
  const day = await w.ok(undefined, 'availability', { hallId: HALL, business: ID_CARD, date: DAY });
  expect(day.releaseDraw).toBe(true);
  expect(day.slots.every((s: { state: string }) => s.state === 'draw')).toBe(true);
});

it('one application per person, hall-day and business, only within the window; withdrawn and made again within it', async () => {
  const w = world();
  await open(w);
  const [s1, s2] = w.slotsOf(DAY);
  const first = await apply(w, 'o-a', [s1.slotId, s2.slotId]);
  expect(first.ok).toBe(true);
  const again = await apply(w, 'o-a', [s2.slotId]);
  expect(again.ok && again.data.ticket).toBe(first.ok && first.data.ticket);
  expect(w.fairRelease.applications.size).toBe(1);
  // Not slots of the day; a group the hall does not give; 高龄 for someone the ID number says is younger.
  expect(await w.refused('o-b', 'applyReleaseDraw', { hallId: HALL, date: DAY, business: ID_CARD, preferences: ['haikou-longhua:2026-12-02:0900'] })).toBe(
    'RELEASE_APPLICATION_INVALID',
  );
  expect(await w.refused('o-b', 'applyReleaseDraw', { hallId: HALL, date: DAY, business: ID_CARD, preferences: [s1.slotId], group: 'pregnant' })).toBe(
    'RELEASE_APPLICATION_INVALID',
  );
  expect(await w.refused('o-b', 'applyReleaseDraw', { hallId: HALL, date: DAY, business: ID_CARD, preferences: [s1.slotId], group: 'elderly70' })).toBe('RELEASE_GROUP_NOT_MET');
  const declared = await apply(w, 'o-b', [s1.slotId], { group: 'disabled' });
  expect(declared.ok && declared.data).toMatchObject({ group: 'disabled', groupName: '残疾人', groupDeclared: true });
  // Withdrawn, and made again, within the window.
  expect((await w.ok('o-a', 'withdrawReleaseApplication', { hallId: HALL, date: DAY, business: ID_CARD })).state).toBe('withdrawn');
  expect((await apply(w, 'o-a', [s2.slotId])).ok).toBe(true);
  expect(w.fairRelease.applications.get([...w.fairRelease.applications.keys()].find((k) => k.endsWith(w.idIndexOf('o-a')))!)!.state).toBe('applied');
  // After the window.
  w.clock.advance(61 * MIN);
  expect(await w.refused('o-c', 'applyReleaseDraw', { hallId: HALL, date: DAY, business: ID_CARD, preferences: [s1.slotId] })).toBe('RELEASE_WINDOW_CLOSED');
  expect(await w.refused('o-a', 'withdrawReleaseApplication', { hallId: HALL, date: DAY, business: ID_CARD })).toBe('RELEASE_WINDOW_CLOSED');
  expect(await w.refused('o-c', 'applyReleaseDraw', { hallId: HALL, date: '2026-12-02', business: ID_CARD, preferences: [s1.slotId] })).toBe('RELEASE_DRAW_NOT_FOUND');
});

it('高龄 is verified from the birth date in the ID number: given without asking to a 70-year-old family member', async () => {
  const w = world();
  await open(w);
  const now = w.clock.now();
  void w.identities.saveFamilyLink({
    _id: 'o-c:r-grandma',
    actorOpenid: 'o-c',
    memberResidentId: 'r-grandma',
    memberIdIndex: w.secrets.index('idNumber', '460100195001011234'),
    memberIdNumberEnc: w.secrets.encrypt('460100195001011234', FIELD.idNumber),
    memberNameEnc: w.secrets.encrypt('符阿婆', FIELD.name),
    relation: 'parent',
    addedAt: now,
  });
  const [s1] = w.slotsOf(DAY);
  const grandma = await apply(w, 'o-c', [s1.slotId], { forMemberId: 'r-grandma' });
  expect(grandma.ok && grandma.data).toMatchObject({ group: 'elderly70', forMemberId: 'r-grandma' });
  expect(grandma.ok && grandma.data.groupDeclared).toBeUndefined();
});

it('first click is refused while the draw stands; the draw books in the published order, waiting-lists the rest in it, then opens the places left', async () => {
  const w = world(1);
  const draw = await open(w);
  const plans = w.slotsOf(DAY);
  const [s1, s2] = plans;
  // Five applicants for two slots of one place each (the others' slots are nobody's preference).
  const applicants = CITIZENS.slice(0, 5);
  for (const [i, openid] of applicants.entries())
    expect((await apply(w, openid, i % 2 ? [s2.slotId, s1.slotId] : [s1.slotId], i === 4 ? { group: 'disabled' } : {})).ok).toBe(true);
  // After the day's release (24 November, 00:00) and before the draw ran: first click refused, the places are the draw's.
  w.clock.advance(14 * 60 * MIN + 5 * MIN);
  const refused = await w.reserve('o-f', s1);
  expect(!refused.ok && refused.error.code).toBe('RELEASE_BY_DRAW');
  // Refused on the slot read reserve makes anyway: the same requests as a refusal of a full slot, and no read of the draw.
  w.booking.ops.length = 0;
  let drawReads = 0;
  const draw0 = w.fairRelease.draw.bind(w.fairRelease);
  w.fairRelease.draw = (id: string) => (drawReads++, draw0(id));
  const refusedOther = await w.reserve('o-f', plans[5]);
  expect(!refusedOther.ok && refusedOther.error.code).toBe('RELEASE_BY_DRAW');
  expect(w.booking.ops).toEqual(['schedule.get', 'slots.get']);
  expect(drawReads).toBe(0);
  w.fairRelease.draw = draw0;

  expect(await w.ok(undefined, 'runReleaseDraws', {})).toEqual({ draws: 1, done: 1 });
  const pub = await w.ok(undefined, 'releaseDraw', { hallId: HALL, date: DAY });
  expect(pub.phase).toBe('done');
  expect(seedMatches(pub.seed, draw.commitment, sha256)).toBe(true);
  // Nothing personal in the public view: no blind index, resident id or openid.
  const text = JSON.stringify(pub);
  for (const openid of applicants) for (const secret of [w.idIndexOf(openid), `r-${openid}`, openid]) expect(text).not.toContain(secret);
  // Anyone recomputes the order from the seed, the tickets and their groups.
  const tickets = pub.order.map((o: { ticket: string; group?: string }) => ({ _id: o.ticket, preferences: [], ...(o.group && { group: o.group }) }));
  const shuffled = [...tickets].reverse();
  expect(drawOrder(shuffled, pub.seed, sha256, ['elderly70', 'disabled']).map((t) => t._id)).toEqual(pub.order.map((o: { ticket: string }) => o.ticket));
  expect(pub.order[0].group).toBe('disabled');

  // The allocation is allocate() over that order; the rest wait in it.
  const mine = new Map<string, { ticket: string; state: string; slot?: { slotId: string }; position: number }>();
  for (const openid of applicants) mine.set(openid, (await w.ok(openid, 'myReleaseApplications', {})).applications[0]);
  const byTicket = new Map([...mine].map(([openid, a]) => [a.ticket, { openid, a }]));
  const ordered = pub.order.map((o: { ticket: string }) => ({
    _id: o.ticket,
    preferences: (applicants as readonly string[]).indexOf(byTicket.get(o.ticket)!.openid) % 2 ? [s2.slotId, s1.slotId] : [s1.slotId],
  }));
  const expected = allocate(
    ordered,
    new Map([
      [s1.slotId, 1],
      [s2.slotId, 1],
    ]),
  );
  for (const [ticket, { a }] of byTicket) {
    expect(a.position).toBe(pub.order.findIndex((o: { ticket: string }) => o.ticket === ticket) + 1);
    if (expected.placed.has(ticket)) expect(a).toMatchObject({ state: 'placed', slot: { slotId: expected.placed.get(ticket) } });
    else expect(a.state).toBe('waiting');
  }
  const line = [...w.waitlist.entries.values()].sort((x, y) => x.joinedAt.getTime() - y.joinedAt.getTime() || (x._id < y._id ? -1 : 1));
  expect(line.map((e) => mine.get(e.actorOpenid)!.ticket)).toEqual(expected.waiting);
  expect(line.every((e) => e.state === 'waiting')).toBe(true);
  expect(storeProblems(w.booking)).toEqual([]);
  // The places left open to the public; a slot the draw filled is full.
  const other = await w.reserve('o-f', plans[5]);
  expect(other.ok).toBe(true);
  const full = await w.reserve('o-f', s1, 'household-certificate');
  expect(!full.ok && full.error.code).toBe('SLOT_FULL');
  // A second run changes nothing.
  const before = JSON.stringify([...w.booking.appointments.keys()].sort());
  expect(await w.ok(undefined, 'runReleaseDraws', {})).toEqual({ draws: 0, done: 0 });
  expect((await w.ok(LEAD, 'runReleaseDraw', { hallId: HALL, date: DAY })).phase).toBe('done');
  expect(JSON.stringify([...w.booking.appointments.keys()].sort())).toBe(before);
});

it('the lead cannot run the draw before the window closed; officers of the hall see the counts, others are refused', async () => {
  const w = world();
  await open(w);
  const [s1] = w.slotsOf(DAY);
  await apply(w, 'o-a', [s1.slotId]);
  expect(await w.refused(LEAD, 'runReleaseDraw', { hallId: HALL, date: DAY })).toBe('RELEASE_DRAW_NOT_CLOSED');
  const listed = await w.ok(OFFICER, 'hallReleaseDraws', { hallId: HALL });
  expect(listed.draws[0].applications).toEqual({ applied: 1, withdrawn: 0, placed: 0, waiting: 0 });
  expect(await w.refused(OTHER_OFFICER, 'hallReleaseDraws', { hallId: HALL })).toBe('FORBIDDEN');
});

it('an opening that failed while marking the slots is healed by opening again: the day is marked, no second draw', async () => {
  const w = world();
  const mark = w.booking.markReleaseDraw.bind(w.booking);
  w.booking.markReleaseDraw = async () => {
    throw new Error('injected: the database did not answer');
  };
  await expect(w.call(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY })).rejects.toThrow('injected');
  expect([...w.booking.slotDocs.values()].filter((d) => d.date === DAY && d.releaseDraw)).toEqual([]);
  w.booking.markReleaseDraw = mark;
  expect(await w.refused(LEAD, 'openReleaseDraw', { hallId: HALL, date: DAY })).toBe('RELEASE_DRAW_EXISTS');
  expect([...w.booking.slotDocs.values()].filter((d) => d.date === DAY && d.releaseDraw)).toHaveLength(w.slotsOf(DAY).length);
});

it('a place drawn for a family member is booked for them and audited once as an act for them, as a reserve is', async () => {
  const w = world();
  await open(w);
  const [s1] = w.slotsOf(DAY);
  expect((await apply(w, 'o-a', [s1.slotId], { forMemberId: CHILD_RESIDENT })).ok).toBe(true);
  w.clock.advance(65 * MIN);
  await w.ok(undefined, 'runReleaseDraws', {});
  await w.ok(LEAD, 'runReleaseDraw', { hallId: HALL, date: DAY });
  const [booked] = [...w.booking.appointments.values()];
  expect(booked).toMatchObject({ actorOpenid: 'o-a', actedFor: CHILD_RESIDENT, slotId: s1.slotId, status: 'booked' });
  expect(w.audit.entries.filter((e) => e.action === 'appointment.reserveFor')).toEqual([
    expect.objectContaining({ actorOpenid: 'o-a', target: booked!._id, actedFor: CHILD_RESIDENT }),
  ]);
  const mine = (await w.ok('o-a', 'myReleaseApplications', {})).applications[0];
  expect(mine).toMatchObject({ state: 'placed', forMemberId: CHILD_RESIDENT });
});
