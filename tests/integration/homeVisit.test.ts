/**
 * Door-to-door service (issue 17) through the local cloud (booking function): a citizen asks for a
 * home visit for their mother, whom they act for; the hall's lead sees it with the street and
 * phone, assigns officers and a time (the citizen is told by subscribe message), the citizen
 * confirms, the lead moves it, the citizen confirms again, an officer of the hall marks it done.
 * Another hall's lead, an officer who does not lead, another citizen and a stale version are
 * refused; of two leads acting on one version only one wins; street and phone are stored encrypted.
 */
import { devEnvironment } from '../../devcloud/devEnvironment';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { verifyOfficer } from '../support/verifiedOfficer';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';
import { identityFlow } from './support/identityFlow';

jest.setTimeout(180_000);

let h: Harness;
const HALL = 'haikou-longhua';
const OTHER_HALL = 'haikou-meilan';
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const LEAD = 'itest-hv-lead';
const OTHER_LEAD = 'itest-hv-lead-b';
/** 张桂兰, 王建国's mother (demo resident), added as the family member he acts for. */
const MOTHER = 'resident-004';

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
  await identityFlow(h).ok(CITIZEN, 'addFamilyMember', { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' });
});
afterAll(async () => {
  await h.close();
});

const booking = () => functionCaller(h, 'booking');
const request = (extra: Record<string, unknown> = {}) => {
  const r: Record<string, unknown> = {
    hallId: HALL,
    business: 'household-certificate',
    reason: 'elderly',
    detail: '龙华路18号3栋502',
    phone: '13800138000',
    forMemberId: MOTHER,
    requestId: requestId(),
    ...extra,
  };
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  return r;
};
const window = (date: string, from = '09:00', to = '11:00') => ({ date, from, to });

test('the journey for a family member, with the refusals', async () => {
  const b = booking();
  const [stranger] = await seedVerifiedCitizens(h.cloud.url, 'itest-hv', 1);
  const asked = await b.ok(CITIZEN, 'requestHomeVisit', request());
  expect(asked).toMatchObject({ state: 'requested', version: 1, forFamilyMember: true, subjectNameMasked: '张**', phone: '138****8000', actions: ['cancel'] });
  // Street and phone are stored encrypted.
  const stored = (await localDatabase(h.cloud.url).collection('home_visits').doc(asked.id).get()).data?.[0];
  expect(JSON.stringify(stored)).not.toMatch(/13800138000|龙华路18号/);

  // Nobody else sees it or acts on it.
  expect((await b.error(stranger, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 1 })).code).toBe('HOME_VISIT_NOT_FOUND');
  expect((await b.error(stranger, 'cancelHomeVisit', { visitId: asked.id, expectedVersion: 1 })).code).toBe('HOME_VISIT_NOT_FOUND');
  expect((await b.ok(stranger, 'myHomeVisits')).visits).toEqual([]);
  expect((await b.error(OTHER_LEAD, 'hallHomeVisits', { hallId: HALL })).code).toBe('FORBIDDEN');
  const assign = { visitId: asked.id, expectedVersion: 1, officers: ['张警官', '李警官'], window: window('2026-12-04') };
  expect((await b.error(OTHER_LEAD, 'assignHomeVisit', assign)).code).toBe('FORBIDDEN');
  expect((await b.error(OFFICER, 'assignHomeVisit', assign)).code).toBe('FORBIDDEN');
  expect((await b.error(stranger, 'assignHomeVisit', assign)).code).toBe('FORBIDDEN');

  // The hall sees the name, street and phone in full, and assigns; the citizen is told.
  const list = await b.ok(LEAD, 'hallHomeVisits', { hallId: HALL });
  expect(list.visits).toEqual([
    expect.objectContaining({
      id: asked.id,
      subjectName: '张桂兰',
      phone: '13800138000',
      address: expect.stringContaining('龙华路18号3栋502'),
      actions: ['assign', 'refuse'],
    }),
  ]);
  // An officer of the hall who does not lead it is offered no step on it.
  expect((await b.ok(OFFICER, 'hallHomeVisits', { hallId: HALL })).visits[0]).toMatchObject({ id: asked.id, actions: [] });
  const sentBefore = h.cloud.notifications.length;
  const assigned = await b.ok(LEAD, 'assignHomeVisit', assign);
  expect(assigned).toMatchObject({ state: 'assigned', version: 2, notified: true, officers: ['张警官', '李警官'] });
  const told = h.cloud.notifications.slice(sentBefore);
  expect(told).toEqual([expect.objectContaining({ openid: CITIZEN, templateId: devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID })]);
  expect(told[0]!.data.phrase2?.value).toBe('已安排上门');
  expect(told[0]!.data.time3?.value).toBe('2026年12月4日 09:00');
  // WeChat takes at most 20 characters in a thing field.
  expect(Array.from(told[0]!.data.thing4?.value ?? '').length).toBeLessThanOrEqual(20);
  // A stale version is refused, and changes nothing.
  expect((await b.error(LEAD, 'assignHomeVisit', assign)).code).toBe('HOME_VISIT_VERSION_CONFLICT');
  expect((await b.error(CITIZEN, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 1 })).code).toBe('HOME_VISIT_VERSION_CONFLICT');

  // The citizen confirms; of two moves on one version only one is written.
  expect((await b.ok(CITIZEN, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 2, requestId: requestId() })).state).toBe('confirmed');
  const moves = await Promise.all(
    ['2026-12-05', '2026-12-06'].map((date) =>
      h.call('booking', { action: 'rescheduleHomeVisit', data: { visitId: asked.id, expectedVersion: 3, window: window(date, '14:00', '16:00') } }, LEAD),
    ),
  );
  expect(moves.map((m) => (m.body.ok ? 'OK' : m.body.error.code)).sort()).toEqual(['HOME_VISIT_VERSION_CONFLICT', 'OK']);
  const moved = (await b.ok(CITIZEN, 'myHomeVisits')).visits.find((v: { id: string }) => v.id === asked.id);
  expect(moved).toMatchObject({ state: 'assigned', version: 4, stateName: '待确认', actions: ['confirm', 'cancel'] });
  expect(moved.window.from).toBe('14:00');
  await b.ok(CITIZEN, 'confirmHomeVisit', { visitId: asked.id, expectedVersion: 4 });
  // Not before the arranged day: the visit has not happened.
  expect((await b.error(OFFICER, 'completeHomeVisit', { visitId: asked.id, expectedVersion: 5 })).code).toBe('HOME_VISIT_INVALID');
  // The arranged day, after the window: any officer of the hall marks it done (the ones who went); another hall's lead does not.
  h.setNow(at(moved.window.date, '17:00'));
  expect((await b.ok(OFFICER, 'hallHomeVisits', { hallId: HALL })).visits.find((v: { id: string }) => v.id === asked.id)).toMatchObject({ overdue: true, actions: ['complete'] });
  expect((await b.error(OTHER_LEAD, 'completeHomeVisit', { visitId: asked.id, expectedVersion: 5 })).code).toBe('FORBIDDEN');
  const done = await b.ok(OFFICER, 'completeHomeVisit', { visitId: asked.id, expectedVersion: 5 });
  h.setNow(at('2026-12-02', '10:00'));
  expect(done).toMatchObject({ state: 'done', version: 6, actions: [] });
  expect((await b.error(CITIZEN, 'cancelHomeVisit', { visitId: asked.id, expectedVersion: 6 })).code).toBe('HOME_VISIT_STATE_CONFLICT');
  expect((await b.ok(CITIZEN, 'myHomeVisits')).visits[0].history.map((s: { stateName: string }) => s.stateName)).toEqual([
    '待安排',
    '待确认',
    '已确认',
    '待确认',
    '已确认',
    '已上门办理',
  ]);
});

