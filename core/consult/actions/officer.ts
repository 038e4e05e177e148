import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { requireActingForHall } from '../../identity/hallAccess';
import { ANSWER_MAX, PUBLISHED_QUESTION_MAX } from '../consultNames';
import { consultationView, ConsultationView, ConsultState, type Consultation } from '../Consultation';
import type { ConsultDeps } from '../ConsultDeps';
import { nextConsultState, statesBefore, type ConsultEvent } from '../consultStates';
import { judgeAnswer, judgePublication } from '../judgeText';
import { namesFor } from '../names';
import { ConsultationId, Text } from './inputs';

const HALL_LIMIT = 50;

/** The consultation, when the caller acts for its hall (CONSULT_NOT_FOUND, OFFICER_NOT_VERIFIED or FORBIDDEN otherwise). */
async function loadForOfficer(deps: ConsultDeps, consultationId: string): Promise<{ c: Consultation; officer: string }> {
  const officer = requireOpenid(deps);
  const account = await deps.identities.account(officer);
  const c = await deps.consultations.get(consultationId);
  if (!c) throw new DomainError('CONSULT_NOT_FOUND');
  requireActingForHall(account, c.hallId);
  return { c, officer };
}

/** Moves it by the event when still where it was; CONSULT_STATE_CONFLICT when another officer acted first. */
async function move(deps: ConsultDeps, c: Consultation, event: ConsultEvent, patch: Partial<Consultation>): Promise<Consultation> {
  const state = nextConsultState(c.state, event);
  if (!(await deps.consultations.transition(c._id, statesBefore(event), { ...patch, state }))) throw new DomainError('CONSULT_STATE_CONFLICT');
  return { ...c, ...patch, state };
}

const view = async (deps: ConsultDeps, c: Consultation) => consultationView(c, (await namesFor(deps.guides, [c]))(c));

/** Officer: the hall's questions in one state (open ones first come, first answered). The asker is never shown. */
export const hallConsultations = defineAction({
  summary: "Officer of the hall: the hall's consultations in one state (default open; open ones oldest first, others newest first; at most 50).",
  input: lazySchema(() => z.strictObject({ hallId: stableId, state: z.optional(ConsultState) })),
  output: lazySchema(() => z.object({ hallId: z.string(), consultations: z.array(ConsultationView) })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run({ hallId, state }, deps: ConsultDeps) {
    requireActingForHall(await deps.identities.account(requireOpenid(deps)), hallId);
    const found = await deps.consultations.ofHall(hallId, state ?? 'open', HALL_LIMIT);
    const names = await namesFor(deps.guides, found);
    return { hallId, consultations: found.map((c) => consultationView(c, names(c))) };
  },
});

/**
 * Officer of the hall: answers an open question. The citizen is told by subscribe message
 * (HUKOU_PROGRESS_TEMPLATE_ID, 办理进度通知) when they subscribed when asking; either way the
 * answer is stored and shown on their 我的咨询 page. `notified` says whether WeChat took the message.
 * Repeatable: a retry of the request answers as the first did; a retry of an attempt that stored the
 * answer and was cut off before its reply was recorded finishes it (the same officer, the same text).
 */
export const answerConsultation = defineAction({
  summary: 'Officer of the hall: answer an open question; the citizen is notified by subscribe message (when subscribed) and sees it under 我的咨询.',
  input: lazySchema(() => z.strictObject({ consultationId: ConsultationId, answer: Text(ANSWER_MAX) })),
  output: lazySchema(() => z.extend(ConsultationView, { notified: z.boolean() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'CONSULT_NOT_FOUND', 'CONSULT_STATE_CONFLICT', 'CONSULT_ANSWER_INVALID', 'CONSULT_PERSONAL_DATA'],
  idempotent: 'required',
  async run({ consultationId, answer }, deps: ConsultDeps) {
    const { c, officer } = await loadForOfficer(deps, consultationId);
    const text = judgeAnswer(answer);
    // A retry whose first attempt stored the answer (and stopped before its reply was recorded)
    // resumes: the same officer, the same text. WeChat's one-time subscription keeps the message single.
    const resumed = c.state === 'answered' && c.answeredBy === officer && c.answer === text;
    const now = deps.clock.now();
    const answered = resumed ? c : await move(deps, c, 'answer', { answer: text, answeredAt: now, answeredBy: officer });
    const shown = await view(deps, answered);
    const at = answered.answeredAt ?? now;
    const notified = await deps.consultNotifier.answered(c.askerOpenid, { consultationId: c._id, businessTitle: shown.businessTitle, at }).then(
      () => true,
      () => false,
    );
    return { ...shown, notified };
  },
});

/**
 * Officer of the hall: publishes an answered question to the guide's FAQ, in a version the officer
 * writes (no names or circumstances: a rule cannot find names). Refused while an ID or mobile
 * number remains (CONSULT_PERSONAL_DATA). The FAQ entry holds the published texts only. Publishing
 * the same texts again repairs an entry whose write was interrupted.
 */
export const publishConsultation = defineAction({
  summary: "Officer of the hall: publish an answered question to the guide's FAQ in an edited version (no ID or mobile numbers; the question at most 100 characters).",
  input: lazySchema(() => z.strictObject({ consultationId: ConsultationId, question: Text(PUBLISHED_QUESTION_MAX), answer: Text(ANSWER_MAX) })),
  output: ConsultationView,
  errors: [
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'OFFICER_NOT_VERIFIED',
    'CONSULT_NOT_FOUND',
    'CONSULT_STATE_CONFLICT',
    'CONSULT_QUESTION_INVALID',
    'CONSULT_ANSWER_INVALID',
    'CONSULT_PERSONAL_DATA',
  ],
  idempotent: 'optional',
  async run(input, deps: ConsultDeps) {
    const { c, officer } = await loadForOfficer(deps, input.consultationId);
    const texts = judgePublication(input);
    const again = c.state === 'published' && c.publishedQuestion === texts.question && c.publishedAnswer === texts.answer;
    const published = again
      ? c
      : await move(deps, c, 'publish', { publishedQuestion: texts.question, publishedAnswer: texts.answer, publishedAt: deps.clock.now(), publishedBy: officer });
    await deps.consultations.putFaq({
      _id: published._id,
      hallId: published.hallId,
      business: published.business,
      question: texts.question,
      answer: texts.answer,
      publishedAt: published.publishedAt ?? deps.clock.now(),
    });
    return view(deps, published);
  },
});

/** Officer of the hall: closes an open question without an answer (not for this hall, abuse). */
export const closeConsultation = defineAction({
  summary: 'Officer of the hall: close an open question without answering it (not a question for this hall; abuse).',
  input: lazySchema(() => z.strictObject({ consultationId: ConsultationId })),
  output: ConsultationView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'CONSULT_NOT_FOUND', 'CONSULT_STATE_CONFLICT'],
  idempotent: 'optional',
  async run({ consultationId }, deps: ConsultDeps) {
    const { c } = await loadForOfficer(deps, consultationId);
    return view(deps, await move(deps, c, 'close', { closedAt: deps.clock.now() }));
  },
});
