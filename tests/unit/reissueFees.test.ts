/** Fees of an online reissue: card fee, postage by zone, exemptions; integer fen throughout. */
import fc from 'fast-check';
import { FeeConfig } from '../../core/reissue/ReissueConfig';
import { FeeBreakdown, feeFor, fenOf, yuan, type FeeInput } from '../../core/reissue/fees';
import { cityOf, postageZone } from '../../core/reissue/postageZone';

const CONFIG = FeeConfig.parse({});
const HAIKOU_LONGHUA = '460106';
const mail = (to: string, from = HAIKOU_LONGHUA): FeeInput['delivery'] => ({ kind: 'mail', fromDivisionCode: from, toDistrictCode: to });

describe('feeFor', () => {
  it.each([
    ['lost, same city (海口美兰)', 'lost', '460108', 'sameCity', 4000 + 1500],
    ['damaged, same province (三亚吉阳)', 'damaged', '460203', 'sameProvince', 4000 + 1800],
    ['lost, other province (深圳南山)', 'lost', '440305', 'otherProvince', 4000 + 2000],
  ] as const)('%s', (_name, reason, to, zone, total) => {
    const fee = feeFor({ reason, delivery: mail(to), lowIncome: false, config: CONFIG });
    expect(fee).toMatchObject({ zone, totalFen: total, exempt: false });
    expect(fee.lines.map((l) => l.kind)).toEqual(['card', 'postage']);
    expect(fee.lines[0]).toEqual({ kind: 'card', label: reason === 'lost' ? '补领居民身份证工本费' : '换领居民身份证工本费', amountFen: 4000 });
    expect(fee.lines[1].label).toBe(`邮寄费（${{ sameCity: '同城', sameProvince: '省内', otherProvince: '省外' }[zone]}）`);
  });

  it('collection at a hall: the card fee only', () => {
    expect(feeFor({ reason: 'lost', delivery: { kind: 'hall' }, lowIncome: false, config: CONFIG })).toEqual({
      lines: [{ kind: 'card', label: '补领居民身份证工本费', amountFen: 4000 }],
      totalFen: 4000,
      zone: 'hall',
      exempt: false,
    });
  });

  it('minimum living allowance: the card fee waived (shown at 0 with a note), postage still due', () => {
    const fee = feeFor({ reason: 'damaged', delivery: mail('440305'), lowIncome: true, config: CONFIG });
    expect(fee).toMatchObject({ exempt: true, totalFen: 2000 });
    expect(fee.lines[0]).toMatchObject({ amountFen: 0, note: '最低生活保障对象免收' });
    expect(feeFor({ reason: 'lost', delivery: { kind: 'hall' }, lowIncome: true, config: CONFIG }).totalFen).toBe(0);
  });

  it('exemptions follow the city: none offered, or covering postage too', () => {
    const none = FeeConfig.parse({ lowIncomeExemption: false });
    expect(feeFor({ reason: 'lost', delivery: mail('460108'), lowIncome: true, config: none })).toMatchObject({ exempt: false, totalFen: 5500 });
    const all = FeeConfig.parse({ exemptionCoversPostage: true });
    expect(feeFor({ reason: 'lost', delivery: mail('460108'), lowIncome: true, config: all }).totalFen).toBe(0);
  });

  it('amounts come from the config', () => {
    const config = FeeConfig.parse({ cardFen: 3000, postageFen: { sameCity: 1000, otherProvince: 2500 } });
    expect(feeFor({ reason: 'lost', delivery: mail('460108'), lowIncome: false, config }).totalFen).toBe(4000);
    expect(feeFor({ reason: 'lost', delivery: mail('460203'), lowIncome: false, config }).totalFen).toBe(4800);
    expect(feeFor({ reason: 'lost', delivery: mail('110105'), lowIncome: false, config }).totalFen).toBe(5500);
  });

  it('property: integer fen, total = sum of lines, a valid stored breakdown', () => {
    const code = fc
      .tuple(fc.integer({ min: 11, max: 65 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
      .map(([p, c, d]) => `${p}${String(c).padStart(2, '0')}${String(d).padStart(2, '0')}`);
    const fen = fc.integer({ min: 0, max: 100_000 });
    fc.assert(
      fc.property(
        fc.constantFrom('lost' as const, 'damaged' as const),
        fc.option(fc.tuple(code, code), { nil: undefined }),
        fc.boolean(),
        fc.record({
          cardFen: fen,
          postageFen: fc.record({ sameCity: fen, sameProvince: fen, otherProvince: fen }),
          lowIncomeExemption: fc.boolean(),
          exemptionCoversPostage: fc.boolean(),
        }),
        (reason, codes, lowIncome, config) => {
          const fee = feeFor({ reason, delivery: codes ? mail(codes[1], codes[0]) : { kind: 'hall' }, lowIncome, config });
          expect(FeeBreakdown.parse(fee)).toEqual(fee);
          for (const l of fee.lines) expect(Number.isInteger(l.amountFen) && l.amountFen >= 0).toBe(true);
          expect(fee.lines).toHaveLength(codes ? 2 : 1);
          expect(fee.lines[0].amountFen).toBe(lowIncome && config.lowIncomeExemption ? 0 : config.cardFen);
        },
      ),
    );
  });

  it('a stored breakdown whose total disagrees with its lines is refused', () => {
    const fee = feeFor({ reason: 'lost', delivery: { kind: 'hall' }, lowIncome: false, config: CONFIG });
    expect(() => FeeBreakdown.parse({ ...fee, totalFen: 1 })).toThrow();
  });

  it('yuan shows fen with two decimals', () => {
    expect([0, 5, 1500, 5800, 123456].map(yuan)).toEqual(['0.00', '0.05', '15.00', '58.00', '1234.56']);
    expect(() => yuan(1.5)).toThrow();
  });

  it('fenOf reads back what yuan writes (an officer’s collected amount, issue 18); anything else is NaN', () => {
    fc.assert(fc.property(fc.nat(99_999_999), (fen) => expect(fenOf(yuan(fen))).toBe(fen)));
    expect(['52', '52.0', '-1.00', '1e2.00', '', '52.000'].map(fenOf)).toEqual(Array(6).fill(Number.NaN));
  });
});

describe('postageZone', () => {
  it.each([
    ['460106', '460108', 'sameCity'],
    ['460106', '460203', 'sameProvince'],
    ['460106', '440305', 'otherProvince'],
    ['110105', '110108', 'sameCity'], // Beijing districts
    ['500101', '500229', 'sameCity'], // Chongqing: districts (5001) and counties (5002) are one city
    ['310115', '320105', 'otherProvince'],
    ['469001', '469002', 'sameProvince'], // Hainan's province-direct cities are cities of their own
    ['469001', '460106', 'sameProvince'],
    ['419001', '410102', 'sameProvince'],
    ['441900', '441900', 'sameCity'], // Dongguan, no districts
    ['441900', '440305', 'sameProvince'],
  ])('%s → %s: %s', (from, to, zone) => {
    expect(postageZone(from, to)).toBe(zone);
    expect(postageZone(to, from)).toBe(zone);
  });

  it('cityOf', () => {
    expect(['460106', '110105', '500229', '469001', '441900'].map(cityOf)).toEqual(['460100', '110000', '500000', '469001', '441900']);
    expect(() => cityOf('4601')).toThrow(RangeError);
  });
});
