/**
 * What may be published to everyone (the guide's FAQ) and what a question may carry: no ID number
 * and no mobile number, however written. Names cannot be told from words by a rule, so a published
 * entry is never the citizen's text: the officer writes its published version, and this check is
 * the rule's floor under that.
 *
 * The rule is deliberately blunt: after folding (NFKC, so full-width digits count; Chinese
 * numerals 〇一二…九 and 幺 read as digits) and dropping the separators people put between digit
 * groups (spaces and dashes), any run of eleven or more digits is refused.
 * A mobile number has eleven digits and an ID number seventeen before its check character, so
 * whatever surrounds either one (letters, more digits, a +86), the run that holds it is at least
 * eleven long. A landline with its area code (0898-12345678) is refused too: the hall's own phone is
 * on its page already, and the officer may write it with words around it.
 */

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CHINESE_DIGIT = /[〇零一幺二三四五六七八九]/g;
/**
 * What people write between the groups of a phone or ID number (spaces, dashes); removed only
 * between two digits (below). Not ':' or '/', so '2026-12-02 09:00' stays two runs of ten and two.
 */
const SEPARATORS = /[\s\-‐-―−]+/g;
export const LONGEST_DIGIT_RUN = 10;

/** The text as the rule reads it: folded, Chinese numerals as digits, separators between digits gone. */
function digitsView(text: string): string {
  const folded = text.normalize('NFKC').replace(CHINESE_DIGIT, (c) => CHINESE_DIGITS[c] ?? c);
  // A separator run counts as nothing only between two digits: '138 1234 5678' is one run.
  return folded.replace(SEPARATORS, (sep, offset: number, whole: string) => (/\d/.test(whole[offset - 1] ?? '') && /\d/.test(whole[offset + sep.length] ?? '') ? '' : ' '));
}

/** The longest run of digits in the text as the rule reads it. */
export function longestDigitRun(text: string): number {
  let longest = 0;
  for (const run of digitsView(text).match(/\d+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** Whether the text may be shown: no run of eleven or more digits (a phone or ID number, or one hidden in it). */
export function isFreeOfPersonalNumbers(text: string): boolean {
  return longestDigitRun(text) <= LONGEST_DIGIT_RUN;
}
