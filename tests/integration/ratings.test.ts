/**
 * 好差评 through the local cloud: the booking function rates a served appointment, the reissue
 * function a delivered application; refused before the service finished, for anyone but who booked
 * or applied, a second time, and a poor rating without a reason; the hall's view only for its
 * officers (and admins). The database keeps one rating per service.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, bookingFlow } from './support/bookingFlow';
import { reissueFlow } from './support/reissueFlow';

jest.setTimeout(180_000);

let h: Harness;
let b: ReturnType<typeof bookingFlow>;
let r: ReturnType<typeof reissueFlow>;
const HALL = 'haikou-longhua';
const CITIZEN = 'local-citizen';
const OFFICER = 'local-officer';
const DAY = '2026-12-02';

beforeAll(async () => {
  h = await startHarness();
  b = bookingFlow(h);
  r = reissueFlow(h);
});
afterAll(async () => {
  await h.close();
});

const ratingsStored = async () => (await localDatabase(h.cloud.url).collection('service_ratings').count()).total;

test('an appointment: not before check-in, not by someone else, a poor rating needs a reason, once; the hall sees it', async () => {
  h.setNow(at('2026-12-01', '08:30'));
  const [stranger] = await seedVerifiedCitizens(h.cloud.url, 'itest-rater', 1);
  const booked = await b.reserve(CITIZEN, HALL, 'id-card-renewal', `${HALL}:${DAY}:0900`);
  expect(booked.ok).toBe(true);
  const appointmentId = booked.data.id as string;
  expect((await b.error(CITIZEN, 'rateAppointment', { appointmentId, level: 'verySatisfied' })).code).toBe('RATING_NOT_FINISHED');

  h.setNow(at(DAY, '08:50'));
  const { token } = await b.ok(CITIZEN, 'ticket', { appointmentId });
  await b.ok(OFFICER, 'checkIn', { token });

  expect((await b.error(stranger, 'rateAppointment', { appointmentId, level: 'verySatisfied' })).code).toBe('APPOINTMENT_NOT_FOUND');
  expect((await b.error(OFFICER, 'rateAppointment', { appointmentId, level: 'verySatisfied' })).code).toBe('APPOINTMENT_NOT_FOUND');
  expect((await b.error(CITIZEN, 'rateAppointment', { appointmentId, level: 'dissatisfied' })).code).toBe('RATING_REASON_REQUIRED');
  expect((await b.error(CITIZEN, 'rateAppointment', { appointmentId, level: 'dissatisfied', reasons: ['tooSlow'], comment: '电话13812345678' })).code).toBe(
    'RATING_COMMENT_INVALID',
  );
  expect(await ratingsStored()).toBe(0);

  const rating = { appointmentId, level: 'dissatisfied', reasons: ['tooSlow', 'attitude'], comment: '排队太久' };
  const first = await b.ok(CITIZEN, 'rateAppointment', rating);
  expect(first).toMatchObject({ level: 'dissatisfied', levelName: '不满意', reasons: [{ code: 'tooSlow' }, { code: 'attitude' }] });
  // Twice → once: the same rating again (a retry) answers the first; another one is refused.
  expect(await b.ok(CITIZEN, 'rateAppointment', rating)).toEqual(first);
  expect((await b.error(CITIZEN, 'rateAppointment', { appointmentId, level: 'verySatisfied' })).code).toBe('RATING_ALREADY_GIVEN');
  expect(await ratingsStored()).toBe(1);
  expect((await b.ok(CITIZEN, 'myRatings', { kind: 'appointment', serviceIds: [appointmentId] })).ratings).toEqual([first]);

  // The hall: its officer and the admin see it, no one else; nothing names the citizen.
  const hall = await b.ok(OFFICER, 'hallRatings', { hallId: HALL });
  expect(hall).toMatchObject({ hallId: HALL, total: 1, poorCount: 1, satisfactionPercent: 0 });
  expect(hall.recentPoor[0]).toMatchObject({ serviceId: appointmentId, comment: '排队太久', businessTitle: expect.any(String) });
  expect(JSON.stringify(hall)).not.toContain(CITIZEN);
  expect((await b.ok('local-admin', 'hallRatings', { hallId: HALL })).total).toBe(1);
  expect((await b.error(OFFICER, 'hallRatings', { hallId: 'haikou-meilan' })).code).toBe('FORBIDDEN');
  expect((await b.error(CITIZEN, 'hallRatings', { hallId: HALL })).code).toBe('FORBIDDEN');
});

test('an application: rated once the card was delivered, by its applicant only', async () => {
  // 王建国's card (issued 2021-06-10) is within Haikou's 5 years on this day.
  h.setNow(at('2026-03-02', '10:00'));
  const paid = await r.paidApplication(CITIZEN);
  expect((await r.error(CITIZEN, 'rateApplication', { applicationId: paid.id, level: 'satisfied' })).code).toBe('RATING_NOT_FINISHED');
  for (const step of ['startReview', 'approve', 'startProduction']) await r.ok(OFFICER, step, { applicationId: paid.id });
  await r.ok(OFFICER, 'ship', { applicationId: paid.id, courier: 'ems', trackingNumber: 'EMS5550001112CN' });
  expect((await r.error(CITIZEN, 'rateApplication', { applicationId: paid.id, level: 'satisfied' })).code).toBe('RATING_NOT_FINISHED');
  await r.courierAdvance('EMS5550001112CN');
  expect((await r.timer('pollShipments')).data).toMatchObject({ delivered: 1 });

  expect((await r.error(OFFICER, 'rateApplication', { applicationId: paid.id, level: 'satisfied' })).code).toBe('REISSUE_NOT_FOUND');
  const rated = await r.ok(CITIZEN, 'rateApplication', { applicationId: paid.id, level: 'verySatisfied' });
  expect(rated).toMatchObject({ kind: 'application', serviceId: paid.id, levelName: '非常满意' });
  expect((await r.error(CITIZEN, 'rateApplication', { applicationId: paid.id, level: 'satisfied' })).code).toBe('RATING_ALREADY_GIVEN');
  expect((await r.ok(CITIZEN, 'myRatings', { kind: 'application', serviceIds: [paid.id] })).ratings).toEqual([rated]);
  expect((await b.ok(OFFICER, 'hallRatings', { hallId: HALL })).total).toBe(2);
});
