/**
 * Run as its own Node process by reissueTimeLimits.test.ts (Jest gives each test a copy of
 * process.env, so TZ only changes for real in a separate process). Under several process time
 * zones, prints the deadlines of applications submitted around Shanghai midnight, as JSON.
 */
import { defaultReissueConfig } from '../../../core/reissue/ReissueConfig';
import { deadlines } from '../../../core/reissue/timeLimits';
import { NATIONAL_DAY, draft } from './reissueFixtures';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Kiritimati'];
const INSTANTS = ['2026-09-24T15:59:59Z', '2026-09-24T16:00:00Z', '2026-09-29T16:30:00Z', '2026-03-07T17:00:00Z', '2026-11-01T06:30:00Z'];

export function probe(): Record<string, unknown[]> {
  const config = defaultReissueConfig('460100');
  return Object.fromEntries(
    INSTANTS.map((iso) => {
      const app = { ...draft(), state: 'submitted' as const, submittedAt: new Date(iso) };
      const d = deadlines(app, NATIONAL_DAY, config)!;
      return [iso, [d.submittedOn, d.legalDue, d.promisedDue, d.status(new Date('2026-10-20T16:00:00Z'))]];
    }),
  );
}

if (process.argv[1]?.endsWith('reissueZoneProbe.ts')) {
  const out: Record<string, unknown> = {};
  for (const zone of ZONES) {
    process.env.TZ = zone;
    out[zone] = probe();
  }
  process.stdout.write(JSON.stringify(out));
}
