import { z } from 'zod';
import type { ErrorCode } from '../errors/catalogue';

/** What every cloud function receives. */
export const FunctionRequest = z.object({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
  /** Client-chosen id that makes a repeatable write idempotent and ties logs together. */
  requestId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
});
export type FunctionRequest = z.infer<typeof FunctionRequest>;

export interface FunctionError {
  code: ErrorCode;
  message: string;
}

/** What every cloud function returns. */
export type FunctionResponse<T> = { ok: true; data: T } | { ok: false; error: FunctionError };
