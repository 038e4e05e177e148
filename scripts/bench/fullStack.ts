/**
 * Part 1: the release-time burst through the whole local stack, as a citizen's phone reaches it:
 * HTTP POST /fn/booking → the bundled function (schema, idempotency record, account, hall,
 * schedule, no-show check) → placeBooking → @cloudbase/node-sdk (signed HTTP) → the database
 * emulator → nedb, all in memory in this process, with 5,000 distinct verified citizens.
 */
import { randomBytes } from 'node:crypto';
import { HallSchedule } from '../../core/booking/HallSchedule';
import { slotsOn, type SlotPlan } from '../../core/booking/slots';
import type { Hall } from '../../core/guide/Hall';
import { addDays, shanghaiInstant } from '../../core/time/shanghai';
import { PERSONA_HEADER } from '../../devcloud/functionGateway';
import { localDatabase } from '../../devcloud/localDatabase';
import { seedLocalCloud } from '../../devcloud/seed/seedLocalCloud';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { getDoc } from '../../server/cloudbase/documents';
import { seedVerifiedCitizens } from '../../devcloud/seed/verifiedCitizens';
import { withBenchCloud } from './benchCloud';
import { countBy, latencyStats, morningSkewedChoices, runBurst, type BurstFigures } from './burst';
import { checkSlots } from './verify';
import { profileWhile } from './cpuProfile';
import { jsonPoster } from './postJson';
import { countRequestsPerAttempt, requestFigures, type RequestFigures } from './requestsPerAttempt';

export interface BurstPlan {
  attempts: number;
  concurrency: number;
  /** Seed of the slot choices (the same draw in every part and every run). */
  seed: number;
}

/** The hall's day the burst is on: its slots as the function plans them. */
export interface BenchDay {
  hallId: string;
  date: string;
  business: string;
  plans: SlotPlan[];
  /** Places of the day (Σ capacity). */
  places: number;
  /** Σ capacity per slot, as `windows × perWindow × (1 − walkInShare)`. */
  settings: string;
}

const HALL = 'shenzhen-futian';
/** A Wednesday with no holiday: Futian opens 09:00–12:00, 12:00–13:30, 14:00–17:30 → 16 slots. */
const DATE = '2026-12-09';
/** 10 windows × 5 people × (1 − 0.5 kept for walk-ins) = 25 places a slot; 16 slots → 400. */
const CAPACITY_SETTINGS = { windows: 10, perWindow: 5, walkInShare: 0.5 };

export interface FullStackRun {
  day: BenchDay;
  figures: BurstFigures;
  seedMs: number;
  logLines: Record<string, number>;
  /** Unexpected failures (INTERNAL answers) by their logged description. */
  failures: Record<string, number>;
  slowWarnings: number;
  socketListenerWarnings: number;
  /** Requests the database emulator answered during the burst (SDK calls of the function). */
  databaseRequests: number;
  /** Of those, requests no attempt could be named for (none expected). */
  unattributedRequests: number;
  /** Database requests per attempt told BOOKED, and per attempt refused with SLOT_FULL. */
  requestsBooked: RequestFigures;
  requestsRefused: RequestFigures;
  /** SLOT_FULL refusals for a slot that still had places once the burst was over (every refusal then is a false one). */
  falseSlotFull: number;
}

let requestCounter = 0;
const requestId = () => `bench${(requestCounter++).toString(36)}${randomBytes(4).toString('hex')}`;

