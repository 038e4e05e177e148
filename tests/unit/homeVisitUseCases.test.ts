import { newAccount } from '../../core/identity/Account';
import { AWAITING_LEAD, MAX_OPEN_PER_PERSON, OVERDUE_NEXT_STEP } from '../../core/homeVisit/homeVisitNames';
import { officerIdentity } from '../support/officerIdentity';
import { bookingWorld, CHILD_RESIDENT, CITIZENS, HALL, ID_CARD, OFFICER, OTHER_HALL } from './support/bookingWorld';

/** Door-to-door service (issue 17) through the booking function's dispatch, with the stores in memory. */
const [PARENT, OTHER] = CITIZENS;
const LEAD = 'o-lead';
const OTHER_LEAD = 'o-lead-meilan';
const visit = (extra: Record<string, unknown> = {}) => ({ hallId: HALL, business: ID_CARD, reason: 'elderly', detail: '龙华路18号3栋502', phone: '13800138000', ...extra });
const window = (date = '2026-11-25') => ({ date, from: '09:00', to: '11:00' });

function world() {
  const w = bookingWorld();
  const now = w.clock.now();
  void w.identities.saveAccount({ ...newAccount(LEAD, now), role: 'officer', halls: [HALL], leads: [HALL], identity: officerIdentity(w.secrets, LEAD, now) });
  void w.identities.saveAccount({
    ...newAccount(OTHER_LEAD, now),
    role: 'officer',
    halls: [OTHER_HALL],
    leads: [OTHER_HALL],
    identity: officerIdentity(w.secrets, OTHER_LEAD, now),
  });
  return w;
}

