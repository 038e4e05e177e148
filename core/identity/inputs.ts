import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';

/**
 * Input fields shared by identity actions. Only shape and size are checked here; the use cases
 * check the content and answer with specific catalogue errors (NAME_INVALID, ID_NUMBER_INVALID …).
 */
export const NameInput = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(40)));
export const IdNumberInput = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(24)));
export const PhoneInput = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(20)));
export const VerificationIdInput = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)));

// The two patterns live in a zod-free file so client pages check names and phones without zod.
export { CHINESE_NAME, MOBILE } from './inputPatterns';
