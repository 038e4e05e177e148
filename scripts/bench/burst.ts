/**
 * A release-time burst: `attempts` calls kept `concurrency` in flight (a pool: as one finishes the
 * next starts), each timed from its start to its answer, plus the latency figures of the whole.
 * Also the seeded random choices, so every part of the bench draws the same slots run after run.
 */
import { performance } from 'node:perf_hooks';

export interface Timed<T> {
  index: number;
  /** ms from the attempt's start to its answer (waiting for locks and sockets included). */
  ms: number;
  /** ms since the burst started, when the answer came. */
  endedAt: number;
  result?: T;
  error?: unknown;
}

export interface BurstResult<T> {
  attempts: Timed<T>[];
  elapsedMs: number;
}

/** Runs `attempt(0…n-1)` with at most `concurrency` in flight; never rejects (errors are kept per attempt). */
export async function runBurst<T>(n: number, concurrency: number, attempt: (index: number) => Promise<T>): Promise<BurstResult<T>> {
  const attempts: Timed<T>[] = new Array(n);
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < n) {
      const index = next++;
      const t0 = performance.now();
      try {
        const result = await attempt(index);
        const t1 = performance.now();
        attempts[index] = { index, ms: t1 - t0, endedAt: t1 - started, result };
      } catch (error) {
        const t1 = performance.now();
        attempts[index] = { index, ms: t1 - t0, endedAt: t1 - started, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return { attempts, elapsedMs: performance.now() - started };
}

export interface LatencyStats {
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  elapsedMs: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latencyStats(burst: BurstResult<unknown>): LatencyStats {
  const sorted = burst.attempts.map((a) => a.ms).sort((a, b) => a - b);
  return {
    throughput: burst.attempts.length / (burst.elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    elapsedMs: burst.elapsedMs,
  };
}

/** mulberry32: a small seeded generator, so the same seed draws the same slots every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Which slot each of `n` attempts goes for: most people want the first slots of the morning, so
 * slot i is chosen with weight `decay^i` (0.8: the first slot draws ~20%, the last of 16 under 1%).
 */
export function morningSkewedChoices(n: number, slotCount: number, seed: number, decay = 0.8): number[] {
  const weights = Array.from({ length: slotCount }, (_, i) => decay ** i);
  const total = weights.reduce((s, w) => s + w, 0);
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    let r = random() * total;
    for (let i = 0; i < slotCount; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return slotCount - 1;
  });
}

/** `{ code: count }`, largest first, e.g. `SLOT_FULL 4600`. */
export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

/** What each part of the bench reports about one burst. */
export interface BurstFigures {
  label: string;
  attempts: number;
  bookings: number;
  /** Refusals by error code (SLOT_FULL expected); unexpected failures under their own label. */
  refused: Record<string, number>;
  /** Σ over slots of max(0, appointments stored as booked − capacity), read from the database afterwards. */
  overbooked: number;
  /** Every slot's `booked` counter equals its stored booked appointments. */
  consistent: boolean;
  stats: LatencyStats;
  /** CPU time of this process (user + system) during the burst, in ms: every part runs in this one process. */
  cpuMs?: number;
}
