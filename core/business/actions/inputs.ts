import * as z from 'zod/mini';
import { lazySchema } from '../../function/lazySchema';

/** Inputs the business actions share, built on first use (core/function/lazySchema.ts). */
export const ApplicationId = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(64)));
/** The application's version the caller decided on (what they saw). */
export const ExpectedVersion = lazySchema(() => z.int().check(z.gte(0)));
/** A reason an officer gives, shown to the citizen. */
export const Reason = lazySchema(() => z.string().check(z.trim(), z.minLength(2), z.maxLength(200)));
export const Day = lazySchema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')));

/** An action on one application, decided on the version the caller saw. */
export const Decided = { applicationId: ApplicationId, expectedVersion: ExpectedVersion };

/** What an officer's action on an application may answer besides its own errors. */
export const OFFICER_ERRORS = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OFFICER_NOT_VERIFIED',
  'APPLICATION_NOT_FOUND',
  'APPLICATION_STATE_CONFLICT',
  'APPLICATION_VERSION_CONFLICT',
  'INVALID_INPUT',
] as const;
