import { startHarness, type Harness } from '../support/localCloudHarness';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { functionCaller } from './support/functionCaller';
import { identityFlow } from './support/identityFlow';

/**
 * Issue 13, admins who manage officers; officers who must be verified, through the local cloud:
 * the caller's own openid on status, the admin's officer list, revoking a hall or all of them
 * (idempotent, audited, refused to officers and citizens, effective at once), withdrawing an open
 * invitation, and an officer who may act only once verified themselves.
 */
jest.setTimeout(180_000);

const LONGHUA = 'haikou-longhua';
const MEILAN = 'haikou-meilan';
const NEW_OFFICER = 'itest-officers-new';
// 赵强 (data/residents.json), whom no other test verifies.
const ZHAO_QIANG = { name: '赵强', idNumber: '440106200803031911', phone: '13900139011' };

let h: Harness;
let id: ReturnType<typeof identityFlow>;
let booking: ReturnType<typeof functionCaller>;

beforeAll(async () => {
  h = await startHarness();
  id = identityFlow(h);
  booking = functionCaller(h, 'booking');
});
afterAll(async () => {
  await h.close();
});

test('status tells each caller their own openid, from the function context only', async () => {
  expect((await id.ok('local-officer', 'status')).openid).toBe('local-officer');
  expect((await id.ok('local-citizen', 'status')).openid).toBe('local-citizen');
  // An openid in the payload is no way to read someone else's.
  expect((await id.call('local-citizen', 'status', { openid: 'local-officer' })).ok).toBe(false);
  expect((await id.call(undefined, 'status')).error.code).toBe('UNAUTHENTICATED');
});

test('the demo officer persona is verified and acts; the admin lists it, masked', async () => {
  expect(await id.ok('local-officer', 'status')).toMatchObject({ role: 'officer', verified: true, halls: [LONGHUA] });
  expect((await booking.call('local-officer', 'hallDay', { hallId: LONGHUA })).ok).toBe(true);
  const { officers } = await id.ok('local-admin', 'officers');
  expect(officers).toContainEqual(
    expect.objectContaining({
      openid: 'local-officer',
      role: 'officer',
      label: '吴**',
      verified: true,
      halls: [{ id: LONGHUA, name: expect.stringContaining('龙华') }],
      self: false,
    }),
  );
  expect(JSON.stringify(officers)).not.toContain('吴海燕');
});

test('an invited officer may not act until verified themselves; the admin sees who is not', async () => {
  const { code } = await id.ok('local-admin', 'createOfficerInvitation', { halls: [LONGHUA, MEILAN], validDays: 1 });
  // Accepting needs no verification …
  expect(await id.ok(NEW_OFFICER, 'acceptOfficerInvitation', { code })).toMatchObject({ role: 'officer', verified: false, halls: [LONGHUA, MEILAN] });
  // … acting does, wherever an officer acts.
  for (const [action, data] of [
    ['hallDay', { hallId: LONGHUA }],
    ['hallWeek', { hallId: MEILAN }],
    ['checkIn', { token: 'not-a-ticket-at-all' }],
  ] as const) {
    expect(await booking.error(NEW_OFFICER, action, data)).toEqual({ code: 'OFFICER_NOT_VERIFIED', message: '请先完成本人实名认证后再办理业务' });
  }
  expect((await functionCaller(h, 'reissue').error(NEW_OFFICER, 'reviewQueue', {})).code).toBe('OFFICER_NOT_VERIFIED');
  expect((await id.error(NEW_OFFICER, 'auditLog', { limit: 5 })).code).toBe('OFFICER_NOT_VERIFIED');
  const listed = (await id.ok('local-admin', 'officers')).officers.find((o: { openid: string }) => o.openid === NEW_OFFICER);
  expect(listed).toMatchObject({ verified: false, label: expect.stringContaining('未实名'), lastInvitedBy: expect.stringContaining('未实名') });
  expect(listed.halls.map((x: { id: string }) => x.id)).toEqual([LONGHUA, MEILAN]);

  // Verified (the whole journey: consent, SMS code, face, registry), the same officer acts.
  expect((await id.verify(NEW_OFFICER, ZHAO_QIANG)).ok).toBe(true);
  expect((await booking.call(NEW_OFFICER, 'hallDay', { hallId: MEILAN })).ok).toBe(true);
  expect((await id.ok('local-admin', 'officers')).officers.find((o: { openid: string }) => o.openid === NEW_OFFICER)).toMatchObject({ verified: true, label: '赵*' });
});

