import { DomainError } from '../errors/DomainError';
import { containsUnmaskedIdOrPhone } from '../privacy/mask';
import { COMMENT_MAX, isPoor, POOR_REASONS, type PoorReason, type RatingInput, type RatingLevel } from './Rating';

/** A rating as it will be stored: reasons once each in the list's order, the comment trimmed (absent when empty). */
export interface JudgedRating {
  level: RatingLevel;
  poor: boolean;
  reasons: PoorReason[];
  comment?: string;
}

/** A run of 6 or more digits (full-width ones too): a phone, an ID or card number, an address number. */
const DIGIT_RUN = /\d{6,}/;

/**
 * What a rating may say. A poor rating (不满意, 非常不满意) needs at least one reason from the fixed
 * list; other ratings take none. The optional comment is at most 100 characters and must carry no
 * personal data: ID or phone numbers, or any run of six digits, are refused (the hall reads it).
 */
export function judgeRating(input: RatingInput): JudgedRating {
  const poor = isPoor(input.level);
  const chosen = new Set(input.reasons ?? []);
  const reasons = POOR_REASONS.filter((r) => chosen.has(r));
  if (poor && reasons.length === 0) throw new DomainError('RATING_REASON_REQUIRED');
  if (!poor && reasons.length > 0) throw new DomainError('INVALID_INPUT', '满意的评价无需选择原因');
  const comment = input.comment?.trim() ?? '';
  if (Array.from(comment).length > COMMENT_MAX) throw new DomainError('RATING_COMMENT_INVALID');
  const folded = comment.normalize('NFKC');
  if (containsUnmaskedIdOrPhone(folded).length > 0 || DIGIT_RUN.test(folded)) throw new DomainError('RATING_COMMENT_INVALID');
  return comment ? { level: input.level, poor, reasons, comment } : { level: input.level, poor, reasons };
}

/** Whether a repeated rating says the same as the stored one (a retry), rather than something new. */
export function sameRating(a: JudgedRating, b: JudgedRating): boolean {
  return a.level === b.level && a.reasons.join(',') === b.reasons.join(',') && (a.comment ?? '') === (b.comment ?? '');
}
