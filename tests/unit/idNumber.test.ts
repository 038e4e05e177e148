/**
 * The resident ID number check (GB 11643-1999): examples from the standard and from what people
 * type, and properties over generated valid numbers — every single-character error is caught.
 */
import fc from 'fast-check';
import { ageOn, checkDigitOf, idProblemMessage, normalizeIdNumber, parseIdNumber, type IdNumberProblem } from '../../core/identity/idNumber';
import { chinaDivisions } from '../../server/identity/chinaDivisions';
import { TODAY, idNumberOf, idPartsArb, validIdNumberArb } from './support/idNumberArbitraries';

const options = { today: TODAY, divisions: chinaDivisions };
const parse = (raw: string) => parseIdNumber(raw, options);
const problemOf = (raw: string): IdNumberProblem | 'ok' => {
  const r = parse(raw);
  return r.ok ? 'ok' : r.problem;
};
/** A number with a correct check character built around any 17 characters. */
const withCheck = (first17: string) => first17 + checkDigitOf(first17);
const CHECK_CHARS = '0123456789X'.split('');

/** An independent oracle of calendar validity: JavaScript's Date rolls invalid days over. */
function isRealPastDate(yyyymmdd: string): boolean {
  const y = +yyyymmdd.slice(0, 4);
  const m = +yyyymmdd.slice(4, 6);
  const d = +yyyymmdd.slice(6, 8);
  const date = new Date(Date.UTC(y, m - 1, d));
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && iso >= '1900-01-01' && iso <= TODAY;
}

describe('checkDigitOf', () => {
  it("gives X for the standard's example 11010519491231002X", () => {
    expect(checkDigitOf('11010519491231002')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100a']) {
      expect(() => checkDigitOf(bad)).toThrow(RangeError);
    }
  });
});

