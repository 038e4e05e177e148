/**
 * The online-reissue pre-check: each condition on its own fails with its own code, several
 * failures are all listed, and the photo rules (Haikou's and the default) hold at their edges.
 */
import fc from 'fast-check';
import type { ReissueState } from '../../core/reissue/ReissueApplication';
import { ReissueConfig, defaultReissueConfig } from '../../core/reissue/ReissueConfig';
import { addYears, cardValidity, checkEligibility, type EligibilityCode, type EligibilityInput } from '../../core/reissue/eligibility';

const TODAY = '2026-06-01';
const DEFAULT = defaultReissueConfig('440300');
const HAIKOU = ReissueConfig.parse({ cityCode: '460100', photoRule: { kind: 'cardIssuedWithin', years: 5 } });

/** Eligible under both configs: 36, 20-year card issued a year ago, fingerprints, declaration. */
const base = (): EligibilityInput => ({
  resident: { birthDate: '1990-05-01', fingerprintsOnFile: true, cardIssuedOn: '2025-03-01' },
  reason: 'lost',
  appearanceUnchanged: true,
  today: TODAY,
  openApplications: [],
  config: DEFAULT,
});
const codes = (input: EligibilityInput) => {
  const r = checkEligibility(input);
  return r.ok ? [] : r.reasons.map((x) => x.code);
};

type Change = (i: EligibilityInput) => EligibilityInput;
const MATRIX: Array<[string, Change, EligibilityCode[]]> = [
  ['eligible', (i) => i, []],
  ['damaged is eligible too', (i) => ({ ...i, reason: 'damaged' }), []],
  ['first application', (i) => ({ ...i, reason: 'first' }), ['REASON_NEEDS_HALL']],
  ['renewal on expiry', (i) => ({ ...i, reason: 'expiring' }), ['REASON_NEEDS_HALL']],
  ['change of registered data', (i) => ({ ...i, reason: 'infoChanged' }), ['REASON_NEEDS_HALL']],
  // Under 16 implies a 5-year card, never reusable by default: Haikou's rule isolates the age.
  ['15 (Haikou rule)', (i) => ({ ...i, config: HAIKOU, resident: { ...i.resident, birthDate: '2010-06-02', cardIssuedOn: '2024-01-10' } }), ['UNDER_MIN_AGE']],
  ['16 today (Haikou rule)', (i) => ({ ...i, config: HAIKOU, resident: { ...i.resident, birthDate: '2010-06-01', cardIssuedOn: '2024-01-10' } }), []],
  ['no fingerprints on file', (i) => ({ ...i, resident: { ...i.resident, fingerprintsOnFile: false } }), ['NO_FINGERPRINTS']],
  ['never had a card', (i) => ({ ...i, resident: { ...i.resident, cardIssuedOn: undefined } }), ['NO_CARD_ON_FILE']],
  ['20-year card, photo 3 years old to the day', (i) => ({ ...i, resident: { ...i.resident, cardIssuedOn: '2023-06-01' } }), []],
  ['20-year card, photo 3 years and a day old', (i) => ({ ...i, resident: { ...i.resident, cardIssuedOn: '2023-05-31' } }), ['PHOTO_TOO_OLD']],
  ['10-year card, photo 2 years old', (i) => ({ ...i, resident: { ...i.resident, birthDate: '2004-01-01', cardIssuedOn: '2024-06-01' } }), []],
  ['10-year card, photo 4 years old', (i) => ({ ...i, resident: { ...i.resident, birthDate: '2004-01-01', cardIssuedOn: '2022-06-01' } }), ['PHOTO_TOO_OLD']],
  ['long-term card, photo 5 years old to the day', (i) => ({ ...i, resident: { ...i.resident, birthDate: '1960-01-01', cardIssuedOn: '2021-06-01' } }), []],
  ['long-term card, photo 5 years and a day old', (i) => ({ ...i, resident: { ...i.resident, birthDate: '1960-01-01', cardIssuedOn: '2021-05-31' } }), ['PHOTO_TOO_OLD']],
  ['photo taken long before the card', (i) => ({ ...i, resident: { ...i.resident, photoTakenOn: '2022-01-01' } }), ['PHOTO_TOO_OLD']],
  ['5-year card (issued at 14) by default', (i) => ({ ...i, resident: { ...i.resident, birthDate: '2010-01-01', cardIssuedOn: '2024-02-01' } }), ['PHOTO_TOO_OLD']],
  ['5-year card (issued at 14) in Haikou', (i) => ({ ...i, config: HAIKOU, resident: { ...i.resident, birthDate: '2010-01-01', cardIssuedOn: '2024-02-01' } }), []],
  ['Haikou: card issued 5 years ago to the day', (i) => ({ ...i, config: HAIKOU, resident: { ...i.resident, cardIssuedOn: '2021-06-01' } }), []],
  ['Haikou: card issued 5 years and a day ago', (i) => ({ ...i, config: HAIKOU, resident: { ...i.resident, cardIssuedOn: '2021-05-31' } }), ['PHOTO_TOO_OLD']],
  ['appearance changed', (i) => ({ ...i, appearanceUnchanged: false }), ['APPEARANCE_CHANGED']],
  ['photo already reused once', (i) => ({ ...i, resident: { ...i.resident, photoReused: true } }), ['PHOTO_ALREADY_REUSED']],
  ['another application under review', (i) => ({ ...i, openApplications: [{ state: 'underReview' }] }), ['OPEN_APPLICATION']],
  ['a draft counts as open', (i) => ({ ...i, openApplications: [{ state: 'draft' }] }), ['OPEN_APPLICATION']],
  ['returned card not yet re-shipped counts as open', (i) => ({ ...i, openApplications: [{ state: 'returned' }] }), ['OPEN_APPLICATION']],
  [
    'closed applications do not block',
    (i) => ({ ...i, openApplications: (['delivered', 'collected', 'cancelled', 'rejected'] as ReissueState[]).map((state) => ({ state })) }),
    [],
  ],
  [
    'everything wrong at once: every reason listed',
    (i) => ({
      ...i,
      reason: 'first',
      appearanceUnchanged: false,
      openApplications: [{ state: 'paid' }],
      resident: { birthDate: '2012-01-01', fingerprintsOnFile: false, cardIssuedOn: '2020-01-01', photoReused: true },
    }),
    ['REASON_NEEDS_HALL', 'UNDER_MIN_AGE', 'NO_FINGERPRINTS', 'PHOTO_TOO_OLD', 'APPEARANCE_CHANGED', 'PHOTO_ALREADY_REUSED', 'OPEN_APPLICATION'],
  ],
];

