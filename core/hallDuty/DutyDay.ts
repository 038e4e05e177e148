import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/**
 * A hall's duty board for one day (collection `duty_rosters`, `_id` = `${hallId}:${date}`): which
 * windows are open, who is on duty at each, and the duty phone. What a hall hangs on its wall, no
 * more: an officer appears by the display name the lead gives (李警官), never by account or
 * identity, so the public read shows exactly what was entered for the public.
 */

/** A phone a citizen may call: landline with area code, mobile, or a short service number. */
export const DUTY_PHONE = /^(0\d{2,3}-\d{7,8}|1\d{10}|\d{5})$/;

export const DutyWindow = lazySchema(() =>
  z.strictObject({
    /** Window number on the hall's floor. */
    window: z.int().check(z.gte(1), z.lte(50)),
    /** Display name shown to citizens, e.g. 李警官. */
    officer: z.string().check(z.trim(), z.minLength(1), z.maxLength(12)),
    /** What the window handles that day, e.g. 身份证. */
    business: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  }),
);
export type DutyWindow = z.infer<typeof DutyWindow>;

export const DutyDayFields = lazySchema(() =>
  z.strictObject({
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    /** The duty phone of the day. */
    phone: z.string().check(z.regex(DUTY_PHONE, '电话格式：区号-号码、11位手机号或5位服务号')),
    windows: z.array(DutyWindow).check(z.maxLength(50)),
    /** A note shown to citizens, e.g. 午间不休. */
    note: z.optional(z.string().check(z.trim(), z.maxLength(60))),
  }),
);
export type DutyDayFields = z.infer<typeof DutyDayFields>;

export interface DutyDay extends DutyDayFields {
  _id: string;
  hallId: string;
  updatedAt: Date;
  updatedBy: string;
}

export function dutyDayId(hallId: string, date: string): string {
  return `${hallId}:${date}`;
}

/** What is wrong with a duty day (empty when it may be saved): a window is listed once. */
export function dutyDayProblems(day: DutyDayFields): string[] {
  const seen = new Set<number>();
  const problems: string[] = [];
  for (const w of day.windows) {
    if (seen.has(w.window)) problems.push(`${w.window}号窗口重复`);
    seen.add(w.window);
  }
  return problems;
}

/** The public board of a day: windows in number order. */
export function dutyBoard(day: Pick<DutyDay, 'date' | 'phone' | 'windows' | 'note'>): DutyDayFields {
  return { date: day.date, phone: day.phone, windows: [...day.windows].sort((a, b) => a.window - b.window), ...(day.note ? { note: day.note } : {}) };
}
