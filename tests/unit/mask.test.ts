/**
 * De-identified display of ID numbers, phones and names, and the leak scanner that the
 * integration suite runs over everything functions logged and returned.
 */
import fc from 'fast-check';
import { birthYearShown, containsUnmaskedIdOrPhone, maskIdNumber, maskName, maskNameForFamily, maskPhone } from '../../core/privacy/mask';
import { validIdNumberArb } from './support/idNumberArbitraries';

const mobileArb = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([second, rest]) => `1${second}${String(rest).padStart(9, '0')}`);
const garbage = [null, undefined, 0, 13812345678, {}, [], true, '', '   ', 'abc', '1101051949123100', '11010519491231002X1'];

describe('maskIdNumber', () => {
  it('shows the first four and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber(' 11010519491231002x ')).toBe('1101**********002X');
  });

  it('masks whatever it does not recognise whole, at a fixed length', () => {
    for (const g of garbage) expect(maskIdNumber(g)).toBe('*'.repeat(18));
  });

  it('never shows the middle ten characters, and keeps the length', () => {
    fc.assert(
      fc.property(validIdNumberArb, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`);
        expect(masked.slice(4, 14)).toBe('*'.repeat(10));
        expect(masked).not.toContain(id.slice(6, 14)); // the birth date never shows
      }),
      { numRuns: 300 },
    );
  });
});

describe('maskPhone', () => {
  it('shows the first three and the last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks whatever it does not recognise whole', () => {
    for (const g of [...garbage, '1381234567', '138123456789', '010-12345678']) expect(maskPhone(g)).toBe('*'.repeat(11));
  });

  it('never shows the middle four digits, and keeps the length', () => {
    fc.assert(
      fc.property(mobileArb, (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.replace(/\*/g, '')).toBe(phone.slice(0, 3) + phone.slice(7)); // 7 of 11 digits shown
      }),
      { numRuns: 300 },
    );
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳修', '欧**'],
    ['阿依古丽·买买提', '阿*******'],
    [' 李四 ', '李*'],
    ['𠀾明', '𠀾*'],
    ['王', '*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('masks garbage whole', () => {
    for (const g of [null, undefined, 0, {}, '', '  ']) expect(maskName(g)).toBe('*');
  });
});

describe('masks are total', () => {
  it('never throw, and show at most the documented characters of the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), (value) => {
        const id = maskIdNumber(value);
        const phone = maskPhone(value);
        const name = maskName(value);
        expect(id).toMatch(/^(\*{18}|\d{4}\*{10}\d{3}[\dX])$/);
        expect(phone).toMatch(/^(\*{11}|1\d{2}\*{4}\d{4})$/);
        expect(
          Array.from(name)
            .slice(1)
            .every((c) => c === '*'),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('containsUnmaskedIdOrPhone', () => {
  const id = '11010519491231002X';

  it('finds valid ID numbers and mobile numbers in JSON, and reports them masked', () => {
    const text = JSON.stringify({ who: { idNumber: id, phone: '13812345678' }, note: '联系13912345678' });
    expect(containsUnmaskedIdOrPhone(text)).toEqual(['1101**********002X', '138****5678', '139****5678']);
  });

  it('finds the usual spellings: lower-case x, +86, dashes and spaces, full-width, after a JSON escape', () => {
    expect(containsUnmaskedIdOrPhone('id=11010519491231002x')).toEqual(['1101**********002X']);
    expect(containsUnmaskedIdOrPhone('"+8613812345678"')).toEqual(['138****5678']);
    expect(containsUnmaskedIdOrPhone('tel: +86 138-1234-5678')).toEqual(['138****5678']);
    expect(containsUnmaskedIdOrPhone('电话 138 1234 5678')).toEqual(['138****5678']);
    expect(containsUnmaskedIdOrPhone('１３８１２３４５６７８')).toEqual(['138****5678']);
    expect(containsUnmaskedIdOrPhone(JSON.stringify(`第一行\n${id}`))).toEqual(['1101**********002X']);
  });

  it('ignores masked forms, wrong check digits, longer digit runs and identifiers', () => {
    const text = JSON.stringify({
      masked: ['1101**********002X', '138****5678'],
      wrongCheck: '110105194912310021',
      long: `20${id.slice(0, 17)}1`,
      twentyDigits: '12345678901234567890',
      inLongRun: `99${id}99`,
      phoneInLongRun: '0013812345678000',
      landline: '12345678',
      hexId: 'a13812345678b11010519491231002Xc',
      time: 1750000000000,
    });
    expect(containsUnmaskedIdOrPhone(text)).toEqual([]);
  });

  it('finds every valid number, wherever it stands in JSON, and never echoes it', () => {
    fc.assert(
      fc.property(validIdNumberArb, mobileArb, fc.string(), (idNumber, phone, other) => {
        const text = JSON.stringify({ other, list: [idNumber, { phone }], other2: other });
        const found = containsUnmaskedIdOrPhone(text);
        expect(found).toEqual(expect.arrayContaining([maskIdNumber(idNumber), maskPhone(phone)]));
        expect(found.join(' ')).not.toContain(idNumber.slice(4, 14));
        expect(found.join(' ')).not.toContain(phone.slice(3, 7) + phone.slice(7));
      }),
      { numRuns: 300 },
    );
  });

  it('reports nothing in hex document ids, UUIDs and base64url ciphertexts', () => {
    const token = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.uuid(), fc.stringMatching(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{22}$/));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 5 }), (tokens) => {
        expect(containsUnmaskedIdOrPhone(JSON.stringify({ tokens }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is total', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(containsUnmaskedIdOrPhone(value))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("maskNameForFamily (the linking account's own family list)", () => {
  it.each([
    ['王建国', '王*国'],
    ['王建军', '王*军'],
    ['欧阳建国', '欧**国'],
    ['阿依古丽·买买提', '阿******提'],
    ['王强', '王*'],
    [' 李四 ', '李*'],
    ['𠀾小明', '𠀾*明'],
    ['王', '*'],
  ])('%s → %s', (name, masked) => {
    expect(maskNameForFamily(name)).toBe(masked);
  });

  it('tells apart members the plain mask shows alike', () => {
    expect(maskName('王建国')).toBe(maskName('王小明'));
    expect(maskNameForFamily('王建国')).not.toBe(maskNameForFamily('王小明'));
  });

  it('property: shows at most the first and last character, never more than the plain mask plus one, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.anything()), (value) => {
        const masked = maskNameForFamily(value);
        const shown = Array.from(masked).filter((c) => c !== '*');
        if (typeof value !== 'string') return expect(masked).toBe('*');
        const chars = Array.from(value.trim());
        if (chars.length <= 2) return expect(masked).toBe(maskName(value));
        expect(Array.from(masked)).toHaveLength(chars.length);
        expect(
          Array.from(masked)
            .slice(1, -1)
            .every((c) => c === '*'),
        ).toBe(true);
        expect(shown.length).toBeLessThanOrEqual(2);
        expect(Array.from(masked)[0]).toBe(chars[0]);
        expect(Array.from(masked).at(-1)).toBe(chars.at(-1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('birthYearShown', () => {
  it('the year only, from a valid-shaped number; nothing from anything else', () => {
    expect(birthYearShown('11010519491231002X')).toBe(1949);
    for (const g of garbage) expect(birthYearShown(g)).toBeUndefined();
  });

  it('property: the four year digits and nothing else of the number', () => {
    fc.assert(
      fc.property(validIdNumberArb, (id) => {
        expect(String(birthYearShown(id))).toBe(id.slice(6, 10));
      }),
      { numRuns: 200 },
    );
  });
});
