/**
 * The local cloud's clock: real time moved by HUKOU_LOCAL_CLOCK_OFFSET_MS (milliseconds, may be
 * negative), read afresh each time. The functions' clock (server/clock.ts) reads the same variable,
 * so one setting moves everything the local cloud plays together: the functions, the timer
 * triggers, the demo seed and every stand-in (SMS, face verification, payment, courier, reminders).
 */
export function localNow(): number {
  const offset = Number(process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}
