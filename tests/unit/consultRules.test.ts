import fc from 'fast-check';
import { checkDigitOf } from '../../core/identity/idNumber';
import { isFreeOfPersonalNumbers, longestDigitRun } from '../../core/consult/publicText';
import { judgeAnswer, judgePublication, judgeQuestion } from '../../core/consult/judgeText';
import { checkAskQuota } from '../../core/consult/askQuota';
import { nextConsultState } from '../../core/consult/consultStates';
import { CONSULT_STATES, MAX_OPEN_PER_ASKER, MAX_PER_DAY, type ConsultState } from '../../core/consult/consultNames';
import { isDomainError } from '../../core/errors/DomainError';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return isDomainError(e) ? e.code : 'THREW';
  }
};

/** A valid ID number: any 17 digits with their MOD 11-2 check character. */
const idNumber = fc.stringMatching(/^\d{17}$/).map((d) => d + checkDigitOf(d));
/** A mainland mobile number: 1[3-9] and nine digits. */
const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
/** A mobile number written the ways people write one. */
const writtenMobile = fc
  .tuple(mobile, fc.constantFrom('', ' ', '-'), fc.constantFrom('', '+86', '86 ', '+86-'))
  .map(([m, sep, cc]) => cc + m.slice(0, 3) + sep + m.slice(3, 7) + sep + m.slice(7));
/** Anything around it: Chinese, letters, digits, punctuation, full-width forms. */
const around = fc.string({ unit: fc.constantFrom(...'办理户口迁移需要什么材料abcXx0123456789 -_.,，。（）()：:+＋０１２３'.split('')), maxLength: 30 });

describe('the publish check (no ID or mobile number, whatever surrounds it)', () => {
  test('no text holding a valid ID number passes', () => {
    fc.assert(fc.property(around, idNumber, around, (before, id, after) => !isFreeOfPersonalNumbers(before + id + after)));
  });
  test('nor one written in full-width digits or with a lower-case x', () => {
    const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        around,
        idNumber,
        around,
        (before, id, after) => !isFreeOfPersonalNumbers(before + fullWidth(id) + after) && !isFreeOfPersonalNumbers(before + id.toLowerCase() + after),
      ),
    );
  });
  test('no text holding a mobile number, however written, passes', () => {
    fc.assert(fc.property(around, writtenMobile, around, (before, m, after) => !isFreeOfPersonalNumbers(before + m + after)));
  });
  test('a mobile number in Chinese numerals is found too', () => {
    expect(isFreeOfPersonalNumbers('电话一三八一二三四五六七八')).toBe(false);
    expect(isFreeOfPersonalNumbers('请拨打幺三八 一二三四 五六七八')).toBe(false);
  });
  test('ordinary answers pass: dates, hours, fees, the hotline 12345, five-digit postcodes', () => {
    for (const text of [
      '工作日9:00-17:00可到大厅办理，工本费20元。',
      '2026年12月2日起，新生儿入户可在线申请。',
      '可拨打12345政务服务热线咨询。',
      '邮编570100，地址见大厅页面。',
      '携带户口簿和身份证原件即可，无需复印件。',
    ])
      expect({ text, free: isFreeOfPersonalNumbers(text) }).toEqual({ text, free: true });
  });
  test('separators count only between digits', () => {
    expect(longestDigitRun('138 1234 5678')).toBe(11);
    expect(longestDigitRun('共3份 材料 2份复印件')).toBe(1);
    expect(longestDigitRun('2026-12-02 09:00')).toBe(10);
    expect(isFreeOfPersonalNumbers('2026-12-02 09:00起受理')).toBe(true);
  });
});

describe('texts of a consultation', () => {
  test('a question: 5 to 300 characters, trimmed, no personal number', () => {
    expect(judgeQuestion('  迁户口需要什么材料？ ')).toBe('迁户口需要什么材料？');
    expect(codeOf(() => judgeQuestion('材料？'))).toBe('CONSULT_QUESTION_INVALID');
    expect(codeOf(() => judgeQuestion('问'.repeat(301)))).toBe('CONSULT_QUESTION_INVALID');
    expect(judgeQuestion('问'.repeat(300))).toHaveLength(300);
    // Counted as people count them: 300 characters outside the BMP are 300, not 600.
    expect(judgeQuestion('𠀾'.repeat(300))).toHaveLength(600);
    expect(codeOf(() => judgeQuestion('我的手机13812345678，什么时候能办好？'))).toBe('CONSULT_PERSONAL_DATA');
  });
  test('an answer: 2 to 500 characters, no personal number', () => {
    expect(judgeAnswer('可以。')).toBe('可以。');
    expect(codeOf(() => judgeAnswer('可'))).toBe('CONSULT_ANSWER_INVALID');
    expect(codeOf(() => judgeAnswer('已为11010519491231002X办结'))).toBe('CONSULT_PERSONAL_DATA');
  });
  test('a publication: the edited question at most 100 characters; refused while a number remains in either text', () => {
    expect(judgePublication({ question: '户口迁移需要什么材料？', answer: '户口簿、身份证。' })).toEqual({ question: '户口迁移需要什么材料？', answer: '户口簿、身份证。' });
    expect(codeOf(() => judgePublication({ question: '问'.repeat(101), answer: '答复' }))).toBe('CONSULT_QUESTION_INVALID');
    fc.assert(
      fc.property(
        idNumber,
        fc.boolean(),
        (id, inQuestion) =>
          codeOf(() => judgePublication(inQuestion ? { question: `身份证${id}能办吗`, answer: '可以办理' } : { question: '这个能办吗？', answer: `已核对${id}` })) ===
          'CONSULT_PERSONAL_DATA',
      ),
    );
  });
});

describe('the rate limit of asking', () => {
  test(`at most ${MAX_OPEN_PER_ASKER} waiting and ${MAX_PER_DAY} a day`, () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(10), (open, today) => {
        const refused = codeOf(() => checkAskQuota({ open, today })) === 'CONSULT_LIMIT';
        return refused === (open >= MAX_OPEN_PER_ASKER || today >= MAX_PER_DAY);
      }),
    );
  });
});

describe('states', () => {
  test('open → answered → published; open → closed; nothing else', () => {
    expect(nextConsultState('open', 'answer')).toBe('answered');
    expect(nextConsultState('answered', 'publish')).toBe('published');
    expect(nextConsultState('open', 'close')).toBe('closed');
    const allowed = new Set(['open:answer', 'answered:publish', 'open:close']);
    for (const s of CONSULT_STATES as readonly ConsultState[])
      for (const e of ['answer', 'publish', 'close'] as const)
        expect({ s, e, code: codeOf(() => nextConsultState(s, e)) }).toEqual({ s, e, code: allowed.has(`${s}:${e}`) ? undefined : 'CONSULT_STATE_CONFLICT' });
  });
});
