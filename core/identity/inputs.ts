import { z } from 'zod';

/**
 * Input fields shared by identity actions. Only shape and size are checked here; the use cases
 * check the content and answer with specific catalogue errors (NAME_INVALID, ID_NUMBER_INVALID …).
 */
export const NameInput = z.string().trim().min(1).max(40);
export const IdNumberInput = z.string().trim().min(1).max(24);
export const PhoneInput = z.string().trim().min(1).max(20);
export const VerificationIdInput = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * Chinese names as on ID cards, including minority names with the middle dot and rare characters
 * (生僻字) beyond the BMP, CJK Extensions B–H (U+20000–U+323AF), which ID cards print.
 */
export const CHINESE_NAME = /^[\u3400-\u9fff\u{20000}-\u{323af}][\u3400-\u9fff\u{20000}-\u{323af}·•]{0,28}[\u3400-\u9fff\u{20000}-\u{323af}]$/u;
export const MOBILE = /^1[3-9]\d{9}$/;