test('refused with a reason, cancelled by the citizen, at most two open per person, a retried request is one', async () => {
  const b = booking();
  const again = request({ reason: 'bedridden' });
  const first = await b.ok(CITIZEN, 'requestHomeVisit', again);
  expect(await b.ok(CITIZEN, 'requestHomeVisit', again)).toEqual(first);
  const second = await b.ok(CITIZEN, 'requestHomeVisit', request());
  expect((await b.error(CITIZEN, 'requestHomeVisit', request())).code).toBe('HOME_VISIT_LIMIT');
  // For himself it is another person: allowed.
  expect((await b.ok(CITIZEN, 'requestHomeVisit', request({ forMemberId: undefined }))).forFamilyMember).toBe(false);
  const sentBefore = h.cloud.notifications.length;
  const refused = await b.ok(LEAD, 'refuseHomeVisit', { visitId: first.id, expectedVersion: 1, reason: '该事项须本人到大厅采集指纹' });
  expect(refused).toMatchObject({ state: 'refused', refusalReason: '该事项须本人到大厅采集指纹', notified: true });
  // The citizen is told of the refusal, with its reason.
  const told = h.cloud.notifications.slice(sentBefore);
  expect(told).toEqual([expect.objectContaining({ openid: CITIZEN, templateId: devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID })]);
  expect(told[0]!.data.phrase2?.value).toBe('未予受理');
  expect(told[0]!.data.thing4?.value).toBe('该事项须本人到大厅采集指纹');
  expect((await b.ok(CITIZEN, 'cancelHomeVisit', { visitId: second.id, expectedVersion: 1 })).state).toBe('cancelled');
  expect((await b.ok(CITIZEN, 'requestHomeVisit', request())).state).toBe('requested');
  expect((await b.error(CITIZEN, 'requestHomeVisit', request({ business: 'no-such-business' }))).code).toBe('HOME_VISIT_BUSINESS_NOT_OFFERED');
  expect((await b.error(CITIZEN, 'requestHomeVisit', request({ reason: 'busy' }))).code).toBe('INVALID_INPUT');
});

test('five requests at once for one person through the emulator: two places, three refused', async () => {
  const [person] = await seedVerifiedCitizens(h.cloud.url, 'itest-hv-burst', 1);
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      h.call('booking', { action: 'requestHomeVisit', data: (({ requestId: _, ...data }) => data)(request({ forMemberId: undefined })), requestId: requestId() }, person),
    ),
  );
  expect(answers.map((a) => (a.body.ok ? 'OK' : a.body.error.code)).sort()).toEqual(['HOME_VISIT_LIMIT', 'HOME_VISIT_LIMIT', 'HOME_VISIT_LIMIT', 'OK', 'OK']);
  const places = await localDatabase(h.cloud.url).collection('home_visit_places').where({}).get();
  expect((places.data ?? []).filter((p: { visitId: string }) => answers.some((a) => a.body.ok && a.body.data.id === p.visitId))).toHaveLength(2);
  // A cancel gives its place back.
  const one = answers.find((a) => a.body.ok)!.body.data;
  await booking().ok(person, 'cancelHomeVisit', { visitId: one.id, expectedVersion: 1 });
  expect((await booking().ok(person, 'requestHomeVisit', request({ forMemberId: undefined }))).state).toBe('requested');
});
