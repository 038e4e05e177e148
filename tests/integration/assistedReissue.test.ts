import { localDatabase } from '../../devcloud/localDatabase';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { identityFlow } from './support/identityFlow';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';
import { inviteOfficer } from '../support/verifiedOfficer';
import { devEnvironment } from '../../devcloud/devEnvironment';

/**
 * Issue 18, a reissue started in an assisted session, through the local cloud: at the desk or on a
 * home visit the officer collects the fee and records the receipt, and the application goes on as
 * a paid one (to review); by phone it is refused. The citizen is texted the 办件编号 and sees the
 * application once they verify.
 */
jest.setTimeout(120_000);

let h: Harness;
let a: ReturnType<typeof functionCaller>;
let r: ReturnType<typeof functionCaller>;
const A = 'haikou-longhua';
const B = 'haikou-meilan';
const NOW = at('2026-12-01', '08:30');
const OFFICER_A = 'reissue-assist-officer-a';
const OFFICER_A2 = 'reissue-assist-officer-a2';
const OFFICER_B = 'reissue-assist-officer-b';
/** 张桂兰: Haikou, no WeChat account; the registry holds her mobile. */
const ZHANG = { name: '张桂兰', idNumber: '460106195801302642', phone: '13700137004' };
/** 林国栋: Shenzhen, no account; the registry holds his mobile. */
const LIN = { name: '林国栋', idNumber: '440304195002141373', phone: '13700137008' };
const ADDRESS = { provinceCode: '460000', cityCode: '460100', districtCode: '460108', detail: '海府路88号2栋301室', recipient: '张桂兰', phone: '13700137004' };

/** The applications made below (Zhang's at the desk, Wang's on a home visit): the way back is tested on them. */
const made: { zhang?: string; wang?: string } = {};

const lastText = (phone: string) => [...h.cloud.smsOutbox].reverse().find((m) => m.to === phone);

async function confirmedSession(officer: string, person: { name: string; idNumber: string; phone: string }, reason: string, hallId = A): Promise<string> {
  const opened = await a.ok(officer, 'openAssistedSession', { hallId, reason, name: person.name, idNumber: person.idNumber, requestId: requestId() });
  await a.ok(officer, 'confirmAssistedSession', { sessionId: opened.sessionId, code: lastText(person.phone)!.code });
  return opened.sessionId;
}

const reissue = (sessionId: string, extra: Record<string, unknown> = {}) => ({
  sessionId,
  reason: 'lost',
  appearanceUnchanged: true,
  address: ADDRESS,
  receipt: 'HN2026-000123',
  amount: '50.00',
  requestId: requestId(),
  ...extra,
});

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  a = functionCaller(h, 'assisted');
  r = functionCaller(h, 'reissue');
  await inviteOfficer(h, OFFICER_A, [A]);
  await inviteOfficer(h, OFFICER_A2, [A]);
  await inviteOfficer(h, OFFICER_B, [B]);
});
afterAll(async () => {
  await h.close();
});

test('by phone a reissue is refused: nobody can take the fee', async () => {
  const sessionId = await confirmedSession(OFFICER_A, ZHANG, 'phone');
  const before = (await localDatabase(h.cloud.url).collection('reissue_applications').count()).total;
  const fee = await a.error(OFFICER_A, 'assistedReissueFee', { sessionId, reason: 'lost', districtCode: '460108' });
  expect(fee).toMatchObject({ code: 'ASSISTED_REISSUE_BY_PHONE', message: expect.stringContaining('预约') });
  expect((await a.error(OFFICER_A, 'assistedReissue', reissue(sessionId))).code).toBe('ASSISTED_REISSUE_BY_PHONE');
  expect((await localDatabase(h.cloud.url).collection('reissue_applications').count()).total).toBe(before);
  await a.ok(OFFICER_A, 'closeAssistedSession', { sessionId });
});

test('the hall must take reissues for the citizen: a Shenzhen resident at a Haikou desk is refused', async () => {
  const sessionId = await confirmedSession(OFFICER_A, LIN, 'desk');
  expect((await a.error(OFFICER_A, 'assistedReissueFee', { sessionId, reason: 'lost', districtCode: '460108' })).code).toBe('REISSUE_OTHER_CITY');
  expect((await a.error(OFFICER_A, 'assistedReissue', reissue(sessionId))).code).toBe('REISSUE_OTHER_CITY');
  await a.ok(OFFICER_A, 'closeAssistedSession', { sessionId });
});

