import { DomainError } from '../errors/DomainError';
import { ANSWER_MAX, ANSWER_MIN, PUBLISHED_QUESTION_MAX, QUESTION_MAX, QUESTION_MIN } from './consultNames';
import { isFreeOfPersonalNumbers } from './publicText';

/** Characters as people count them (code points), after trimming. */
function length(text: string): number {
  return Array.from(text).length;
}

function within(text: string, min: number, max: number, code: 'CONSULT_QUESTION_INVALID' | 'CONSULT_ANSWER_INVALID'): string {
  const trimmed = text.trim();
  if (length(trimmed) < min || length(trimmed) > max) throw new DomainError(code);
  return trimmed;
}

/**
 * A citizen's question: QUESTION_MIN–QUESTION_MAX characters. It is stored as typed (not
 * encrypted) and read by the hall's officers, so it must carry no ID or mobile number either: the
 * citizen is told to leave them out (CONSULT_PERSONAL_DATA); the hall asks for them, if ever, at
 * the window.
 */
export function judgeQuestion(text: string): string {
  const q = within(text, QUESTION_MIN, QUESTION_MAX, 'CONSULT_QUESTION_INVALID');
  if (!isFreeOfPersonalNumbers(q)) throw new DomainError('CONSULT_PERSONAL_DATA');
  return q;
}

/** An officer's answer to the citizen: ANSWER_MIN–ANSWER_MAX characters, no ID or mobile number. */
export function judgeAnswer(text: string): string {
  const a = within(text, ANSWER_MIN, ANSWER_MAX, 'CONSULT_ANSWER_INVALID');
  if (!isFreeOfPersonalNumbers(a)) throw new DomainError('CONSULT_PERSONAL_DATA');
  return a;
}

/**
 * The version published to the guide's FAQ, written by the officer (names and circumstances taken
 * out: a rule cannot find names, the officer can). Publication is refused while an ID or mobile
 * number (or any run of eleven digits) remains in either text.
 */
export function judgePublication(input: { question: string; answer: string }): { question: string; answer: string } {
  const question = within(input.question, QUESTION_MIN, PUBLISHED_QUESTION_MAX, 'CONSULT_QUESTION_INVALID');
  const answer = within(input.answer, ANSWER_MIN, ANSWER_MAX, 'CONSULT_ANSWER_INVALID');
  if (!isFreeOfPersonalNumbers(question) || !isFreeOfPersonalNumbers(answer)) throw new DomainError('CONSULT_PERSONAL_DATA');
  return { question, answer };
}
