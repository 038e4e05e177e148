import type { Account } from '../../core/identity/Account';
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { envelopeOf, functionCaller } from './support/functionCaller';
import { verifyOfficer } from '../support/verifiedOfficer';

/**
 * Role × action × hall: every officer-facing action of appointment, reissue, business and identity, for a
 * citizen, an officer of hall A, an officer of hall B, an admin without halls and an admin bound to
 * hall A, and an officer and an admin of hall A not verified themselves, against hall A and hall B.
 * One rule decides (core/identity/hallAccess.ts): an account acts for a hall only when bound to it
 * and verified (unverified: OFFICER_NOT_VERIFIED wherever an officer acts); being an admin grants
 * invitations, the officer list and the whole audit log, no hall; an officer reads the audit log of
 * their own halls. A hall's lead (issue 16) acts for it as its officers do and, like every admin, edits its
 * special hours and duty roster; no one else does. A home visit (issue 17) is listed and marked done by
 * the hall's officers, and assigned, moved or refused by its lead or an admin bound to it; a release
 * by draw (issue 17) is opened and run by the same, its counts seen by the hall's officers.
 */
jest.setTimeout(180_000);

const A = 'haikou-longhua';
const B = 'haikou-meilan';
type Hall = typeof A | typeof B;
/** The applicant and booker of the targets (the matrix's citizen is someone else). */
const CITIZEN = 'local-citizen';
// Monday 2026-03-02, 10:00 in Shanghai: 王建国 may apply online; the week's dates are released.
const NOW = at('2026-03-02', '10:00');

const ROLES = {
  citizen: 'matrix-citizen',
  officerA: 'matrix-officer-a',
  officerB: 'matrix-officer-b',
  admin: 'matrix-admin',
  adminA: 'matrix-admin-a',
  officerAUnverified: 'matrix-officer-a-unverified',
  adminAUnverified: 'matrix-admin-a-unverified',
  leadA: 'matrix-lead-a',
} as const;
type RoleName = keyof typeof ROLES;
// A citizen acts for no hall, even with a hall left in their record.
const accounts: Record<RoleName, Pick<Account, 'role' | 'halls' | 'leads'>> = {
  citizen: { role: 'citizen', halls: [A] },
  officerA: { role: 'officer', halls: [A] },
  officerB: { role: 'officer', halls: [B] },
  admin: { role: 'admin', halls: [] },
  adminA: { role: 'admin', halls: [A] },
  officerAUnverified: { role: 'officer', halls: [A] },
  adminAUnverified: { role: 'admin', halls: [A] },
  // Hall A's lead (issue 16): an officer of A who also edits its special hours and duty roster.
  leadA: { role: 'officer', halls: [A], leads: [A] },
};
/** Bound to halls but not verified themselves: they act nowhere, told to verify first. */
const unverified = (role: RoleName): boolean => role === 'officerAUnverified' || role === 'adminAUnverified';
/** Whose account holds a verified identity here (officers with halls, verified by the set-up). */
const verified = (role: RoleName): boolean => role === 'officerA' || role === 'officerB' || role === 'adminA' || role === 'leadA';
/** Who acts for which hall: the expected matrix. */
const actsFor = (role: RoleName, hall: Hall): boolean => (hall === A ? role === 'officerA' || role === 'adminA' || role === 'leadA' : role === 'officerB');
/** Who edits a hall's special hours and duty roster: every admin (verified or not, any hall), and the hall's lead. */
const leads = (role: RoleName, hall: Hall): boolean => administers(role) || (role === 'leadA' && hall === A);
const administers = (role: RoleName): boolean => role === 'admin' || role === 'adminA' || role === 'adminAUnverified';
/** The refusal of an officer action: verify first for an unverified officer, FORBIDDEN for anyone else. */
const refusal = (role: RoleName): string => (unverified(role) ? 'OFFICER_NOT_VERIFIED' : 'FORBIDDEN');

