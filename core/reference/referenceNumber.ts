/**
 * 预约号 / 办件编号: the short number a citizen reads out at the window when the QR code cannot be
 * scanned (or types into a phone that is offline). The rule:
 *
 * - eight digits, written in two groups of four ("4827 1933"): digits only, because they are read
 *   aloud in Chinese without ambiguity (no O/0, I/1, B/8 letters), typed on any numeric keypad, and
 *   the grouping is how people read phone and bank numbers;
 * - seven random digits and a Damm check digit (a totally anti-symmetric quasigroup of order 10):
 *   every single-digit error and every transposition of two adjacent digits (the check digit
 *   included) is detected, so a misheard or mistyped number is refused before any lookup. (The
 *   Luhn digit misses 09↔90; the ISO 7064 MOD 11-2 of ID numbers needs an eleventh symbol, X.)
 * - unique per hall: an appointment's by the database's unique index on appointments (hallId,
 *   refNumber), whose insert tries the next candidate when refused (core/booking/insertNumbered.ts);
 *   a reissue application's by one claim document per hall and number (assignReferenceNumber.ts).
 *   An appointment and an application may share a number: they are looked up on different pages.
 *   The candidates follow from the target's own (request-derived) id, so a retried request walks
 *   the same sequence.
 *
 * Pure: no I/O, no randomness of its own (the random part comes from a keyed id).
 */

/** Digits of a number without the check digit. */
export const REFERENCE_BODY_LENGTH = 7;
export const REFERENCE_LENGTH = REFERENCE_BODY_LENGTH + 1;

/** Damm's operation table (H. M. Damm, 2004): weakly totally anti-symmetric, zero diagonal. */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function dammInterim(digits: string): number {
  let interim = 0;
  for (const d of digits) interim = DAMM[interim]![d.charCodeAt(0) - 48]!;
  return interim;
}

/** The Damm check digit of a string of digits. */
export function checkDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new Error('checkDigit: digits only');
  return String(dammInterim(body));
}

/** Whether a string of digits ends in its right check digit. */
export function hasValidCheck(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && dammInterim(digits) === 0;
}

/** The full number (body + check digit) of a seven-digit body. */
export function referenceNumberOf(body: string): string {
  if (!new RegExp(`^\\d{${REFERENCE_BODY_LENGTH}}$`).test(body)) throw new Error('referenceNumberOf: seven digits');
  return body + checkDigit(body);
}

/** FNV-1a, 32 bits, from a given offset basis, then MurmurHash3's finalizer (so near seeds spread). */
function fnv1a(seed: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A candidate number from a seed (a keyed, unguessable id): the seed is folded into seven digits
 * (two FNV-1a hashes; no BigInt, which older mini-program engines lack), so the same seed always
 * gives the same number.
 */
export function referenceNumberFrom(seed: string): string {
  const high = fnv1a(seed, 0x811c9dc5) % 10000;
  const low = fnv1a(seed, 0x050c5d1f) % 1000;
  return referenceNumberOf(String(high * 1000 + low).padStart(REFERENCE_BODY_LENGTH, '0'));
}

/** "48271933" → "4827 1933" (anything else is returned as it is). */
export function formatReferenceNumber(number: string): string {
  return /^\d{8}$/.test(number) ? `${number.slice(0, 4)} ${number.slice(4)}` : number;
}

/** What was typed or heard, read: the number, or why it is not one. */
export type ParsedReferenceNumber = { ok: true; number: string } | { ok: false; reason: 'malformed' | 'checkFailed' };

/**
 * Reads a number as people write it: spaces, dashes and dots between digits, full-width digits (a
 * Chinese input method) are accepted; anything else, another length or a wrong check digit is not.
 */
export function parseReferenceNumber(text: string): ParsedReferenceNumber {
  const digits = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\-.\u3000\u2014\u2013_]/g, '');
  if (!new RegExp(`^\\d{${REFERENCE_LENGTH}}$`).test(digits)) return { ok: false, reason: 'malformed' };
  if (!hasValidCheck(digits)) return { ok: false, reason: 'checkFailed' };
  return { ok: true, number: digits };
}

/**
 * What to tell whoever typed a number that parseReferenceNumber refused, in the words of the
 * number's kind (预约号 at the window, 办件编号 in the review queue).
 */
export function referenceProblem(reason: 'malformed' | 'checkFailed', kind: '预约号' | '办件编号'): string {
  return reason === 'malformed' ? `${kind}为${REFERENCE_LENGTH}位数字，请核对` : `${kind}有误（校验位不符），请核对后重新输入`;
}

/** Whether typed text looks like a short number rather than a QR token (the officer's one input field). */
export function looksLikeReferenceNumber(text: string): boolean {
  return /^[\s\d\uFF10-\uFF19\-.\u3000]+$/.test(text.trim()) && text.trim().length > 0;
}
