import * as z from 'zod';
import { lazySchema } from '../../function/lazySchema';

/** A consultation's id as the server made it (base64url). */
export const ConsultationId = lazySchema(() =>
  z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
);

/** Text fields take at most twice the rule's length here; the rule (judgeText.ts) counts characters and says why. */
export const Text = (max: number) => lazySchema(() => z.string().max(max * 2));
