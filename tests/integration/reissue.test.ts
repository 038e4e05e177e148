import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { reissueActions } from '../../core/reissue/reissueActions';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { identityFlow } from './support/identityFlow';
import { at, requestId } from './support/bookingFlow';
import { HAIKOU_ADDRESS, reissueFlow } from './support/reissueFlow';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(90_000);

let h: Harness;
let r: ReturnType<typeof reissueFlow>;
const CITIZEN = 'local-citizen';
// Monday 2026-03-02, 10:00 in Shanghai: 王建国's card (issued 2021-06-10) is within Haikou's 5 years.
const NOW = at('2026-03-02', '10:00');
let officer = 'local-officer';

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  r = reissueFlow(h);
});
afterAll(async () => {
  await h.close();
});

/** The officer of the application's hall: local-officer at haikou-longhua, or a new one invited by the admin. */
async function officerOf(hallId: string): Promise<string> {
  if (hallId === 'haikou-longhua') return 'local-officer';
  const openid = `itest-reissue-officer-${hallId}`;
  await inviteOfficer(h, openid, [hallId]);
  return openid;
}

test('eligibility: 王建国 may apply online (fee preview); his son 王小明 (10) gets every reason', async () => {
  const self = await r.ok(CITIZEN, 'eligibility', { reason: 'lost' });
  expect(reissueActions.eligibility.output.parse(self)).toEqual(self);
  expect(self).toMatchObject({ eligible: true, reasons: [], subjectNameMasked: '王**', forFamilyMember: false, hall: { id: expect.any(String) } });
  expect(self.fee.total).toBe('55.00');
  const byHall = await r.ok(CITIZEN, 'eligibility', { reason: 'lost', delivery: { kind: 'hall' } });
  expect(byHall.fee.total).toBe('40.00');
  const first = await r.ok(CITIZEN, 'eligibility', { reason: 'first' });
  expect(first.reasons.map((x: { code: string }) => x.code)).toContain('REASON_NEEDS_HALL');

  await identityFlow(h).ok(CITIZEN, 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  const child = await r.ok(CITIZEN, 'eligibility', { forMemberId: 'resident-003', reason: 'lost' });
  expect(child.eligible).toBe(false);
  expect(child.forFamilyMember).toBe(true);
  expect(child.reasons.map((x: { code: string }) => x.code).sort()).toEqual(['NO_CARD_ON_FILE', 'NO_FINGERPRINTS', 'UNDER_MIN_AGE']);
  expect(child.reasons.every((x: { message: string; next: string }) => x.message.length > 5 && x.next === 'bookHall')).toBe(true);
  const refused = await r.applyByMail(CITIZEN, { forMemberId: 'resident-003' });
  expect(refused.error.code).toBe('REISSUE_NOT_ELIGIBLE');
  expect((await r.error('local-visitor', 'eligibility', {})).code).toBe('NOT_VERIFIED');
});

test('the whole journey: apply by mail (twice the same request → one), pay (fail, then timeout and a late success), review, approve, produce, ship, delivered', async () => {
  const rid = requestId();
  const first = await r.applyByMail(CITIZEN, { requestId: rid });
  expect(first.ok).toBe(true);
  const again = await r.applyByMail(CITIZEN, { requestId: rid });
  expect(again.data.id).toBe(first.data.id);
  const app = first.data;
  expect(reissueActions.apply.output.parse(app)).toEqual(app);
  expect(app).toMatchObject({ state: 'submitted', paymentStatus: 'unpaid', delivery: { kind: 'mail', place: '海南省海口市美兰区' }, fees: { total: '55.00' } });
  expect(app.deadlines).toMatchObject({ legalDue: expect.stringMatching(/^2026-05-0\d$/), promisedDue: expect.any(String), status: 'onTime' });
  expect((await r.ok(CITIZEN, 'myApplications')).applications.filter((a: { id: string }) => a.id === app.id)).toHaveLength(1);
  // A second application while this one is open is refused.
  expect((await r.applyByMail(CITIZEN)).error.code).toBe('REISSUE_ALREADY_OPEN');
  // The lost card was invalidated at once.
  expect((await r.ok(CITIZEN, 'reportLoss', {})).alreadyReported).toBe(true);
  officer = await officerOf(app.hallId);
  expect((await r.error('local-citizen', 'application', { applicationId: 'no-such-application' })).code).toBe('REISSUE_NOT_FOUND');

  // Payment fails: the order is closed, payment can be retried with a new order.
  const attempt1 = await r.ok(CITIZEN, 'pay', { applicationId: app.id });
  expect(attempt1.paymentParams.package).toMatch(/^prepay_id=/);
  expect(attempt1.amount).toBe('55.00');
  await r.payInWeChat(attempt1.orderId, 'fail');
  const failed = await r.ok(CITIZEN, 'confirmPayment', { applicationId: app.id, reported: 'fail' });
  expect(failed).toMatchObject({ state: 'submitted', paymentStatus: 'failed' });

  // Timeout: stays pending; the late success is found by a later confirm.
  const attempt2 = await r.ok(CITIZEN, 'pay', { applicationId: app.id });
  expect(attempt2.orderId).not.toBe(attempt1.orderId);
  expect((await r.payInWeChat(attempt2.orderId, 'timeout')).body.errMsg).toMatch(/timeout/);
  const pending = await r.ok(CITIZEN, 'confirmPayment', { applicationId: app.id, reported: 'timeout' });
  expect(pending).toMatchObject({ state: 'submitted', paymentStatus: 'pending' });
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  const paid = await r.ok(CITIZEN, 'confirmPayment', { applicationId: app.id });
  expect(paid).toMatchObject({ state: 'paid', paymentStatus: 'paid' });

  // Address changes: refused when the postage zone (fee) changes, accepted within the same city.
  expect(
    (await r.error(CITIZEN, 'changeAddress', { applicationId: app.id, address: { ...HAIKOU_ADDRESS, provinceCode: '440000', cityCode: '440300', districtCode: '440304' } })).code,
  ).toBe('REISSUE_FEE_CHANGED');
  expect((await r.error(CITIZEN, 'changeAddress', { applicationId: app.id, address: { ...HAIKOU_ADDRESS, districtCode: '440304' } })).code).toBe('REISSUE_ADDRESS_INVALID');
  const moved = await r.ok(CITIZEN, 'changeAddress', { applicationId: app.id, address: { ...HAIKOU_ADDRESS, districtCode: '460105' } });
  expect(moved.delivery.place).toBe('海南省海口市秀英区');

  // The officer's queue: oldest first, with deadlines.
  const queue = await r.ok(officer, 'reviewQueue', {});
  expect(queue.applications.find((a: { id: string }) => a.id === app.id)).toMatchObject({ state: 'paid', subjectNameMasked: '王**', overdue: false });
  expect((await r.error(CITIZEN, 'reviewQueue', {})).code).toBe('FORBIDDEN');
  expect((await r.error(CITIZEN, 'approve', { applicationId: app.id })).code).toBe('FORBIDDEN');
  const other = await officerOf('shenzhen-futian');
  expect((await r.error(other, 'startReview', { applicationId: app.id })).code).toBe('FORBIDDEN');

  const reviewing = await r.ok(officer, 'startReview', { applicationId: app.id });
  expect((await r.error(officer, 'approve', { applicationId: app.id, expectedVersion: reviewing.version - 1 })).code).toBe('REISSUE_VERSION_CONFLICT');
  await r.ok(officer, 'approve', { applicationId: app.id, expectedVersion: reviewing.version });
  // Cancelling after approval is refused.
  expect((await r.error(CITIZEN, 'cancel', { applicationId: app.id })).code).toBe('REISSUE_STATE_CONFLICT');
  await r.ok(officer, 'startProduction', { applicationId: app.id });
  const shipped = await r.ok(officer, 'ship', { applicationId: app.id, courier: 'ems', trackingNumber: 'EMS1234567890CN' });
  expect(shipped).toMatchObject({ state: 'shipped', shipment: { courier: 'ems', trackingNumber: 'EMS1234567890CN' } });
  expect((await r.error(CITIZEN, 'changeAddress', { applicationId: app.id, address: HAIKOU_ADDRESS })).code).toBe('REISSUE_STATE_CONFLICT');

  // Still in transit: the poll changes nothing; then the courier delivers and the poll records it.
  expect((await r.timer('pollShipments')).data).toMatchObject({ checked: 1, delivered: 0 });
  expect((await r.courierAdvance('EMS1234567890CN')).status).toBe(200);
  expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 1 });
  expect((await r.call(CITIZEN, 'pollShipments', {})).error.code).toBe('UNKNOWN_ACTION');

  const seen = await r.ok(CITIZEN, 'application', { applicationId: app.id });
  expect(seen).toMatchObject({ state: 'delivered', stateName: '已签收', shipment: { trackingNumber: 'EMS1234567890CN' }, deadlines: { status: 'met' } });
  expect(seen.timeline.map((t: { event: string }) => t.event)).toEqual([
    'create',
    'submit',
    'startPayment',
    'paymentFailed',
    'startPayment',
    'paymentSucceeded',
    'changeAddress',
    'startReview',
    'approve',
    'startProduction',
    'ship',
    'deliver',
  ]);
  expect(seen.timeline.at(-1)).toMatchObject({ state: 'delivered', byName: '快递' });
  expect(seen.timeline.every((t: { atText: string }) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(t.atText))).toBe(true);
  const audit = await identityFlow(h)
    .ok('local-admin', 'auditLog', { limit: 50 })
    .catch(() => undefined);
  if (audit) expect(JSON.stringify(audit)).toMatch(/reissue\.ship/);
});

