import * as z from 'zod';
import { lazySchema } from '../function/lazySchema';

/**
 * Input fields shared by identity actions. Only shape and size are checked here; the use cases
 * check the content and answer with specific catalogue errors (NAME_INVALID, ID_NUMBER_INVALID …).
 */
export const NameInput = lazySchema(() => z.string().trim().min(1).max(40));
export const IdNumberInput = lazySchema(() => z.string().trim().min(1).max(24));
export const PhoneInput = lazySchema(() => z.string().trim().min(1).max(20));
export const VerificationIdInput = lazySchema(() =>
  z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
);

// The two patterns live in a zod-free file so client pages check names and phones without zod.
export { CHINESE_NAME, MOBILE } from './inputPatterns';
