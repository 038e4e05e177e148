/** Patterns of identity inputs, free of zod: the verify page checks with them before sending. */

/**
 * Chinese names as on ID cards, including minority names with the middle dot and rare characters
 * (生僻字) beyond the BMP, CJK Extensions B–H (U+20000–U+323AF), which ID cards print.
 */
export const CHINESE_NAME = /^[\u3400-\u9fff\u{20000}-\u{323af}][\u3400-\u9fff\u{20000}-\u{323af}·•]{0,28}[\u3400-\u9fff\u{20000}-\u{323af}]$/u;
export const MOBILE = /^1[3-9]\d{9}$/;
