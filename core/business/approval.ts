import type { BusinessConfig } from './BusinessConfig';
import type { BusinessRecord } from './BusinessDeps';
import { certificateSerial } from './certificate';
import { moveOutDueAt } from './deadlines';
import type { BusinessEventInput } from './fire';
import { trackOf } from './kinds';
import { permitNumber } from './permit';
import type { WorkCalendar } from '../time/WorkCalendar';

const DAY_MS = 86_400_000;

/**
 * What an approval issues, by the business's track: a certificate (serial, validity from the
 * hall's config), a permission to move in with the origin's move-out task (due 5 working days
 * later), or nothing more (the result is handed over).
 */
export function approvalOf(app: BusinessRecord, config: BusinessConfig, now: Date, random: (n: number) => Uint8Array, calendar: WorkCalendar): BusinessEventInput {
  switch (trackOf(app.kind)) {
    case 'certificate':
      return { type: 'approve', certificate: { serial: certificateSerial(random(10)), validUntil: new Date(now.getTime() + config.certificateValidDays * DAY_MS) } };
    case 'migration':
      return {
        type: 'approve',
        permit: {
          number: permitNumber(random(10)),
          validUntil: new Date(now.getTime() + config.permitValidDays * DAY_MS),
          originDivisionCode: app.householdDivisionCode,
          moveOutDueAt: moveOutDueAt(now, calendar),
        },
      };
    default:
      return { type: 'approve' };
  }
}
