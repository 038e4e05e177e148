import type { Session } from '../../core/guide/Hall';
import type { Fee, Material, TimeLimit } from '../../core/guide/ServiceGuide';

/** Display formatting only: no rules live here. */

export function formatSessions(sessions: readonly Session[]): string {
  if (sessions.length === 0) return '休息';
  return sessions.map((s) => `${s.start}–${s.end}`).join('  ');
}

const UNIT = { calendar: '日', working: '个工作日' } as const;

export function formatTimeLimit(limit: TimeLimit): { legal: string; promised: string } {
  return {
    legal: limit.legalDays === null ? '无统一规定' : `${limit.legalDays}${UNIT[limit.legalUnit]}`,
    promised:
      limit.promisedDays !== null
        ? `${limit.onTheSpot ? '符合条件的当场办结，其余 ' : ''}${limit.promisedDays}${UNIT[limit.promisedUnit]}`
        : limit.onTheSpot
          ? '当场办结'
          : '以受理时告知为准',
  };
}

export function formatCopies(m: Material): string {
  const parts: string[] = [];
  if (m.originals > 0) parts.push(`原件 ${m.originals} 份`);
  if (m.copies > 0) parts.push(`复印件 ${m.copies} 份`);
  return parts.join(' · ') || '现场采集';
}

export function formatFee(fee: Fee): string {
  if (fee.amountYuan === null) return '以窗口告知为准';
  return fee.amountYuan === 0 ? '免费' : `${fee.amountYuan} 元`;
}

export const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 11-23 周一 */
export function formatDay(date: string, weekday: number): string {
  return `${date.slice(5)} ${WEEKDAY[weekday]}`;
}