let h: Harness;
/** Per hall: an appointment's ticket token, a reissue and a business application id, an open and an answered consultation. */
const target: Record<Hall, { token: string; applicationId: string; businessId: string; openQuestion: string; answeredQuestion: string; homeVisit: string; session: string }> = {
  [A]: { token: '', applicationId: '', businessId: '', openQuestion: '', answeredQuestion: '', homeVisit: '', session: '' },
  [B]: { token: '', applicationId: '', businessId: '', openQuestion: '', answeredQuestion: '', homeVisit: '', session: '' },
};
/** Issue 18: the officer whose assisted session each hall's is (only they may use it). */
const sessionOwner: Record<Hall, RoleName> = { [A]: 'officerA', [B]: 'officerB' };
/** 张桂兰 (no account; the registry holds her mobile) and 黄丽娟 (no mobile on file, so opening for her sends nothing). */
const ZHANG = { name: '张桂兰', idNumber: '460106195801302642', phone: '13700137004' };
const HUANG = { name: '黄丽娟', idNumber: '440305199506182480' };

beforeAll(async () => {
  h = await startHarness();
  h.setNow(NOW);
  const db = localDatabase(h.cloud.url);
  const now = new Date();
  for (const [name, a] of Object.entries(accounts)) {
    await db
      .collection('accounts')
      .doc(ROLES[name as RoleName])
      .set({ ...a, consents: [], createdAt: now, updatedAt: now });
    if (!unverified(name as RoleName) && a.halls.length > 0 && a.role !== 'citizen') await verifyOfficer(h.cloud.url, ROLES[name as RoleName]);
  }
  const appointment = functionCaller(h, 'booking');
  const assisted = functionCaller(h, 'assisted');
  const reissue = functionCaller(h, 'reissue');
  // One booking per business at a time: a different business at each hall.
  const business: Record<Hall, string> = { [A]: 'id-card-renewal', [B]: 'household-certificate' };
  let day = 0;
  for (const hall of [A, B] as Hall[]) {
    const options = await appointment.ok(undefined, 'bookingOptions', { business: business[hall] });
    const dates: string[] = options.dates.filter((d: string) => d > '2026-03-02');
    // A booking in the days ahead (so a check-in gets past the hall check and stops at TICKET_NOT_TODAY).
    let booked: { id: string } | undefined;
    for (; !booked && day < dates.length; day++) {
      const free = (await appointment.ok(undefined, 'availability', { hallId: hall, business: business[hall], date: dates[day] })).slots.find(
        (s: { state: string; remaining: number }) => s.state === 'open' && s.remaining > 0,
      );
      if (free) booked = await appointment.ok(CITIZEN, 'reserve', { hallId: hall, business: business[hall], slotId: free.slotId, requestId: requestId() });
    }
    if (!booked) throw new Error(`no open slot at ${hall}`);
    target[hall].token = (await appointment.ok(CITIZEN, 'ticket', { appointmentId: booked.id })).token;
    // A reissue application collected at the hall (so its hall is this one); withdrawn, so the next may be made.
    const app = await reissue.ok(CITIZEN, 'apply', { reason: 'lost', appearanceUnchanged: true, delivery: { kind: 'hall', hallId: hall }, requestId: requestId() });
    expect(app.hallId).toBe(hall);
    target[hall].applicationId = app.id;
    if (hall === A) await reissue.ok(CITIZEN, 'cancel', { applicationId: app.id, requestId: requestId() });
    // A household-registration business application at this hall (another business at each: one open per business).
    const kind = hall === A ? { kind: 'householdCertificate', details: { purpose: '子女入学' } } : { kind: 'migrationJobTransfer' };
    target[hall].businessId = (await functionCaller(h, 'business').ok(CITIZEN, 'apply', { ...kind, hallId: hall, requestId: requestId() })).id;
    // Consultations: one left open, one answered by the hall's own officer.
    const question = (q: string) => ({ hallId: hall, business: business[hall], question: q, requestId: requestId() });
    target[hall].openQuestion = (await appointment.ok(CITIZEN, 'askConsultation', question('办理需要带哪些材料？'))).id;
    target[hall].answeredQuestion = (await appointment.ok(CITIZEN, 'askConsultation', question('办理需要多长时间？'))).id;
    await appointment.ok(hall === A ? ROLES.officerA : ROLES.officerB, 'answerConsultation', {
      consultationId: target[hall].answeredQuestion,
      answer: '当场办结。',
      requestId: requestId(),
    });
    // A home visit (issue 17) asked of this hall.
    const visit = { hallId: hall, business: business[hall], reason: 'elderly', detail: '龙华路18号3栋502', phone: '13800138000', requestId: requestId() };
    target[hall].homeVisit = (await appointment.ok(CITIZEN, 'requestHomeVisit', visit)).id;
    // A confirmed assisted session of the hall's officer (issue 18).
    const officer = ROLES[sessionOwner[hall]];
    const session = await assisted.ok(officer, 'openAssistedSession', {
      hallId: hall,
      reason: 'phone',
      ...{ name: ZHANG.name, idNumber: ZHANG.idNumber },
      requestId: requestId(),
    });
    const code = [...h.cloud.smsOutbox].reverse().find((m) => m.to === ZHANG.phone)!.code;
    await assisted.ok(officer, 'confirmAssistedSession', { sessionId: session.sessionId, code });
    target[hall].session = session.sessionId;
  }
});
afterAll(async () => {
  await h.close();
});

