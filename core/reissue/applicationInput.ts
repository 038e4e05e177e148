import * as z from 'zod';
import { lazySchema } from '../function/lazySchema';

/** How a client names an application: its id, as `newId` makes them (ReissueDeps). */
export const ApplicationId = lazySchema(() =>
  z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
);

/** The version the client decided on (optional): a stale one is refused with REISSUE_VERSION_CONFLICT. */
export const ExpectedVersion = lazySchema(() => z.number().int().min(0).optional());
