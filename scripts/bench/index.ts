/**
 * `npm run bench`: a release-time booking burst, measured three ways (DESIGN.md, "Booking without
 * overbooking"; issue 5, "Proof"):
 *  1. through the full local stack (fullStack.ts): 5,000 distinct verified citizens, one hall's
 *     day of 400 places, 200 requests in flight;
 *  2. the same store work straight on the emulator (storeFloor.ts): the floor to compare with;
 *  3. the two capacity strategies on one hot slot through the SDK (strategies.ts).
 * Overbooking and slot counters are read back from the database after each burst; any overbooking
 * (or a counter that disagrees with the stored appointments) makes the exit status 1.
 * Everything runs in this one process on loopback; the whole bench is bounded by a watchdog.
 */
import os from 'node:os';
import type { BurstFigures } from './burst';
import { runFullStack, type BurstPlan } from './fullStack';
import { quietLogs } from './quiet';
import type { RequestFigures } from './requestsPerAttempt';
import { runStoreFloor } from './storeFloor';
import { runStrategy, type StrategyFigures, type StrategyPlan } from './strategies';

const BURST: BurstPlan = { attempts: 5000, concurrency: 200, seed: 20261209 };
const HOT_SLOT: StrategyPlan = { places: 50, attempts: 1000, concurrency: 100 };
/** The short parts (about 1–10 s each) run this many times, each on a fresh emulator; the median is shown. */
const REPEATS = 3;
const WATCHDOG_MS = 900_000;

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const say = (line = '') => process.stdout.write(`${line}\n`);

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  say(line(header));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => say(line(r)));
}

const refusals = (f: BurstFigures) =>
  Object.entries(f.refused)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ') || 'none';

function burstRow(f: BurstFigures): string[] {
  return [
    f.label,
    String(f.attempts),
    String(f.bookings),
    String(f.overbooked),
    f.consistent ? 'yes' : 'NO',
    num(f.stats.throughput),
    num(f.stats.p50, 1),
    num(f.stats.p99, 1),
    num(f.stats.max, 1),
    num(f.stats.elapsedMs / 1000, 2),
  ];
}

/** Runs `run` `times` times in a row; the run of median throughput, and every run (all are checked). */
async function medianRun<F extends BurstFigures>(times: number, run: () => Promise<F>): Promise<{ median: F; all: F[]; range: string }> {
  const all: F[] = [];
  for (let i = 0; i < times; i++) all.push(await run());
  const sorted = [...all].sort((a, b) => a.stats.throughput - b.stats.throughput);
  return { median: sorted[Math.floor(sorted.length / 2)], all, range: `${num(sorted[0].stats.throughput)}–${num(sorted[sorted.length - 1].stats.throughput)} attempts/s` };
}

