import { functions } from '../../config/functions';
import { cronMatches } from '../../devcloud/cron';

test('seven-field cron in UTC: fixed times, steps, ranges and lists', () => {
  expect(cronMatches('0 30 16 * * * *', new Date('2026-03-02T16:30:00Z'))).toBe(true);
  expect(cronMatches('0 30 16 * * * *', new Date('2026-03-02T16:30:01Z'))).toBe(false);
  expect(cronMatches('0 */15 * * * * *', new Date('2026-03-02T10:45:00Z'))).toBe(true);
  expect(cronMatches('0 */15 * * * * *', new Date('2026-03-02T10:50:00Z'))).toBe(false);
  expect(cronMatches('0 0 9-17/4 * * 1-5 *', new Date('2026-03-02T13:00:00Z'))).toBe(true); // Monday
  expect(cronMatches('0 0 9-17/4 * * 1-5 *', new Date('2026-03-01T13:00:00Z'))).toBe(false); // Sunday
  expect(cronMatches('0 0 1,13 * * * *', new Date('2026-03-01T13:00:00Z'))).toBe(true);
  expect(() => cronMatches('0 0 * * *', new Date())).toThrow(/seven fields/);
});

test('every declared trigger parses and fires at least once a day', () => {
  const day = Array.from({ length: 24 * 60 }, (_, m) => new Date(Date.UTC(2026, 2, 2, 0, m, 0)));
  for (const f of functions) for (const t of f.triggers ?? []) expect(day.some((at) => cronMatches(t.cron, at))).toBe(true);
});
