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
  /**
   * 居住证签注: from `monthsBefore` months before each anniversary of the permit's issue to the
   * anniversary itself (《居住证暂行条例》第十四条). After an anniversary passed the permit may be
   * unendorsed (暂停使用); `afterLapse` lets it be endorsed late to restore it (the regulation's
   * 补办签注), otherwise the citizen waits for the next window.
   */
  residencePermitEndorsement: { monthsBefore: number; afterLapse: boolean };
}

export const DEFAULT_BUSINESS_CONDITIONS: BusinessConditions = {
  parentsJoinChildren: { maleMinAge: 60, femaleMinAge: 55 },
  graduate: { withinYears: 2 },
  spouse: { minMarriageYears: 0 },
  residencePermit: { minMonthsResident: 6 },
  residencePermitEndorsement: { monthsBefore: 1, afterLapse: true },
};

/** What the rules look at: the subject's registry facts and the dates the citizen declares (all YYYY-MM-DD, Shanghai). */
export interface ConditionFacts {
  birthDate: string;
  sex: 'male' | 'female';
  graduatedOn?: string;
  marriedOn?: string;
  residenceRegisteredOn?: string;
  residencePermitIssuedOn?: string;
}

const whole = (from: string, to: string, unit: 'year' | 'month') => dayjs(to).diff(dayjs(from), unit);
const DAY = 'YYYY-MM-DD';

/**
 * Whether a permit issued on `issuedOn` may be endorsed on `today`: in the window before an
 * anniversary (the window of the first anniversary on or after today), or — when the rules allow a
 * late endorsement — once an anniversary has passed. The officer still checks the card's
 * endorsement record: a permit already endorsed this year is refused at review.
 */
function endorsementRefusal(issuedOn: string, today: string, rules: BusinessConditions['residencePermitEndorsement']): string | undefined {
  const issued = dayjs(issuedOn);
  // The next anniversary on or after today (a permit issued on 29 February has its anniversary on 28 February).
  let n = Math.max(1, whole(issuedOn, today, 'year'));
  while (issued.add(n, 'year').format(DAY) < today) n += 1;
  const next = issued.add(n, 'year').format(DAY);
  const opens = dayjs(next).subtract(rules.monthsBefore, 'month').format(DAY);
  if (today >= opens) return undefined;
  const lapsed = whole(issuedOn, today, 'year') >= 1;
  if (lapsed && rules.afterLapse) return undefined;
  return `居住证签注在每满一年之日前${rules.monthsBefore}个月内办理，本次可于${opens}至${next}办理`;
}

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
    case 'residencePermitEndorsement': {
      if (!facts.residencePermitIssuedOn) return ['请填写居住证签发日期'];
      if (facts.residencePermitIssuedOn > today) return ['居住证签发日期不能晚于今天'];
      const why = endorsementRefusal(facts.residencePermitIssuedOn, today, rules.residencePermitEndorsement);
      return why ? [why] : [];
    }
    default:
      return [];
  }
}