test('at the desk: the fee shown, collected and recorded; one application per request, paid, to review; texted; the citizen sees it once verified', async () => {
  const sessionId = await confirmedSession(OFFICER_A, ZHANG, 'desk');
  // The address's divisions one level at a time, from the function's data.
  expect((await a.ok(OFFICER_A, 'assistedDivisions', { sessionId })).divisions).toContainEqual({ code: '460000', name: '海南省' });
  expect((await a.ok(OFFICER_A, 'assistedDivisions', { sessionId, parentCode: '460000' })).divisions).toContainEqual({ code: '460100', name: '海口市' });
  expect((await a.ok(OFFICER_A, 'assistedDivisions', { sessionId, parentCode: '460100' })).divisions).toContainEqual({ code: '460108', name: '美兰区' });
  expect((await a.error(OFFICER_B, 'assistedDivisions', { sessionId })).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  const quote = await a.ok(OFFICER_A, 'assistedReissueFee', { sessionId, reason: 'lost', districtCode: ADDRESS.districtCode });
  expect(quote).toMatchObject({ eligible: true, reasons: [], hallName: expect.stringContaining('龙华'), fee: { total: expect.stringMatching(/^\d+\.\d{2}$/) } });
  const amount = quote.fee.total;
  // Another officer of the hall or of another hall cannot use the session.
  expect((await a.error(OFFICER_A2, 'assistedReissue', reissue(sessionId, { amount }))).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  expect((await a.error(OFFICER_B, 'assistedReissue', reissue(sessionId, { amount }))).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  // An amount other than the fee is refused: the officer collected the wrong sum.
  expect((await a.error(OFFICER_A, 'assistedReissue', reissue(sessionId, { amount: '1.00' }))).code).toBe('REISSUE_FEE_CHANGED');
  // Ids come from the session: the input can name neither a person nor an owner.
  expect((await a.error(OFFICER_A, 'assistedReissue', { ...reissue(sessionId, { amount }), forMemberId: 'resident-001' })).code).toBe('INVALID_INPUT');

  const rid = requestId();
  const applied = await a.ok(OFFICER_A, 'assistedReissue', reissue(sessionId, { amount, requestId: rid }));
  expect(applied).toMatchObject({ state: 'paid', paymentStatus: 'collected', hallId: A, subjectNameMasked: '张**', refNumber: expect.stringMatching(/^\d{8}$/) });
  made.zhang = applied.id;
  expect(containsUnmaskedIdOrPhone(JSON.stringify(applied))).toEqual([]);
  // The same request again: the same application, nothing more stored, no second text.
  const texts = h.cloud.smsOutbox.length;
  expect((await a.ok(OFFICER_A, 'assistedReissue', reissue(sessionId, { amount, requestId: rid }))).id).toBe(applied.id);
  expect(h.cloud.smsOutbox.length).toBe(texts);
  const db = localDatabase(h.cloud.url);
  const stored = (await db.collection('reissue_applications').doc(applied.id).get()).data[0];
  expect(stored.payment).toEqual({ status: 'collected', receipt: 'HN2026-000123' });
  expect(stored.applicant.actorOpenid).toMatch(/^assisted:/);
  expect(stored.timeline.map((t: { event: string; by: string }) => `${t.event}:${t.by}`)).toEqual(['create:citizen', 'submit:citizen', 'paymentCollected:officer']);
  expect((await db.collection('reissue_applications').where({ 'applicant.subjectIdIndex': stored.applicant.subjectIdIndex }).get()).data).toHaveLength(1);
  // A second open application for the person is refused, whatever the request.
  expect((await a.error(OFFICER_A, 'assistedReissue', reissue(sessionId, { amount }))).code).toBe('REISSUE_ALREADY_OPEN');
  // The citizen is told the 办件编号 by SMS.
  expect(lastText(ZHANG.phone)?.text).toContain(`办件编号${applied.refNumber}`);
  expect(lastText(ZHANG.phone)?.text).toContain(`已缴费${amount}元`);
  // Audited with officer, hall, session and reason.
  const audit = await db.collection('audit_log').where({ action: 'assisted.reissue', target: applied.id }).get();
  expect(audit.data).toHaveLength(1);
  expect(audit.data[0]).toMatchObject({ actorOpenid: OFFICER_A, hallId: A, session: sessionId, reason: 'desk', actedFor: 'resident-004' });
  // The hall's review queue has it, as a paid one.
  const queue = await r.ok(OFFICER_A, 'reviewQueue', {});
  expect(queue.applications.map((x: { id: string }) => x.id)).toContain(applied.id);

  // An expired session does nothing more.
  h.setNow(new Date(NOW.getTime() + 16 * 60_000));
  try {
    expect((await a.error(OFFICER_A, 'assistedReissue', reissue(sessionId, { amount }))).code).toBe('ASSISTED_SESSION_EXPIRED');
  } finally {
    h.setNow(NOW);
  }

  // Later 张桂兰 verifies in the mini-program: the application is hers to see.
  const verified = await identityFlow(h).verify('zhang-guilan-reissue', ZHANG);
  expect(verified.ok).toBe(true);
  const mine = await r.ok('zhang-guilan-reissue', 'myApplications');
  expect(mine.applications.map((x: { id: string }) => x.id)).toEqual([applied.id]);
  expect((await r.ok('zhang-guilan-reissue', 'application', { applicationId: applied.id })).refNumber).toBe(applied.refNumber);
  // Paid by hand: it cannot be withdrawn online (the fee is given back at the hall).
  expect((await r.error('zhang-guilan-reissue', 'cancel', { applicationId: applied.id, requestId: requestId() })).code).toBe('REISSUE_STATE_CONFLICT');
  // Nobody else sees it.
  expect((await r.error('local-citizen', 'application', { applicationId: applied.id })).code).toBe('REISSUE_NOT_FOUND');
});

test('on a home visit for a citizen with an account: the application is the account’s at once, and a subscribe message tells them', async () => {
  const WANG = { name: '王建国', idNumber: '460106198503141311', phone: '13800138000' };
  const sessionId = await confirmedSession(OFFICER_A, WANG, 'homeVisit');
  const { fee } = await a.ok(OFFICER_A, 'assistedReissueFee', { sessionId, reason: 'damaged', districtCode: '460106' });
  const messages = h.cloud.notifications.length;
  const applied = await a.ok(
    OFFICER_A,
    'assistedReissue',
    reissue(sessionId, { reason: 'damaged', amount: fee.total, address: { ...ADDRESS, districtCode: '460106', recipient: '王建国' } }),
  );
  expect(applied).toMatchObject({ state: 'paid', paymentStatus: 'collected' });
  made.wang = applied.id;
  expect(h.cloud.notifications.slice(messages)).toEqual([
    expect.objectContaining({
      openid: 'local-citizen',
      templateId: devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID,
      data: expect.objectContaining({ thing1: { value: '损坏换领居民身份证' }, phrase2: { value: '民警代办' }, thing4: { value: `办件编号${applied.refNumber}` } }),
    }),
  ]);
  expect((await r.ok('local-citizen', 'myApplications')).applications.map((x: { id: string }) => x.id)).toContain(applied.id);
  const audit = await localDatabase(h.cloud.url).collection('audit_log').where({ action: 'assisted.reissue', target: applied.id }).get();
  expect(audit.data[0]).toMatchObject({ actorOpenid: OFFICER_A, hallId: A, session: sessionId, reason: 'homeVisit', actedFor: 'resident-001' });
});

test('the hall’s lead sees the reissues applied for per officer', async () => {
  await localDatabase(h.cloud.url)
    .collection('accounts')
    .doc(OFFICER_A2)
    .update({ leads: [A] });
  const report = await a.ok(OFFICER_A2, 'assistedReport', { hallId: A, period: { kind: 'day', date: '2026-12-01' } });
  expect(report.officers.find((o: { reissued: number }) => o.reissued > 0)).toMatchObject({ reissued: 2, materials: 0 });
});

test('rejected: the fee collected by hand is due back by hand; the hall finds it and records it handed back with the voucher number', async () => {
  const id = made.zhang!;
  await r.ok(OFFICER_A, 'startReview', { applicationId: id });
  // Another hall's officer can do nothing with it.
  expect((await r.error(OFFICER_B, 'reject', { applicationId: id, reason: '照片不符合要求' })).code).toBe('FORBIDDEN');
  const rejected = await r.ok(OFFICER_A, 'reject', { applicationId: id, reason: '照片不符合要求' });
  expect(rejected).toMatchObject({ state: 'rejected', paymentStatus: 'returnDue', paymentStatusName: '待当面退费', actions: ['feeReturned'] });
  // No refund through the payment port: there is no order.
  const db = localDatabase(h.cloud.url);
  expect((await db.collection('reissue_applications').doc(id).get()).data[0].payment).toEqual({ status: 'returnDue', receipt: 'HN2026-000123' });
  // The hall finds what it owes; another hall's queue does not have it.
  const owed = { states: ['rejected', 'cancelled'], paymentStatuses: ['returnDue'] };
  const queue = await r.ok(OFFICER_A, 'reviewQueue', owed);
  expect(queue.applications).toContainEqual(expect.objectContaining({ id, state: 'rejected', paymentStatus: 'returnDue', paymentStatusName: '待当面退费' }));
  expect((await r.ok(OFFICER_B, 'reviewQueue', owed)).applications.map((x: { id: string }) => x.id)).not.toContain(id);
  // The payment filter alone looks in every state (a fee due back is never on a paid or reviewed application).
  expect((await r.ok(OFFICER_A, 'reviewQueue', { paymentStatuses: ['returnDue'] })).applications.map((x: { id: string }) => x.id)).toContain(id);
  // Neither the citizen nor another hall's officer records it returned.
  expect((await r.error('zhang-guilan-reissue', 'returnFee', { applicationId: id, receipt: 'TF2026-000001' })).code).toBe('FORBIDDEN');
  expect((await r.error(OFFICER_B, 'returnFee', { applicationId: id, receipt: 'TF2026-000001' })).code).toBe('FORBIDDEN');
  const returned = await r.ok(OFFICER_A, 'returnFee', { applicationId: id, receipt: 'TF2026-000001', expectedVersion: rejected.version });
  expect(returned).toMatchObject({ state: 'rejected', paymentStatus: 'returnedByHand', paymentStatusName: '已当面退费', actions: [] });
  expect(returned.timeline.at(-1)).toMatchObject({ event: 'feeReturned', note: '民警当面退还费用，票据号TF2026-000001' });
  expect((await db.collection('reissue_applications').doc(id).get()).data[0].payment).toEqual({
    status: 'returnedByHand',
    receipt: 'HN2026-000123',
    returnReceipt: 'TF2026-000001',
  });
  // Recorded once: the same request again changes nothing; it leaves the hall's list of fees owed.
  expect((await r.ok(OFFICER_A, 'returnFee', { applicationId: id, receipt: 'TF2026-000001', expectedVersion: rejected.version })).version).toBe(returned.version);
  expect((await r.ok(OFFICER_A, 'reviewQueue', owed)).applications.map((x: { id: string }) => x.id)).not.toContain(id);
  const audit = await db.collection('audit_log').where({ action: 'reissue.returnFee', target: id }).get();
  // Audited (each call of an officer action is, the repeat too), by the hall's officer only.
  expect(audit.data.length).toBeGreaterThan(0);
  for (const entry of audit.data) expect(entry).toMatchObject({ actorOpenid: OFFICER_A, hallId: A });
  // The citizen sees it.
  const seen = await r.ok('zhang-guilan-reissue', 'application', { applicationId: id });
  expect(seen).toMatchObject({ paymentStatusName: '已当面退费', actions: [] });
});

test('cancelled at the hall at the citizen’s request (they cannot online), then the fee handed back', async () => {
  const id = made.wang!;
  expect((await r.error('local-citizen', 'cancel', { applicationId: id, requestId: requestId() })).code).toBe('REISSUE_STATE_CONFLICT');
  expect((await r.error('local-citizen', 'cancelAtHall', { applicationId: id, reason: '证件已找到' })).code).toBe('FORBIDDEN');
  expect((await r.error(OFFICER_B, 'cancelAtHall', { applicationId: id, reason: '证件已找到' })).code).toBe('FORBIDDEN');
  const before = await r.ok(OFFICER_A, 'application', { applicationId: id });
  expect(before.actions).toContain('cancelAtHall');
  const cancelled = await r.ok(OFFICER_A, 'cancelAtHall', { applicationId: id, reason: '证件已找到，本人到大厅申请撤回', expectedVersion: before.version });
  expect(cancelled).toMatchObject({ state: 'cancelled', paymentStatus: 'returnDue', actions: ['feeReturned'] });
  expect(cancelled.timeline.at(-1)).toMatchObject({ event: 'cancelAtHall', note: '证件已找到，本人到大厅申请撤回' });
  const queue = await r.ok(OFFICER_A, 'reviewQueue', { states: ['rejected', 'cancelled'], paymentStatuses: ['returnDue'] });
  expect(queue.applications.map((x: { id: string }) => x.id)).toContain(id);
  const returned = await r.ok(OFFICER_A, 'returnFee', { applicationId: id, receipt: 'TF2026-000002' });
  expect(returned).toMatchObject({ state: 'cancelled', paymentStatus: 'returnedByHand' });
  // The person may apply again (the open claim was released).
  expect((await r.ok('local-citizen', 'eligibility', {})).reasons.map((x: { code: string }) => x.code)).not.toContain('ALREADY_OPEN');
});
