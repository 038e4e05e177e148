import { localDatabase } from '../../devcloud/localDatabase';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { identityFlow } from './support/identityFlow';
import { at, bookingFlow, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';
import { inviteOfficer } from '../support/verifiedOfficer';
import { devEnvironment } from '../../devcloud/devEnvironment';
import { devSecrets } from '../../devcloud/seed/verifiedCitizens';

/**
 * Issue 18, the assisted channel, through the local cloud: an officer opens a session for a citizen
 * by name and ID number, the code goes only to the phone on file, and within the confirmed session
 * the officer books and cancels for the citizen under the online rules.
 */
jest.setTimeout(120_000);

let h: Harness;
let b: ReturnType<typeof bookingFlow>;
/** The assisted function (issue 18): the officers' sessions and the acts within them. */
let a: ReturnType<typeof functionCaller>;
const A = 'haikou-longhua';
const B = 'haikou-meilan';
const RENEWAL = 'id-card-renewal';
const CERTIFICATE = 'household-certificate';
// Tuesday 2026-12-01, 08:30 in Shanghai: the week's dates are released.
const NOW = at('2026-12-01', '08:30');
const DAY = '2026-12-02';
const NEXT_DAY = new Date(NOW.getTime() + 24 * 3600_000);
const slot = (start: string, day = DAY) => `${A}:${day}:${start.replace(':', '')}`;
const OFFICER_A = 'assist-officer-a';
const OFFICER_A2 = 'assist-officer-a2';
const OFFICER_B = 'assist-officer-b';
/** 张桂兰: no WeChat account; the registry holds her mobile. */
const ZHANG = { name: '张桂兰', idNumber: '460106195801302642', phone: '13700137004' };
/** 林国栋: no account; the registry holds his mobile. */
const LIN = { name: '林国栋', idNumber: '440304195002141373', phone: '13700137008' };
/** 黄丽娟: no account, no mobile in the registry. */
const HUANG = { name: '黄丽娟', idNumber: '440305199506182480' };
/** 王建国: the local citizen's verified account holds his phone; the registry none. */
const WANG = { name: '王建国', idNumber: '460106198503141311', accountPhone: '13800138000' };

const open = (officer: string, person: { name: string; idNumber: string }, extra: Record<string, unknown> = {}) =>
  a.call(officer, 'openAssistedSession', { hallId: A, reason: 'phone', name: person.name, idNumber: person.idNumber, requestId: requestId(), ...extra });
/** 王建国's appointment booked in a session, cancelled in the last test. */
let wangsBooking = '';
const lastText = (phone: string) => [...h.cloud.smsOutbox].reverse().find((m) => m.to === phone);

async function confirmedSession(officer: string, person: { name: string; idNumber: string }, phone: string): Promise<string> {
  const opened = await open(officer, person);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  await a.ok(officer, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: lastText(phone)!.code });
  return opened.data.sessionId;
}

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  b = bookingFlow(h);
  a = functionCaller(h, 'assisted');
  await inviteOfficer(h, OFFICER_A, [A]);
  await inviteOfficer(h, OFFICER_A2, [A]);
  await inviteOfficer(h, OFFICER_B, [B]);
});
afterAll(async () => {
  await h.close();
});

test('an officer opens a session: the code goes to the registry’s number; the answer shows only masked data', async () => {
  const before = h.cloud.smsOutbox.length;
  const opened = await open(OFFICER_A, ZHANG);
  expect(opened.ok).toBe(true);
  expect(opened.data).toMatchObject({ phase: 'codeSent', reason: 'phone', nameMasked: '张**', idNumberMasked: '4601**********2642', phoneMasked: '137****7004' });
  expect(containsUnmaskedIdOrPhone(JSON.stringify(opened.data))).toEqual([]);
  expect(h.cloud.smsOutbox.length).toBe(before + 1);
  expect(lastText(ZHANG.phone)?.code).toMatch(/^\d{6}$/);
  // Within the session nothing happens before the code is confirmed.
  expect(
    (await a.error(OFFICER_A, 'assistedReserve', { sessionId: opened.data.sessionId, hallId: A, business: RENEWAL, slotId: slot('09:00'), requestId: requestId() })).code,
  ).toBe('ASSISTED_SESSION_NOT_CONFIRMED');
});

