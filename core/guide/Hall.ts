import * as z from 'zod/mini';
import { stableId } from './ServiceGuide';
import { lazySchema } from '../function/lazySchema';

/** A clock time in Asia/Shanghai, HH:mm. */
export const ClockTime = lazySchema(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:mm')));

export const Session = lazySchema(() => z.object({ start: ClockTime, end: ClockTime }).check(z.refine((s) => s.start < s.end, { error: 'a session ends after it starts' })));
export type Session = z.infer<typeof Session>;

/** Regular opening hours for one weekday (1 = Monday … 7 = Sunday). */
export const WeekdayHours = lazySchema(() =>
  z.object({
    weekday: z.int().check(z.gte(1), z.lte(7)),
    sessions: z.array(Session).check(z.minLength(1)),
  }),
);
export type WeekdayHours = z.infer<typeof WeekdayHours>;

/** What a special period is (core/hallDuty/specialHoursRules.ts: a closure has no sessions, the others have some). */
export const SPECIAL_KINDS = ['closed', 'holidayDuty', 'staggered', 'extended'] as const;
export type SpecialKind = (typeof SPECIAL_KINDS)[number];

/**
 * Special hours for a date range (inclusive, YYYY-MM-DD): holiday duty, extended hours,
 * or closure (no sessions). `label` is the note citizens see (春节假期值班); `kind` is set by the
 * mini-program's editor (data files may leave it out).
 */
export const SpecialHours = lazySchema(() =>
  z
    .object({
      from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      to: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      label: z.string().check(z.minLength(1)),
      sessions: z.array(Session),
      kind: z.optional(z.enum(SPECIAL_KINDS)),
    })
    .check(z.refine((s) => s.from <= s.to, { error: 'a period ends on or after it starts' })),
);
export type SpecialHours = z.infer<typeof SpecialHours>;

export const Hall = lazySchema(() =>
  z.object({
    _id: stableId,
    name: z.string().check(z.minLength(2)),
    province: z.string().check(z.minLength(2)),
    city: z.string().check(z.minLength(2)),
    district: z.string().check(z.minLength(2)),
    /** GB/T 2260 code of the district. */
    divisionCode: z.string().check(z.regex(/^\d{6}$/)),
    address: z.string().check(z.minLength(4)),
    /** Public phone number of the hall, e.g. 0898-66668888. */
    phone: z.string().check(z.regex(/^(0\d{2,3}-\d{7,8}|1\d{10}|\d{5})$/)),
    /** Position in its city's list. */
    order: z.int(),
    weeklyHours: z.array(WeekdayHours),
    specialHours: z.array(SpecialHours),
    /** Note on hours shown to citizens (e.g. 节假日值班以公告为准). */
    hoursNote: z.optional(z.string()),
    /** Ids of the service guides this hall handles. */
    services: z.array(stableId).check(z.minLength(1)),
    transport: z.optional(z.string()),
    location: z.optional(z.object({ latitude: z.number(), longitude: z.number() })),
  }),
);
export type Hall = z.infer<typeof Hall>;
