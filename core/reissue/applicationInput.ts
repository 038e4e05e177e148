import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/** How a client names an application: its id, as `newId` makes them (ReissueDeps). */
export const ApplicationId = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));

/** The version the client decided on (optional): a stale one is refused with REISSUE_VERSION_CONFLICT. */
export const ExpectedVersion = lazySchema(() => z.optional(z.int().check(z.gte(0))));
