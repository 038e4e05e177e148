/**
 * Run as its own Node process (`node --import tsx tests/unit/support/bookingZoneProbe.ts <part>`)
 * by slots.test.ts ('slots') and chineseDaysCalendar.test.ts ('calendar'): Jest gives each test a
 * copy of process.env, so TZ can only be changed for real in a separate process. For several
 * process time zones (most with daylight saving, some west of UTC), checks that booking times and
 * the work calendar do not move with the local zone. Prints one JSON report on stdout.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { HallSchedule } from '../../../core/booking/HallSchedule';
import { bookableDates, bookingOpen, cancellationDeadline, checkInWindow, releasedThrough, slotsOn } from '../../../core/booking/slots';
import type { WorkCalendar } from '../../../core/time/WorkCalendar';
import { arbHall, atShanghai, hhmm, isoDate, shanghaiWallClock } from './arbHall';
import { arbCalendar, arbDate, arbSchedule } from './arbSchedule';
import { expectedReleasedThrough, expectedState, expectedDeadline } from './bookingExpectations';

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Pago_Pago',
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const load = createRequire(__filename);

/** Instants near Shanghai midnight, the release time, or a local offset change: where zones go wrong. */
function arbNear(schedule: HallSchedule): fc.Arbitrary<Date> {
  const release = Number(schedule.releaseTime.slice(0, 2)) * 60 + Number(schedule.releaseTime.slice(3));
  return fc.oneof(
    fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
    fc
      .tuple(arbDate, fc.oneof(fc.constantFrom(release, Math.max(0, release - 1), 0, 1439), fc.integer({ min: 0, max: 239 })), fc.constantFrom(0, 59_999, 30_000))
      .map(([date, minute, ms]) => new Date(atShanghai(date, hhmm(minute)).getTime() + ms)),
  );
}

/** Dates (YYYY-MM-DD, local) on which the process zone changes its UTC offset, 2024–2031. */
function offsetChangeDates(): string[] {
  const out = new Set<string>();
  let prev = new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset();
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += HOUR) {
    const off = new Date(t).getTimezoneOffset();
    if (off !== prev) {
      for (const m of [t - HOUR, t]) {
        const d = new Date(m);
        out.add(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
      }
      prev = off;
    }
  }
  return [...out];
}

/**
 * A schedule whose release time is within an hour of an instant at 00:00–04:59 Shanghai time on
 * a day the local zone changes offset: a computation an hour off releases on the wrong side.
 */
function arbGap(transitions: string[]): fc.Arbitrary<[HallSchedule, Date]> {
  if (transitions.length === 0) return arbSchedule.chain((s) => fc.tuple(fc.constant(s), arbNear(s)));
  return fc
    .tuple(arbSchedule, fc.constantFrom(...transitions), fc.integer({ min: 0, max: 5 * 60 - 1 }), fc.integer({ min: -60, max: 60 }))
    .map(([s, date, minute, delta]) => [{ ...s, releaseTime: hhmm(Math.min(1439, Math.max(0, minute + delta))) }, atShanghai(date, hhmm(minute))]);
}

function checkSlots(): string | undefined {
  const transitions = offsetChangeDates();
  const cases = fc.oneof(
    arbSchedule.chain((s) => fc.tuple(fc.constant(s), arbNear(s))),
    arbGap(transitions),
  );
  const details = fc.check(
    fc.property(
      cases.chain(([s, now]) => fc.tuple(fc.constant(s), fc.constant(now), fc.integer({ min: -3, max: 33 }), fc.integer({ min: 0, max: 1439 }))),
      ([schedule, now, ahead, minute]) => {
        const expected = expectedReleasedThrough(schedule, now);
        if (releasedThrough(schedule, now) !== expected) throw new Error(`releasedThrough ${releasedThrough(schedule, now)}, expected ${expected}`);
        const dates = bookableDates(schedule, now);
        if (dates[0] !== shanghaiWallClock(now).date || dates.at(-1) !== expected) throw new Error(`bookableDates ${dates[0]}…${dates.at(-1)}`);
        const slot = { date: isoDate(Date.parse(`${shanghaiWallClock(now).date}T00:00:00Z`) + ahead * DAY), start: hhmm(minute) };
        if (bookingOpen(slot, schedule, now) !== expectedState(schedule, slot, now))
          throw new Error(`bookingOpen ${bookingOpen(slot, schedule, now)} for ${slot.date} ${slot.start}`);
        if (cancellationDeadline(schedule, slot).getTime() !== expectedDeadline(schedule, slot)) throw new Error(`deadline ${cancellationDeadline(schedule, slot).toISOString()}`);
        const start = Date.UTC(+slot.date.slice(0, 4), +slot.date.slice(5, 7) - 1, +slot.date.slice(8), 0, minute) - 8 * HOUR;
        const w = checkInWindow(schedule, slot);
        if (w.from.getTime() !== start - schedule.checkIn.earlyMinutes * 60_000 || w.to.getTime() !== start + schedule.checkIn.lateMinutes * 60_000)
          throw new Error('check-in window');
      },
    ),
    { numRuns: 300 },
  );
  return details.failed ? String((details.errorInstance as Error)?.message ?? details.errorInstance) : undefined;
}

