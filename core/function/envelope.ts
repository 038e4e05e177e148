import * as z from 'zod/mini';
import type { ErrorCode } from '../errors/catalogue';
import { lazySchema } from './lazySchema';

/** What every cloud function receives. */
export const FunctionRequest = lazySchema(() =>
  z.object({
    action: z.string().check(z.minLength(1), z.maxLength(64)),
    data: z.optional(z.unknown()),
    /**
     * Client-chosen id, the one idempotency key: a repeatable write (Action.idempotent) runs once per
     * caller and id, bound to the function, action and input (core/function/oncePerRequest.ts). Logged
     * only as a digest.
     */
    requestId: z.optional(z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))),
  }),
);
export type FunctionRequest = z.infer<typeof FunctionRequest>;

export interface FunctionError {
  code: ErrorCode;
  message: string;
}

/** What every cloud function returns. */
export type FunctionResponse<T> = { ok: true; data: T } | { ok: false; error: FunctionError };
