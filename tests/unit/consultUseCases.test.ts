import { dispatch } from '../../core/function/dispatch';
import { guideActions } from '../../core/guide/guideActions';
import { MAX_OPEN_PER_ASKER, MAX_PER_DAY } from '../../core/consult/consultNames';
import { bookingWorld, CERTIFICATE, CITIZENS, HALL, HOUR, ID_CARD, OFFICER, OTHER_HALL, OTHER_OFFICER } from './support/bookingWorld';

/** Consultations (issue 16) through the booking function's dispatch, with the stores in memory. */
const [ASKER, OTHER] = CITIZENS;
const ask = (question = '迁户口需要带什么材料？', hallId = HALL, business = CERTIFICATE) => ({ hallId, business, question });

test('a citizen asks, the hall answers, the citizen reads it and is told; nobody else reads it', async () => {
  const w = bookingWorld();
  const asked = await w.ok(ASKER, 'askConsultation', ask());
  expect(asked).toMatchObject({ hallId: HALL, business: CERTIFICATE, state: 'open', stateName: '待答复', businessTitle: expect.any(String), hallName: expect.any(String) });
  expect(JSON.stringify(asked)).not.toContain(ASKER);

  expect(await w.refused(OTHER, 'consultation', { consultationId: asked.id })).toBe('CONSULT_NOT_FOUND');
  expect(await w.refused(OTHER_OFFICER, 'consultation', { consultationId: asked.id })).toBe('CONSULT_NOT_FOUND');
  expect((await w.ok(OFFICER, 'consultation', { consultationId: asked.id })).id).toBe(asked.id);

  expect((await w.ok(OFFICER, 'hallConsultations', { hallId: HALL })).consultations.map((c: { id: string }) => c.id)).toEqual([asked.id]);
  expect(await w.refused(OTHER_OFFICER, 'hallConsultations', { hallId: HALL })).toBe('FORBIDDEN');
  expect(await w.refused(OTHER_OFFICER, 'answerConsultation', { consultationId: asked.id, answer: '户口簿和身份证。' })).toBe('FORBIDDEN');
  expect(await w.refused(ASKER, 'answerConsultation', { consultationId: asked.id, answer: '户口簿和身份证。' })).toBe('FORBIDDEN');

  const answered = await w.ok(OFFICER, 'answerConsultation', { consultationId: asked.id, answer: '户口簿和身份证。' });
  expect(answered).toMatchObject({ state: 'answered', answer: '户口簿和身份证。', notified: true });
  expect(w.consultNotifier.told).toEqual([{ openid: ASKER, consultationId: asked.id, businessTitle: answered.businessTitle }]);
  // The same answer again by the same officer (a retry cut off after the write): the same, told again
  // (WeChat's one-time subscription refuses a second message); any other second answer is refused.
  expect(await w.ok(OFFICER, 'answerConsultation', { consultationId: asked.id, answer: '户口簿和身份证。' })).toMatchObject({ state: 'answered', answeredAt: answered.answeredAt });
  w.consultNotifier.told.length = 0;
  expect(await w.refused(OFFICER, 'answerConsultation', { consultationId: asked.id, answer: '另一个答复' })).toBe('CONSULT_STATE_CONFLICT');
  expect((await w.ok(ASKER, 'myConsultations')).consultations).toEqual([expect.objectContaining({ id: asked.id, answer: '户口簿和身份证。', stateName: '已答复' })]);
  expect((await w.ok(OTHER, 'myConsultations')).consultations).toEqual([]);
  expect(await w.refused(undefined, 'myConsultations')).toBe('UNAUTHENTICATED');
});

test('not subscribed: the answer is stored and shown, notified false', async () => {
  const w = bookingWorld();
  w.consultNotifier.refuse = true;
  const asked = await w.ok(ASKER, 'askConsultation', ask());
  expect(await w.ok(OFFICER, 'answerConsultation', { consultationId: asked.id, answer: '可以办理。' })).toMatchObject({ notified: false, state: 'answered' });
  expect((await w.ok(ASKER, 'consultation', { consultationId: asked.id })).answer).toBe('可以办理。');
});

test('a retried ask is one question; the hall must handle the business', async () => {
  const w = bookingWorld();
  const first = await w.ok(ASKER, 'askConsultation', ask(), 'same-request');
  expect(await w.ok(ASKER, 'askConsultation', ask(), 'same-request')).toEqual(first);
  expect(w.consultations.docs.size).toBe(1);
  expect(await w.refused(ASKER, 'askConsultation', ask('临时身份证能寄到家吗？', 'haikou-qiongshan-idcard', CERTIFICATE))).toBe('CONSULT_BUSINESS_NOT_OFFERED');
  expect(await w.refused(ASKER, 'askConsultation', ask('这个大厅在哪里？', 'no-such-hall'))).toBe('HALL_NOT_FOUND');
  expect(await w.refused(ASKER, 'askConsultation', ask('我的手机是13812345678，请回电'))).toBe('CONSULT_PERSONAL_DATA');
});