test('concurrent approve and cancel on one application: exactly one wins, never a mix', async () => {
  const paid = await r.paidApplication(CITIZEN);
  const reviewing = await r.ok(officer, 'startReview', { applicationId: paid.id });
  const [approve, cancel] = await Promise.all([
    r.call(officer, 'approve', { applicationId: paid.id, expectedVersion: reviewing.version }),
    r.call(CITIZEN, 'cancel', { applicationId: paid.id, expectedVersion: reviewing.version, requestId: requestId() }),
  ]);
  expect([approve.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
  const loser = approve.ok ? cancel : approve;
  expect(['REISSUE_VERSION_CONFLICT', 'REISSUE_STATE_CONFLICT']).toContain(loser.error.code);
  const final = await r.ok(CITIZEN, 'application', { applicationId: paid.id });
  expect(final.version).toBe(reviewing.version + (approve.ok ? 1 : 2));
  if (approve.ok) {
    expect(final).toMatchObject({ state: 'approved', paymentStatus: 'paid' });
    // Finish it so the citizen may apply again.
    await r.ok(officer, 'startProduction', { applicationId: paid.id });
    await r.ok(officer, 'ship', { applicationId: paid.id, courier: 'sf', trackingNumber: 'SF100200300400' });
    await r.ok(officer, 'markDelivered', { applicationId: paid.id });
  } else {
    expect(final).toMatchObject({ state: 'cancelled', paymentStatus: 'refunded' });
  }
});

test('cancel before approval refunds; reject shows the reason and refunds', async () => {
  const paid = await r.paidApplication(CITIZEN);
  const cancelled = await r.ok(CITIZEN, 'cancel', { applicationId: paid.id, requestId: requestId() });
  expect(cancelled).toMatchObject({ state: 'cancelled', paymentStatus: 'refunded' });
  const second = await r.paidApplication(CITIZEN);
  await r.ok(officer, 'startReview', { applicationId: second.id });
  const rejected = await r.ok(officer, 'reject', { applicationId: second.id, reason: '存档照片不清晰，请到大厅重新采集' });
  expect(rejected).toMatchObject({ state: 'rejected', rejectionReason: '存档照片不清晰，请到大厅重新采集', paymentStatus: 'refunded' });
  const mine = await r.ok(CITIZEN, 'myApplications');
  expect(mine.applications.find((a: { id: string }) => a.id === second.id).rejectionReason).toBe('存档照片不清晰，请到大厅重新采集');
});

test('applications submitted at the same moment: exactly one is created, the others are told one is open', async () => {
  const results = await Promise.all(Array.from({ length: 6 }, () => r.applyByMail(CITIZEN)));
  const created = results.filter((x) => x.ok);
  expect(created).toHaveLength(1);
  expect(results.filter((x) => !x.ok).every((x) => x.error.code === 'REISSUE_ALREADY_OPEN')).toBe(true);
  // Once it ends, the person may apply again.
  await r.ok(CITIZEN, 'cancel', { applicationId: created[0].data.id, requestId: requestId() });
  const again = await r.applyByMail(CITIZEN);
  expect(again.ok).toBe(true);
  await r.ok(CITIZEN, 'cancel', { applicationId: again.data.id, requestId: requestId() });
});

test('a returned card can be re-shipped or held at the hall and collected', async () => {
  const paid = await r.paidApplication(CITIZEN);
  for (const step of ['startReview', 'approve', 'startProduction']) await r.ok(officer, step, { applicationId: paid.id });
  await r.ok(officer, 'ship', { applicationId: paid.id, courier: 'ems', trackingNumber: 'EMS9990001112CN' });
  await r.courierAdvance('EMS9990001112CN', 'returned');
  expect((await r.timer('pollShipments')).data).toMatchObject({ returned: 1 });
  const back = await r.ok(officer, 'application', { applicationId: paid.id });
  expect(back.state).toBe('returned');
  const held = await r.ok(officer, 'holdAtHall', { applicationId: paid.id, hallId: back.hallId });
  expect(held.state).toBe('heldAtHall');
  expect((await r.ok(officer, 'collect', { applicationId: paid.id })).state).toBe('collected');
});

test('no response and no log line carries an unmasked ID or phone number', () => {
  expect(h.responses.length).toBeGreaterThan(20);
  const leaks = [...h.responses, ...h.logs].flatMap((text) => containsUnmaskedIdOrPhone(text));
  expect(leaks).toEqual([]);
  expect(h.responses.join('\n')).not.toContain(HAIKOU_ADDRESS.phone);
  expect(h.responses.join('\n')).not.toContain(HAIKOU_ADDRESS.detail);
});

/** Every stored document of the collections the service writes about people (the registry stand-in aside). */
async function stored(collection: string): Promise<Array<Record<string, unknown>>> {
  return (await h.cloud.database.direct.get(collection, { nedbQuery: {}, order: [], offset: 0, limit: 10_000, projection: undefined })) as Array<Record<string, unknown>>;
}
const PEOPLE_COLLECTIONS = ['reissue_applications', 'reissue_requests', 'reissue_claims', 'accounts', 'verifications', 'family_links', 'identity_bindings'];
/** 王建国 (resident-001) was born on 1985-03-14. */
const CLEAR = [HAIKOU_ADDRESS.detail, '海府路', '301室', HAIKOU_ADDRESS.phone, HAIKOU_ADDRESS.recipient, '1985-03-14', '19850314'];

test('at rest: no street, room, recipient, phone or birth date in clear; records older versions stored plain are sealed', async () => {
  const apps = await stored('reissue_applications');
  expect(apps.some((a) => (a.delivery as { kind: string }).kind === 'mail')).toBe(true);
  for (const name of PEOPLE_COLLECTIONS) {
    const text = JSON.stringify(await stored(name));
    for (const clear of CLEAR) expect({ collection: name, clear, found: text.includes(clear) }).toEqual({ collection: name, clear, found: false });
    expect({ collection: name, birthDate: /birthDate/.test(text) }).toEqual({ collection: name, birthDate: false });
  }

  // What an older version wrote: the street in clear on an application, the birth date on an account.
  const legacyStreet = '旧版明文路9号101室';
  const template = apps.find((a) => (a.delivery as { kind: string }).kind === 'mail')!;
  const address: Record<string, unknown> = { ...(template.delivery as { address: Record<string, unknown> }).address, detail: legacyStreet };
  delete address.detailEnc;
  await h.cloud.database.direct.insert('reissue_applications', [
    {
      ...template,
      _id: 'legacy-plain-0001',
      state: 'delivered',
      applicant: { ...(template.applicant as object), subjectIdIndex: 'legacy-index' },
      delivery: { kind: 'mail', address },
    },
  ]);
  const set = { $set: { 'identity.birthDate': '1985-03-14' } };
  expect(
    (await h.cloud.database.direct.modify('accounts', { query: { _id: CITIZEN }, nedbQuery: { _id: CITIZEN }, update: set, replace: false, multi: false, upsert: false })).updated,
  ).toBe(1);
  expect(JSON.stringify(await stored('reissue_applications'))).toContain(legacyStreet);

  // Still readable as before…
  expect((await r.ok(CITIZEN, 'application', { applicationId: 'legacy-plain-0001' })).state).toBe('delivered');
  expect((await identityFlow(h).ok(CITIZEN, 'familyMembers', {})).members.length).toBeGreaterThan(0);
  // …and the timers seal them.
  expect((await r.timer('settlePayments')).data.sealed).toBe(1);
  const purge = (await h.timer('identity', 'purgeExpiredVerifications')) as { data: { plainBirthDates: number } };
  expect(purge.data.plainBirthDates).toBe(1);
  for (const name of PEOPLE_COLLECTIONS) {
    const text = JSON.stringify(await stored(name));
    expect(text).not.toContain(legacyStreet);
    expect(text).not.toContain('1985-03-14');
  }
});
