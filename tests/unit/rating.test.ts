/**
 * The 好差评 rules of core/rating: what a rating may say (judgeRating), when a service has
 * finished (finished.ts), and a hall's figures (hallSummary).
 */
import fc from 'fast-check';
import { isDomainError } from '../../core/errors/DomainError';
import { appointmentFinished, applicationFinished } from '../../core/rating/finished';
import { hallSummary } from '../../core/rating/hallSummary';
import { judgeRating, sameRating } from '../../core/rating/judgeRating';
import { COMMENT_MAX, isPoor, POOR_REASONS, RATING_LEVELS, type RatingInput } from '../../core/rating/Rating';
import { REISSUE_STATES } from '../../core/reissue/ReissueApplication';

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
};

const level = fc.constantFrom(...RATING_LEVELS);
const reasons = fc.subarray([...POOR_REASONS]);
const comment = fc.option(fc.string({ maxLength: 150 }), { nil: undefined });

describe('judgeRating', () => {
  it('a poor rating needs a reason; a good one takes none', () => {
    expect(codeOf(() => judgeRating({ level: 'dissatisfied' }))).toBe('RATING_REASON_REQUIRED');
    expect(codeOf(() => judgeRating({ level: 'veryDissatisfied', reasons: [] }))).toBe('RATING_REASON_REQUIRED');
    expect(judgeRating({ level: 'veryDissatisfied', reasons: ['other', 'tooSlow', 'tooSlow'] })).toEqual({ level: 'veryDissatisfied', poor: true, reasons: ['tooSlow', 'other'] });
    expect(codeOf(() => judgeRating({ level: 'satisfied', reasons: ['tooSlow'] }))).toBe('INVALID_INPUT');
    expect(judgeRating({ level: 'basicallySatisfied', comment: '  ' })).toEqual({ level: 'basicallySatisfied', poor: false, reasons: [] });
  });

  it('the comment is at most 100 characters and holds no ID or phone number, nor any run of six digits', () => {
    expect(codeOf(() => judgeRating({ level: 'satisfied', comment: '好'.repeat(COMMENT_MAX) }))).toBe('ok');
    expect(codeOf(() => judgeRating({ level: 'satisfied', comment: '好'.repeat(COMMENT_MAX + 1) }))).toBe('RATING_COMMENT_INVALID');
    expect(codeOf(() => judgeRating({ level: 'satisfied', comment: '有事请打13812345678' }))).toBe('RATING_COMMENT_INVALID');
    expect(codeOf(() => judgeRating({ level: 'satisfied', comment: '号码１３８１２３４５６７８' }))).toBe('RATING_COMMENT_INVALID');
    expect(codeOf(() => judgeRating({ level: 'dissatisfied', reasons: ['other'], comment: '我是11010519491231002X' }))).toBe('RATING_COMMENT_INVALID');
    expect(codeOf(() => judgeRating({ level: 'dissatisfied', reasons: ['tooSlow'], comment: '等了2小时，排第35号' }))).toBe('ok');
  });

  it('property: accepted ratings keep the rules, and nothing else is accepted', () => {
    fc.assert(
      fc.property(level, reasons, comment, (l, r, c) => {
        const input: RatingInput = { level: l, reasons: r, comment: c };
        const code = codeOf(() => judgeRating(input));
        if (code !== 'ok') {
          expect(['RATING_REASON_REQUIRED', 'INVALID_INPUT', 'RATING_COMMENT_INVALID']).toContain(code);
          return;
        }
        const j = judgeRating(input);
        expect(j.poor).toBe(isPoor(l));
        expect(j.poor ? j.reasons.length > 0 : j.reasons.length === 0).toBe(true);
        expect(new Set(j.reasons).size).toBe(j.reasons.length);
        if (j.comment !== undefined) {
          expect(Array.from(j.comment).length).toBeLessThanOrEqual(COMMENT_MAX);
          expect(/\d{6,}/.test(j.comment.normalize('NFKC'))).toBe(false);
        }
        expect(sameRating(j, judgeRating(input))).toBe(true);
      }),
    );
  });
});

describe('finished services', () => {
  it('an appointment once checked in; an application once delivered or collected', () => {
    expect((['booked', 'checkedIn', 'noShow', 'cancelled'] as const).filter((status) => appointmentFinished({ status }))).toEqual(['checkedIn']);
    expect(REISSUE_STATES.filter((state) => applicationFinished({ state }))).toEqual(['delivered', 'collected']);
  });
});

describe('hallSummary', () => {
  it('counts per level, satisfaction rounded down, poor ratings', () => {
    const s = hallSummary({ verySatisfied: 150, satisfied: 40, basicallySatisfied: 9, dissatisfied: 1, veryDissatisfied: 0 });
    expect(s).toMatchObject({ total: 200, poorCount: 1, satisfactionPercent: 99 });
    expect(s.byLevel.map((l) => l.name)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(hallSummary({ verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, veryDissatisfied: 0 })).toMatchObject({ total: 0, poorCount: 0 });
    expect(hallSummary({ verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, veryDissatisfied: 0 }).satisfactionPercent).toBeUndefined();
  });

  it('property: the rate is 100 only without poor ratings, 0 only without good ones', () => {
    const n = fc.nat({ max: 10_000 });
    fc.assert(
      fc.property(n, n, n, n, n, (a, b, c, d, e) => {
        const s = hallSummary({ verySatisfied: a, satisfied: b, basicallySatisfied: c, dissatisfied: d, veryDissatisfied: e });
        expect(s.total).toBe(a + b + c + d + e);
        expect(s.poorCount).toBe(d + e);
        if (s.total === 0) return;
        expect(s.satisfactionPercent === 100).toBe(d + e === 0);
        expect(s.satisfactionPercent === 0).toBe(a + b + c === 0 || ((a + b + c) * 100) / s.total < 1);
      }),
    );
  });
});
