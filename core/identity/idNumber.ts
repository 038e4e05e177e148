/**
 * The resident identity card number (居民身份证号码, GB 11643-1999):
 *   6-digit address code (GB/T 2260 division) + 8-digit birth date (YYYYMMDD)
 *   + 3-digit sequence (odd = male, even = female) + 1 check character (ISO 7064 MOD 11-2).
 * Pure functions: the division table is a port (`DivisionDirectory`), "today" is an argument.
 */

/** Which address codes exist. Implemented on the server from a maintained GB/T 2260 package. */
export interface DivisionDirectory {
  /** Whether the first six digits of an ID number are an address code people can hold. */
  isKnownPrefix(code6: string): boolean;
  /** A readable place name for an address code (e.g. '海南省海口市龙华区'), when known. */
  describe?(code6: string): string | undefined;
}

export type Sex = 'male' | 'female';

export interface IdNumber {
  /** The normalized 18-character number (upper-case X). */
  number: string;
  divisionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

/** Why a number was refused, in the order the checks run. */
export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit' | 'division';

export type IdNumberResult = { ok: true; id: IdNumber } | { ok: false; problem: IdNumberProblem };

export interface ParseOptions {
  /** Today's date where the citizen is (Asia/Shanghai), YYYY-MM-DD. */
  today: string;
  divisions: DivisionDirectory;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432'; // index = S mod 11; equals (12 − S mod 11) mod 11, 10 written X
const FORMAT = /^\d{17}[\dX]$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Birth dates before this are refused: no living holder, and a common typo (18xx for 19xx). */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * What a person may have typed or pasted, made comparable: surrounding and inner white space
 * removed (numbers are often copied in groups), full-width characters (０-９, Ｘ, ｘ, U+3000)
 * made half-width, and a lower-case x made X. Anything else is left for the format check.
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/x/g, 'X');
}

/** The MOD 11-2 check character of the first 17 digits. Throws on anything but 17 ASCII digits. */
export function checkDigitOf(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkDigitOf needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Whether an 18-character candidate carries the right check character (no other check). */
export function hasValidCheckDigit(candidate: string): boolean {
  return FORMAT.test(candidate) && checkDigitOf(candidate.slice(0, 17)) === candidate[17];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether YYYY, MM, DD form a real proleptic-Gregorian calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseIsoDate(value: string, what: string): [number, number, number] {
  const m = ISO_DATE.exec(value);
  if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) throw new RangeError(`${what} must be a YYYY-MM-DD date`);
  return [+m[1], +m[2], +m[3]];
}

/**
 * Checks a number as typed: format, then birth date, then check digit, then address code, and
 * returns the first problem. Order matters to the citizen: a wrong length or a letter is
 * reported as such, not as a check-digit error.
 */
export function parseIdNumber(raw: string, options: ParseOptions): IdNumberResult {
  parseIsoDate(options.today, 'today');
  const number = normalizeIdNumber(typeof raw === 'string' ? raw : '');
  if (!FORMAT.test(number)) return { ok: false, problem: 'format' };

  const year = +number.slice(6, 10);
  const month = +number.slice(10, 12);
  const day = +number.slice(12, 14);
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isCalendarDate(year, month, day) || birthDate < EARLIEST_BIRTH_DATE || birthDate > options.today) {
    return { ok: false, problem: 'birthDate' };
  }

  if (checkDigitOf(number.slice(0, 17)) !== number[17]) return { ok: false, problem: 'checkDigit' };

  const divisionCode = number.slice(0, 6);
  if (!options.divisions.isKnownPrefix(divisionCode)) return { ok: false, problem: 'division' };

  const sex: Sex = Number(number[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id: { number, divisionCode, birthDate, sex } };
}

/**
 * The birth date (YYYY-MM-DD) written in a checked ID number (positions 7–14). Stored records keep
 * only the encrypted number, never the date in clear: this recovers it for age rules.
 */
export function birthDateOf(idNumber: string): string {
  const n = normalizeIdNumber(idNumber);
  if (!FORMAT.test(n)) throw new RangeError('not an ID number');
  return `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
}

/**
 * Age in whole years on `date` (both YYYY-MM-DD; `date` not before `birthDate`).
 *
 * A person becomes a year older on their birthday. Someone born on 29 February becomes a year
 * older on 1 March in a common year: the year they are completing ends with the last day of
 * February (Civil Code art. 202: a period with no corresponding day ends on the month's last day),
 * so the new year of age starts the next day. (Criminal law counts 周岁 from the day after the
 * birthday; that rule is for courts and not used here.)
 */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = parseIsoDate(birthDate, 'birthDate');
  const [y, m, d] = parseIsoDate(date, 'date');
  if (date < birthDate) throw new RangeError('date is before birthDate');
  // In a common year, (2, 28) < (2, 29) < (3, 1): a 29 February birthday "happens" on 1 March.
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

const PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号码应为18位，由17位数字和最后一位数字或字母X组成，请核对',
  birthDate: '身份证号码中的出生日期（第7至14位）不正确，请核对',
  checkDigit: '身份证号码校验未通过，可能有数字输错，请逐位核对（包括最后一位）',
  division: '身份证号码前6位（地区代码）不正确，请核对',
};

/** What to tell a citizen whose number was refused. Never contains the number itself. */
export function idProblemMessage(problem: IdNumberProblem): string {
  return PROBLEM_MESSAGES[problem];
}
