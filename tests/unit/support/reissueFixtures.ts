/** Builders for reissue-application tests: synthetic addresses, drafts and calendars. */
import { calendarFrom, type WorkCalendar } from '../../../core/time/WorkCalendar';
import type { MailAddress, ReissueApplication } from '../../../core/reissue/ReissueApplication';
import { defaultReissueConfig } from '../../../core/reissue/ReissueConfig';
import { feeFor } from '../../../core/reissue/fees';
import { draftApplication } from '../../../core/reissue/stateMachine';

export const OWNER = 'openid-owner';
export const HALL = 'haikou-longhua';
export const ISSUER = '460106';
export const T0 = new Date('2026-09-25T02:00:00Z'); // Friday 10:00 in Shanghai

export function address(districtCode = '460108', names = { province: '海南省', city: '海口市', district: '美兰区' }): MailAddress {
  return {
    provinceCode: `${districtCode.slice(0, 2)}0000`,
    cityCode: `${districtCode.slice(0, 4)}00`,
    districtCode,
    names,
    detailEnc: 'enc:detail',
    recipientEnc: 'enc:recipient',
    phoneEnc: 'enc:phone',
  };
}

export interface DraftOptions {
  delivery?: 'mail' | 'hall';
  /** Resident on minimum living allowance collecting at a hall: nothing to pay. */
  free?: boolean;
  id?: string;
  now?: Date;
}

export function draft({ delivery = 'mail', free = false, id = 'app-1', now = T0 }: DraftOptions = {}): ReissueApplication {
  const fees = defaultReissueConfig('460100').fees;
  const kind = free ? 'hall' : delivery;
  return draftApplication(
    {
      _id: id,
      applicant: { actorOpenid: OWNER, subjectResidentId: 'resident-1', subjectIdIndex: 'idx-1' },
      reason: 'lost',
      delivery: kind === 'mail' ? { kind: 'mail', address: address() } : { kind: 'hall', hallId: HALL },
      issuerDivisionCode: ISSUER,
      fees: feeFor({
        reason: 'lost',
        delivery: kind === 'mail' ? { kind: 'mail', fromDivisionCode: ISSUER, toDistrictCode: '460108' } : { kind: 'hall' },
        lowIncome: free,
        config: fees,
      }),
    },
    now,
  );
}

/**
 * A 2026 National Day in a made-up calendar: 1–7 October off (Thu–Wed), Sunday 27 September and
 * Saturday 10 October worked (调休上班).
 */
export const NATIONAL_DAY: WorkCalendar = calendarFrom({
  holidays: Object.fromEntries(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, '国庆节'])),
  adjustedWorkdays: { '2026-09-27': '国庆节', '2026-10-10': '国庆节' },
});
