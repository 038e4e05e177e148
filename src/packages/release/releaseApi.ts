import type { ApplicationView, DrawView } from '../../../core/fairRelease/views';
import type { Availability } from '../../services/bookingApi';
import { call } from '../../services/api';

export type { ApplicationView, DrawView };

/** A hall-day's draw as its lead and officers see it: the public view, the release time and the applications counted. */
export type LeadDrawView = DrawView & { releaseAt: string; applications: { applied: number; withdrawn: number; placed: number; waiting: number } };

export interface ApplyInput {
  hallId: string;
  date: string;
  business: string;
  preferences: string[];
  group?: string;
  forMemberId?: string;
}

/**
 * Typed calls of the fair release (issue 17, the booking function), kept in this subpackage so the
 * main package does not carry them. Applying and opening take the request id made when the form
 * opened, sent again on retry.
 */
export const releaseApi = {
  draws: (hallId?: string) => call<{ draws: DrawView[] }>('booking', 'releaseDraws', hallId ? { hallId } : {}),
  draw: (hallId: string, date: string) => call<DrawView>('booking', 'releaseDraw', { hallId, date }),
  slots: (hallId: string, business: string, date: string) => call<Availability>('booking', 'availability', { hallId, business, date }),
  apply: (input: ApplyInput, requestId: string) => call<ApplicationView>('booking', 'applyReleaseDraw', input, requestId),
  withdraw: (a: ApplicationView) =>
    call<ApplicationView>('booking', 'withdrawReleaseApplication', { hallId: a.hallId, date: a.date, business: a.business, ...(a.forMemberId && { forMemberId: a.forMemberId }) }),
  mine: () => call<{ applications: ApplicationView[] }>('booking', 'myReleaseApplications'),
  hall: (hallId: string) => call<{ hallId: string; draws: LeadDrawView[] }>('booking', 'hallReleaseDraws', { hallId }),
  open: (input: { hallId: string; date: string; windowMinutes: number; groups: string[] }, requestId: string) => call<LeadDrawView>('booking', 'openReleaseDraw', input, requestId),
  run: (hallId: string, date: string) => call<LeadDrawView>('booking', 'runReleaseDraw', { hallId, date }),
};

/** The groups a hall may give priority to (the names the function shows; ids as core/fairRelease/priorityGroups.ts). */
export const GROUP_CHOICES = [
  { id: 'elderly70', label: '高龄(70岁以上)' },
  { id: 'disabled', label: '残疾人' },
  { id: 'pregnant', label: '孕产妇' },
  { id: 'military', label: '军人军属' },
];

export const PHASE_LABEL: Record<DrawView['phase'], string> = {
  upcoming: '即将开始申请',
  open: '申请中',
  closed: '申请已截止，等待摇号',
  drawing: '摇号中',
  done: '已摇号',
};

export const STATE_LABEL: Record<ApplicationView['state'], string> = {
  applied: '已申请，等待摇号',
  withdrawn: '已撤回',
  placed: '已中签，预约成功',
  waiting: '未中签，已进入候补',
};

/** An ISO instant as Shanghai 'M月D日 HH:mm' (the device may be in another zone). */
export function shanghaiTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** '2026-12-10' → '12月10日'. */
export function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