export async function runFullStack(plan: BurstPlan, progress: (line: string) => void): Promise<FullStackRun> {
  return withBenchCloud('functions', async (cloud, quiet) => {
    const seedStarted = Date.now();
    await seedLocalCloud(cloud.url);
    const openids = await seedVerifiedCitizens(cloud.url, 'bench', plan.attempts);
    const seedMs = Date.now() - seedStarted;
    progress(`seeded ${openids.length} verified citizens in ${(seedMs / 1000).toFixed(1)} s`);

    const db = localDatabase(cloud.url);
    await db.collection('hall_schedules').doc(HALL).update(CAPACITY_SETTINGS);
    const schedule = HallSchedule.parse(await getDoc(db, 'hall_schedules', HALL));
    const hall = (await getDoc<Hall>(db, 'halls', HALL))!;
    const plans = slotsOn(hall, schedule, DATE, chineseDaysCalendar);
    const day: BenchDay = {
      hallId: HALL,
      date: DATE,
      business: schedule.businesses[0],
      plans,
      places: plans.reduce((s, p) => s + p.capacity, 0),
      settings: `${plans.length} slots × ${plans[0]?.capacity} places (${schedule.windows} windows × ${schedule.perWindow} × (1 − ${schedule.walkInShare} walk-in))`,
    };

    // The functions' clock: one second after the day is released (release time, bookingWindowDays before).
    const releasedAt = shanghaiInstant(addDays(DATE, -schedule.bookingWindowDays), schedule.releaseTime).getTime() + 1000;
    // Half an hour before the release the hourly openSlots timer has created the day's slots, as deployed (config/functions.ts).
    process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS = String(releasedAt - 30 * 60_000 - Date.now());
    const opened = (await cloud.fireTimer('booking', 'openSlots')) as { ok: boolean };
    const open = (await db.collection('slots').where({ hallId: HALL, date: DATE }).count()).total;
    if (!opened.ok || open !== plans.length) progress(`! openSlots: ${JSON.stringify(opened)}, ${open} of the day's ${plans.length} slots stored`);
    process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS = String(releasedAt - Date.now());

    // Count the SDK's requests reaching the emulator during the burst, per attempt (requestsPerAttempt.ts).
    const counter = countRequestsPerAttempt(cloud);
    const cpuBefore = process.cpuUsage();
    const choices = morningSkewedChoices(plan.attempts, plans.length, plan.seed);
    // `HUKOU_BENCH_PROFILE=burst npm run bench`: a CPU profile of the burst alone (cpuProfile.ts).
    const profiled = process.env.HUKOU_BENCH_PROFILE === 'burst' ? 'burst' : undefined;
    const client = jsonPoster(cloud.url, plan.concurrency);
    const burst = await profileWhile(profiled, () =>
      runBurst(plan.attempts, plan.concurrency, async (i) => {
        const res = await client.post(
          '/fn/booking',
          { [PERSONA_HEADER]: openids[i] },
          { action: 'reserve', data: { hallId: HALL, business: day.business, slotId: plans[choices[i]].slotId }, requestId: requestId() },
        );
        const body = res.body as { ok: boolean; error?: { code: string } };
        return body.ok ? 'BOOKED' : (body.error?.code ?? `HTTP_${res.status}`);
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    client.close();
    counter.stop();
    const outcomes = burst.attempts.map((a) => a.result ?? `THROWN ${a.error instanceof Error ? a.error.message : String(a.error)}`);
    const check = await checkSlots(cloud.database.direct, plans);
    const bookings = outcomes.filter((o) => o === 'BOOKED').length;
    if (check.stored !== bookings) progress(`! ${bookings} callers were told BOOKED but ${check.stored} appointments are stored`);
    return {
      day,
      seedMs,
      logLines: quiet.logLines,
      failures: quiet.failures,
      slowWarnings: quiet.slowWarnings,
      socketListenerWarnings: quiet.socketListenerWarnings,
      databaseRequests: counter.total,
      unattributedRequests: counter.unattributed,
      requestsBooked: requestFigures(outcomes.flatMap((o, i) => (o === 'BOOKED' ? [counter.byAttempt.get(openids[i]) ?? 0] : []))),
      requestsRefused: requestFigures(outcomes.flatMap((o, i) => (o === 'SLOT_FULL' ? [counter.byAttempt.get(openids[i]) ?? 0] : []))),
      falseSlotFull: check.falseRefusals(outcomes.map((o, i) => ({ outcome: o, slotId: plans[choices[i]].slotId }))),
      figures: {
        cpuMs: (cpu.user + cpu.system) / 1000,
        label: 'full local stack',
        attempts: plan.attempts,
        bookings,
        refused: countBy(outcomes.filter((o) => o !== 'BOOKED')),
        overbooked: check.overbooked,
        consistent: check.consistent,
        stats: latencyStats(burst),
      },
    };
  });
}