describe('parseIdNumber examples', () => {
  it("accepts the standard's example: female, born 1949-12-31, 北京市朝阳区", () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      id: { number: '11010519491231002X', divisionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('accepts what people type: lower-case x, spaces, full-width characters', () => {
    for (const typed of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２ｘ', '110105\u300019491231002X']) {
      expect(parse(typed)).toMatchObject({ ok: true, id: { number: '11010519491231002X' } });
    }
  });

  it.each([
    ['17 digits', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['letters', '11010519491231002A'],
    ['X not at the end', '1101051949123100X2'],
    ['empty', ''],
    ['a 15-digit first-generation number', '110105491231002'],
  ])('%s → format', (_, raw) => {
    expect(problemOf(raw)).toBe('format');
  });

  it.each([
    ['30 February', '19490230'],
    ['29 February of a common year', '19490229'],
    ['29 February 1900 (not a leap year)', '19000229'],
    ['month 13', '19491301'],
    ['day 00', '19491200'],
    ['before 1900', '18991231'],
    ['tomorrow', '20250616'],
    ['next year', '20260101'],
  ])('%s → birthDate, even with a correct check digit', (_, date) => {
    expect(problemOf(withCheck(`110105${date}002`))).toBe('birthDate');
  });

  it('accepts 29 February of a leap year, 1900-01-01 and today', () => {
    for (const date of ['20000229', '19000101', TODAY.replace(/-/g, '')]) {
      expect(problemOf(withCheck(`110105${date}002`))).toBe('ok');
    }
  });

  it('a wrong last character → checkDigit', () => {
    expect(problemOf('110105194912310021')).toBe('checkDigit');
  });

  it('unknown province 99 → division (after the check digit passed)', () => {
    expect(problemOf(withCheck('99010519491231002'))).toBe('division');
  });

  it('accepts province-direct county-level cities (4690xx: 五指山, 琼海)', () => {
    expect(problemOf(withCheck('46900119800101001'))).toBe('ok');
    expect(problemOf(withCheck('46900219800101001'))).toBe('ok');
  });

  it('tells the sex from the parity of the sequence', () => {
    expect(parse(withCheck('11010519800101001'))).toMatchObject({ ok: true, id: { sex: 'male' } });
    expect(parse(withCheck('11010519800101002'))).toMatchObject({ ok: true, id: { sex: 'female' } });
  });

  it('every single-character change of the example is refused (exhaustive)', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      for (const c of i < 17 ? '0123456789' : '0123456789X') {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(problemOf(changed)).not.toBe('ok');
      }
    }
  });
});

describe('parseIdNumber properties', () => {
  it('valid numbers parse back to their parts', () => {
    fc.assert(
      fc.property(idPartsArb, (parts) => {
        const r = parse(idNumberOf(parts));
        expect(r).toEqual({
          ok: true,
          id: {
            number: idNumberOf(parts),
            divisionCode: parts.divisionCode,
            birthDate: parts.birthDate,
            sex: Number(parts.sequence[2]) % 2 === 1 ? 'male' : 'female',
          },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('every change of one digit in positions 1–17 is caught: by the check digit, or by the date it breaks', () => {
    fc.assert(
      fc.property(validIdNumberArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (valid, i, shift) => {
        const digit = String((Number(valid[i]) + shift) % 10);
        const changed = valid.slice(0, i) + digit + valid.slice(i + 1);
        const problem = problemOf(changed);
        const dateStillValid = isRealPastDate(changed.slice(6, 14));
        expect(problem).toBe(dateStillValid ? 'checkDigit' : 'birthDate');
      }),
      { numRuns: 500 },
    );
  });

  it('changing only the check character to any other valid one gives checkDigit', () => {
    fc.assert(
      fc.property(validIdNumberArb, fc.constantFrom(...CHECK_CHARS), (valid, c) => {
        fc.pre(c !== valid[17]);
        expect(problemOf(valid.slice(0, 17) + c)).toBe('checkDigit');
      }),
      { numRuns: 300 },
    );
  });

  it('swapping two adjacent different characters is caught (MOD 11-2 detects transpositions)', () => {
    fc.assert(
      fc.property(validIdNumberArb, fc.integer({ min: 0, max: 16 }), (valid, i) => {
        fc.pre(valid[i] !== valid[i + 1]);
        const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
        expect(problemOf(swapped)).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('normalize is idempotent, and any typed variant of a valid number parses to the same number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(normalizeIdNumber(normalizeIdNumber(s))).toBe(normalizeIdNumber(s));
      }),
      { numRuns: 500 },
    );
    const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(validIdNumberArb, fc.boolean(), fc.boolean(), (valid, wide, lower) => {
        let typed = lower ? valid.toLowerCase() : valid;
        typed = wide ? fullWidth(typed) : typed;
        expect(parse(`  ${typed}\t`)).toMatchObject({ ok: true, id: { number: valid } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, a year older on the birthday', () => {
    expect(ageOn('1949-12-31', '2025-12-30')).toBe(75);
    expect(ageOn('1949-12-31', '2025-12-31')).toBe(76);
    expect(ageOn('2009-06-15', TODAY)).toBe(16);
    expect(ageOn('2009-06-16', TODAY)).toBe(15);
    expect(ageOn(TODAY, TODAY)).toBe(0);
  });

  it('someone born on 29 February turns a year older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2016-02-28')).toBe(15);
    expect(ageOn('2000-02-29', '2016-02-29')).toBe(16);
    expect(ageOn('2000-02-29', '2017-02-28')).toBe(16);
    expect(ageOn('2000-02-29', '2017-03-01')).toBe(17);
  });

  it('agrees with counting anniversaries (Date rolls 29 February over to 1 March)', () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        let years = 0;
        const anniversary = (k: number) => new Date(Date.UTC(birth.getUTCFullYear() + k, birth.getUTCMonth(), birth.getUTCDate()));
        while (anniversary(years + 1) <= on) years++;
        expect(ageOn(iso(birth), iso(on))).toBe(years);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses malformed dates and a date before birth', () => {
    expect(() => ageOn('2000-02-30', TODAY)).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', '1999-12-31')).toThrow(RangeError);
  });
});

describe('idProblemMessage', () => {
  it('has a distinct Chinese message for every problem', () => {
    const problems: IdNumberProblem[] = ['format', 'birthDate', 'checkDigit', 'division'];
    const messages = problems.map(idProblemMessage);
    expect(new Set(messages).size).toBe(problems.length);
    for (const m of messages) expect(m).toMatch(/^身份证号码.*请.*核对/);
  });
});