test(`rate limit: ${MAX_OPEN_PER_ASKER} waiting at once, ${MAX_PER_DAY} a day (Shanghai)`, async () => {
  const w = bookingWorld();
  const ids: string[] = [];
  for (let i = 0; i < MAX_OPEN_PER_ASKER; i++) ids.push((await w.ok(ASKER, 'askConsultation', ask(`第${i + 1}个问题：需要什么材料？`))).id);
  expect(await w.refused(ASKER, 'askConsultation', ask('再问一个问题可以吗？'))).toBe('CONSULT_LIMIT');
  // Others are not held back by it.
  await w.ok(OTHER, 'askConsultation', ask('另一个人的问题？'));
  // Answered ones no longer wait: more may be asked, up to the day's limit.
  for (const id of ids) await w.ok(OFFICER, 'answerConsultation', { consultationId: id, answer: '请携带户口簿。' });
  for (let i = MAX_OPEN_PER_ASKER; i < MAX_PER_DAY; i++) await w.ok(ASKER, 'askConsultation', ask(`第${i + 1}个问题：需要什么材料？`, HALL, ID_CARD));
  expect(await w.refused(ASKER, 'askConsultation', ask('今天的最后一个问题？', OTHER_HALL))).toBe('CONSULT_LIMIT');
  // The next day in Shanghai (the world starts at 10:00 there): the day's count starts again; the two waiting still count.
  w.clock.advance(14 * HOUR);
  await w.ok(ASKER, 'askConsultation', ask('第二天的问题可以吗？'));
  expect(await w.refused(ASKER, 'askConsultation', ask('第二天的第二个问题？'))).toBe('CONSULT_LIMIT');
  const open = (await w.ok(OFFICER, 'hallConsultations', { hallId: HALL })).consultations;
  // Oldest first: the other citizen's, then the asker's three.
  expect(open.map((c: { question: string }) => c.question)).toEqual(['另一个人的问题？', '第4个问题：需要什么材料？', '第5个问题：需要什么材料？', '第二天的问题可以吗？']);
  // A closed one no longer waits either.
  await w.ok(OFFICER, 'closeConsultation', { consultationId: open[1].id });
  expect((await w.ok(ASKER, 'askConsultation', ask('第二天的第二个问题？'))).state).toBe('open');
});

test('publishing: only answered ones, in the edited version, never with an ID or mobile number; the guide shows it', async () => {
  const w = bookingWorld();
  const asked = await w.ok(ASKER, 'askConsultation', ask('我叫王建国，想给孩子开户籍证明，要带什么？'));
  const edited = { consultationId: asked.id, question: '给子女开具户籍证明需要带什么？', answer: '请携带户口簿及本人身份证到大厅办理。' };
  expect(await w.refused(OFFICER, 'publishConsultation', edited)).toBe('CONSULT_STATE_CONFLICT');
  await w.ok(OFFICER, 'answerConsultation', { consultationId: asked.id, answer: '请携带户口簿及本人身份证到大厅办理。' });
  expect(await w.refused(OFFICER, 'publishConsultation', { ...edited, question: '身份证号11010519491231002X的人能开吗？' })).toBe('CONSULT_PERSONAL_DATA');
  expect(await w.refused(OFFICER, 'publishConsultation', { ...edited, answer: '请致电138 1234 5678咨询。' })).toBe('CONSULT_PERSONAL_DATA');
  expect(await w.refused(OTHER_OFFICER, 'publishConsultation', edited)).toBe('FORBIDDEN');
  expect(w.consultations.faq.size).toBe(0);

  const published = await w.ok(OFFICER, 'publishConsultation', edited);
  expect(published).toMatchObject({ state: 'published', published: { question: edited.question, answer: edited.answer } });
  // Again with the same texts: the same (repairs an interrupted write); other texts: refused.
  expect(await w.ok(OFFICER, 'publishConsultation', edited)).toEqual(published);
  expect(await w.refused(OFFICER, 'publishConsultation', { ...edited, answer: '改过的答复' })).toBe('CONSULT_STATE_CONFLICT');

  // The public guide function reads the FAQ entry, which holds the edited texts and no account.
  const guideDeps = { guides: w.guides, clock: w.clock, faq: w.consultations };
  const faq = await dispatch(guideActions, { action: 'faq', data: { business: CERTIFICATE } }, guideDeps);
  expect(faq.response).toEqual({ ok: true, data: { entries: [expect.objectContaining({ id: asked.id, hallId: HALL, question: edited.question, answer: edited.answer })] } });
  expect(JSON.stringify(faq.response)).not.toMatch(/王建国|o-a/);
  expect(JSON.stringify([...w.consultations.faq.values()])).not.toMatch(/王建国|o-a|askerOpenid/);
  expect((await dispatch(guideActions, { action: 'faq', data: { business: CERTIFICATE, hallId: OTHER_HALL } }, guideDeps)).response).toEqual({ ok: true, data: { entries: [] } });
});