test('no SMS to a number not on file: the input cannot carry a phone, and a citizen without one is refused', async () => {
  const before = h.cloud.smsOutbox.length;
  expect((await open(OFFICER_A, ZHANG, { phone: '13912345678' })).error.code).toBe('INVALID_INPUT');
  expect((await open(OFFICER_A, HUANG)).error.code).toBe('ASSISTED_NO_PHONE_ON_FILE');
  expect(h.cloud.smsOutbox.length).toBe(before);
  expect(h.cloud.smsOutbox.some((m) => m.to === '13912345678')).toBe(false);
  // Someone the registry does not know by that name: refused without a text.
  expect((await open(OFFICER_A, { name: '张桂花', idNumber: ZHANG.idNumber })).error.code).toBe('REGISTRY_MISMATCH');
  expect(h.cloud.smsOutbox.length).toBe(before);
});

test('a citizen with an account: the code goes to the account’s phone', async () => {
  const opened = await open(OFFICER_A, WANG);
  expect(opened.data).toMatchObject({ phoneMasked: '138****8000' });
  expect(lastText(WANG.accountPhone)?.code).toMatch(/^\d{6}$/);
  await a.ok(OFFICER_A, 'closeAssistedSession', { sessionId: opened.data.sessionId });
});

test('a wrong code is refused with the tries left; only the hall’s officers open sessions', async () => {
  const opened = await open(OFFICER_A, ZHANG);
  const right = lastText(ZHANG.phone)!.code;
  const wrong = right === '000000' ? '111111' : '000000';
  const refused = await a.error(OFFICER_A, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: wrong });
  expect(refused).toMatchObject({ code: 'OTP_INCORRECT', message: expect.stringContaining('2次') });
  // Another officer, of the same hall or another, cannot use it.
  expect((await a.error(OFFICER_A2, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: right })).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  expect((await a.error(OFFICER_B, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: right })).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  expect((await a.error(OFFICER_B, 'openAssistedSession', { hallId: A, reason: 'desk', name: ZHANG.name, idNumber: ZHANG.idNumber, requestId: requestId() })).code).toBe(
    'FORBIDDEN',
  );
  expect((await a.error('local-citizen', 'openAssistedSession', { hallId: A, reason: 'desk', name: ZHANG.name, idNumber: ZHANG.idNumber, requestId: requestId() })).code).toBe(
    'FORBIDDEN',
  );
  const confirmed = await a.ok(OFFICER_A, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: right });
  expect(confirmed.phase).toBe('confirmed');
  await a.ok(OFFICER_A, 'closeAssistedSession', { sessionId: opened.data.sessionId });
});

test('a citizen is locked after 3 failed sessions in a day, whichever officer opened them', async () => {
  for (const officer of [OFFICER_A, OFFICER_A2, OFFICER_A]) {
    const opened = await open(officer, LIN);
    const right = lastText(LIN.phone)!.code;
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) expect((await a.error(officer, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: wrong })).code).toBe('OTP_INCORRECT');
    // Failed: even the right code no longer confirms it.
    expect((await a.error(officer, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code: right })).code).toBe('ASSISTED_SESSION_EXPIRED');
  }
  const before = h.cloud.smsOutbox.length;
  expect((await open(OFFICER_A2, LIN)).error.code).toBe('ASSISTED_CITIZEN_LOCKED');
  expect(h.cloud.smsOutbox.length).toBe(before);
});

test('a code read back after 5 minutes is refused', async () => {
  const opened = await open(OFFICER_A, ZHANG);
  const code = lastText(ZHANG.phone)!.code;
  h.setNow(new Date(NOW.getTime() + 6 * 60_000));
  try {
    expect((await a.error(OFFICER_A, 'confirmAssistedSession', { sessionId: opened.data.sessionId, code })).code).toBe('ASSISTED_SESSION_EXPIRED');
  } finally {
    h.setNow(NOW);
  }
});

