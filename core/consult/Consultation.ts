import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { shanghaiMinuteText } from '../time/shanghai';
import { CONSULT_STATE_NAMES, CONSULT_STATES, type ConsultState as ConsultStateName } from './consultNames';

/**
 * A consultation (咨询, issue 16): a citizen asks one hall a question about one business of the
 * guide's catalogue; the hall's officers answer; an answered question may be published to the
 * guide's FAQ in a version the officer edits (core/consult/judgeText.ts). Stored in
 * `consultations`; its published version also in `consult_faq`, which holds nothing else.
 */
export interface Consultation {
  _id: string;
  hallId: string;
  /** A guide id the hall handles. */
  business: string;
  /** The account that asked: the one citizen who reads it (not shown to the hall). */
  askerOpenid: string;
  question: string;
  state: ConsultStateName;
  createdAt: Date;
  answer?: string;
  answeredAt?: Date;
  /** The officer who answered (the audit of who said what to whom). */
  answeredBy?: string;
  /** The published version, once published. */
  publishedQuestion?: string;
  publishedAnswer?: string;
  publishedAt?: Date;
  publishedBy?: string;
  closedAt?: Date;
}

/** An entry of the guide's FAQ (`consult_faq`, _id = the consultation's): the published texts only. */
export interface FaqEntry {
  _id: string;
  hallId: string;
  business: string;
  question: string;
  answer: string;
  publishedAt: Date;
}

export const ConsultState = lazySchema(() => z.enum(CONSULT_STATES));

/** What the citizen who asked, or the hall's officer, sees of a consultation: never the account. */
export const ConsultationView = lazySchema(() =>
  z.object({
    id: z.string(),
    hallId: z.string(),
    hallName: z.string(),
    business: z.string(),
    businessTitle: z.string(),
    question: z.string(),
    state: ConsultState,
    stateName: z.string(),
    createdAt: z.string(),
    answer: z.optional(z.string()),
    answeredAt: z.optional(z.string()),
    published: z.optional(z.object({ question: z.string(), answer: z.string() })),
  }),
);
export type ConsultationView = z.infer<typeof ConsultationView>;

export function consultationView(c: Consultation, names: { hallName: string; businessTitle: string }): ConsultationView {
  return {
    id: c._id,
    hallId: c.hallId,
    hallName: names.hallName,
    business: c.business,
    businessTitle: names.businessTitle,
    question: c.question,
    state: c.state,
    stateName: CONSULT_STATE_NAMES[c.state],
    createdAt: shanghaiMinuteText(c.createdAt),
    ...(c.answer !== undefined && { answer: c.answer }),
    ...(c.answeredAt && { answeredAt: shanghaiMinuteText(c.answeredAt) }),
    ...(c.publishedQuestion !== undefined && c.publishedAnswer !== undefined && { published: { question: c.publishedQuestion, answer: c.publishedAnswer } }),
  };
}

/** An FAQ entry as everyone sees it. */
export const FaqView = lazySchema(() => z.object({ id: z.string(), hallId: z.string(), business: z.string(), question: z.string(), answer: z.string(), publishedAt: z.string() }));
export type FaqView = z.infer<typeof FaqView>;

export function faqView(e: FaqEntry): FaqView {
  return { id: e._id, hallId: e.hallId, business: e.business, question: e.question, answer: e.answer, publishedAt: shanghaiMinuteText(e.publishedAt).slice(0, 10) };
}