/** Slot generation does not depend on the zone either (it reads dates only through the calendar). */
function slotsFingerprint(): string {
  const samples = fc.sample(fc.tuple(arbHall, arbSchedule, arbDate, arbCalendar), { numRuns: 60, seed: 42 });
  return JSON.stringify(samples.map(([hall, s, date, cal]) => slotsOn(hall, s, date, cal.calendar).map((p) => p.slotId)));
}

type Known = Record<string, { holiday: boolean; adjusted: boolean; name?: string }>;
const KNOWN_DATES = ['2026-10-01', '2026-02-17', '2026-11-28', '2026-10-10', '2026-09-20', '2026-10-03', '2026-11-23', '2025-10-06', '2027-02-05', '2027-04-05', '2027-04-06'];

function calendarPart(): Record<string, unknown> {
  // Loaded afresh in each zone: the package builds its tables when loaded.
  for (const id of Object.keys(load.cache)) if (id.includes('chinese-days') || id.includes('chineseDaysCalendar') || id.includes('chineseAlmanac')) delete load.cache[id];
  const { chineseDaysCalendar } = load('../../../server/time/chineseDaysCalendar') as { chineseDaysCalendar: WorkCalendar };
  const pkg = load('chinese-days') as { getDayDetail(d: string): { date: string; work: boolean; name: string } };
  const known: Known = {};
  for (const d of KNOWN_DATES) {
    known[d] = { holiday: chineseDaysCalendar.isStatutoryHoliday(d), adjusted: chineseDaysCalendar.isAdjustedWorkday(d), name: chineseDaysCalendar.holidayName(d) };
  }
  // The package's own functions, for contrast: which date does it answer for, and does it agree with the adapter?
  let disagreements = 0;
  for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += DAY) {
    const d = isoDate(t);
    const detail = pkg.getDayDetail(d);
    const listed = detail.name.includes(',');
    if (chineseDaysCalendar.isStatutoryHoliday(d) !== (listed && !detail.work) || chineseDaysCalendar.isAdjustedWorkday(d) !== (listed && detail.work)) disagreements++;
  }
  // 2026-11-28 is an ordinary Saturday: the package reads it as the local Friday west of UTC.
  const saturday = pkg.getDayDetail('2026-11-28');
  return { known, packageAnswersFor: pkg.getDayDetail('2026-10-01').date, packageSaturdayIsWorkday: saturday.work, packageDisagreements: disagreements };
}

const part = process.argv[2];
const report: Record<string, unknown>[] = [];
for (const zone of ZONES) {
  process.env.TZ = zone;
  const entry: Record<string, unknown> = {
    zone,
    januaryOffset: new Date(Date.UTC(2027, 0, 15)).getTimezoneOffset(),
    julyOffset: new Date(Date.UTC(2027, 6, 15)).getTimezoneOffset(),
  };
  if (part === 'slots') {
    entry.transitions = offsetChangeDates().length;
    entry.failure = checkSlots();
    entry.fingerprint = slotsFingerprint();
    // 2027-03-13T18:30Z is 02:30 on 2027-03-14 in Shanghai, inside New York's spring-forward gap.
    const at = new Date('2027-03-13T18:30:00Z');
    entry.pinned = [releasedThrough({ bookingWindowDays: 7, releaseTime: '02:00' }, at), releasedThrough({ bookingWindowDays: 7, releaseTime: '03:00' }, at)];
  } else {
    Object.assign(entry, calendarPart());
  }
  report.push(entry);
}
process.stdout.write(JSON.stringify(report));