test('an expired session is refused', async () => {
  const sessionId = await confirmedSession(OFFICER_A, ZHANG, ZHANG.phone);
  h.setNow(new Date(NOW.getTime() + 16 * 60_000));
  try {
    expect((await a.error(OFFICER_A, 'assistedReserve', { sessionId, hallId: A, business: RENEWAL, slotId: slot('09:00'), requestId: requestId() })).code).toBe(
      'ASSISTED_SESSION_EXPIRED',
    );
  } finally {
    h.setNow(NOW);
  }
});

test('booked within a session under the online limits; the citizen is texted; it shows once the citizen verifies', async () => {
  const sessionId = await confirmedSession(OFFICER_A, ZHANG, ZHANG.phone);
  const reserve = (extra: Record<string, unknown>, officer = OFFICER_A) =>
    a.call(officer, 'assistedReserve', { sessionId, hallId: A, business: RENEWAL, slotId: slot('09:00'), requestId: requestId(), ...extra });
  // Another officer, or a hall other than the session's, is refused.
  expect((await reserve({}, OFFICER_A2)).error.code).toBe('ASSISTED_SESSION_NOT_FOUND');
  expect((await reserve({ hallId: B, slotId: `${B}:${DAY}:0900` })).error.code).toBe('ASSISTED_OTHER_HALL');
  const rid = requestId();
  const booked = await reserve({ requestId: rid });
  expect(booked.ok).toBe(true);
  expect(booked.data).toMatchObject({ status: 'booked', hallId: A, date: DAY, start: '09:00', subjectNameMasked: '张**', refNumber: expect.stringMatching(/^\d{8}$/) });
  // A retry of the request answers the first booking.
  expect((await reserve({ requestId: rid })).data.id).toBe(booked.data.id);
  // The same limits as online, counted on the citizen.
  expect((await reserve({ slotId: slot('10:00') })).error.code).toBe('ALREADY_BOOKED');
  expect((await reserve({ business: CERTIFICATE, slotId: slot('10:00') })).error.code).toBe('ONE_PER_DAY');
  // The citizen is told by SMS, with the 预约号; without an account, no subscribe message.
  expect(lastText(ZHANG.phone)?.text).toContain(booked.data.refNumber);
  expect(h.cloud.notifications.filter((n) => n.data.phrase2?.value === '民警代办')).toEqual([]);
  // Audited with officer, hall, session and reason.
  const audit = await localDatabase(h.cloud.url).collection('audit_log').where({ action: 'assisted.reserve', target: booked.data.id }).get();
  expect(audit.data[0]).toMatchObject({ actorOpenid: OFFICER_A, hallId: A, session: sessionId, reason: 'phone', actedFor: 'resident-004' });
  await a.ok(OFFICER_A, 'closeAssistedSession', { sessionId });
  expect((await reserve({ business: CERTIFICATE, slotId: slot('10:00', '2026-12-03') })).error.code).toBe('ASSISTED_SESSION_EXPIRED');

  // Later 张桂兰 verifies in the mini-program: the booking is hers.
  const id = identityFlow(h);
  const verified = await id.verify('zhang-guilan-wechat', ZHANG);
  expect(verified.ok).toBe(true);
  const mine = await b.ok('zhang-guilan-wechat', 'myAppointments');
  expect(mine.appointments.map((a: { id: string }) => a.id)).toContain(booked.data.id);
  // And hers to act on: a ticket for it, and the limits still hold for her own bookings.
  expect((await b.ok('zhang-guilan-wechat', 'ticket', { appointmentId: booked.data.id })).token).toBeTruthy();
  expect((await b.reserve('zhang-guilan-wechat', A, RENEWAL, slot('11:00'))).error.code).toBe('ALREADY_BOOKED');
});

