import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/** A stable, human-readable id: lowercase words joined by dashes, e.g. `id-card-reissue-loss`. */
export const stableId = lazySchema(() => z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'stable id: lowercase words joined by dashes'), z.maxLength(64)));

export const Material = lazySchema(() =>
  z.object({
    /** What to bring, as a citizen would name it: 居民户口簿. */
    name: z.string().check(z.minLength(1)),
    /** Number of originals to show (0 when only copies are needed). */
    originals: z.int().check(z.gte(0)),
    /** Number of photocopies to hand in. */
    copies: z.int().check(z.gte(0)),
    /** False when it is needed only in some cases (then `note` says which). */
    required: z.boolean(),
    note: z.optional(z.string()),
  }),
);
export type Material = z.infer<typeof Material>;

export const Step = lazySchema(() =>
  z.object({
    title: z.string().check(z.minLength(1)),
    detail: z.string().check(z.minLength(1)),
  }),
);
export type Step = z.infer<typeof Step>;

export const Fee = lazySchema(() =>
  z.object({
    item: z.string().check(z.minLength(1)),
    /** Amount in yuan; 0 for a free item; null when it is set locally (then `note` says so). */
    amountYuan: z.nullable(z.number().check(z.gte(0))),
    note: z.optional(z.string()),
  }),
);
export type Fee = z.infer<typeof Fee>;

export const DayUnit = lazySchema(() => z.enum(['calendar', 'working']));
export type DayUnit = z.infer<typeof DayUnit>;

export const TimeLimit = lazySchema(() =>
  z.object({
    /** Done at the window while the citizen waits (当场办结) when the conditions are met. */
    onTheSpot: z.boolean(),
    /** Limit set by law or regulation; null when no national limit is set. */
    legalDays: z.nullable(z.int().check(z.positive())),
    legalUnit: DayUnit,
    /** What the bureau promises (承诺时限); null when it promises none beyond the spot. */
    promisedDays: z.nullable(z.int().check(z.positive())),
    promisedUnit: DayUnit,
    note: z.optional(z.string()),
  }),
);
export type TimeLimit = z.infer<typeof TimeLimit>;

/**
 * The pinyin of one searchable text of a guide (its title or an alias), one toneless syllable per
 * character, computed when guides are imported (server/seed) so the function needs no dictionary.
 */
export const GuidePinyin = lazySchema(() =>
  z.object({
    field: z.enum(['title', 'alias']),
    text: z.string().check(z.minLength(1)),
    syllables: z.array(z.string().check(z.regex(/^[a-z0-9]+$/))).check(z.minLength(1)),
  }),
);
export type GuidePinyin = z.infer<typeof GuidePinyin>;

export const ServiceGuide = lazySchema(() =>
  z.object({
    _id: stableId,
    title: z.string().check(z.minLength(2)),
    /** Other names citizens search by: 迁户口, 补办身份证. */
    aliases: z.array(z.string().check(z.minLength(1))),
    categoryId: stableId,
    /** Position within its category. */
    order: z.int(),
    summary: z.string().check(z.minLength(1)),
    /** Who it is for (适用对象). */
    audience: z.string().check(z.minLength(1)),
    /** Conditions to meet (办理条件). */
    conditions: z.array(z.string().check(z.minLength(1))),
    materials: z.array(Material).check(z.minLength(1)),
    steps: z.array(Step).check(z.minLength(1)),
    /** Empty when the service is free. */
    fees: z.array(Fee),
    timeLimit: TimeLimit,
    /** Can be done entirely online (全程网办). */
    online: z.boolean(),
    /** A hall appointment can be booked for it. */
    bookable: z.boolean(),
    /** Cross-province (跨省通办) item. */
    crossProvince: z.boolean(),
    crossProvinceNote: z.optional(z.string()),
    legalBasis: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** Date the content was last checked, YYYY-MM-DD. */
    reviewedOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    /** Pinyin of the title and aliases, added on import; absent in data/ files. */
    searchPinyin: z.optional(z.array(GuidePinyin)),
  }),
);
export type ServiceGuide = z.infer<typeof ServiceGuide>;

export const GuideCategory = lazySchema(() =>
  z.object({
    _id: stableId,
    name: z.string().check(z.minLength(1)),
    description: z.string().check(z.minLength(1)),
    /** Name of an icon known to the mini-program's icon set. */
    icon: z.string().check(z.minLength(1)),
    order: z.int(),
  }),
);
export type GuideCategory = z.infer<typeof GuideCategory>;
