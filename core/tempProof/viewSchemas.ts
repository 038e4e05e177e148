import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/** Output schemas of the temporary-proof actions (views.ts builds the values). */

const holderFields = () => ({
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  photoOnFile: z.boolean(),
  issuedAt: z.string(),
  issuedAtText: z.string(),
  expiresAt: z.string(),
  expiresAtText: z.string(),
});

export const ProofView = lazySchema(() =>
  z.object({
    id: z.string(),
    status: z.enum(['valid', 'expired', 'revoked']),
    statusName: z.string(),
    ...holderFields(),
    faceFresh: z.boolean(),
    faceDueAt: z.string(),
    revokedReason: z.optional(z.enum(['reissued', 'withdrawn'])),
    revokedReasonName: z.optional(z.string()),
  }),
);

export const VerificationView = lazySchema(() =>
  z.object({
    result: z.enum(['valid', 'expired', 'revoked', 'unknown']),
    resultName: z.string(),
    message: z.optional(z.string()),
    holder: z.optional(z.object(holderFields())),
  }),
);

export const CheckView = lazySchema(() =>
  z.object({
    at: z.string(),
    atText: z.string(),
    result: z.enum(['valid', 'expired', 'revoked', 'unknown']),
    resultName: z.string(),
    verifierKind: z.enum(['examHall', 'hotel', 'bank', 'other']),
    verifierKindName: z.string(),
    verifierName: z.optional(z.string()),
    /** The verifier was shown an old code (a screenshot, or a code passed on): told to the holder. */
    staleCode: z.optional(z.literal(true)),
    note: z.optional(z.string()),
  }),
);

export const ProofIdInput = lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{16,43}$/)));
export const VerifyResultInput = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(512)));
