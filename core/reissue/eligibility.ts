import { ageOn } from '../identity/idNumber';
import type { Resident } from '../identity/Resident';
import type { PhotoRule, ReissueConfig } from './ReissueConfig';
import type { ReissueApplication } from './ReissueApplication';
import { isOpen } from './stateMachine';

/**
 * The pre-check before an online reissue (DOMAIN.md, "Online reissue"): every rule the person
 * fails is listed, each with its own code, a message saying why and what to do instead (most
 * often: book a visit to a hall, where a photo and fingerprints can be taken).
 */

/** What the citizen picks as the reason; only loss and damage can be handled online. */
export type CardApplicationReason = 'lost' | 'damaged' | 'first' | 'expiring' | 'infoChanged';

export type EligibilityCode =
  'REASON_NEEDS_HALL' | 'NO_CARD_ON_FILE' | 'UNDER_MIN_AGE' | 'NO_FINGERPRINTS' | 'PHOTO_TOO_OLD' | 'APPEARANCE_CHANGED' | 'PHOTO_ALREADY_REUSED' | 'OPEN_APPLICATION';

export interface EligibilityProblem {
  code: EligibilityCode;
  message: string;
  /** Where the citizen goes next: book a hall visit, or look at the application already open. */
  next: 'bookHall' | 'viewApplication';
}

export type Eligibility = { ok: true } | { ok: false; reasons: EligibilityProblem[] };

/** What the registry says about the person (the photo fields come with the card record). */
export type ReissueResident = Pick<Resident, 'birthDate' | 'fingerprintsOnFile' | 'cardIssuedOn'> & {
  /** When the photo on file was taken, YYYY-MM-DD; defaults to the card's issue date. */
  photoTakenOn?: string;
  /** The photo on file was already printed on a reissued card (it may be reused only once). */
  photoReused?: boolean;
};

export interface EligibilityInput {
  resident: ReissueResident;
  reason: CardApplicationReason;
  /** The citizen's declaration that their appearance is unchanged since the photo. */
  appearanceUnchanged: boolean;
  /** Asia/Shanghai date, YYYY-MM-DD. */
  today: string;
  /** The person's other applications (any state); an open one blocks a new one. */
  openApplications: ReadonlyArray<Pick<ReissueApplication, 'state'>>;
  config: Pick<ReissueConfig, 'minAge' | 'photoRule'>;
}

/** How long a card issued at an age is valid (Resident Identity Card Law, art. 5). */
export type CardValidity = 'fiveYear' | 'tenYear' | 'twentyYear' | 'longTerm';

export function cardValidity(ageAtIssue: number): CardValidity {
  if (ageAtIssue < 16) return 'fiveYear';
  if (ageAtIssue <= 25) return 'tenYear';
  if (ageAtIssue <= 45) return 'twentyYear';
  return 'longTerm';
}

/** A YYYY-MM-DD date plus whole years; 29 February lands on 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** How many years the photo may be old, or null when it may not be reused at all. */
function photoLimit(rule: PhotoRule, resident: ReissueResident, cardIssuedOn: string): { from: string; years: number } | null {
  if (rule.kind === 'cardIssuedWithin') return { from: cardIssuedOn, years: rule.years };
  const validity = cardIssuedOn >= resident.birthDate ? cardValidity(ageOn(resident.birthDate, cardIssuedOn)) : 'fiveYear';
  if (validity === 'fiveYear') return null;
  return { from: resident.photoTakenOn ?? cardIssuedOn, years: rule.maxYears[validity] };
}

/** The rule in words, e.g. 上次办证在5年以内. */
export function photoRuleText(rule: PhotoRule): string {
  if (rule.kind === 'cardIssuedWithin') return `上次办证在${rule.years}年以内`;
  const { tenYear, twentyYear, longTerm } = rule.maxYears;
  const fixed = tenYear === twentyYear ? `10年、20年有效期证件的照片不超过${tenYear}年` : `10年有效期证件的照片不超过${tenYear}年、20年有效期的不超过${twentyYear}年`;
  return `${fixed}，长期证件的照片不超过${longTerm}年`;
}

const HALL_HINT = '请预约到户政大厅办理';

export function checkEligibility({ resident, reason, appearanceUnchanged, today, openApplications, config }: EligibilityInput): Eligibility {
  const reasons: EligibilityProblem[] = [];
  const fail = (code: EligibilityCode, message: string, next: EligibilityProblem['next'] = 'bookHall') => reasons.push({ code, message, next });

  if (reason !== 'lost' && reason !== 'damaged') {
    fail('REASON_NEEDS_HALL', `网上只能办理身份证丢失补领和损坏换领；首次申领、到期换领和信息变更需现场采集照片和指纹，${HALL_HINT}`);
  }
  const age = today >= resident.birthDate ? ageOn(resident.birthDate, today) : -1;
  if (age < config.minAge) {
    fail('UNDER_MIN_AGE', `未满${config.minAge}周岁不能网上申请，需由监护人陪同，${HALL_HINT}`);
  }
  if (!resident.fingerprintsOnFile) {
    fail('NO_FINGERPRINTS', `户籍系统中没有您的指纹信息，需现场采集指纹，${HALL_HINT}`);
  }
  if (!resident.cardIssuedOn) {
    fail('NO_CARD_ON_FILE', `没有查询到您的身份证办理记录，首次申领${HALL_HINT}`);
  } else {
    const limit = photoLimit(config.photoRule, resident, resident.cardIssuedOn);
    if (!limit || today > addYears(limit.from, limit.years)) {
      fail('PHOTO_TOO_OLD', `网上办理需沿用存档照片（${photoRuleText(config.photoRule)}），您的存档照片不能再用，需重新拍照，${HALL_HINT}`);
    }
  }
  if (!appearanceUnchanged) {
    fail('APPEARANCE_CHANGED', `相貌与存档照片相比有较大变化的，需重新拍照，${HALL_HINT}`);
  }
  if (resident.photoReused) {
    fail('PHOTO_ALREADY_REUSED', `存档照片已沿用过一次，不能再次沿用，需重新拍照，${HALL_HINT}`);
  }
  if (openApplications.some(isOpen)) {
    fail('OPEN_APPLICATION', '您已有一份正在办理的补换领申请，请查看办理进度或先取消该申请', 'viewApplication');
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