test('only an admin revokes; a revoked hall is refused at once; repeating changes nothing; the last hall makes a citizen again', async () => {
  for (const who of ['local-officer', 'local-citizen', NEW_OFFICER]) {
    expect((await id.error(who, 'revokeOfficer', { openid: NEW_OFFICER, hallId: MEILAN })).code).toBe('FORBIDDEN');
    expect((await id.error(who, 'officers')).code).toBe('FORBIDDEN');
  }
  const once = await id.ok('local-admin', 'revokeOfficer', { openid: NEW_OFFICER, hallId: MEILAN });
  expect(once).toMatchObject({
    changed: true,
    removed: [{ id: MEILAN, name: expect.stringContaining('美兰') }],
    role: 'officer',
    halls: [{ id: LONGHUA, name: expect.any(String) }],
  });
  expect((await booking.error(NEW_OFFICER, 'hallDay', { hallId: MEILAN })).code).toBe('FORBIDDEN');
  expect((await booking.call(NEW_OFFICER, 'hallDay', { hallId: LONGHUA })).ok).toBe(true);
  expect(await id.ok('local-admin', 'revokeOfficer', { openid: NEW_OFFICER, hallId: MEILAN })).toMatchObject({ changed: false, removed: [], role: 'officer' });

  expect(await id.ok('local-admin', 'revokeOfficer', { openid: NEW_OFFICER })).toMatchObject({ changed: true, removed: [{ id: LONGHUA }], role: 'citizen', halls: [] });
  expect((await booking.error(NEW_OFFICER, 'hallDay', { hallId: LONGHUA })).code).toBe('FORBIDDEN');
  expect(await id.ok(NEW_OFFICER, 'status')).toMatchObject({ role: 'citizen', halls: [], verified: true });
  expect(await id.ok('local-admin', 'revokeOfficer', { openid: NEW_OFFICER })).toMatchObject({ changed: false, removed: [], role: 'citizen' });
  expect(await id.ok('local-admin', 'revokeOfficer', { openid: 'itest-nobody-at-all' })).toEqual({ changed: false, removed: [], role: 'citizen', halls: [] });
  expect((await id.ok('local-admin', 'officers')).officers.map((o: { openid: string }) => o.openid)).not.toContain(NEW_OFFICER);

  // Audited: one record per hall revoked, read in Chinese with the person masked.
  const { entries } = await id.ok('local-admin', 'auditLog', { action: 'officer.revoke', limit: 10 });
  expect(entries).toHaveLength(2);
  expect(entries[0]).toMatchObject({ actionName: '撤销民警大厅权限', role: 'admin', hallId: LONGHUA, targetLabel: '对象：赵*' });
});

test("an admin's own halls can be revoked, never the admin role: the service keeps its admin", async () => {
  const { code } = await id.ok('local-admin', 'createOfficerInvitation', { halls: [MEILAN], validDays: 1 });
  expect(await id.ok('local-admin', 'acceptOfficerInvitation', { code })).toMatchObject({ role: 'admin', halls: [MEILAN] });
  expect((await id.ok('local-admin', 'officers')).officers).toContainEqual(expect.objectContaining({ openid: 'local-admin', role: 'admin', self: true, verified: false }));
  expect(await id.ok('local-admin', 'revokeOfficer', { openid: 'local-admin' })).toMatchObject({ changed: true, role: 'admin', halls: [] });
  expect(await id.ok('local-admin', 'status')).toMatchObject({ role: 'admin', halls: [] });
  expect((await id.ok('local-admin', 'officers')).officers.map((o: { openid: string }) => o.openid)).not.toContain('local-admin');
});

test('an open invitation is listed and can be withdrawn; then it cannot be accepted', async () => {
  const { code } = await id.ok('local-admin', 'createOfficerInvitation', { halls: [MEILAN], validDays: 3 });
  const { openInvitations } = await id.ok('local-admin', 'officers');
  expect(openInvitations).toHaveLength(1);
  expect(openInvitations[0]).toMatchObject({ halls: [{ id: MEILAN, name: expect.any(String) }], createdBy: expect.any(String) });
  expect(JSON.stringify(openInvitations)).not.toContain(code);
  expect((await id.error('local-officer', 'withdrawInvitation', { invitationId: openInvitations[0].id })).code).toBe('FORBIDDEN');
  expect(await id.ok('local-admin', 'withdrawInvitation', { invitationId: openInvitations[0].id })).toEqual({ withdrawn: true });
  expect(await id.ok('local-admin', 'withdrawInvitation', { invitationId: openInvitations[0].id })).toEqual({ withdrawn: false });
  expect((await id.error('itest-officers-late', 'acceptOfficerInvitation', { code })).code).toBe('INVITATION_INVALID');
  expect((await id.ok('local-admin', 'officers')).openInvitations).toEqual([]);
});

test('a local cloud kept from before (its officer persona unverified) gets the persona verified again when seeded, so `npm start` still acts', async () => {
  await localDatabase(h.cloud.url)
    .collection('accounts')
    .doc('local-officer')
    .update({ identity: localDatabase(h.cloud.url).command.remove() });
  expect((await booking.error('local-officer', 'hallDay', { hallId: LONGHUA })).code).toBe('OFFICER_NOT_VERIFIED');
  await seedLocalCloud(h.cloud.url);
  expect(await id.ok('local-officer', 'status')).toMatchObject({ verified: true, halls: [LONGHUA] });
  expect((await booking.call('local-officer', 'hallDay', { hallId: LONGHUA })).ok).toBe(true);
});