test('requested for a family member, assigned (told), confirmed, rescheduled, confirmed again, done; audited', async () => {
  const w = world();
  const asked = await w.ok(PARENT, 'requestHomeVisit', visit({ forMemberId: CHILD_RESIDENT, note: '老人听力不好，请先打电话' }));
  expect(asked).toMatchObject({ state: 'requested', version: 1, forFamilyMember: true, phone: '138****8000', actions: ['cancel'], reasonName: expect.stringContaining('高龄') });
  expect(asked.address).toMatch(/海南省海口市龙华区龙华路18号3栋502$/);
  // Stored encrypted.
  expect(JSON.stringify([...w.homeVisits.docs.values()])).not.toMatch(/13800138000|龙华路18号/);

  // The citizen's side never carries the name in full; the hall's does (its officers check who opens the door).
  expect(asked.subjectName).toBeUndefined();
  const list = await w.ok(OFFICER, 'hallHomeVisits', { hallId: HALL });
  // An officer who is not the lead is offered no step on a request not arranged yet, and told who arranges it.
  expect(list.visits).toEqual([expect.objectContaining({ id: asked.id, phone: '13800138000', actions: [], nextStep: AWAITING_LEAD })]);
  const led = await w.ok(LEAD, 'hallHomeVisits', { hallId: HALL });
  expect(led.visits).toEqual([expect.objectContaining({ id: asked.id, actions: ['assign', 'refuse'], subjectName: expect.any(String), overdue: false })]);
  expect(led.visits[0].subjectName).not.toContain('*');
  // An officer who is not the lead does not assign.
  expect(await w.refused(OFFICER, 'assignHomeVisit', { visitId: asked.id, expectedVersion: 1, officers: ['张警官'], window: window() })).toBe('FORBIDDEN');
  expect(await w.refused(OTHER_LEAD, 'assignHomeVisit', { visitId: asked.id, expectedVersion: 1, officers: ['张警官'], window: window() })).toBe('FORBIDDEN');
  const assigned = await w.ok(LEAD, 'assignHomeVisit', { visitId: asked.id, expectedVersion: 1, officers: ['张警官', '李警官'], window: window() });
  expect(assigned).toMatchObject({ state: 'assigned', version: 2, notified: true, window: { text: '2026-11-25 09:00-11:00' } });
  expect(w.homeVisitNotifier.told).toEqual([{ openid: PARENT, visitId: asked.id, windowText: '2026-11-25 09:00-11:00', rescheduled: false }]);
  // A stale version: nothing written.
  expect(await w.refused(LEAD, 'rescheduleHomeVisit', { visitId: asked.id, expectedVersion: 1, window: window('2026-11-26') })).toBe('HOME_VISIT_VERSION_CONFLICT');

  expect(await w.refused(OTHER, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 2 })).toBe('HOME_VISIT_NOT_FOUND');
  expect((await w.ok(PARENT, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 2 })).state).toBe('confirmed');
  const moved = await w.ok(LEAD, 'rescheduleHomeVisit', { visitId: asked.id, expectedVersion: 3, window: window('2026-11-26') });
  expect(moved).toMatchObject({ state: 'assigned', version: 4, officers: ['张警官', '李警官'] });
  expect(w.homeVisitNotifier.told[1]).toMatchObject({ rescheduled: true });
  expect(await w.refused(OFFICER, 'completeHomeVisit', { visitId: asked.id, expectedVersion: 4 })).toBe('HOME_VISIT_STATE_CONFLICT');
  const confirmed = await w.ok(PARENT, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 4 });
  // Not before the day: neither offered nor taken.
  expect((await w.ok(OFFICER, 'hallHomeVisits', { hallId: HALL })).visits[0].actions).not.toContain('complete');
  expect(await w.refused(OFFICER, 'completeHomeVisit', { visitId: asked.id, expectedVersion: 5 })).toBe('HOME_VISIT_INVALID');
  // The day after the arranged one: overdue on both sides, and the officer may mark it done.
  w.clock.advance(4 * 24 * 3600 * 1000);
  const late = (await w.ok(OFFICER, 'hallHomeVisits', { hallId: HALL })).visits[0];
  expect(late).toMatchObject({ overdue: true, nextStep: OVERDUE_NEXT_STEP.hall, actions: ['complete'] });
  expect((await w.ok(PARENT, 'myHomeVisits')).visits[0]).toMatchObject({ id: confirmed.id, overdue: true, nextStep: OVERDUE_NEXT_STEP.citizen });
  const done = await w.ok(OFFICER, 'completeHomeVisit', { visitId: asked.id, expectedVersion: 5 });
  expect(done).toMatchObject({ state: 'done', actions: [] });
  expect(await w.refused(PARENT, 'cancelHomeVisit', { visitId: asked.id, expectedVersion: 6 })).toBe('HOME_VISIT_STATE_CONFLICT');
  expect((await w.ok(PARENT, 'myHomeVisits')).visits.map((v: { state: string }) => v.state)).toEqual(['done']);
  expect((await w.ok(OTHER, 'myHomeVisits')).visits).toEqual([]);
  const actions = (await w.audit.query({ offset: 0, limit: 50 })).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['homeVisit.assign', 'homeVisit.reschedule', 'homeVisit.complete', 'homeVisit.hallList']));
});

test('refused with a reason; cancelled by the citizen; at most N open per person; a retry is the same request', async () => {
  const w = world();
  const open = [];
  for (let i = 0; i < MAX_OPEN_PER_PERSON; i++) open.push(await w.ok(OTHER, 'requestHomeVisit', visit(), `request-home-${i}`));
  expect(await w.ok(OTHER, 'requestHomeVisit', visit(), 'request-home-0')).toEqual(open[0]);
  expect(await w.refused(OTHER, 'requestHomeVisit', visit())).toBe('HOME_VISIT_LIMIT');
  expect(await w.refused(LEAD, 'refuseHomeVisit', { visitId: open[0].id, expectedVersion: 1, reason: '否' })).toBe('HOME_VISIT_INVALID');
  const refused = await w.ok(LEAD, 'refuseHomeVisit', { visitId: open[0].id, expectedVersion: 1, reason: '该事项须本人到大厅采集指纹' });
  // The citizen is told of a refusal too.
  expect(refused).toMatchObject({ state: 'refused', refusalReason: '该事项须本人到大厅采集指纹', notified: true });
  expect(w.homeVisitNotifier.refusals).toEqual([{ openid: OTHER, visitId: open[0].id, reason: '该事项须本人到大厅采集指纹' }]);
  expect((await w.ok(OTHER, 'cancelHomeVisit', { visitId: open[1].id, expectedVersion: 1 })).state).toBe('cancelled');
  // Both closed: the person may ask again.
  expect((await w.ok(OTHER, 'requestHomeVisit', visit({ reason: 'disabled' }))).state).toBe('requested');
  expect(await w.refused(OTHER, 'requestHomeVisit', visit({ business: 'no-such-business' }))).toBe('HOME_VISIT_BUSINESS_NOT_OFFERED');
  expect(await w.refused(OTHER, 'requestHomeVisit', visit({ phone: '12345' }))).toBe('HOME_VISIT_INVALID');
  expect(await w.refused('o-unverified', 'requestHomeVisit', visit())).toBe('NOT_VERIFIED');
});

