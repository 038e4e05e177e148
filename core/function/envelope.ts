import * as z from 'zod';
import type { ErrorCode } from '../errors/catalogue';
import { lazySchema } from './lazySchema';

/** What every cloud function receives. */
export const FunctionRequest = lazySchema(() =>
  z.object({
    action: z.string().min(1).max(64),
    data: z.unknown().optional(),
    /**
     * Client-chosen id, the one idempotency key: a repeatable write (Action.idempotent) runs once per
     * caller and id, bound to the function, action and input (core/function/oncePerRequest.ts). Logged
     * only as a digest.
     */
    requestId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  }),
);
export type FunctionRequest = z.infer<typeof FunctionRequest>;

export interface FunctionError {
  code: ErrorCode;
  message: string;
}

/** What every cloud function returns. */
export type FunctionResponse<T> = { ok: true; data: T } | { ok: false; error: FunctionError };