test('cancelled within a session: only the citizen’s appointment, and the citizen is texted', async () => {
  const sessionId = await confirmedSession(OFFICER_A, WANG, WANG.accountPhone);
  const messages = h.cloud.notifications.length;
  const booked = await a.ok(OFFICER_A, 'assistedReserve', { sessionId, hallId: A, business: CERTIFICATE, slotId: slot('14:00', '2026-12-03'), requestId: requestId() });
  // A citizen with an account also gets a subscribe message (the progress template), besides the SMS.
  expect(h.cloud.notifications.slice(messages)).toEqual([
    expect.objectContaining({
      openid: 'local-citizen',
      templateId: devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID,
      data: expect.objectContaining({ thing1: { value: '预约' }, phrase2: { value: '民警代办' }, thing4: { value: `预约号${booked.refNumber}` } }),
    }),
  ]);
  // An account of the citizen: the booking is the account's at once.
  expect((await b.ok('local-citizen', 'myAppointments')).appointments.map((a: { id: string }) => a.id)).toContain(booked.id);
  const other = await a.ok(OFFICER_A, 'assistedReserve', { sessionId, hallId: A, business: RENEWAL, slotId: slot('15:00', '2026-12-04'), requestId: requestId() });
  const zhangs = (await b.ok('zhang-guilan-wechat', 'myAppointments')).appointments[0].id;
  expect((await a.error(OFFICER_A, 'assistedCancel', { sessionId, appointmentId: zhangs, requestId: requestId() })).code).toBe('APPOINTMENT_NOT_FOUND');
  const cancelled = await a.ok(OFFICER_A, 'assistedCancel', { sessionId, appointmentId: other.id, requestId: requestId() });
  expect(cancelled.status).toBe('cancelled');
  expect(lastText(WANG.accountPhone)?.text).toContain('取消预约');
  // Moved to another slot: the new appointment stays the citizen's, the old one is cancelled.
  const moved = await a.ok(OFFICER_A, 'assistedReschedule', { sessionId, appointmentId: booked.id, slotId: slot('16:00', '2026-12-03'), requestId: requestId() });
  expect(moved).toMatchObject({ status: 'booked', date: '2026-12-03', start: '16:00', refNumber: expect.stringMatching(/^\d{8}$/) });
  expect(lastText(WANG.accountPhone)?.text).toContain(`改约：海口市公安局龙华分局户政服务大厅，12月3日 16:00，预约号${moved.refNumber}`);
  const mine = (await b.ok('local-citizen', 'myAppointments')).appointments;
  expect(mine.find((a: { id: string }) => a.id === moved.id).status).toBe('booked');
  expect(mine.find((a: { id: string }) => a.id === booked.id)).toMatchObject({ status: 'cancelled', rescheduledTo: { id: moved.id } });
  wangsBooking = moved.id;
  // Only the session's citizen's appointments: 张桂兰's is not found.
  expect((await a.error(OFFICER_A, 'assistedReschedule', { sessionId, appointmentId: zhangs, slotId: slot('16:30', '2026-12-03'), requestId: requestId() })).code).toBe(
    'APPOINTMENT_NOT_FOUND',
  );
});

test('the hall’s lead sees the assisted acts per officer; an officer who does not lead is refused', async () => {
  await localDatabase(h.cloud.url)
    .collection('accounts')
    .doc(OFFICER_A2)
    .update({ leads: [A] });
  const period = { kind: 'day', date: '2026-12-01' };
  expect((await a.error(OFFICER_A, 'assistedReport', { hallId: A, period })).code).toBe('FORBIDDEN');
  const report = await a.ok(OFFICER_A2, 'assistedReport', { hallId: A, period });
  expect(report.officers).toHaveLength(2);
  // Officer A booked three times (one cancelled), and two of 林国栋's failed sessions were theirs; officer A2 had the third.
  const [first, second] = report.officers;
  expect(first).toMatchObject({ officer: '测***', reserved: 3, cancelled: 1, rescheduled: 1, failed: 2 });
  expect(first.opened).toBeGreaterThanOrEqual(first.confirmed + first.failed);
  expect(second).toMatchObject({ reserved: 0, failed: 1 });
  expect(containsUnmaskedIdOrPhone(JSON.stringify(report))).toEqual([]);
});

