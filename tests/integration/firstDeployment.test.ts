import { collections } from '../../config/collections';
import { fillRegistryStandIn } from '../../devcloud/seed/seedLocalCloud';
import { localDatabase } from '../../devcloud/localDatabase';
import { grantAdmin } from '../../scripts/admin/grantAdmin';
import { bootstrapDatabase } from '../../scripts/db/bootstrap';
import { localCloudAdmin } from '../../scripts/db/emulatorAdmin';
import { seedContent } from '../../scripts/seed';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, bookingFlow, requestId } from './support/bookingFlow';
import { identityFlow } from './support/identityFlow';
import { reissueFlow } from './support/reissueFlow';
import { runScript } from './support/runScript';

/**
 * Issue 13: the first day of a deployment, rehearsed from nothing. An empty cloud (no collection,
 * no content, no persona) is bootstrapped and seeded as ops would (docs/DEPLOY.md "First day"), the
 * first admin is granted with the ops command, and from there everything happens through the
 * functions' public interface as the mini-program calls them: the admin invites an officer, the
 * officer and a citizen verify their real names against the population registry's stand-in (its
 * own HTTP listener, reached with the production adapter's signed requests), the citizen books and
 * is checked in, applies for a reissue by mail, pays (settled by WeChat Pay's notification on the
 * HTTP access path, no order query), and the officer reviews and ships it.
 */
jest.setTimeout(240_000);

/** Openids as WeChat issues them (28 characters), so the grant's production check applies. */
const wxOpenid = (label: string) => `o${label}`.padEnd(28, '0');
const ADMIN = wxOpenid('FirstAdmin');
const SECOND_ADMIN = wxOpenid('SecondAdmin');
const OFFICER = wxOpenid('FirstOfficer');
const CITIZEN = wxOpenid('FirstCitizen');
// People the population registry knows (data/residents.json, the registry stand-in).
const OFFICER_PERSON = { name: '陈晓燕', idNumber: '460108199012052864', phone: '13911110005' };
const CITIZEN_PERSON = { name: '王建国', idNumber: '460106198503141311', phone: '13911110001' };
const HALL = 'haikou-longhua';
const BUSINESS = 'id-card-renewal';
// Monday 2026-03-02 08:30 in Shanghai: the first day; the citizen books the next morning.
const NOW = at('2026-03-02', '08:30');
const DAY = '2026-03-03';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ empty: true });
  h.setNow(NOW);
});
afterAll(async () => {
  await h?.close();
});

