/**
 * 预约号 / 办件编号 (core/reference/referenceNumber.ts): eight digits with a Damm check digit.
 * Properties over every number: each single-digit error and each adjacent transposition (the check
 * digit included) is refused before any lookup; formatting and reading round-trip.
 */
import fc from 'fast-check';
import {
  checkDigit,
  formatReferenceNumber,
  hasValidCheck,
  looksLikeReferenceNumber,
  parseReferenceNumber,
  referenceNumberFrom,
  referenceNumberOf,
  referenceProblem,
} from '../../core/reference/referenceNumber';
import { assignReferenceNumber, REFERENCE_ATTEMPTS } from '../../core/reference/assignReferenceNumber';
import { idNumberEndsWith, maskIdNumberForConfirmation, typedEnding } from '../../core/reference/windowCheck';
import { InMemoryReferenceNumbers } from './support/InMemoryReferenceNumbers';

const bodyArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }).map((d) => d.join(''));
const numberArb = bodyArb.map(referenceNumberOf);

describe('the number rule', () => {
  it('Damm check digits of known examples', () => {
    // Damm's own example: 572 → check digit 4.
    expect(checkDigit('572')).toBe('4');
    expect(hasValidCheck('5724')).toBe(true);
    expect(hasValidCheck('5727')).toBe(false);
    expect(referenceNumberOf('4827193')).toHaveLength(8);
  });

  it('every number it makes is valid, eight digits, and reads back as itself', () => {
    fc.assert(
      fc.property(numberArb, (n) => {
        expect(n).toMatch(/^\d{8}$/);
        expect(hasValidCheck(n)).toBe(true);
        expect(parseReferenceNumber(n)).toEqual({ ok: true, number: n });
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every single-digit error, in any position', () => {
    fc.assert(
      fc.property(numberArb, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (n, i, shift) => {
        const wrong = n.slice(0, i) + String((Number(n[i]) + shift) % 10) + n.slice(i + 1);
        expect(parseReferenceNumber(wrong)).toEqual({ ok: false, reason: 'checkFailed' });
      }),
      { numRuns: 5000 },
    );
  });

  it('detects every transposition of two different adjacent digits, the check digit included', () => {
    fc.assert(
      fc.property(numberArb, fc.integer({ min: 0, max: 6 }), (n, i) => {
        fc.pre(n[i] !== n[i + 1]);
        const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
        expect(parseReferenceNumber(swapped)).toEqual({ ok: false, reason: 'checkFailed' });
      }),
      { numRuns: 5000 },
    );
  });

  it('exhaustively: no single error or adjacent transposition of any 3-digit prefix pattern slips through the table', () => {
    // Every pair of digits at every interim: the quasigroup property Damm relies on.
    for (let a = 0; a < 10; a++)
      for (let b = 0; b < 10; b++) {
        if (a === b) continue;
        for (let prefix = 0; prefix < 1000; prefix += 37) {
          const body = String(prefix).padStart(3, '0');
          const good = referenceNumberOf(`${body}${a}${b}00`);
          const swapped = `${body}${b}${a}00${good[7]}`;
          expect(hasValidCheck(swapped)).toBe(false);
        }
      }
  });

  it('formats in two groups of four, and reads what people type (spaces, dashes, full-width digits)', () => {
    fc.assert(
      fc.property(numberArb, fc.constantFrom(' ', '-', '  ', '.', '　'), (n, sep) => {
        const shown = formatReferenceNumber(n);
        expect(shown).toMatch(/^\d{4} \d{4}$/);
        expect(parseReferenceNumber(shown)).toEqual({ ok: true, number: n });
        expect(parseReferenceNumber(`${n.slice(0, 4)}${sep}${n.slice(4)}`)).toEqual({ ok: true, number: n });
        const fullWidth = n.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(parseReferenceNumber(fullWidth)).toEqual({ ok: true, number: n });
        expect(looksLikeReferenceNumber(shown)).toBe(true);
      }),
    );
  });

  it('refuses other lengths and anything but digits as malformed', () => {
    for (const text of ['', '1234567', '123456789', '4827 193a', 'T1.abc.def', '４８２７']) expect(parseReferenceNumber(text)).toEqual({ ok: false, reason: 'malformed' });
    expect(looksLikeReferenceNumber('T1.eyJhIjoxfQ.sig')).toBe(false);
  });

  it('a seed always gives the same valid number; different seeds spread over the space', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), (seed) => expect(referenceNumberFrom(seed)).toBe(referenceNumberFrom(seed))));
    const numbers = new Set(Array.from({ length: 5000 }, (_, i) => referenceNumberFrom(`seed-${i}`)));
    expect(numbers.size).toBeGreaterThanOrEqual(4990);
    for (const n of numbers) expect(hasValidCheck(n)).toBe(true);
  });
});

it('a refused number is explained in the words of its kind', () => {
  expect(referenceProblem('malformed', '预约号')).toBe('预约号为8位数字，请核对');
  expect(referenceProblem('checkFailed', '办件编号')).toBe('办件编号有误（校验位不符），请核对后重新输入');
});

describe('assigning a number', () => {
  const target = (id: string, hallId = 'hall-a') => ({ kind: 'appointment' as const, id, hallId });
  const at = new Date('2026-11-23T02:00:00Z');

  it('a retry of the same target gets the same number; another target in the hall never gets it', async () => {
    const store = new InMemoryReferenceNumbers();
    const first = await assignReferenceNumber(store, target('a1'), (k) => `a1:${k}`, at);
    expect(await assignReferenceNumber(store, target('a1'), (k) => `a1:${k}`, at)).toBe(first);
    // Another appointment whose candidates start with the same number moves on to the next.
    const second = await assignReferenceNumber(store, target('a2'), (k) => `a1:${k}`, at);
    expect(second).not.toBe(first);
    expect(await store.holder('hall-a', first)).toEqual(target('a1'));
    expect(await store.holder('hall-a', second)).toEqual(target('a2'));
  });

  it('unique per hall: the same number may serve another hall', async () => {
    const store = new InMemoryReferenceNumbers();
    const a = await assignReferenceNumber(store, target('a1', 'hall-a'), (k) => `s:${k}`, at);
    const b = await assignReferenceNumber(store, target('b1', 'hall-b'), (k) => `s:${k}`, at);
    expect(a).toBe(b);
  });

  it('gives up with SERVICE_BUSY when every candidate is taken', async () => {
    const store = new InMemoryReferenceNumbers();
    for (let k = 0; k < REFERENCE_ATTEMPTS; k++) await store.claim(referenceNumberFrom(`s:${k}`), target(`other-${k}`), at);
    await expect(assignReferenceNumber(store, target('late'), (k) => `s:${k}`, at)).rejects.toMatchObject({ code: 'SERVICE_BUSY' });
  });
});

describe('identity confirmation at the window', () => {
  it('compares the typed ending with the ID number, x or X, full-width digits', () => {
    expect(typedEnding('002x')).toBe('002X');
    expect(typedEnding('００２X')).toBe('002X');
    expect(typedEnding('12')).toBeUndefined();
    expect(typedEnding('12X4')).toBeUndefined();
    expect(idNumberEndsWith('11010519491231002X', '002X')).toBe(true);
    expect(idNumberEndsWith('11010519491231002X', '0021')).toBe(false);
  });

  it('the confirmation mask never shows the last four', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumberForConfirmation(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4)).toBe('*'.repeat(14));
      }),
    );
    expect(maskIdNumberForConfirmation('nonsense')).toBe('*'.repeat(18));
  });
});
