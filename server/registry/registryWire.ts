import * as z from 'zod/mini';
import { lazySchema } from '../../core/function/lazySchema';

/**
 * The JSON bodies of the registry gateway (docs/REGISTRY.md), version 1: what the adapter accepts
 * and what the local stand-in writes. Unknown fields are ignored (the bureau may send more).
 */

export const REGISTRY_API = '/v1';

const date = lazySchema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
const personId = lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)));

export const PersonId = personId;

export const MatchRequest = lazySchema(() => z.strictObject({ idNumber: z.string().check(z.regex(/^\d{17}[\dX]$/)), name: z.string().check(z.minLength(1), z.maxLength(64)) }));
export type MatchRequest = z.infer<typeof MatchRequest>;

export const Person = lazySchema(() =>
  z.object({
    personId,
    householdId: z.string().check(z.minLength(1), z.maxLength(64)),
    relationToHead: z.string().check(z.minLength(1), z.maxLength(16)),
    birthDate: date,
    sex: z.enum(['male', 'female']),
    divisionCode: z.string().check(z.regex(/^\d{6}$/)),
    idNumberMasked: z.string().check(z.regex(/^\d{4}\*{10}\d{3}[\dX]$/)),
  }),
);
export type Person = z.infer<typeof Person>;
export const PersonAnswer = lazySchema(() => z.object({ person: Person }));

export const Card = lazySchema(() =>
  z.object({
    /** No card ever issued: status `none`, no issuedOn. */
    status: z.enum(['valid', 'lost', 'expired', 'none']),
    issuedOn: z.optional(z.nullable(date)),
    fingerprintsOnFile: z.boolean(),
    /** ISO 8601 instant of the (first) loss report, when status is `lost`. */
    lostAt: z.optional(z.nullable(z.iso.datetime({ offset: true }))),
    photo: z.object({ onFile: z.boolean(), takenOn: z.optional(z.nullable(date)), reused: z.boolean() }),
  }),
);
export type Card = z.infer<typeof Card>;
export const CardAnswer = lazySchema(() => z.object({ card: Card }));

export const Photo = lazySchema(() =>
  z.object({
    mimeType: z.enum(['image/jpeg', 'image/png', 'image/svg+xml']),
    base64: z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
    takenOn: z.optional(z.nullable(date)),
    /** A drawn stand-in (test systems only), never a real face. */
    sample: z.optional(z.boolean()),
  }),
);
export const PhotoAnswer = lazySchema(() => z.object({ photo: Photo }));

/** Issue 18: the mobile number on file, for an assisted session's code (null: none). */
export const ContactAnswer = lazySchema(() => z.object({ contact: z.object({ mobile: z.nullable(z.string().check(z.regex(/^1[3-9]\d{9}$/))) }) }));

export const LossReportRequest = lazySchema(() =>
  z.strictObject({
    /** The idempotency key: the same requestId always gets the first answer. */
    requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
    reportedAt: z.iso.datetime({ offset: true }),
    channel: z.string().check(z.minLength(1), z.maxLength(32)),
  }),
);
export type LossReportRequest = z.infer<typeof LossReportRequest>;
export const LossReportAnswer = lazySchema(() =>
  z.object({
    lossReport: z.object({ requestId: z.string(), lostAt: z.iso.datetime({ offset: true }), alreadyReported: z.boolean() }),
  }),
);

export const HealthAnswer = lazySchema(() => z.object({ status: z.enum(['ready', 'degraded', 'down']), version: z.optional(z.string().check(z.maxLength(64))) }));

export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'STALE_TIMESTAMP',
  'NONCE_REUSED',
  'FORBIDDEN',
  'PERSON_NOT_FOUND',
  'PHOTO_NOT_FOUND',
  'NO_CARD',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type RegistryErrorCode = (typeof ERROR_CODES)[number];
export const ErrorAnswer = lazySchema(() => z.object({ error: z.object({ code: z.string(), message: z.optional(z.string()) }) }));

/** The status each error code is answered with (docs/REGISTRY.md, "Errors"). */
export const ERROR_STATUS: Record<RegistryErrorCode, number> = {
  INVALID_REQUEST: 400,
  UNKNOWN_KEY: 401,
  BAD_SIGNATURE: 401,
  STALE_TIMESTAMP: 401,
  NONCE_REUSED: 401,
  FORBIDDEN: 403,
  PERSON_NOT_FOUND: 404,
  PHOTO_NOT_FOUND: 404,
  NO_CARD: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
