import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/**
 * The online-reissue rules of one city (collection `reissue_configs`, one per city). Every field
 * defaults to DOMAIN.md's values, so `ReissueConfig.parse({ cityCode })` is a working config and a
 * city only writes down where its practice differs (Haikou: `photoRule: cardIssuedWithin 5`).
 */

const divisionCode = lazySchema(() => z.string().check(z.regex(/^\d{6}$/, 'GB/T 2260 code, 6 digits')));

/**
 * When the photo on file may be printed on the new card (no visit to take a new one):
 * - `cardIssuedWithin`: the last card was issued at most `years` ago (Haikou: 5);
 * - `photoAgeByValidity`: the photo is at most N years old, N by the validity of the last card
 *   (10/20-year cards: 3, long-term: 5). A 5-year card's photo (taken under 16) is never reused.
 */
export const PhotoRule = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cardIssuedWithin'), years: z.int().check(z.gte(1), z.lte(20)) }),
    z.object({
      kind: z.literal('photoAgeByValidity'),
      maxYears: z.object({
        tenYear: z.int().check(z.gte(0), z.lte(20)),
        twentyYear: z.int().check(z.gte(0), z.lte(20)),
        longTerm: z.int().check(z.gte(0), z.lte(20)),
      }),
    }),
  ]),
);
export type PhotoRule = z.infer<typeof PhotoRule>;

/** Amounts in fen (1 yuan = 100 fen), always integers. */
const fen = lazySchema(() => z.int().check(z.gte(0), z.lte(1_000_000)));

export const FeeConfig = lazySchema(() =>
  z.object({
    /** 补领 (lost) and 换领 (damaged) cost the same under the national price rule: 40 yuan. */
    cardFen: z._default(fen, 4000),
    /** Postage by zone from the issuing authority to the address (one city's postal scheme). */
    postageFen: z.prefault(z.object({ sameCity: z._default(fen, 1500), sameProvince: z._default(fen, 1800), otherProvince: z._default(fen, 2000) }), {}),
    /** Whether this city waives the card fee for residents on minimum living allowance (低保). */
    lowIncomeExemption: z._default(z.boolean(), true),
    /** Whether that exemption also covers postage (no public source says so: off). */
    exemptionCoversPostage: z._default(z.boolean(), false),
  }),
);
export type FeeConfig = z.infer<typeof FeeConfig>;

export const TimeLimitConfig = lazySchema(() =>
  z.object({
    /** Resident Identity Card Law: the card is issued within 60 days of the application. */
    legalDays: z._default(z.int().check(z.gte(1), z.lte(120)), 60),
    /** Remote areas may take up to 30 days more. */
    remoteExtraDays: z._default(z.int().check(z.gte(0), z.lte(30)), 30),
    /** Division code prefixes (2, 4 or 6 digits) of issuing authorities in remote areas. */
    remoteDivisions: z._default(z.array(z.string().check(z.regex(/^(\d{2}|\d{4}|\d{6})$/))), []),
    /**
     * A period whose last day is a rest day or holiday ends on the next working day (民法典 art. 203).
     * Off gives the bare calendar count.
     */
    legalDueMovesToWorkday: z._default(z.boolean(), true),
    /** The city's promise until the card is produced, in working days (local practice 15–25). */
    promisedWorkingDays: z._default(z.int().check(z.gte(1), z.lte(60)), 20),
    /** Review after payment, in working days (1–3 in the published flows). */
    reviewWorkingDays: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
    /** An application left unpaid this many days after submission is cancelled by the system. */
    payWithinDays: z._default(z.int().check(z.gte(1), z.lte(30)), 3),
  }),
);
export type TimeLimitConfig = z.infer<typeof TimeLimitConfig>;

export const ReissueConfig = lazySchema(() =>
  z.object({
    /** The city (prefecture) the rules apply to, e.g. 460100 海口市. */
    cityCode: divisionCode,
    /** Online reissue is for applicants at least this old (younger ones come with a guardian). */
    minAge: z._default(z.int().check(z.gte(0), z.lte(30)), 16),
    photoRule: z._default(PhotoRule, { kind: 'photoAgeByValidity', maxYears: { tenYear: 3, twentyYear: 3, longTerm: 5 } }),
    fees: z.prefault(FeeConfig, {}),
    timeLimits: z.prefault(TimeLimitConfig, {}),
  }),
);
export type ReissueConfig = z.infer<typeof ReissueConfig>;
export type ReissueConfigInput = z.input<typeof ReissueConfig>;

/** The rules with every default, for a city that has written nothing down. */
export function defaultReissueConfig(cityCode: string): ReissueConfig {
  return ReissueConfig.parse({ cityCode });
}
