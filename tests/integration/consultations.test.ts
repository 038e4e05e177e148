/**
 * Consultations (issue 16) through the local cloud: a citizen asks a hall (booking function), the
 * hall's officer sees it and answers, the citizen is told by subscribe message (the progress
 * template) and reads the answer; another hall's officer and another citizen are refused; the ask
 * quota holds; publication is refused while an ID number remains, and the public guide function
 * shows the published version, which holds no account.
 */
import { devEnvironment } from '../../devcloud/devEnvironment';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at, requestId } from './support/bookingFlow';
import { functionCaller } from './support/functionCaller';
import { MAX_OPEN_PER_ASKER } from '../../core/consult/consultNames';
import { verifyOfficer } from '../support/verifiedOfficer';

jest.setTimeout(180_000);

let h: Harness;
const HALL = 'haikou-longhua';
const OTHER_HALL = 'haikou-meilan';
const BUSINESS = 'household-certificate';
const OFFICER = 'local-officer';

beforeAll(async () => {
  h = await startHarness();
  h.setNow(at('2026-12-02', '10:00'));
});
afterAll(async () => {
  await h.close();
});

const booking = () => functionCaller(h, 'booking');
const guide = () => functionCaller(h, 'guide');
const ask = (question: string, extra: Record<string, unknown> = {}) => ({ hallId: HALL, business: BUSINESS, question, requestId: requestId(), ...extra });

test('ask, answer (notified), read; refused to another citizen and another hall; published without personal data', async () => {
  const b = booking();
  // Asking needs a WeChat identity, not a verified one.
  const [stranger] = await seedVerifiedCitizens(h.cloud.url, 'itest-consult', 1);
  const newcomer = 'itest-consult-unverified';
  const asked = await b.ok(newcomer, 'askConsultation', ask('我想给孩子开户籍证明，要带什么材料？'));
  expect(asked).toMatchObject({ state: 'open', hallId: HALL, business: BUSINESS });
  expect((await b.error(undefined, 'askConsultation', ask('没有身份能问吗？'))).code).toBe('UNAUTHENTICATED');
  // A request id is required, and a retry of it is the same question.
  expect((await b.error(newcomer, 'askConsultation', { hallId: HALL, business: BUSINESS, question: '没有请求编号的问题？' })).code).toBe('INVALID_INPUT');
  const again = ask('重复提交的问题会算两次吗？');
  const first = await b.ok(newcomer, 'askConsultation', again);
  expect(await b.ok(newcomer, 'askConsultation', again)).toEqual(first);

  // Another citizen, and another hall's officer, do not see it.
  expect((await b.error(stranger, 'consultation', { consultationId: asked.id })).code).toBe('CONSULT_NOT_FOUND');
  expect((await b.ok(stranger, 'myConsultations')).consultations).toEqual([]);
  const db = localDatabase(h.cloud.url);
  const now = new Date();
  await db
    .collection('accounts')
    .doc('itest-consult-officer-b')
    .set({ role: 'officer', halls: [OTHER_HALL], consents: [], createdAt: now, updatedAt: now });
  await verifyOfficer(h.cloud.url, 'itest-consult-officer-b');
  expect((await b.error('itest-consult-officer-b', 'hallConsultations', { hallId: HALL })).code).toBe('FORBIDDEN');
  expect((await b.error('itest-consult-officer-b', 'answerConsultation', { consultationId: asked.id, answer: '别的大厅的答复', requestId: requestId() })).code).toBe('FORBIDDEN');
  expect((await b.error(stranger, 'hallConsultations', { hallId: HALL })).code).toBe('FORBIDDEN');
  expect((await b.error(stranger, 'answerConsultation', { consultationId: asked.id, answer: '不该由你答复', requestId: requestId() })).code).toBe('FORBIDDEN');

  // The hall's officer sees it (never who asked) and answers; the citizen is told.
  const open = await b.ok(OFFICER, 'hallConsultations', { hallId: HALL });
  expect(open.consultations.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([asked.id, first.id]));
  expect(JSON.stringify(open)).not.toContain(newcomer);
  const sentBefore = h.cloud.notifications.length;
  const answer = { consultationId: asked.id, answer: '请携带户口簿和您本人的身份证到大厅办理，当场出具。', requestId: requestId() };
  const answered = await b.ok(OFFICER, 'answerConsultation', answer);
  expect(answered).toMatchObject({ state: 'answered', notified: true });
  // A retried answer answers the same, and nothing is sent twice.
  expect(await b.ok(OFFICER, 'answerConsultation', answer)).toEqual(answered);
  const told = h.cloud.notifications.slice(sentBefore);
  expect(told).toEqual([expect.objectContaining({ openid: newcomer, templateId: devEnvironment.HUKOU_PROGRESS_TEMPLATE_ID })]);
  expect(told[0]!.data.phrase2?.value).toBe('已答复');
  expect((await b.ok(newcomer, 'consultation', { consultationId: asked.id })).answer).toBe(answer.answer);
  expect((await b.error(OFFICER, 'answerConsultation', { ...answer, answer: '第二个答复', requestId: requestId() })).code).toBe('CONSULT_STATE_CONFLICT');

  // Publishing: refused with an ID number left in; the edited version goes to the FAQ alone.
  const edited = { consultationId: asked.id, question: '为子女开具户籍证明需要带什么材料？', answer: '请携带户口簿和本人身份证到大厅办理，当场出具。' };
  expect((await b.error(OFFICER, 'publishConsultation', { ...edited, question: '为11010519491231002X开证明要带什么？' })).code).toBe('CONSULT_PERSONAL_DATA');
  expect((await b.error('itest-consult-officer-b', 'publishConsultation', edited)).code).toBe('FORBIDDEN');
  expect((await guide().ok(undefined, 'faq', { business: BUSINESS })).entries).toEqual([]);
  await b.ok(OFFICER, 'publishConsultation', edited);
  const faq = await guide().ok(undefined, 'faq', { business: BUSINESS, hallId: HALL });
  expect(faq.entries).toEqual([expect.objectContaining({ id: asked.id, question: edited.question, answer: edited.answer })]);
  const stored = (await db.collection('consult_faq').doc(asked.id).get()).data[0];
  expect(Object.keys(stored).sort()).toEqual(['_id', 'answer', 'business', 'hallId', 'publishedAt', 'question']);
  expect(JSON.stringify(faq)).not.toMatch(/孩子|itest-consult/);
});

test(`at most ${MAX_OPEN_PER_ASKER} questions waiting per account`, async () => {
  const b = booking();
  const [asker] = await seedVerifiedCitizens(h.cloud.url, 'itest-consult-quota', 1);
  for (let i = 0; i < MAX_OPEN_PER_ASKER; i++) await b.ok(asker, 'askConsultation', ask(`第${i + 1}个问题：办理要多久？`));
  expect((await b.error(asker, 'askConsultation', ask('再问一个问题可以吗？'))).code).toBe('CONSULT_LIMIT');
  expect((await b.error(asker, 'askConsultation', ask('我的电话138-1234-5678，请回电'))).code).toBe('CONSULT_PERSONAL_DATA');
  expect((await localDatabase(h.cloud.url).collection('consultations').where({ askerOpenid: asker }).count()).total).toBe(MAX_OPEN_PER_ASKER);
});
