import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import type { AssistedDeps } from '../AssistedDeps';
import { Period } from '../../booking/actions/report';
import { requireLeadOfHall } from '../../identity/hallAccess';
import { requireOpenid } from '../../identity/caller';
import { accountLabel } from '../../identity/accountLabel';
import { periodRange } from '../../statistics/period';
import { assistedByOfficer } from '../../statistics/assistedReport';

const count = () => z.int();

export const assistedReport = defineAction({
  summary:
    "The hall's lead, or an admin (issue 18): the assisted acts of each officer of the hall over a day, week, month or holiday — sessions opened, confirmed and failed, bookings made, cancelled and moved, reissues applied for and materials texted for citizens — counted from the audit log by the database. Officers are named masked.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, period: Period })),
  output: lazySchema(() =>
    z.object({
      hallId: z.string(),
      period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
      officers: z.array(
        z.object({
          officer: z.string(),
          opened: count(),
          confirmed: count(),
          failed: count(),
          reserved: count(),
          cancelled: count(),
          rescheduled: count(),
          reissued: count(),
          materials: count(),
        }),
      ),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'REPORT_PERIOD_UNKNOWN'],
  async run({ hallId, period }, deps: AssistedDeps) {
    requireLeadOfHall(await deps.identities.account(requireOpenid(deps)), hallId);
    const range = periodRange(period, deps.calendar);
    if (!range) throw new DomainError('REPORT_PERIOD_UNKNOWN');
    const rows = assistedByOfficer(await deps.statistics.assistedCounts(hallId, range.from, range.to));
    const officers = await Promise.all(
      rows.map(async ({ officerOpenid, ...counts }) => ({ officer: accountLabel(deps.secrets, officerOpenid, await deps.identities.account(officerOpenid)), ...counts })),
    );
    return { hallId, period: range, officers };
  },
});