async function main(): Promise<number> {
  const cpus = os.cpus();
  say('Booking burst bench');
  say(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}, ${os.platform()} ${os.arch()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  );
  say(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine shows up in every figure)`,
  );
  say('Figures are for comparison on the same machine only (expect ±10–20% run to run); everything runs');
  say('in this one Node process (client, function gateway, function, SDK, emulator) over loopback.');
  say();

  const started = Date.now();
  say(`1. full local stack: ${BURST.attempts} reserve attempts by distinct verified citizens, ${BURST.concurrency} in flight`);
  const full = await runFullStack(BURST, (line) => say(`   ${line}`));
  const { day } = full;
  say(`   ${day.hallId} on ${day.date} (${day.business}): ${day.settings} = ${day.places} places`);
  say(`   slot choice skewed to the morning (weight 0.8^i of slot i, seed ${BURST.seed}); one attempt per citizen`);
  say(
    `   database requests during the burst: ${full.databaseRequests} (${num(full.databaseRequests / BURST.attempts, 1)} per attempt,` +
      ` ${num(full.databaseRequests / (full.figures.stats.elapsedMs / 1000))}/s; not named to an attempt: ${full.unattributedRequests})`,
  );
  say(`   function log lines: ${JSON.stringify(full.logLines)}; SDK slow-request warnings (>3 s): ${full.slowWarnings}`);
  if (Object.keys(full.failures).length) say(`   unexpected failures (INTERNAL answers), by logged error: ${JSON.stringify(full.failures)}`);
  say(`   SDK keep-alive agent saturated (its 100 sockets busy; 'connect' listener warnings): ${full.socketListenerWarnings}`);

  say('2. store floor: the same claims / conditional increment / appointment insert on emulator.direct');
  const floors = await medianRun(REPEATS, () => runStoreFloor(day, BURST));
  const floor = floors.median;
  say(`   median of ${REPEATS} runs on fresh emulators (range ${floors.range})`);

  const perAttempt = (f: BurstFigures) => (f.cpuMs ?? NaN) / f.attempts;
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const reqs = (r: RequestFigures) => `${num(r.mean, 2)} (min ${num(r.min)}, max ${num(r.max)}, ${r.attempts} attempts)`;
  say(`Release burst goals (issue 14), load average now ${load}:`);
  say(`  database requests per refused attempt (SLOT_FULL): ${reqs(full.requestsRefused)}  goal ≤ 4`);
  say(`  database requests per successful attempt:         ${reqs(full.requestsBooked)}  goal ≤ 8`);
  say(
    `  CPU per attempt: full stack ${num(perAttempt(full.figures), 2)} ms, store floor ${num(perAttempt(floor), 3)} ms (median run)` +
      ` → ${num(perAttempt(full.figures) / perAttempt(floor), 1)}× the floor  goal ≤ 30×`,
  );
  say(`  overbooked: ${full.figures.overbooked}; false SLOT_FULL (refused while the slot kept places): ${full.falseSlotFull}  goal 0 and 0`);
  say();
  say(`3. capacity strategies through the SDK: one slot of ${HOT_SLOT.places} places, ${HOT_SLOT.attempts} attempts, ${HOT_SLOT.concurrency} in flight`);
  const quiet = quietLogs();
  const strategyRuns = await (async () => {
    try {
      return {
        conditionals: await medianRun(REPEATS, () => runStrategy('conditional', HOT_SLOT)),
        transactions: await medianRun(REPEATS, () => runStrategy('transaction', HOT_SLOT)),
      };
    } finally {
      quiet.restore();
    }
  })();
  const { conditionals, transactions } = strategyRuns;
  const conditional = conditionals.median;
  const transaction = transactions.median;
  say(`   median of ${REPEATS} runs each on fresh emulators (range (a) ${conditionals.range}, (b) ${transactions.range})`);
  say(`   SDK slow-request warnings (>3 s): ${quiet.slowWarnings}`);
  say();

  const header = ['part', 'attempts', 'bookings', 'overbooked', 'counters ok', 'attempts/s', 'p50 ms', 'p99 ms', 'max ms', 'elapsed s'];
  table(header, [burstRow(full.figures), burstRow(floor)]);
  say();
  for (const f of [full.figures, floor]) say(`refused (${f.label}): ${refusals(f)}`);
  say(
    `ratio full stack / floor: throughput ${num(full.figures.stats.throughput / floor.stats.throughput, 3)}×` +
      ` (floor ${num(floor.stats.throughput / full.figures.stats.throughput, 1)}× the full stack's),` +
      ` p50 ${num(full.figures.stats.p50 / floor.stats.p50, 1)}×`,
  );
  say();

  const strategies: StrategyFigures[] = [conditional, transaction];
  table(
    [...header, 'conflict', 'lost', 'unsold'],
    strategies.map((f) => [...burstRow(f), String(f.conflicted), String(f.lost), String(f.unsold)]),
  );
  say();
  for (const f of strategies) say(`refused (${f.label}): ${refusals(f)}`);
  say(`ratio (b)/(a): throughput ${num(transaction.stats.throughput / conditional.stats.throughput, 2)}×,` + ` p50 ${num(transaction.stats.p50 / conditional.stats.p50, 2)}×`);
  say();
  say(`total ${num((Date.now() - started) / 1000, 1)} s (seeding ${BURST.attempts} citizens: ${num(full.seedMs / 1000, 1)} s)`);

  const all = [full.figures, ...floors.all, ...conditionals.all, ...transactions.all];
  const overbooked = all.filter((f) => f.overbooked > 0);
  const inconsistent = all.filter((f) => !f.consistent);
  for (const f of overbooked) say(`FAIL: ${f.label} overbooked ${f.overbooked} place(s)`);
  for (const f of inconsistent) say(`FAIL: ${f.label}: a slot's counter disagrees with its stored appointments`);
  if (full.falseSlotFull > 0) say(`FAIL: ${full.falseSlotFull} attempt(s) told SLOT_FULL while their slot kept places`);
  if (overbooked.length || inconsistent.length || full.falseSlotFull > 0) return 1;
  say('OK: no overbooking, every slot counter equals its stored appointments');
  return 0;
}

const failed = (e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
};

if (process.argv.slice(2).includes('display')) {
  // `npm run bench -- display`: the hall display's delay after a call (display.ts).
  import('./display').then((m) => m.runDisplay()).then((code) => process.exit(code), failed);
} else if (process.argv.slice(2).includes('scale')) {
  // `npm run bench -- scale`: a year's data (scale.ts); seeding 1M documents outlasts the watchdog.
  import('./scale').then((m) => m.runScale()).then((code) => process.exit(code), failed);
} else {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: gave up after ${WATCHDOG_MS / 1000} s\n`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  main().then((code) => process.exit(code), failed);
}
