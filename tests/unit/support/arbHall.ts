import fc from 'fast-check';
import type { Hall, Session, SpecialHours } from '../../../core/guide/Hall';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** HH:mm of a minute of the day. */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The Shanghai wall clock of an instant, computed on its own: UTC+8, no daylight saving. */
export function shanghaiWallClock(instant: Date): { date: string; time: string; weekday: number } {
  const shifted = new Date(instant.getTime() + 8 * HOUR);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: shifted.getUTCDay() || 7 };
}

/** The instant at which the Shanghai wall clock shows `date` (YYYY-MM-DD) and `time` (HH:mm[:ss]). */
export function atShanghai(date: string, time: string): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0–3 sessions in order, not overlapping, ends strictly after starts (as the Hall schema requires). */
export const arbSessions: fc.Arbitrary<Session[]> = fc.uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const out: Session[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: hhmm(sorted[i]), end: hhmm(sorted[i + 1]) });
  return out;
});

const DATE_MIN = Date.UTC(2025, 0, 1);
const DATE_SPAN_DAYS = 4 * 365;

export const arbSpecial: fc.Arbitrary<SpecialHours> = fc
  .record({
    start: fc.integer({ min: 0, max: DATE_SPAN_DAYS }),
    length: fc.integer({ min: 0, max: 12 }),
    label: fc.constantFrom('春节值班', '元旦休息', '延时服务', '临时闭厅', '毕业季延时'),
    sessions: arbSessions,
  })
  .map(({ start, length, label, sessions }) => ({
    from: isoDate(DATE_MIN + start * DAY),
    to: isoDate(DATE_MIN + (start + length) * DAY),
    label,
    sessions,
  }));

/** A hall with arbitrary weekly hours (each weekday at most once, any order) and special periods. */
export const arbHall: fc.Arbitrary<Hall> = fc
  .record({
    weekly: fc.uniqueArray(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), sessions: arbSessions.filter((s) => s.length > 0) }), { maxLength: 7, selector: (w) => w.weekday }),
    special: fc.array(arbSpecial, { maxLength: 6 }),
  })
  .map(({ weekly, special }) => ({
    _id: 'test-hall',
    name: '测试户政大厅',
    province: '海南省',
    city: '海口市',
    district: '龙华区',
    divisionCode: '460106',
    address: '海口市龙华区测试路1号',
    phone: '0898-66666666',
    order: 1,
    weeklyHours: weekly,
    specialHours: special,
    services: ['id-card-renewal'],
  }));

/** Every session boundary of a hall, and the minute before each, as minutes of the day. */
export function boundaryMinutes(hall: Hall): number[] {
  const all = [...hall.weeklyHours.flatMap((w) => w.sessions), ...hall.specialHours.flatMap((s) => s.sessions)];
  const minutes = all.flatMap((s) => [s.start, s.end]).map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
  return [...new Set(minutes.flatMap((m) => [m, Math.max(0, m - 1)]))];
}

/**
 * Instants, many of them on a session boundary (to the second) or in the 00:00–03:59 Shanghai
 * hours, which are where a date or a local daylight-saving gap would go wrong.
 */
export function arbInstantFor(hall: Hall, fromMs = Date.UTC(2000, 0, 1), toMs = Date.UTC(2100, 0, 1)): fc.Arbitrary<Date> {
  const days = Math.floor((toMs - fromMs) / DAY);
  const boundaries = boundaryMinutes(hall);
  const minute = boundaries.length
    ? fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(...boundaries), fc.integer({ min: 0, max: 239 }))
    : fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 239 }));
  return fc.oneof(
    fc.date({ min: new Date(fromMs), max: new Date(toMs), noInvalidDate: true }),
    fc
      .tuple(fc.integer({ min: 0, max: days }), minute, fc.constantFrom(0, 0, 59), fc.constantFrom(0, 999))
      // Shanghai midnight of day `d` is UTC 16:00 of the day before.
      .map(([d, m, s, ms]) => new Date(fromMs + d * DAY - 8 * HOUR + m * 60_000 + s * 1000 + ms)),
  );
}