test('five requests at once for one person: the places are claim documents, so exactly two are taken', async () => {
  const w = world();
  const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => w.call(OTHER, 'requestHomeVisit', visit({ note: `第${i}次` }), `request-at-once-${i}`)));
  expect(answers.map((a) => (a.ok ? 'OK' : a.error.code)).sort()).toEqual(['HOME_VISIT_LIMIT', 'HOME_VISIT_LIMIT', 'HOME_VISIT_LIMIT', 'OK', 'OK']);
  expect(w.homeVisits.places.size).toBe(MAX_OPEN_PER_PERSON);
});

test('a place a closed visit kept (its release cut off), or one whose visit was never stored, is freed when needed', async () => {
  const w = world();
  const first = await w.ok(OTHER, 'requestHomeVisit', visit());
  await w.ok(OTHER, 'cancelHomeVisit', { visitId: first.id, expectedVersion: 1 });
  expect(w.homeVisits.places.size).toBe(0);
  const idIndex = [...w.homeVisits.docs.values()][0]!.subjectIdIndex;
  // As if the release had been cut off, and a request had stopped between its claim and its insert.
  w.homeVisits.places.set(`${idIndex}:0`, { _id: `${idIndex}:0`, idIndex, visitId: first.id, at: w.clock.now() });
  w.homeVisits.places.set(`${idIndex}:1`, { _id: `${idIndex}:1`, idIndex, visitId: 'never-stored', at: w.clock.now() });
  // The orphan is young (its request may still be running): one place is freed, one more request fits.
  expect((await w.ok(OTHER, 'requestHomeVisit', visit())).state).toBe('requested');
  expect(await w.refused(OTHER, 'requestHomeVisit', visit())).toBe('HOME_VISIT_LIMIT');
  w.clock.advance(2 * 60_000);
  expect((await w.ok(OTHER, 'requestHomeVisit', visit())).state).toBe('requested');
});

test('another family member acting for the same person sees the visit and may confirm or cancel it; a stranger may not', async () => {
  const w = world();
  const asked = await w.ok(PARENT, 'requestHomeVisit', visit({ forMemberId: CHILD_RESIDENT }));
  const link = (await w.identities.familyLinks(PARENT))[0]!;
  // The other parent links the same child.
  await w.identities.saveFamilyLink({ ...link, _id: `${OTHER}:${CHILD_RESIDENT}`, actorOpenid: OTHER });
  expect((await w.ok(OTHER, 'myHomeVisits')).visits.map((v: { id: string }) => v.id)).toEqual([asked.id]);
  const third = CITIZENS[2];
  expect((await w.ok(third, 'myHomeVisits')).visits).toEqual([]);
  expect(await w.refused(third, 'cancelHomeVisit', { visitId: asked.id, expectedVersion: 1 })).toBe('HOME_VISIT_NOT_FOUND');
  expect((await w.ok(OTHER, 'cancelHomeVisit', { visitId: asked.id, expectedVersion: 1 })).state).toBe('cancelled');
  // The open limit counts the person visited, not who asked: the child has both places free again.
  await w.ok(PARENT, 'requestHomeVisit', visit({ forMemberId: CHILD_RESIDENT }));
  await w.ok(OTHER, 'requestHomeVisit', visit({ forMemberId: CHILD_RESIDENT }));
  expect(await w.refused(PARENT, 'requestHomeVisit', visit({ forMemberId: CHILD_RESIDENT }))).toBe('HOME_VISIT_LIMIT');
  // …and the parent asking for themselves is another person.
  expect((await w.ok(PARENT, 'requestHomeVisit', visit())).forFamilyMember).toBe(false);
});
