import * as z from 'zod';
import { lazySchema } from '../function/lazySchema';
import { DEFAULT_BUSINESS_CONDITIONS } from './conditions';

/**
 * A hall's rules for online business (collection `business_configs`, one per hall id). Every field
 * has a default, so `BusinessConfig.parse({ hallId })` is a working config and a hall writes down
 * only where its practice differs.
 */
export const BusinessConfig = lazySchema(() =>
  z.object({
    hallId: z.string().min(1),
    /** 户籍类证明 approved by the system when the registry knows the person and every material is there. */
    autoApproveCertificates: z.boolean().default(false),
    /** How long an electronic certificate holds, in days. */
    certificateValidDays: z.number().int().min(1).max(365).default(90),
    /** How long a permission to move in (准迁证) holds, in days, before any extension. */
    permitValidDays: z.number().int().min(1).max(365).default(40),
    /** A draft or an unanswered correction lapses after this many days. */
    lapseAfterDays: z.number().int().min(1).max(365).default(30),
    conditions: z
      .object({
        parentsJoinChildren: z.object({ maleMinAge: z.number().int().min(0).max(120), femaleMinAge: z.number().int().min(0).max(120) }),
        graduate: z.object({ withinYears: z.number().int().min(0).max(20) }),
        spouse: z.object({ minMarriageYears: z.number().int().min(0).max(50) }),
        residencePermit: z.object({ minMonthsResident: z.number().int().min(0).max(120) }),
        // Added after halls had written their conditions down: theirs read without it get the default.
        residencePermitEndorsement: z
          .object({ monthsBefore: z.number().int().min(0).max(11), afterLapse: z.boolean() })
          .default(DEFAULT_BUSINESS_CONDITIONS.residencePermitEndorsement),
      })
      .default(DEFAULT_BUSINESS_CONDITIONS),
  }),
);
export type BusinessConfig = z.infer<typeof BusinessConfig>;