test('an empty cloud: bootstrap, seed content, grant the first admin, and a working service from there', async () => {
  const db = localDatabase(h.cloud.url);
  const idFlow = identityFlow(h);
  const b = bookingFlow(h);
  const r = reissueFlow(h);

  // 0. Nothing yet: no collection, so no function can read or write anything.
  expect(h.cloud.database.admin.listCollections()).toEqual([]);
  await expect(seedContent(db)).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  expect((await b.call(undefined, 'bookingOptions', { business: BUSINESS })).ok).toBe(false);
  const tooEarly = await runScript('grant-admin.ts', ['--url', h.cloud.url, '--openid', ADMIN]);
  expect(tooEarly.code).toBe(1);
  expect(tooEarly.stderr).toContain('(run npm run db:bootstrap for this environment first)');

  // 1. npm run db:bootstrap, as ops runs it (a child process; the local cloud by URL): every
  //    declared collection, index and rule is created; a second run, here in-process, has nothing to do.
  const boot = await runScript('db-bootstrap.ts', ['--url', h.cloud.url]);
  expect(boot.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(boot.code).toBe(0);
  for (const c of collections) expect(boot.stdout).toContain(`done: create collection ${c.name}\n`);
  expect(boot.stdout).toContain(`database of the local cloud at ${h.cloud.url} matches the declaration`);
  expect(h.cloud.database.admin.listCollections().sort()).toEqual(collections.map((c) => c.name).sort());
  for (const c of collections) expect(h.cloud.database.admin.describeCollection(c.name)).toEqual({ name: c.name, indexes: c.indexes, rules: c.rules });
  const again = await bootstrapDatabase(localCloudAdmin(h.cloud.url), collections, { dryRun: false, log: () => {}, header: 'again' });
  expect(again).toMatchObject({ operations: [], warnings: [] });
  const garbage = await fetch(`${h.cloud.url}/local/database-admin`, { method: 'POST', body: '{"action":"dropCollection","collection":"accounts"}' });
  expect(garbage.status).toBe(400);

  // 2. npm run seed (a child process too): content only (guides, halls, schedules), no account, no demo data.
  const seeded = await runScript('seed.ts', ['--url', h.cloud.url]);
  expect(seeded.code).toBe(0);
  for (const name of ['guide_categories', 'guides', 'halls', 'search_lexicon', 'hall_schedules']) expect(seeded.stdout).toMatch(new RegExp(`^${name}: [1-9]\\d* written`, 'm'));
  // The production seed is repeatable: in-process, the same function writes the same documents again.
  const reports = await seedContent(db);
  expect(reports.every((x) => x.stale.length === 0)).toBe(true);
  expect((await db.collection('accounts').count()).total).toBe(0);
  // The outside world: the population registry knows its residents before the service exists.
  await fillRegistryStandIn(h.cloud.url);
  const options = await b.ok(undefined, 'bookingOptions', { business: BUSINESS });
  expect(options.halls.map((x: { id: string }) => x.id)).toContain(HALL);

  // Nobody can administer yet.
  expect((await idFlow.error(ADMIN, 'createOfficerInvitation', { halls: [HALL], validDays: 7 })).code).toBe('FORBIDDEN');

  // 3. npm run admin:grant: a dry run changes nothing; the grant makes the first admin, once.
  const dry = await grantAdmin(db, ADMIN, { now: NOW, operator: 'rehearsal', dryRun: true });
  expect(dry).toMatchObject({ outcome: 'created', dryRun: true });
  expect((await idFlow.error(ADMIN, 'createOfficerInvitation', { halls: [HALL], validDays: 7 })).code).toBe('FORBIDDEN');
  expect((await grantAdmin(db, ADMIN, { now: NOW, operator: 'rehearsal' })).outcome).toBe('created');
  expect((await grantAdmin(db, ADMIN, { now: NOW, operator: 'rehearsal' })).outcome).toBe('alreadyAdmin');
  expect(await idFlow.ok(ADMIN, 'status')).toMatchObject({ role: 'admin', verified: false });

  // The command itself, as ops runs it (a child process, the local cloud by URL): a second admin.
  const refused = await runScript('grant-admin.ts', ['--url', h.cloud.url, '--openid', 'not an openid']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('is not a WeChat openid');
  const cli = await runScript('grant-admin.ts', ['--url', h.cloud.url, '--openid', SECOND_ADMIN, '--by', 'ops-rehearsal']);
  expect(cli.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toContain(`created the account ${SECOND_ADMIN} as an admin in the local cloud at ${h.cloud.url}`);
  const cliAgain = await runScript('grant-admin.ts', ['--url', h.cloud.url, '--openid', SECOND_ADMIN]);
  expect(cliAgain.stdout).toContain('is already an admin');
  expect(await idFlow.ok(SECOND_ADMIN, 'status')).toMatchObject({ role: 'admin' });
  // Both grants are in the audit log the admins read, by name.
  const grants = await idFlow.ok(ADMIN, 'auditLog', { action: 'admin.grant' });
  expect(grants.entries.map((e: { target: string; actionName: string; actorLabel: string }) => [e.target, e.actionName, e.actorLabel]).sort()).toEqual([
    [ADMIN, '授予管理员身份', '管理员 （运维命令，操作人 rehearsal）'],
    [SECOND_ADMIN, '授予管理员身份', '管理员 （运维命令，操作人 ops-rehearsal）'],
  ]);

  // 4. The admin invites an officer; the officer verifies their real name and accepts.
  const invitation = await idFlow.ok(ADMIN, 'createOfficerInvitation', { halls: [HALL], validDays: 7 });
  const registryCalls = h.cloud.registry.served;
  const officerBound = await idFlow.verify(OFFICER, OFFICER_PERSON);
  expect(officerBound.ok).toBe(true);
  // The registry was asked over HTTP (the stand-in counts the signed requests it served).
  expect(h.cloud.registry.served).toBeGreaterThan(registryCalls);
  expect(await idFlow.ok(OFFICER, 'acceptOfficerInvitation', { code: invitation.code })).toMatchObject({ role: 'officer', verified: true });

  // 5. A citizen verifies and books a morning slot at the officer's hall.
  expect((await idFlow.verify(CITIZEN, CITIZEN_PERSON)).ok).toBe(true);
  const day = await b.ok(undefined, 'availability', { hallId: HALL, business: BUSINESS, date: DAY });
  const open = day.slots.find((s: { state: string; start: string }) => s.state === 'open' && s.start >= '09:00');
  expect(open).toBeDefined();
  const booked = await b.ok(CITIZEN, 'reserve', { hallId: HALL, business: BUSINESS, slotId: open.slotId, requestId: requestId() });
  expect(booked).toMatchObject({ status: 'booked', date: DAY, start: open.start, subjectNameMasked: '王**' });

  // 6. On the day, shortly before the slot, the officer checks the citizen in by the QR ticket.
  const [hh, mm] = open.start.split(':').map(Number);
  h.setNow(new Date(at(DAY, open.start).getTime() - 10 * 60_000));
  expect(hh * 60 + mm).toBeGreaterThanOrEqual(9 * 60);
  const { token } = await b.ok(CITIZEN, 'ticket', { appointmentId: booked.id });
  const checkedIn = await b.ok(OFFICER, 'checkIn', { token });
  expect(checkedIn).toMatchObject({ queueNumber: 1, appointment: { status: 'checkedIn', subjectNameMasked: '王**' } });

  // 7. The citizen applies for a reissue delivered by mail and pays; WeChat Pay's notification
  //    (payNotify on the HTTP access path) settles it, with no order query.
  const { paid, orderId, queries } = await r.paidByNotification(CITIZEN);
  expect(queries).toBe(0);
  expect(h.cloud.payment.notifier.sent).toContainEqual({ event: 'TRANSACTION.SUCCESS', orderId, status: 204 });
  expect(paid).toMatchObject({ state: 'paid', paymentStatus: 'paid', delivery: { kind: 'mail' } });
  expect(paid.hallId).toBe(HALL);

  // 8. The officer reviews, approves, produces and ships it with a tracking number.
  const queue = await r.ok(OFFICER, 'reviewQueue', {});
  expect(queue.applications.map((a: { id: string }) => a.id)).toContain(paid.id);
  const reviewing = await r.ok(OFFICER, 'startReview', { applicationId: paid.id });
  await r.ok(OFFICER, 'approve', { applicationId: paid.id, expectedVersion: reviewing.version });
  await r.ok(OFFICER, 'startProduction', { applicationId: paid.id });
  const shipped = await r.ok(OFFICER, 'ship', { applicationId: paid.id, courier: 'ems', trackingNumber: 'EMS2026030300CN' });
  expect(shipped).toMatchObject({ state: 'shipped', shipment: { courier: 'ems', trackingNumber: 'EMS2026030300CN' } });
  const seen = await r.ok(CITIZEN, 'application', { applicationId: paid.id });
  expect(seen).toMatchObject({ state: 'shipped', shipment: { trackingNumber: 'EMS2026030300CN' } });

  // Every officer act of the day is in the log the first admin reads.
  const acts = (await idFlow.ok(ADMIN, 'auditLog', { limit: 100 })).entries.map((e: { action: string }) => e.action);
  expect(acts).toEqual(expect.arrayContaining(['admin.grant', 'officer.invite', 'officer.bind', 'appointment.checkIn', 'reissue.approve', 'reissue.ship']));
});
