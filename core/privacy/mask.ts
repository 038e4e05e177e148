import { hasValidCheckDigit, normalizeIdNumber } from '../identity/idNumber';

/**
 * De-identified display of personal data (GB/T 35273): what responses, pages, audit records and
 * logs may show. Every mask is total: it never throws, and whatever it is given, the result never
 * reveals more than the documented visible part. Input it does not recognise is masked whole
 * (a fixed-length run of '*', so not even its length shows).
 */

const STAR = '*';
const ID_FULLY_MASKED = STAR.repeat(18);
const PHONE_FULLY_MASKED = STAR.repeat(11);
const NAME_FULLY_MASKED = STAR;

const ID_SHAPE = /^\d{17}[\dX]$/;
const MOBILE_SHAPE = /^1\d{10}$/;

/** '11010519491231002X' → '1101**********002X': province and prefecture, and the last four. */
export function maskIdNumber(value: unknown): string {
  if (typeof value !== 'string') return ID_FULLY_MASKED;
  const id = normalizeIdNumber(value);
  if (!ID_SHAPE.test(id)) return ID_FULLY_MASKED;
  return `${id.slice(0, 4)}${STAR.repeat(10)}${id.slice(14)}`;
}

/** The 11 digits of a mainland mobile number written any common way (+86, spaces, dashes). */
export function mobileDigits(value: string): string | undefined {
  const digits = value.replace(/[\s\-()（）]/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  return MOBILE_SHAPE.test(digits) ? digits : undefined;
}

/** '13812345678' → '138****5678': carrier prefix and last four, as banks and carriers show it. */
export function maskPhone(value: unknown): string {
  if (typeof value !== 'string') return PHONE_FULLY_MASKED;
  const digits = mobileDigits(value);
  if (!digits) return PHONE_FULLY_MASKED;
  return `${digits.slice(0, 3)}${STAR.repeat(4)}${digits.slice(7)}`;
}

/**
 * '张三' → '张*', '欧阳修' → '欧**', '阿依古丽·买买提' → '阿*******': the first character stays,
 * every other character becomes '*'. Compound surnames are not detected (a list would be
 * incomplete, and showing one character less is the safe side). A one-character name, or
 * anything not a string, is masked whole. Characters are counted as code points, so rare
 * characters outside the BMP (e.g. '𠀾') are never split into broken halves.
 */
export function maskName(value: unknown): string {
  if (typeof value !== 'string') return NAME_FULLY_MASKED;
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return NAME_FULLY_MASKED;
  return chars[0] + STAR.repeat(chars.length - 1);
}

/**
 * For the account's own family list only (and its "for whom" pickers): '王建国' → '王*国',
 * '欧阳建国' → '欧**国', '阿依古丽·买买提' → '阿******提', '王强' → '王*'. A name of three or more
 * characters keeps its first and last character, so members who share a surname (a father and
 * son both 王**) can be told apart; a two-character name shows only its first (its last would be
 * all but the whole name); one character, or anything not a string, is masked whole. Every
 * character between the first and the last stays hidden, and the length shows as the plain mask
 * shows it. Safe to show there because only the account that linked these members sees it, and
 * that account typed each member's full name and ID number when it linked them: it learns
 * nothing new, while a glance over the shoulder still sees at most two characters.
 */
export function maskNameForFamily(value: unknown): string {
  if (typeof value !== 'string') return NAME_FULLY_MASKED;
  const chars = Array.from(value.trim());
  if (chars.length <= 2) return maskName(value);
  return chars[0] + STAR.repeat(chars.length - 2) + chars[chars.length - 1];
}

/**
 * The year of birth in a (valid-shaped) ID number, e.g. 1949 from '11010519491231002X'; undefined
 * for anything else. Shown beside a family member's masked name (same audience, same reason as
 * maskNameForFamily); the month and day stay hidden.
 */
export function birthYearShown(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const id = normalizeIdNumber(value);
  if (!ID_SHAPE.test(id)) return undefined;
  const year = Number(id.slice(6, 10));
  return year >= 1900 && year <= 2100 ? year : undefined;
}

/*
 * Leak scanner. Tokens are bounded by anything that is not an ASCII letter or digit, so numbers
 * inside longer digit runs (order numbers, timestamps) or inside identifiers such as hex document
 * ids and request ids are not reported; a mobile number may carry a +86 / 86 prefix.
 * The leading boundary is a captured group rather than a lookbehind: this file is also bundled
 * into the mini-program, and older iOS JavaScript engines reject lookbehind at parse time.
 */
const ID_TOKEN = /(^|[^0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const PHONE_TOKEN = /(^|[^0-9A-Za-z])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)([ -]?)(\d{4})\3(\d{4})(?![0-9A-Za-z])/g;

function eachMatch(pattern: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  const re = new RegExp(pattern.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) onMatch(m);
}

/**
 * Finds unmasked ID numbers (18 characters passing the MOD 11-2 check) and mainland mobile
 * numbers (1[3-9] + 9 digits, also written 138-1234-5678 or with +86) in any text, e.g. the
 * JSON of everything a function logged or returned. Returns each finding masked, so a failing
 * test does not itself print the number. Full-width digits are found too (text is NFKC-folded),
 * and so are numbers right after a JSON escape such as \n.
 */
export function containsUnmaskedIdOrPhone(text: unknown): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // JSON escapes such as \n are not letters around a number: blank them before scanning.
  const folded = text.normalize('NFKC').replace(/\\[nrtbf"\\/]/g, ' ');
  const found: string[] = [];
  eachMatch(ID_TOKEN, folded, (m) => {
    const candidate = m[2].toUpperCase();
    if (hasValidCheckDigit(candidate)) found.push(maskIdNumber(candidate));
  });
  eachMatch(PHONE_TOKEN, folded, (m) => found.push(maskPhone(m[2] + m[4] + m[5])));
  return found;
}
