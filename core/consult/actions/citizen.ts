import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { mayActForHall } from '../../identity/hallAccess';
import { shanghaiDate, shanghaiInstant } from '../../time/shanghai';
import { checkAskQuota } from '../askQuota';
import { QUESTION_MAX } from '../consultNames';
import { consultationView, ConsultationView, type Consultation } from '../Consultation';
import type { ConsultDeps } from '../ConsultDeps';
import { judgeQuestion } from '../judgeText';
import { namesFor } from '../names';
import { ConsultationId, Text } from './inputs';

const MINE_LIMIT = 50;

/**
 * A citizen asks a hall a question about one of its businesses. Asking needs a WeChat identity
 * (the openid of the function context) and no real-name verification: a question is general
 * ("what do I bring"), is often asked before anything is booked, and carries no personal data
 * (judgeQuestion refuses ID and mobile numbers). The openid is what the rate limit counts and what
 * the answer is sent to. Repeatable: a retry of the request answers the same consultation.
 */
export const askConsultation = defineAction({
  summary: 'Citizen (WeChat identity, no real-name verification needed): ask a hall a question about a business it handles; at most 3 waiting and 5 a day per account.',
  input: lazySchema(() => z.strictObject({ hallId: stableId, business: stableId, question: Text(QUESTION_MAX) })),
  output: ConsultationView,
  errors: ['UNAUTHENTICATED', 'HALL_NOT_FOUND', 'CONSULT_BUSINESS_NOT_OFFERED', 'CONSULT_QUESTION_INVALID', 'CONSULT_PERSONAL_DATA', 'CONSULT_LIMIT'],
  idempotent: 'required',
  async run({ hallId, business, question }, deps: ConsultDeps, request) {
    const openid = requireOpenid(deps);
    const text = judgeQuestion(question);
    const hall = await deps.guides.hall(hallId);
    if (!hall) throw new DomainError('HALL_NOT_FOUND');
    if (!hall.services.includes(business)) throw new DomainError('CONSULT_BUSINESS_NOT_OFFERED');
    const guide = await deps.guides.guide(business);
    if (!guide) throw new DomainError('CONSULT_BUSINESS_NOT_OFFERED');
    const names = { hallName: hall.name, businessTitle: guide.title };
    // The id is the request's: a retry whose first attempt was stored finds it before the quota counts it.
    const id = deps.idFor(`consultation:${openid}:${request?.requestId ?? ''}`);
    const earlier = await deps.consultations.get(id);
    if (earlier) return consultationView(earlier, names);
    const now = deps.clock.now();
    const [open, today] = await Promise.all([deps.consultations.countOpenOfAsker(openid), deps.consultations.countAskedSince(openid, shanghaiInstant(shanghaiDate(now)))]);
    checkAskQuota({ open, today });
    const wanted: Consultation = { _id: id, hallId, business, askerOpenid: openid, question: text, state: 'open', createdAt: now };
    const { consultation } = await deps.consultations.add(wanted);
    return consultationView(consultation, names);
  },
});

/** The caller's own questions with their answers, newest first. */
export const myConsultations = defineAction({
  summary: "Citizen: the caller's own questions (the 50 latest) with the hall's answers.",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ consultations: z.array(ConsultationView) })),
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: ConsultDeps) {
    const openid = requireOpenid(deps);
    const mine = await deps.consultations.ofAsker(openid, MINE_LIMIT);
    const names = await namesFor(deps.guides, mine);
    return { consultations: mine.map((c) => consultationView(c, names(c))) };
  },
});

/**
 * One consultation: for the citizen who asked it, or an officer acting for its hall. Anyone else
 * is told it does not exist (ids cannot be probed).
 */
export const consultation = defineAction({
  summary: 'The citizen who asked, or an officer of its hall: one consultation with its answer; CONSULT_NOT_FOUND for anyone else.',
  input: lazySchema(() => z.strictObject({ consultationId: ConsultationId })),
  output: ConsultationView,
  errors: ['UNAUTHENTICATED', 'CONSULT_NOT_FOUND'],
  async run({ consultationId }, deps: ConsultDeps) {
    const openid = requireOpenid(deps);
    const found = await deps.consultations.get(consultationId);
    if (!found) throw new DomainError('CONSULT_NOT_FOUND');
    if (found.askerOpenid !== openid) {
      const account = await deps.identities.account(openid);
      if (!account || !mayActForHall(account, found.hallId)) throw new DomainError('CONSULT_NOT_FOUND');
    }
    return consultationView(found, (await namesFor(deps.guides, [found]))(found));
  },
});
