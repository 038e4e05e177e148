import type { Session, SpecialHours, SpecialKind } from '../../core/guide/Hall';
import type { DutyDayFields } from '../../core/hallDuty/DutyDay';
import type { OfficerView } from '../../core/identity/views';
import { call } from './api';

/** What the `booking` function's hall-duty actions return (core/hallDuty/actions); used by packages/hallAdmin only. */

export interface HallHours {
  hallId: string;
  hallName: string;
  /** Sent back as `expectedVersion` on a save. */
  version: number;
  specialHours: SpecialHours[];
}

export interface SpecialEntry {
  from: string;
  to: string;
  kind: SpecialKind;
  label: string;
  sessions: Session[];
}

export interface DutyRoster {
  hallId: string;
  hallName: string;
  hallPhone: string;
  from: string;
  to: string;
  days: DutyDayFields[];
}

export const hallAdminApi = {
  /** Admin: the officer list (identity), to choose the hall's leads from. */
  officers: () => call<{ officers: OfficerView[] }>('identity', 'officers'),
  setLead: (openid: string, hallId: string, lead: boolean) => call<{ changed: boolean; leads: string[] }>('identity', 'setHallLead', { openid, hallId, lead }),
  hours: (hallId: string) => call<HallHours>('booking', 'hallHours', { hallId }),
  saveSpecial: (hallId: string, entry: SpecialEntry, expectedVersion: number, replacing?: string) =>
    call<HallHours>('booking', 'saveSpecialHours', { hallId, entry, expectedVersion, ...(replacing ? { replacing } : {}) }),
  deleteSpecial: (hallId: string, from: string, expectedVersion: number) => call<HallHours>('booking', 'deleteSpecialHours', { hallId, from, expectedVersion }),
  roster: (hallId: string) => call<DutyRoster>('booking', 'dutyRoster', { hallId }),
  saveDutyDay: (hallId: string, day: DutyDayFields) => call<{ day: DutyDayFields }>('booking', 'saveDutyDay', { hallId, day }),
  deleteDutyDay: (hallId: string, date: string) => call<{ deleted: boolean }>('booking', 'deleteDutyDay', { hallId, date }),
};
