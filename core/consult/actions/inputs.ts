import * as z from 'zod/mini';
import { lazySchema } from '../../function/lazySchema';

/** A consultation's id as the server made it (base64url). */
export const ConsultationId = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));

/** Text fields take at most twice the rule's length here; the rule (judgeText.ts) counts characters and says why. */
export const Text = (max: number) => lazySchema(() => z.string().check(z.maxLength(max * 2)));
