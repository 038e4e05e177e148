/**
 * How long a place offered from a waiting list is held for the person offered it (issue 17): each
 * hall's lead sets it (collection `hall_settings`), 30 minutes until they do. Without zod: the lead's
 * page imports it to check the number as the function does.
 */
export const HOLD_MINUTES = { byDefault: 30, min: 10, max: 120 } as const;

/** What is wrong with a hold time the lead typed; undefined when it may be saved. */
export function holdMinutesProblem(minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes < HOLD_MINUTES.min || minutes > HOLD_MINUTES.max) return `保留时长须为${HOLD_MINUTES.min}至${HOLD_MINUTES.max}分钟的整数`;
  return undefined;
}

/** The hold time a hall's settings give (the default when it set none). */
export const holdMinutesOf = (settings: { waitlistHoldMinutes?: number } | null | undefined): number => settings?.waitlistHoldMinutes ?? HOLD_MINUTES.byDefault;