interface Case {
  fn: 'booking' | 'reissue' | 'identity' | 'business' | 'assisted';
  action: string;
  data(hall: Hall): Record<string, unknown>;
  /** Whether the role may, at that hall. */
  allowed(role: RoleName, hall: Hall): boolean;
  /** The answer of a refusal. */
  denied: string | ((role: RoleName) => string);
}

const hallScoped = (fn: Case['fn'], action: string, data: Case['data'], denied: Case['denied'] = refusal): Case => ({ fn, action, data, allowed: actsFor, denied });
// A stale expectedVersion: an allowed officer action stops at REISSUE_VERSION_CONFLICT and changes nothing.
const officerAction = (action: string, extra: Record<string, unknown> = {}) =>
  hallScoped('reissue', action, (hall) => ({ applicationId: target[hall].applicationId, expectedVersion: 999, ...extra }));
const shipping = { courier: 'ems', trackingNumber: 'EM123456789CN' };
// The same for a business application: a stale version stops an allowed officer at APPLICATION_VERSION_CONFLICT.
const businessAction = (action: string, extra: Record<string, unknown> = {}) =>
  hallScoped('business', action, (hall) => ({ applicationId: target[hall].businessId, expectedVersion: 999, ...extra }));

const cases: Case[] = [
  hallScoped('booking', 'hallDay', (hall) => ({ hallId: hall })),
  hallScoped('booking', 'hallWeek', (hall) => ({ hallId: hall })),
  // Counts without personal data: any admin reads every hall's (a bureau's view), verified or not, as administering needs no verification.
  {
    fn: 'booking',
    action: 'hallReport',
    data: (hall) => ({ hallId: hall, period: { kind: 'week', date: '2026-12-02' } }),
    allowed: (role, hall) => actsFor(role, hall) || administers(role),
    denied: refusal,
  },
  // An account acting for some other hall is told the ticket is another hall's; one acting for none is forbidden.
  hallScoped(
    'booking',
    'checkIn',
    (hall) => ({ token: target[hall].token }),
    (role) => (role === 'officerA' || role === 'officerB' || role === 'adminA' || role === 'leadA' ? 'TICKET_OTHER_HALL' : refusal(role)),
  ),
  hallScoped('reissue', 'reviewQueue', (hall) => ({ hallId: hall })),
  // The hall floor's queue (issue 16): every window action, for the hall's officers only (an allowed one finds no ticket).
  hallScoped('booking', 'windowState', (hall) => ({ hallId: hall, window: '1' })),
  hallScoped('booking', 'callNext', (hall) => ({ hallId: hall, window: '1', requestId: requestId() })),
  ...(['recall', 'serve', 'skip'] as const).map((action) =>
    hallScoped('booking', action, (hall) => ({ hallId: hall, window: '1', ticketId: 'no-such-ticket', requestId: requestId() })),
  ),
  hallScoped('booking', 'transfer', (hall) => ({ hallId: hall, window: '1', ticketId: 'no-such-ticket', to: '2', requestId: requestId() })),
  hallScoped('booking', 'finish', (hall) => ({ hallId: hall, window: '1', ticketId: 'no-such-ticket', business: 'id-card-renewal', requestId: requestId() })),
  hallScoped('booking', 'markGreenChannel', (hall) => ({ hallId: hall, ticketId: 'no-such-ticket', reason: 'elderly', requestId: requestId() })),
  hallScoped('booking', 'takeWalkIn', (hall) => ({ hallId: hall, requestId: requestId() })),
  // A hall's 好差评: its officers, and every admin (verified or not).
  { fn: 'booking', action: 'hallRatings', data: (hall) => ({ hallId: hall }), allowed: (role, hall) => administers(role) || actsFor(role, hall), denied: refusal },
  // Someone else's application does not exist for whoever does not act for its hall.
  hallScoped('reissue', 'application', (hall) => ({ applicationId: target[hall].applicationId }), 'REISSUE_NOT_FOUND'),
  // The case file (full address and phone): only for the application's own hall.
  hallScoped('reissue', 'caseFile', (hall) => ({ applicationId: target[hall].applicationId })),
  officerAction('startReview'),
  officerAction('approve'),
  officerAction('reject', { reason: '照片不符合要求' }),
  officerAction('startProduction'),
  officerAction('ship', shipping),
  officerAction('markDelivered'),
  officerAction('markReturned'),
  officerAction('reship', shipping),
  officerAction('holdAtHall', { hallId: A }),
  officerAction('collect'),
  officerAction('cancelAtHall', { reason: '群众申请撤回' }),
  officerAction('returnFee', { receipt: 'TF2026-000001' }),
  hallScoped('business', 'businessQueue', (hall) => ({ hallId: hall })),
  hallScoped('business', 'moveOutQueue', (hall) => ({ hallId: hall })),
  hallScoped('business', 'businessCase', (hall) => ({ applicationId: target[hall].businessId })),
  businessAction('startReview'),
  businessAction('approve'),
  businessAction('reject', { reason: '材料不全' }),
  businessAction('requestCorrection', { items: [{ material: 'm0', reason: '照片不清晰' }] }),
  businessAction('revoke', { reason: '申请人申请作废' }),
  businessAction('extendPermit', { validThrough: '2026-12-31', reason: '疫情期间延期' }),
  businessAction('collect'),
  businessAction('ship', shipping),
  // Consultations (issue 16): an allowed officer stops at a refusal that changes nothing (too short an answer, a state that does not fit).
  hallScoped('booking', 'hallConsultations', (hall) => ({ hallId: hall })),
  hallScoped('booking', 'answerConsultation', (hall) => ({ consultationId: target[hall].openQuestion, answer: '答', requestId: requestId() })),
  hallScoped('booking', 'publishConsultation', (hall) => ({ consultationId: target[hall].openQuestion, question: '办理需要带哪些材料？', answer: '户口簿。' })),
  hallScoped('booking', 'closeConsultation', (hall) => ({ consultationId: target[hall].answeredQuestion })),
  // Someone else's question does not exist for whoever does not act for its hall.
  hallScoped('booking', 'consultation', (hall) => ({ consultationId: target[hall].openQuestion }), 'CONSULT_NOT_FOUND'),
  // Door-to-door service (issue 17): the hall's officers list it and mark it done; its lead (or an admin bound to it) assigns,
  // moves or refuses it. A stale version stops an allowed one at HOME_VISIT_VERSION_CONFLICT; the citizen's steps are no one's here.
  hallScoped('booking', 'hallHomeVisits', (hall) => ({ hallId: hall })),
  hallScoped('booking', 'completeHomeVisit', (hall) => ({ visitId: target[hall].homeVisit, expectedVersion: 999 })),
  ...(['assignHomeVisit', 'rescheduleHomeVisit', 'refuseHomeVisit'] as const).map((action): Case => ({
    fn: 'booking',
    action,
    data: (hall) => ({
      visitId: target[hall].homeVisit,
      expectedVersion: 999,
      ...(action === 'refuseHomeVisit' ? { reason: '须本人到大厅办理' } : { window: { date: '2026-03-04', from: '09:00', to: '11:00' } }),
      ...(action === 'assignHomeVisit' && { officers: ['张警官'] }),
    }),
    allowed: (role, hall) => actsFor(role, hall) && leads(role, hall),
    denied: refusal,
  })),
  ...(['confirmHomeVisit', 'cancelHomeVisit'] as const).map((action): Case => ({
    fn: 'booking',
    action,
    data: (hall) => ({ visitId: target[hall].homeVisit, expectedVersion: 1 }),
    allowed: () => false,
    denied: 'HOME_VISIT_NOT_FOUND',
  })),
  { fn: 'identity', action: 'createOfficerInvitation', data: (hall) => ({ halls: [hall], validDays: 1 }), allowed: administers, denied: 'FORBIDDEN' },
  // The audit log: an admin reads every hall's, an officer their own halls' only.
  { fn: 'identity', action: 'auditLog', data: (hall) => ({ limit: 5, hallId: hall }), allowed: (role, hall) => administers(role) || actsFor(role, hall), denied: refusal },
  // The officer list and revocations (issue 13): admins only, verified or not; revoking someone who holds no hall changes nothing.
  { fn: 'identity', action: 'officers', data: () => ({}), allowed: administers, denied: 'FORBIDDEN' },
  { fn: 'identity', action: 'revokeOfficer', data: (hall) => ({ openid: 'matrix-nobody', hallId: hall }), allowed: administers, denied: 'FORBIDDEN' },
  // Special hours and the duty roster (issue 16): admins and the hall's lead; a stale version stops an allowed save at HOURS_VERSION_CONFLICT.
  { fn: 'booking', action: 'hallHours', data: (hall) => ({ hallId: hall }), allowed: leads, denied: 'FORBIDDEN' },
  {
    fn: 'booking',
    action: 'saveSpecialHours',
    data: (hall) => ({ hallId: hall, entry: { from: '2026-03-20', to: '2026-03-20', kind: 'closed', label: '临时闭厅', sessions: [] }, expectedVersion: 999 }),
    allowed: leads,
    denied: 'FORBIDDEN',
  },
  { fn: 'booking', action: 'deleteSpecialHours', data: (hall) => ({ hallId: hall, from: '2026-03-20', expectedVersion: 999 }), allowed: leads, denied: 'FORBIDDEN' },
  { fn: 'booking', action: 'dutyRoster', data: (hall) => ({ hallId: hall }), allowed: leads, denied: 'FORBIDDEN' },
  {
    fn: 'booking',
    action: 'saveDutyDay',
    data: (hall) => ({ hallId: hall, day: { date: '2026-03-20', phone: '12345', windows: [{ window: 1, officer: '值班民警' }] } }),
    allowed: leads,
    denied: 'FORBIDDEN',
  },
  { fn: 'booking', action: 'deleteDutyDay', data: (hall) => ({ hallId: hall, date: '2026-03-21' }), allowed: leads, denied: 'FORBIDDEN' },
  // The waiting lists (issue 17): the hall's officers see who waits (counts only); its lead (and every admin) sets the hold
  // time, a stale version stopping an allowed save at HALL_SETTINGS_VERSION_CONFLICT.
  hallScoped('booking', 'hallWaitlists', (hall) => ({ hallId: hall })),
  { fn: 'booking', action: 'saveWaitlistHold', data: (hall) => ({ hallId: hall, minutes: 30, expectedVersion: 999 }), allowed: leads, denied: 'FORBIDDEN' },
  { fn: 'identity', action: 'setHallLead', data: (hall) => ({ openid: 'matrix-nobody', hallId: hall, lead: false }), allowed: administers, denied: 'FORBIDDEN' },
  { fn: 'identity', action: 'withdrawInvitation', data: (hall) => ({ invitationId: `no-such-invitation-${hall}` }), allowed: administers, denied: 'FORBIDDEN' },
  // The electronic temporary identity proof (issue 17): no hall and no role in it. A holder's actions
  // are for any verified account (a proof is the caller's own: another's is not found); the public
  // verification is for any WeChat user, verified or not (a token naming nothing is 'unknown').
  ...(
    [
      ['myTempProofs', {}],
      ['tempProofVerifications', {}],
      ['tempProofToken', { proofId: 'matrix-no-such-proof-id' }],
      ['refreshTempProofFace', { proofId: 'matrix-no-such-proof-id', verifyResult: 'matrix-face-result' }],
      ['applyTempProof', { verifyResult: 'matrix-face-result' }],
    ] as const
  ).map(([action, data]): Case => ({ fn: 'identity', action, data: () => ({ ...data }), allowed: verified, denied: 'NOT_VERIFIED' })),
  // Fair release (issue 17): its lead (or an admin bound to it) opens and runs a hall's draw (an allowed one stops at a date
  // already released, or at no draw); its officers see the counts; applying is any verified person's (no draw that day);
  // the public draw views are anyone's.
  {
    fn: 'booking',
    action: 'openReleaseDraw',
    data: (hall) => ({ hallId: hall, date: '2026-03-03', requestId: requestId() }),
    allowed: (role, hall) => actsFor(role, hall) && leads(role, hall),
    denied: refusal,
  },
  {
    fn: 'booking',
    action: 'runReleaseDraw',
    data: (hall) => ({ hallId: hall, date: '2026-03-03' }),
    allowed: (role, hall) => actsFor(role, hall) && leads(role, hall),
    denied: refusal,
  },
  hallScoped('booking', 'hallReleaseDraws', (hall) => ({ hallId: hall })),
  ...(
    [
      ['applyReleaseDraw', (hall: Hall) => ({ hallId: hall, date: '2026-03-20', business: 'id-card-renewal', preferences: [`${hall}:2026-03-20:0900`], requestId: requestId() })],
      ['withdrawReleaseApplication', (hall: Hall) => ({ hallId: hall, date: '2026-03-20', business: 'id-card-renewal' })],
    ] as const
  ).map(([action, data]): Case => ({ fn: 'booking', action, data, allowed: verified, denied: 'NOT_VERIFIED' })),
  { fn: 'booking', action: 'myReleaseApplications', data: () => ({}), allowed: () => true, denied: 'FORBIDDEN' },
  { fn: 'booking', action: 'releaseDraw', data: (hall) => ({ hallId: hall, date: '2026-03-20' }), allowed: () => true, denied: 'FORBIDDEN' },
  { fn: 'booking', action: 'releaseDraws', data: (hall) => ({ hallId: hall }), allowed: () => true, denied: 'FORBIDDEN' },
  // The assisted channel (issue 18): the hall's officers open a session (for someone without a phone on
  // file: nothing is sent); a session is its officer's alone: anyone else, of any hall or role, finds none.
  // Assisted acts per officer (issue 18): the hall's lead and admins, as special hours.
  { fn: 'assisted', action: 'assistedReport', data: (hall) => ({ hallId: hall, period: { kind: 'week', date: '2026-03-02' } }), allowed: leads, denied: 'FORBIDDEN' },
  hallScoped('assisted', 'openAssistedSession', (hall) => ({ hallId: hall, reason: 'desk', name: HUANG.name, idNumber: HUANG.idNumber, requestId: requestId() })),
  ...(
    [
      ['confirmAssistedSession', { code: '000000' }],
      ['assistedReserve', { business: 'id-card-renewal', slotId: 'no-such-slot' }],
      ['assistedCancel', { appointmentId: 'no-such-appointment' }],
      ['assistedReschedule', { appointmentId: 'no-such-appointment', slotId: 'no-such-slot' }],
      // A reissue in a session: the session is by phone, so its officer gets as far as ASSISTED_REISSUE_BY_PHONE.
      ['assistedDivisions', { parentCode: '460000' }],
      ['assistedReissueFee', { reason: 'lost', districtCode: '460108' }],
      [
        'assistedReissue',
        {
          reason: 'lost',
          appearanceUnchanged: true,
          address: { provinceCode: '460000', cityCode: '460100', districtCode: '460108', detail: '海府路88号2栋301室', recipient: '张桂兰', phone: '13700137004' },
          receipt: 'HN2026-000001',
          amount: '50.00',
        },
      ],
      ['assistedTellMaterials', { business: 'id-card-renewal' }],
      // Last: it ends the sessions.
      ['closeAssistedSession', {}],
    ] as const
  ).map(([action, data]): Case => ({
    fn: 'assisted',
    action,
    data: (hall) => ({
      sessionId: target[hall].session,
      ...(action === 'assistedReserve' ? { hallId: hall } : {}),
      ...(['confirmAssistedSession', 'closeAssistedSession', 'assistedReissueFee', 'assistedDivisions'].includes(action) ? {} : { requestId: requestId() }),
      ...data,
    }),
    allowed: (role, hall) => sessionOwner[hall] === role,
    denied: 'ASSISTED_SESSION_NOT_FOUND',
  })),
  { fn: 'identity', action: 'verifyTempProof', data: () => ({ token: 'P1.matrix', verifierKind: 'other' }), allowed: () => true, denied: 'FORBIDDEN' },
  // The waiting list (issue 17): no hall and no role in it. Joining is for any verified account (a
  // day with places left is WAITLIST_NOT_FULL); one's list is anyone's own (empty for most); an entry
  // is its joiner's only: another's, or none, is not found.
  {
    fn: 'booking',
    action: 'joinWaitlist',
    data: (hall) => ({ hallId: hall, business: 'id-card-renewal', date: '2026-03-04' }),
    allowed: verified,
    denied: 'NOT_VERIFIED',
  },
  { fn: 'booking', action: 'myWaitlist', data: () => ({}), allowed: () => true, denied: 'FORBIDDEN' },
  { fn: 'booking', action: 'leaveWaitlist', data: (hall) => ({ entryId: `matrix-no-such-entry-${hall}` }), allowed: () => false, denied: 'WAITLIST_NOT_FOUND' },
  {
    fn: 'booking',
    action: 'acceptWaitlistOffer',
    data: (hall) => ({ entryId: `matrix-no-such-entry-${hall}`, requestId: requestId() }),
    allowed: () => false,
    denied: 'WAITLIST_NOT_FOUND',
  },
];

