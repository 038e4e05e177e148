/**
 * A suggested overbooking factor from a hall's measured no-show rate (issue 16): how many bookings a
 * slot of `capacity` places may take so that, if each booked person comes independently with the
 * measured show rate, more people than places come to at most one slot in twenty (binomial model).
 * Small slots get little or none: with 10 places and 10% no-shows one extra booking already overfills
 * 31% of slots. The rate is taken from concluded appointments (checked in or no-show) only, and no
 * factor is suggested from fewer than MIN_SAMPLE of them.
 */

/** Concluded appointments needed before a rate says anything. */
export const MIN_SAMPLE = 50;
/** The share of slots allowed to get more people than places. */
export const OVERFLOW_RISK = 0.05;
/** Never more than this, whatever the rate (a hall is not an airline). */
export const MAX_FACTOR = 1.5;

export type OverbookingAdvice =
  | { kind: 'suggested'; factor: number; bookingsPerSlot: number; capacity: number; noShowRate: number; sample: number }
  | { kind: 'tooFewConcluded'; sample: number; needed: number };

/** P(X > capacity) for X ~ Binomial(n, q), summed in log space (no overflow for large n). */
export function overflowProbability(n: number, q: number, capacity: number): number {
  if (n <= capacity) return 0;
  if (q >= 1) return 1;
  if (q <= 0) return 0;
  let logChoose = 0; // log C(n, k), k from 0
  let total = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log(n - k + 1) - Math.log(k);
    if (k > capacity) total += Math.exp(logChoose + k * Math.log(q) + (n - k) * Math.log(1 - q));
  }
  return Math.min(1, total);
}

/** The advice for slots of `capacity` places, from `noShow` of `concluded` appointments. */
export function overbookingAdvice(noShow: number, concluded: number, capacity: number): OverbookingAdvice {
  if (concluded < MIN_SAMPLE) return { kind: 'tooFewConcluded', sample: concluded, needed: MIN_SAMPLE };
  const noShowRate = noShow / concluded;
  const show = 1 - noShowRate;
  let bookings = capacity;
  const limit = Math.floor(capacity * MAX_FACTOR);
  while (bookings < limit && overflowProbability(bookings + 1, show, capacity) <= OVERFLOW_RISK) bookings++;
  const factor = capacity > 0 ? Math.floor((bookings / capacity) * 100) / 100 : 1;
  return { kind: 'suggested', factor, bookingsPerSlot: bookings, capacity, noShowRate, sample: concluded };
}
