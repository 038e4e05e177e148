/**
 * The consultation's limits and names, without zod: the mini-program's pages import these (and no
 * schema) to count characters and label states.
 */

/** A question as the citizen asks it: enough to be a question, short enough to read at a glance. */
export const QUESTION_MIN = 5;
export const QUESTION_MAX = 300;
/** An officer's answer. */
export const ANSWER_MIN = 2;
export const ANSWER_MAX = 500;
/** The published (edited) question of the guide's FAQ. */
export const PUBLISHED_QUESTION_MAX = 100;

/** At most this many questions of one account waiting for an answer at once. */
export const MAX_OPEN_PER_ASKER = 3;
/** At most this many questions of one account per day (Asia/Shanghai). */
export const MAX_PER_DAY = 5;

/**
 * open: waiting for the hall; answered: the citizen has the answer; published: answered and shown
 * (in an edited, impersonal version) in the guide's FAQ; closed: the hall closed it without an
 * answer (not a question for this hall, abuse).
 */
export const CONSULT_STATES = ['open', 'answered', 'published', 'closed'] as const;
export type ConsultState = (typeof CONSULT_STATES)[number];

export const CONSULT_STATE_NAMES: Record<ConsultState, string> = {
  open: '待答复',
  answered: '已答复',
  published: '已答复',
  closed: '已关闭',
};
