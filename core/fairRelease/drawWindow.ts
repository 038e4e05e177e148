import { addDays, shanghaiDate, shanghaiInstant } from '../time/shanghai';
import type { HallSchedule } from '../booking/HallSchedule';
import { releasedThrough } from '../booking/slots';

/** How long after the window closes the draw may run: longer than any function runs (an application taken at the last second is stored by then). */
export const DRAW_GRACE_MS = 2 * 60_000;
/** A run's hold on a draw: longer than a function may run (config/functions.ts), so a crashed run's lease ends and the next resumes. */
export const DRAW_LEASE_MS = 90_000;
export const DEFAULT_WINDOW_MINUTES = 60;
export const MIN_WINDOW_MINUTES = 10;
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

/** When a date's places are released to first click: `releaseTime` on the day `bookingWindowDays` before it. */
export function releaseInstant(schedule: Pick<HallSchedule, 'bookingWindowDays' | 'releaseTime'>, date: string): Date {
  return shanghaiInstant(addDays(date, -schedule.bookingWindowDays), schedule.releaseTime);
}

/**
 * What is wrong with opening a draw for `date` with this window, or null: the date must not be
 * released yet (nor past), the window must be in the future and end, with the draw's grace, before
 * the date's release (the places are drawn before anyone could click for them).
 */
export function drawWindowProblem(schedule: Pick<HallSchedule, 'bookingWindowDays' | 'releaseTime'>, date: string, opensAt: Date, closesAt: Date, now: Date): string | null {
  if (date <= shanghaiDate(now)) return '只能为尚未到来的日期设置摇号';
  if (date <= releasedThrough(schedule, now)) return '该日已放号，不能再改为摇号';
  if (opensAt.getTime() < now.getTime() - 60_000) return '申请开始时间不能早于现在';
  if (closesAt.getTime() <= opensAt.getTime()) return '申请截止时间须晚于开始时间';
  const minutes = (closesAt.getTime() - opensAt.getTime()) / 60_000;
  if (minutes < MIN_WINDOW_MINUTES || minutes > MAX_WINDOW_MINUTES) return `申请时长须在${MIN_WINDOW_MINUTES}分钟至7天之间`;
  if (closesAt.getTime() <= now.getTime()) return '申请截止时间已过';
  if (closesAt.getTime() + DRAW_GRACE_MS > releaseInstant(schedule, date).getTime()) return '申请须在该日放号时间前至少2分钟截止';
  return null;
}
