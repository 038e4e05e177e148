/**
 * Business conditions kept as data (issue 15): the boundaries of each rule, city figures taking
 * effect, and every business's guide giving a material list the application can carry.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MaterialSpec } from '../../core/business/BusinessApplication';
import { BusinessConfig } from '../../core/business/BusinessConfig';
import { DEFAULT_BUSINESS_CONDITIONS as RULES, unmetConditions, type ConditionFacts } from '../../core/business/conditions';
import { BUSINESSES, BUSINESS_KINDS } from '../../core/business/kinds';
import { materialListOf } from '../../core/business/materialList';
import { ServiceGuide } from '../../core/guide/ServiceGuide';
import { addDays, dayjs } from '../../core/time/shanghai';

const TODAY = '2026-12-01';
const person = (birthDate: string, sex: 'male' | 'female' = 'male', more: Partial<ConditionFacts> = {}): ConditionFacts => ({ birthDate, sex, ...more });
const yearsBefore = (years: number, date = TODAY) => dayjs(date).subtract(years, 'year').format('YYYY-MM-DD');

describe('parents joining children', () => {
  it('a father from his 60th birthday, a mother from her 55th', () => {
    expect(unmetConditions('migrationParentsJoinChildren', person(yearsBefore(60), 'male'), RULES, TODAY)).toEqual([]);
    expect(unmetConditions('migrationParentsJoinChildren', person(addDays(yearsBefore(60), 1), 'male'), RULES, TODAY)).toEqual(['投靠子女的父亲须年满60周岁']);
    expect(unmetConditions('migrationParentsJoinChildren', person(yearsBefore(55), 'female'), RULES, TODAY)).toEqual([]);
    expect(unmetConditions('migrationParentsJoinChildren', person(addDays(yearsBefore(55), 1), 'female'), RULES, TODAY)).toEqual(['投靠子女的母亲须年满55周岁']);
  });

  it("a city's own ages apply", () => {
    const city = { ...RULES, parentsJoinChildren: { maleMinAge: 55, femaleMinAge: 50 } };
    expect(unmetConditions('migrationParentsJoinChildren', person(yearsBefore(56), 'male'), city, TODAY)).toEqual([]);
    expect(unmetConditions('migrationParentsJoinChildren', person(yearsBefore(56), 'male'), RULES, TODAY)).toHaveLength(1);
  });
});

describe('graduates, spouses, residence permits', () => {
  it('graduates within two years of graduation, counted to the day', () => {
    const graduate = (graduatedOn?: string) => unmetConditions('migrationGraduate', person('2000-03-01', 'female', { graduatedOn }), RULES, TODAY);
    expect(graduate(yearsBefore(2))).toEqual([]);
    expect(graduate(addDays(yearsBefore(2), -1))).toEqual(['毕业2年内方可申请毕业生户口迁移']);
    expect(graduate(undefined)).toEqual(['请填写毕业日期']);
    expect(graduate(addDays(TODAY, 1))).toEqual(['毕业日期不能晚于今天']);
  });

  it('a residence permit after six months of residence registration; a spouse with no minimum by default', () => {
    const resident = (residenceRegisteredOn: string) => unmetConditions('residencePermit', person('1990-01-01', 'male', { residenceRegisteredOn }), RULES, TODAY);
    expect(resident('2026-06-01')).toEqual([]);
    expect(resident('2026-06-02')).toEqual(['居住登记满6个月方可申领居住证，未满的可先领取居住登记凭证']);
    expect(unmetConditions('migrationSpouse', person('1990-01-01', 'male', { marriedOn: TODAY }), RULES, TODAY)).toEqual([]);
    expect(unmetConditions('migrationSpouse', person('1990-01-01', 'male', { marriedOn: TODAY }), { ...RULES, spouse: { minMarriageYears: 2 } }, TODAY)).toEqual([
      '结婚满2年方可申请夫妻投靠',
    ]);
  });

  it('property: a condition met on a day stays met later for age and residence, and ends for graduates', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2015-01-01', n));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 2000 }), fc.constantFrom<'male' | 'female'>('male', 'female'), (birth, event, later, sex) => {
        const facts = person(yearsBefore(50, birth), sex, { graduatedOn: event, residenceRegisteredOn: event });
        const first = event > TODAY ? event : TODAY;
        const then = addDays(first, later);
        for (const kind of ['migrationParentsJoinChildren', 'residencePermit'] as const) {
          if (unmetConditions(kind, facts, RULES, first).length === 0) expect(unmetConditions(kind, facts, RULES, then)).toEqual([]);
        }
        if (unmetConditions('migrationGraduate', facts, RULES, then).length === 0) expect(unmetConditions('migrationGraduate', facts, RULES, first)).toEqual([]);
      }),
    );
  });
});

describe('residence permit endorsement (居住证签注)', () => {
  const endorse = (issuedOn: string | undefined, today: string, rules = RULES) =>
    unmetConditions('residencePermitEndorsement', person('1990-01-01', 'male', { residencePermitIssuedOn: issuedOn }), rules, today);
  const strict = { ...RULES, residencePermitEndorsement: { monthsBefore: 1, afterLapse: false } };

  it('from one month before the first anniversary of issue to the anniversary itself', () => {
    expect(endorse('2025-12-01', '2026-10-31')).toEqual(['居住证签注在每满一年之日前1个月内办理，本次可于2026-11-01至2026-12-01办理']);
    expect(endorse('2025-12-01', '2026-11-01')).toEqual([]);
    expect(endorse('2025-12-01', '2026-12-01')).toEqual([]);
    expect(endorse('2025-12-01', '2025-12-01')).toHaveLength(1);
  });

  it('after an anniversary passed: endorsed late by default (补办签注 restores a suspended permit), else the next window', () => {
    expect(endorse('2025-12-01', '2026-12-02')).toEqual([]);
    expect(endorse('2025-12-01', '2027-06-01')).toEqual([]);
    expect(endorse('2025-12-01', '2026-12-02', strict)).toEqual(['居住证签注在每满一年之日前1个月内办理，本次可于2027-11-01至2027-12-01办理']);
    expect(endorse('2025-12-01', '2027-11-01', strict)).toEqual([]);
    expect(endorse('2025-12-01', '2027-12-01', strict)).toEqual([]);
    expect(endorse('2025-12-01', '2027-10-31', strict)).toHaveLength(1);
  });

  it("a city's window, a permit issued on 29 February, and what must be declared", () => {
    const twoMonths = { ...RULES, residencePermitEndorsement: { monthsBefore: 2, afterLapse: true } };
    expect(endorse('2025-12-01', '2026-10-01', twoMonths)).toEqual([]);
    expect(endorse('2025-12-01', '2026-09-30', twoMonths)).toEqual(['居住证签注在每满一年之日前2个月内办理，本次可于2026-10-01至2026-12-01办理']);
    expect(endorse('2024-02-29', '2025-02-28', strict)).toEqual([]);
    expect(endorse('2024-02-29', '2025-01-27', strict)).toEqual(['居住证签注在每满一年之日前1个月内办理，本次可于2025-01-28至2025-02-28办理']);
    expect(endorse(undefined, TODAY)).toEqual(['请填写居住证签发日期']);
    expect(endorse(addDays(TODAY, 1), TODAY)).toEqual(['居住证签发日期不能晚于今天']);
  });

  it("a hall's conditions written before the endorsement existed still read, with the default window", () => {
    const { residencePermitEndorsement: _, ...older } = RULES;
    expect(BusinessConfig.parse({ hallId: 'h', conditions: older }).conditions.residencePermitEndorsement).toEqual({ monthsBefore: 1, afterLapse: true });
    expect(
      BusinessConfig.parse({ hallId: 'h', conditions: { ...older, residencePermitEndorsement: { monthsBefore: 2, afterLapse: false } } }).conditions.residencePermitEndorsement,
    ).toEqual({
      monthsBefore: 2,
      afterLapse: false,
    });
  });

  it('property: with late endorsement allowed, once a permit may be endorsed it stays so', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2018-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 800 }), (issued, after, later) => {
        const first = addDays(issued, after);
        if (endorse(issued, first).length === 0) expect(endorse(issued, addDays(first, later))).toEqual([]);
      }),
    );
  });
});

describe('material lists from the guides', () => {
  it.each(BUSINESS_KINDS)('%s: its guide exists and gives at least one required material, each a valid spec', (kind) => {
    const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'guides', `${BUSINESSES[kind].guideId}.json`), 'utf8'));
    const guide = ServiceGuide.parse(raw);
    const list = materialListOf(guide.materials);
    expect(list.map((m) => m.key)).toEqual(guide.materials.map((_m, i) => `m${i}`));
    expect(list.some((m) => m.required)).toBe(true);
    for (const spec of list) expect(MaterialSpec.safeParse(spec).success).toBe(true);
  });
});
