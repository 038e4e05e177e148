import type { Hall } from '../guide/Hall';
import type { HallDutyStore } from './ports';
import { withEditedHours } from './hallHoursOverlay';

/**
 * The hall with its special hours as stored now (issue 16: "changes reach availability at once").
 * The guide snapshot a warm instance keeps has them as of its load (up to a minute old); where the
 * hours decide (the slots availability lists, the slot reserve takes), the booking function reads
 * the hall's `hall_hours` document fresh, beside a read it makes anyway, so an edit applies to the
 * next call on every instance.
 */
export async function withFreshHours(deps: { hallDuty: Pick<HallDutyStore, 'hours'> }, hall: Hall): Promise<Hall> {
  return withEditedHours(hall, await deps.hallDuty.hours(hall._id));
}