describe('checkEligibility: the matrix', () => {
  it.each(MATRIX)('%s', (_name, change, expected) => {
    expect(codes(change(base()))).toEqual(expected);
  });

  it('each reason says why in Chinese and where to go next', () => {
    const r = checkEligibility(MATRIX.at(-1)![1](base()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const reason of r.reasons) {
      expect(reason.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(reason.next).toBe(reason.code === 'OPEN_APPLICATION' ? 'viewApplication' : 'bookHall');
      if (reason.next === 'bookHall') expect(reason.message).toContain('预约');
    }
    expect(r.reasons.find((x) => x.code === 'UNDER_MIN_AGE')?.message).toContain('16');
  });

  it('a birth date after today is under age, not a crash', () => {
    expect(codes({ ...base(), config: HAIKOU, resident: { ...base().resident, birthDate: '2027-01-01', cardIssuedOn: '2026-01-01' } })).toEqual(['UNDER_MIN_AGE']);
  });

  it('the minimum age comes from the config', () => {
    const config = ReissueConfig.parse({ cityCode: '460100', minAge: 18, photoRule: { kind: 'cardIssuedWithin', years: 5 } });
    expect(codes({ ...base(), config, resident: { ...base().resident, birthDate: '2009-01-01', cardIssuedOn: '2025-01-01' } })).toEqual(['UNDER_MIN_AGE']);
  });

  it('property: any set of failing conditions is reported exactly, in a fixed order', () => {
    const ORDER: EligibilityCode[] = [
      'REASON_NEEDS_HALL',
      'UNDER_MIN_AGE',
      'NO_FINGERPRINTS',
      'NO_CARD_ON_FILE',
      'PHOTO_TOO_OLD',
      'APPEARANCE_CHANGED',
      'PHOTO_ALREADY_REUSED',
      'OPEN_APPLICATION',
    ];
    fc.assert(
      fc.property(
        fc.record({
          reason: fc.boolean(),
          age: fc.boolean(),
          fingerprints: fc.boolean(),
          photo: fc.constantFrom('ok', 'old', 'none'),
          looks: fc.boolean(),
          reused: fc.boolean(),
          open: fc.boolean(),
        }),
        (f) => {
          const input: EligibilityInput = {
            ...base(),
            config: HAIKOU,
            reason: f.reason ? 'first' : 'lost',
            appearanceUnchanged: !f.looks,
            openApplications: f.open ? [{ state: 'submitted' }] : [{ state: 'cancelled' }],
            resident: {
              birthDate: f.age ? '2011-01-01' : '1990-05-01',
              fingerprintsOnFile: !f.fingerprints,
              cardIssuedOn: f.photo === 'none' ? undefined : f.photo === 'old' ? '2020-01-01' : '2024-01-01',
              photoReused: f.reused,
            },
          };
          const expected = new Set<EligibilityCode>([
            ...(f.reason ? (['REASON_NEEDS_HALL'] as const) : []),
            ...(f.age ? (['UNDER_MIN_AGE'] as const) : []),
            ...(f.fingerprints ? (['NO_FINGERPRINTS'] as const) : []),
            ...(f.photo === 'none' ? (['NO_CARD_ON_FILE'] as const) : f.photo === 'old' ? (['PHOTO_TOO_OLD'] as const) : []),
            ...(f.looks ? (['APPEARANCE_CHANGED'] as const) : []),
            ...(f.reused ? (['PHOTO_ALREADY_REUSED'] as const) : []),
            ...(f.open ? (['OPEN_APPLICATION'] as const) : []),
          ]);
          expect(codes(input)).toEqual(ORDER.filter((c) => expected.has(c)));
          expect(checkEligibility(input).ok).toBe(expected.size === 0);
        },
      ),
    );
  });
});

describe('reissue config and helpers', () => {
  it('defaults to DOMAIN.md: 16, photo 3/3/5 years, 40 yuan, postage 15/18/20, 60 (+30) days, 3 days to pay', () => {
    expect(DEFAULT).toEqual({
      cityCode: '440300',
      minAge: 16,
      photoRule: { kind: 'photoAgeByValidity', maxYears: { tenYear: 3, twentyYear: 3, longTerm: 5 } },
      fees: { cardFen: 4000, postageFen: { sameCity: 1500, sameProvince: 1800, otherProvince: 2000 }, lowIncomeExemption: true, exemptionCoversPostage: false },
      timeLimits: {
        legalDays: 60,
        remoteExtraDays: 30,
        remoteDivisions: [],
        legalDueMovesToWorkday: true,
        promisedWorkingDays: 20,
        reviewWorkingDays: 3,
        payWithinDays: 3,
      },
    });
  });

  it('a city writes down only what differs; nested sections keep their other defaults', () => {
    const c = ReissueConfig.parse({ cityCode: '460100', fees: { postageFen: { sameCity: 1000 } }, timeLimits: { promisedWorkingDays: 15 } });
    expect(c.fees).toMatchObject({ cardFen: 4000, postageFen: { sameCity: 1000, sameProvince: 1800, otherProvince: 2000 } });
    expect(c.timeLimits).toMatchObject({ legalDays: 60, promisedWorkingDays: 15 });
    expect(() => ReissueConfig.parse({ cityCode: '4601' })).toThrow();
    expect(() => ReissueConfig.parse({ cityCode: '460100', fees: { cardFen: 40.5 } })).toThrow();
  });

  it('card validity by age at issue: <16 five years, 16–25 ten, 26–45 twenty, 46+ long-term', () => {
    expect([0, 15, 16, 25, 26, 45, 46, 90].map(cardValidity)).toEqual(['fiveYear', 'fiveYear', 'tenYear', 'tenYear', 'twentyYear', 'twentyYear', 'longTerm', 'longTerm']);
  });

  it('addYears keeps the day, and 29 February becomes 28 February in a common year', () => {
    expect(addYears('2021-06-01', 5)).toBe('2026-06-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
