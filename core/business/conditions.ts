import { ageOn } from '../identity/idNumber';
import { dayjs } from '../time/shanghai';
import type { BusinessKind } from './kinds';

/**
 * The conditions of a business that are rules of data rather than an officer's judgement
 * (DOMAIN.md, "Cross-province items" and "More household-registration business"). Each city sets
 * its own figures (`BusinessConditions`); the defaults are the common ones. An unmet condition is
 * told to the citizen before they apply; the officer still checks the materials that prove it.
 */
export interface BusinessConditions {
  /** 父母投靠子女: the parent's age on the day of application, by sex. */
  parentsJoinChildren: { maleMinAge: number; femaleMinAge: number };
  /** 大中专院校毕业生: applied for within this many years of graduation. */
  graduate: { withinYears: number };
  /** 夫妻投靠: years married (0: no minimum). */
  spouse: { minMarriageYears: number };
  /** 居住证: months since residence registration (居住登记). */
  residencePermit: { minMonthsResident: number };
}

export const DEFAULT_BUSINESS_CONDITIONS: BusinessConditions = {
  parentsJoinChildren: { maleMinAge: 60, femaleMinAge: 55 },
  graduate: { withinYears: 2 },
  spouse: { minMarriageYears: 0 },
  residencePermit: { minMonthsResident: 6 },
};

/** What the rules look at: the subject's registry facts and the dates the citizen declares (all YYYY-MM-DD, Shanghai). */
export interface ConditionFacts {
  birthDate: string;
  sex: 'male' | 'female';
  graduatedOn?: string;
  marriedOn?: string;
  residenceRegisteredOn?: string;
}

const whole = (from: string, to: string, unit: 'year' | 'month') => dayjs(to).diff(dayjs(from), unit);

/** Why the subject does not (yet) meet the business's conditions on `today`; empty when they do or the business has none in data. */
export function unmetConditions(kind: BusinessKind, facts: ConditionFacts, rules: BusinessConditions, today: string): string[] {
  switch (kind) {
    case 'migrationParentsJoinChildren': {
      const min = facts.sex === 'male' ? rules.parentsJoinChildren.maleMinAge : rules.parentsJoinChildren.femaleMinAge;
      return ageOn(facts.birthDate, today) >= min ? [] : [`投靠子女的${facts.sex === 'male' ? '父亲' : '母亲'}须年满${min}周岁`];
    }
    case 'migrationGraduate': {
      if (!facts.graduatedOn) return ['请填写毕业日期'];
      if (facts.graduatedOn > today) return ['毕业日期不能晚于今天'];
      const years = rules.graduate.withinYears;
      return dayjs(facts.graduatedOn).add(years, 'year').format('YYYY-MM-DD') >= today ? [] : [`毕业${years}年内方可申请毕业生户口迁移`];
    }
    case 'migrationSpouse': {
      if (!facts.marriedOn) return ['请填写结婚登记日期'];
      if (facts.marriedOn > today) return ['结婚登记日期不能晚于今天'];
      const years = rules.spouse.minMarriageYears;
      return whole(facts.marriedOn, today, 'year') >= years ? [] : [`结婚满${years}年方可申请夫妻投靠`];
    }
    case 'residencePermit': {
      if (!facts.residenceRegisteredOn) return ['请填写居住登记日期'];
      if (facts.residenceRegisteredOn > today) return ['居住登记日期不能晚于今天'];
      const months = rules.residencePermit.minMonthsResident;
      return whole(facts.residenceRegisteredOn, today, 'month') >= months ? [] : [`居住登记满${months}个月方可申领居住证，未满的可先领取居住登记凭证`];
    }
    default:
      return [];
  }
}
