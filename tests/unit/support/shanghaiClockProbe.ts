/**
 * Run as its own Node process (`node --import tsx tests/unit/support/shanghaiClockProbe.ts`) by
 * hallHours.test.ts: Jest gives each test a copy of process.env, so TZ can only be changed for
 * real in a separate process. For several process time zones (most with daylight saving), checks
 * that describeHours sees the Asia/Shanghai wall clock (UTC+8) whatever the local zone is.
 * Prints one JSON report on stdout.
 */
import fc from 'fast-check';
import { describeHours } from '../../../core/guide/hallHours';
import type { Hall } from '../../../core/guide/Hall';
import { arbHall, arbInstantFor, atShanghai, hhmm, shanghaiWallClock } from './arbHall';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];

/** Open in alternate hours from 00:00 to 05:00, so being an hour off always flips openNow. */
const nightHall = (hall: Hall): Hall => ({
  ...hall,
  specialHours: [],
  weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    sessions: [
      { start: '00:00', end: '01:00' },
      { start: '02:00', end: '03:00' },
      { start: '04:00', end: '05:00' },
    ],
  })),
});

/** Dates (YYYY-MM-DD, local) on which the process zone changes its UTC offset, 2024–2031. */
function offsetChangeDates(): string[] {
  const out = new Set<string>();
  let prev = new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset();
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 3_600_000) {
    const off = new Date(t).getTimezoneOffset();
    if (off !== prev) {
      // The local calendar date of the change, on both sides of it.
      for (const m of [t - 3_600_000, t]) {
        const d = new Date(m);
        out.add(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
      }
      prev = off;
    }
  }
  return [...out];
}

function check(hall: Hall, instant: Date): void {
  const view = describeHours(hall, instant);
  const wall = shanghaiWallClock(instant);
  if (view.today.date !== wall.date) throw new Error(`date ${view.today.date}, Shanghai ${wall.date}`);
  if (view.today.weekday !== wall.weekday) throw new Error(`weekday ${view.today.weekday}, Shanghai ${wall.weekday}`);
  const open = view.today.sessions.some((s) => s.start <= wall.time && wall.time < s.end);
  if (view.today.openNow !== open) throw new Error(`openNow ${view.today.openNow} at Shanghai ${wall.date} ${wall.time}`);
}

const report: {
  zone: string;
  januaryOffset: number;
  julyOffset: number;
  transitions: number;
  pinned: { date: string; weekday: number; openNow: boolean };
  failure?: string;
}[] = [];

/** Open 03:00–04:00 on Sundays only. */
const earlySunday = (hall: Hall): Hall => ({
  ...hall,
  specialHours: [],
  weeklyHours: [{ weekday: 7, sessions: [{ start: '03:00', end: '04:00' }] }],
});

for (const zone of ZONES) {
  process.env.TZ = zone;
  const transitions = offsetChangeDates();
  const entry: (typeof report)[number] = {
    zone,
    januaryOffset: new Date(Date.UTC(2027, 0, 15)).getTimezoneOffset(),
    julyOffset: new Date(Date.UTC(2027, 6, 15)).getTimezoneOffset(),
    transitions: transitions.length,
    pinned: (({ date, weekday, openNow }) => ({ date, weekday, openNow }))(describeHours(earlySunday(fc.sample(arbHall, 1)[0]), new Date('2027-03-13T18:30:00Z')).today),
  };
  const gapInstants = transitions.length
    ? fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: 0, max: 5 * 60 - 1 })).map(([date, minute]) => atShanghai(date, hhmm(minute)))
    : fc.constant(atShanghai('2027-03-14', '02:30'));
  const details = fc.check(
    fc.property(
      fc.oneof(
        arbHall.chain((hall) => fc.tuple(fc.constant(hall), arbInstantFor(hall))),
        arbHall.chain((hall) => fc.tuple(fc.constant(nightHall(hall)), gapInstants)),
      ),
      ([hall, instant]) => check(hall, instant),
    ),
    { numRuns: 250 },
  );
  if (details.failed) {
    const [, instant] = details.counterexample![0];
    entry.failure = `${instant.toISOString()}: ${String((details.errorInstance as Error)?.message ?? details.errorInstance)}`;
  }
  report.push(entry);
}

process.stdout.write(JSON.stringify(report));
