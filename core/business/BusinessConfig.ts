import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { DEFAULT_BUSINESS_CONDITIONS } from './conditions';

/**
 * A hall's rules for online business (collection `business_configs`, one per hall id). Every field
 * has a default, so `BusinessConfig.parse({ hallId })` is a working config and a hall writes down
 * only where its practice differs.
 */
export const BusinessConfig = lazySchema(() =>
  z.object({
    hallId: z.string().check(z.minLength(1)),
    /** 户籍类证明 approved by the system when the registry knows the person and every material is there. */
    autoApproveCertificates: z._default(z.boolean(), false),
    /** How long an electronic certificate holds, in days. */
    certificateValidDays: z._default(z.int().check(z.gte(1), z.lte(365)), 90),
    /** How long a permission to move in (准迁证) holds, in days, before any extension. */
    permitValidDays: z._default(z.int().check(z.gte(1), z.lte(365)), 40),
    /** A draft or an unanswered correction lapses after this many days. */
    lapseAfterDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
    conditions: z._default(
      z.object({
        parentsJoinChildren: z.object({ maleMinAge: z.int().check(z.gte(0), z.lte(120)), femaleMinAge: z.int().check(z.gte(0), z.lte(120)) }),
        graduate: z.object({ withinYears: z.int().check(z.gte(0), z.lte(20)) }),
        spouse: z.object({ minMarriageYears: z.int().check(z.gte(0), z.lte(50)) }),
        residencePermit: z.object({ minMonthsResident: z.int().check(z.gte(0), z.lte(120)) }),
        // Added after halls had written their conditions down: theirs read without it get the default.
        residencePermitEndorsement: z._default(
          z.object({ monthsBefore: z.int().check(z.gte(0), z.lte(11)), afterLapse: z.boolean() }),
          DEFAULT_BUSINESS_CONDITIONS.residencePermitEndorsement,
        ),
      }),
      DEFAULT_BUSINESS_CONDITIONS,
    ),
  }),
);
export type BusinessConfig = z.infer<typeof BusinessConfig>;
