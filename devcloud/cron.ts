/**
 * CloudBase's seven-field cron (second minute hour day month weekday year), as the timer triggers
 * of config/functions.ts are written: numbers, `*`, ranges `a-b`, steps `*\/n` and `a-b/n`, lists
 * `a,b`. Evaluated in UTC, the platform's time. Month and weekday names are not needed here.
 */
const RANGES: readonly [number, number][] = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
  [1970, 2099],
];

function fieldMatches(field: string, value: number, [min, max]: readonly [number, number]): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-');
      from = Number(a);
      to = b === undefined ? (stepText === undefined ? from : max) : Number(b);
    }
    if (![from, to, step].every(Number.isInteger) || step < 1) throw new Error(`unsupported cron field "${field}"`);
    return value >= from && value <= to && (value - from) % step === 0;
  });
}

/** Whether the cron expression fires at this instant (to the second, UTC). */
export function cronMatches(expression: string, at: Date): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`cron "${expression}" needs seven fields`);
  const values = [at.getUTCSeconds(), at.getUTCMinutes(), at.getUTCHours(), at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCDay(), at.getUTCFullYear()];
  return fields.every((f, i) => fieldMatches(f, values[i], RANGES[i]));
}