const rows = cases.flatMap((c) => (Object.keys(ROLES) as RoleName[]).flatMap((role) => ([A, B] as Hall[]).map((hall) => [`${c.fn}.${c.action}`, role, hall, c] as const)));

test.each(rows)('%s as %s at %s', async (_name, role, hall, c) => {
  const body = (await h.call(c.fn, envelopeOf(c.action, c.data(hall)), ROLES[role])).body;
  const refusal = typeof c.denied === 'string' ? c.denied : c.denied(role);
  if (c.allowed(role, hall)) {
    // Allowed: past the access check (a stale version or a future ticket is not a refusal of access).
    const code = body.ok ? 'OK' : body.error.code;
    expect({ allowed: code }).not.toEqual({ allowed: refusal });
    expect([
      'OK',
      'REISSUE_VERSION_CONFLICT',
      'APPLICATION_VERSION_CONFLICT',
      'TICKET_NOT_TODAY',
      'CONSULT_ANSWER_INVALID',
      'CONSULT_STATE_CONFLICT',
      'QUEUE_EMPTY',
      'QUEUE_TICKET_NOT_FOUND',
      'HOURS_VERSION_CONFLICT',
      'HALL_SETTINGS_VERSION_CONFLICT',
      'HOME_VISIT_VERSION_CONFLICT',
      // A holder's action on no proof of theirs, or a face check without face consent.
      'TEMP_PROOF_NOT_FOUND',
      // Applying for a temporary proof without a card lost or being reissued (decided before the face result).
      'TEMP_PROOF_NOT_ELIGIBLE',
      'CONSENT_REQUIRED',
      // Fair release: a date already released (the draw's rules, after the access check), no draw that day.
      'RELEASE_DRAW_INVALID',
      'RELEASE_DRAW_NOT_FOUND',
      // Joining the waiting list of a day with places left.
      'WAITLIST_NOT_FULL',
      // Issue 18: an assisted session for someone without a phone on file; a session confirmed already; no such slot or appointment.
      'ASSISTED_NO_PHONE_ON_FILE',
      'ASSISTED_SESSION_CONFIRMED',
      'SLOT_NOT_FOUND',
      'APPOINTMENT_NOT_FOUND',
      // A reissue in a session by phone (nobody can take the fee).
      'ASSISTED_REISSUE_BY_PHONE',
    ]).toContain(code);
  } else {
    expect(body.ok ? 'OK' : body.error.code).toBe(refusal);
  }
});

test('an admin without halls sees no hall of their own in the review queue and is refused it', async () => {
  const reissue = functionCaller(h, 'reissue');
  expect((await reissue.error(ROLES.admin, 'reviewQueue', {})).code).toBe('FORBIDDEN');
  const own = await reissue.ok(ROLES.adminA, 'reviewQueue', { states: ['submitted', 'cancelled'] });
  expect(own.applications.map((a: { hallId: string }) => a.hallId)).toEqual([A]);
});