test('the no-show block applies as online: a citizen blocked online is blocked when an officer books for them', async () => {
  const db = localDatabase(h.cloud.url);
  const account = (await db.collection('accounts').doc('local-citizen').get()).data[0];
  for (const date of ['2026-11-10', '2026-11-17', '2026-11-24']) {
    await db.collection('appointments').add({
      _id: `assisted-noshow-${date}`,
      refNumber: `7${date.replace(/-/g, '').slice(1)}`,
      actorOpenid: 'local-citizen',
      subjectResidentId: 'resident-001',
      subjectIdIndex: account.identity.idIndex,
      subjectNameEnc: account.identity.nameEnc,
      hallId: A,
      business: RENEWAL,
      date,
      start: '09:00',
      end: '09:30',
      slotId: `${A}:${date}:0900`,
      status: 'noShow',
      claims: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  }
  const online = await b.reserve('local-citizen', A, RENEWAL, slot('09:30', '2026-12-07'));
  expect(online.error.code).toBe('BOOKING_BLOCKED');
  const sessionId = await confirmedSession(OFFICER_A, WANG, WANG.accountPhone);
  const assisted = await a.error(OFFICER_A, 'assistedReserve', { sessionId, hallId: A, business: RENEWAL, slotId: slot('09:30', '2026-12-07'), requestId: requestId() });
  expect(assisted).toEqual(online.error);
});

test('a citizen who declined subscribe messages (WeChat refuses them): the act stands all the same, the SMS still goes', async () => {
  h.cloud.declineReminders('local-citizen');
  const sessionId = await confirmedSession(OFFICER_A, WANG, WANG.accountPhone);
  const texts = h.cloud.smsOutbox.length;
  const cancelled = await a.ok(OFFICER_A, 'assistedCancel', { sessionId, appointmentId: wangsBooking, requestId: requestId() });
  expect(cancelled.status).toBe('cancelled');
  expect(h.cloud.smsOutbox.length).toBe(texts + 1);
  expect(lastText(WANG.accountPhone)?.text).toContain('取消预约');
});

test('the timer deletes ended sessions in batches, and only those', async () => {
  // The next day: the tests above spent 张桂兰's session codes of the first (5 a day, the last test);
  // the materials test below runs on it too.
  h.setNow(NEXT_DAY);
  const db = localDatabase(h.cloud.url);
  // Many ended sessions (more than one batch), as older runs would leave them.
  const ended = new Date(NEXT_DAY.getTime() - 60_000);
  for (let i = 0; i < 450; i++) {
    await db
      .collection('assisted_sessions')
      .doc(`purge-test-${i}`)
      .set({ officerOpenid: OFFICER_A, hallId: A, state: i % 2 ? 'closed' : 'confirmed', expiresAt: ended, createdAt: ended });
  }
  // One still usable: it stays.
  const live = await confirmedSession(OFFICER_A, ZHANG, ZHANG.phone);
  const purged = (await h.timer('assisted', 'purgeAssistedSessions')) as { ok: boolean; data: { sessions: number } };
  expect(purged).toMatchObject({ ok: true });
  expect(purged.data.sessions).toBeGreaterThanOrEqual(450);
  // What is left has not ended: the live one among them, none of the ended ones.
  const left = (await db.collection('assisted_sessions').limit(1000).get()).data as Array<{ _id: string; expiresAt: Date }>;
  expect(left.map((s) => s._id)).toContain(live);
  expect(left.filter((s) => new Date(s.expiresAt).getTime() < NEXT_DAY.getTime())).toEqual([]);
  expect((await a.ok(OFFICER_A, 'closeAssistedSession', { sessionId: live })).phase).toBe('closed');
  // Ended now: the next run deletes it.
  h.setNow(new Date(NEXT_DAY.getTime() + 60 * 60_000));
  try {
    expect(((await h.timer('assisted', 'purgeAssistedSessions')) as { data: { sessions: number } }).data.sessions).toBeGreaterThanOrEqual(1);
    expect((await a.error(OFFICER_A, 'closeAssistedSession', { sessionId: live })).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  } finally {
    h.setNow(NEXT_DAY);
  }
  // Not a client's to call.
  expect((await a.error(OFFICER_A, 'purgeAssistedSessions', {})).code).toBe('UNKNOWN_ACTION');
});

test('the materials told by text: names only, once per request, audited; only the session’s officer', async () => {
  const sessionId = await confirmedSession(OFFICER_A, ZHANG, ZHANG.phone);
  const tell = { sessionId, business: 'id-card-reissue-loss', requestId: requestId() };
  expect((await a.error(OFFICER_A2, 'assistedTellMaterials', tell)).code).toBe('ASSISTED_SESSION_NOT_FOUND');
  expect((await a.error(OFFICER_A, 'assistedTellMaterials', { ...tell, business: 'no-such-guide', requestId: requestId() })).code).toBe('GUIDE_NOT_FOUND');
  const texts = h.cloud.smsOutbox.length;
  const told = await a.ok(OFFICER_A, 'assistedTellMaterials', tell);
  expect(told).toMatchObject({ guideId: 'id-card-reissue-loss', text: expect.stringContaining('居民户口簿（如有）') });
  expect(told.materials.length).toBeGreaterThan(0);
  expect(h.cloud.smsOutbox.length).toBe(texts + 1);
  expect(lastText(ZHANG.phone)?.text).toContain(`材料告知：海口市公安局龙华分局户政服务大厅，${told.text}`);
  // A retry of the request sends nothing more.
  expect(await a.ok(OFFICER_A, 'assistedTellMaterials', tell)).toEqual(told);
  expect(h.cloud.smsOutbox.length).toBe(texts + 1);
  const audit = await localDatabase(h.cloud.url).collection('audit_log').where({ action: 'assisted.materials', session: sessionId }).get();
  expect(audit.data).toEqual([expect.objectContaining({ actorOpenid: OFFICER_A, hallId: A, target: 'id-card-reissue-loss', reason: 'phone', actedFor: 'resident-004' })]);
  // Five such texts a phone a day: the citizen cannot be pestered.
  for (let i = 0; i < 4; i++) await a.ok(OFFICER_A, 'assistedTellMaterials', { ...tell, requestId: requestId() });
  expect((await a.error(OFFICER_A, 'assistedTellMaterials', { ...tell, requestId: requestId() })).code).toBe('OTP_TOO_FREQUENT');
  expect(h.cloud.smsOutbox.length).toBe(texts + 5);
});

test('session codes to one phone are counted apart from the citizen’s own: 5 a day, and her verification texts are not used up', async () => {
  // A day of its own (2026-12-03): the tests above used the first two.
  h.setNow(new Date(NOW.getTime() + 2 * 24 * 3600_000));
  for (let i = 0; i < 5; i++) expect((await open(i % 2 ? OFFICER_A2 : OFFICER_A, ZHANG)).ok).toBe(true);
  const texts = h.cloud.smsOutbox.length;
  const refused = await open(OFFICER_A, ZHANG);
  expect(refused.error).toMatchObject({ code: 'OTP_TOO_FREQUENT' });
  expect(refused.error.message).toContain('该手机号今日代办验证码次数已达上限');
  expect(h.cloud.smsOutbox.length).toBe(texts);
  // Her own allowance (the identity function's `phone:` counter) was not touched by the officers' codes.
  const phoneIndex = devSecrets().index('phone', ZHANG.phone);
  const counters = (await localDatabase(h.cloud.url).collection('sms_counters').limit(1000).get()).data as Array<{ _id: string }>;
  expect(counters.filter((c) => c._id === `phone:${phoneIndex}:2026-12-03`)).toEqual([]);
  expect(counters.filter((c) => c._id === `assisted-phone:${phoneIndex}:2026-12-03`).length).toBe(1);
  h.setNow(NOW);
});
